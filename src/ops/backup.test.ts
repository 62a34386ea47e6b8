// npm run backup / restore on the embedded SQLite database: a backup taken while customers keep
// redeeming is one consistent instant (every order with its card, nothing half-written), and a
// fresh data folder restored from it serves the same cards, orders and images. An archive made
// under another master key, a database still in use, or an archive with foreign entries are
// refused and change nothing. Always on SQLite (MySQL is backed up with mysqldump).
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ZipArchive } from 'archiver'
import { once } from 'node:events'
import { spawn } from 'node:child_process'
import t from 'tap'
import { buildTestApp } from '../test-support/build-test-app.js'
import { startServerProcess } from '../test-support/processes.js'
import { multipart } from '../test-support/http.js'
import { CONSIGNEE, redeemFixture } from '../test-support/redeem-fixture.js'
import { solidPng } from '../test-support/pickup-server.js'
import { backupSqlite, keyFingerprint, restoreSqlite, type BackupManifest } from './backup.js'

function sqliteFolder (t: { teardown (fn: () => unknown): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-backup-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return { config: { client: 'sqlite' as const, filename: join(dir, 'kaquan.sqlite') }, dir }
}

t.test('a backup under load is one instant, and a restored folder serves the same cards, orders and images', async (t) => {
  const source = sqliteFolder(t)
  const f = await redeemFixture(t, { database: source, quantity: 400 })
  const image = multipart(solidPng(40, 40, [10, 200, 10]), { filename: 'logo.png', contentType: 'image/png' })
  const up = await f.app.inject({ method: 'POST', url: '/api/v1/uploads', payload: image.payload, headers: { ...f.auth(f.token), ...image.headers } })
  t.equal(up.statusCode, 201)
  const imagePath = new URL(up.json().url).pathname

  // A server in its own process takes redemptions, four at a time, while the backup runs in
  // another process (as `npm run backup` beside a running server does).
  const server = await startServerProcess(t, source.config, source.dir)
  let next = 0
  let stop = false
  const redeemed: string[] = []
  const redeemOne = async (card: { card_no: string; password: string }) => {
    const post = (path: string, body: object) => fetch(`${server.url}/api/v1/redeem/default${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const v = await (await post('/verify', { card_no: card.card_no, password: card.password })).json() as { token: string }
    const res = await post('/orders', { token: v.token, product_id: f.apple, consignee: CONSIGNEE })
    if (res.status === 201) redeemed.push(card.card_no)
  }
  // The last card is kept for a check after the restore.
  const load = () => Promise.all([0, 1, 2, 3].map(async () => {
    while (!stop && next < f.cards.length - 1) await redeemOne(f.cards[next++])
  }))
  mkdirSync(join(source.dir, 'backups'))
  const out = join(source.dir, 'backups', 'kaquan.zip')
  const script = join(import.meta.dirname, '..', 'test-support', `backup-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`)
  const child = spawn(process.execPath, [...process.execArgv, script, JSON.stringify({ filename: source.config.filename, dataDir: source.dir, masterKey: f.config.masterKey.toString('base64'), out })], { stdio: ['ignore', 'pipe', 'inherit'] })
  let printed = ''
  let running: Promise<unknown> | undefined
  let before = 0
  child.stdout.on('data', (d: Buffer) => {
    printed += d.toString()
    if (!running && printed.includes('LOADED\n')) { before = redeemed.length; running = load() }
  })
  const [code] = await once(child, 'exit') as [number]
  t.equal(code, 0, 'the backup process succeeded')
  const manifest = JSON.parse(printed.replace('LOADED\n', '')) as BackupManifest
  const after = redeemed.length
  stop = true
  await running
  t.comment(`orders: ${before} before the backup started, ${manifest.tables.orders} in it, ${after} when it ended, ${redeemed.length} in all`)
  t.ok(manifest.tables.orders > before, 'orders made after the backup process started are in it')
  t.ok(after > manifest.tables.orders, 'customers kept redeeming while the backup ran, and what came after its instant is not in it')
  t.equal(manifest.tables.cards, 400)
  t.equal(manifest.uploads, 1)
  t.equal(manifest.master_key_fingerprint, keyFingerprint(f.config.masterKey))
  t.match(manifest.migration, /^\d{14}_.+/)
  t.notOk(readdirSync(join(source.dir, 'backups')).some((n) => n !== 'kaquan.zip'), 'no partial files left behind')

  const target = sqliteFolder(t)
  const r = await restoreSqlite({ archive: out, filename: target.config.filename, dataDir: target.dir, masterKey: f.config.masterKey })
  t.same(r.movedAside, [], 'an empty folder: nothing to move aside')
  const restored = await buildTestApp(t, { database: target, config: { masterKey: f.config.masterKey } })
  const orders = await restored.db('orders').select('order_no', 'card_no')
  t.equal(orders.length, manifest.tables.orders)
  const redeemedCards = await restored.db('cards').where({ status: 'redeemed' }).pluck('card_no')
  t.same([...redeemedCards].sort(), orders.map((o) => o.card_no).sort(), 'every redeemed card has its order and every order its card: one instant')
  const token = await restored.login()
  const list = await restored.app.inject({ url: '/api/v1/orders?limit=100', headers: restored.auth(token) })
  t.equal(list.statusCode, 200, 'the restored folder serves the admin API')
  const unused = f.cards[f.cards.length - 1]
  const v = await restored.app.inject({ method: 'POST', url: '/api/v1/redeem/default/verify', payload: { card_no: unused.card_no, password: unused.password } })
  t.equal(v.statusCode, 200, 'a card not yet redeemed verifies with its password')
  const img = await restored.app.inject({ url: imagePath })
  t.equal(img.statusCode, 200, 'the uploaded image is back')
  t.equal(img.headers['content-type'], 'image/png')
})

t.test('refusals: another master key, a database in use, foreign entries; nothing changes', async (t) => {
  const source = sqliteFolder(t)
  const f = await redeemFixture(t, { database: source, quantity: 3 })
  const out = join(source.dir, 'kaquan.zip')
  await backupSqlite({ filename: source.config.filename, dataDir: source.dir, masterKey: f.config.masterKey, out })

  const target = sqliteFolder(t)
  await t.rejects(restoreSqlite({ archive: out, filename: target.config.filename, dataDir: target.dir, masterKey: Buffer.alloc(32, 1) }), { message: /another master key/ })
  t.notOk(existsSync(target.config.filename), 'nothing restored under the wrong key')

  // The source's server still runs: its WAL file is there.
  t.ok(existsSync(`${source.config.filename}-wal`))
  await t.rejects(restoreSqlite({ archive: out, filename: source.config.filename, dataDir: source.dir, masterKey: f.config.masterKey }), { message: /stop the server first/ })
  t.equal((await f.db('cards').count({ n: '*' }).first())!.n, 3, 'the running database is untouched')

  const evil = join(target.dir, 'evil.zip')
  const zip = new ZipArchive({})
  const file = createWriteStream(evil)
  zip.pipe(file)
  zip.append('{}', { name: 'manifest.json' })
  // (archiver itself strips "../", so this is a foreign name rather than an escape; the restore
  // takes only the names it knows, so an escape would be refused the same way.)
  zip.append('x', { name: '../../etc/kaquan-owned' })
  await Promise.all([zip.finalize(), once(file, 'close')])
  await t.rejects(restoreSqlite({ archive: evil, filename: target.config.filename, dataDir: target.dir, masterKey: f.config.masterKey }), { name: 'BackupError', message: /unexpected entry/ })
  t.notOk(existsSync(join(target.dir, '..', '..', 'etc', 'kaquan-owned')), 'no entry written outside the folder')

  writeFileSync(join(target.dir, 'not-a-zip.zip'), 'hello')
  await t.rejects(restoreSqlite({ archive: join(target.dir, 'not-a-zip.zip'), filename: target.config.filename, dataDir: target.dir, masterKey: f.config.masterKey }))
  await t.rejects(backupSqlite({ filename: join(target.dir, 'missing.sqlite'), dataDir: target.dir, masterKey: f.config.masterKey, out: join(target.dir, 'x.zip') }), { message: /no database/ })

  // Restoring over an existing, stopped installation moves it aside.
  const again = sqliteFolder(t)
  writeFileSync(again.config.filename, 'old database')
  const r = await restoreSqlite({ archive: out, filename: again.config.filename, dataDir: again.dir, masterKey: f.config.masterKey })
  t.equal(r.movedAside.length, 1)
  t.match(r.movedAside[0], /kaquan\.sqlite\.before-restore-/)
  t.ok(existsSync(r.movedAside[0]), 'the old database is kept')
})
