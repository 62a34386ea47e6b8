// npm run bench:generate — 1,000,000 cards (10-digit passwords) through the real service code,
// against two baselines measured in the same run, each in its own process (for peak RSS):
//   (a) the database limit: 1,000,000 precomputed rows, one prepared statement, one transaction;
//   (b) the naive loop: per card a random password, HMAC, AES-GCM and an insert, one after the other.
// With TEST_MYSQL_URL the service run also goes against MySQL/MariaDB, beside that server's own
// limit (a'): 1,000,000 precomputed rows into a fresh database through mysql2 alone, in the
// fastest shape measured (see mysqlPrepared).
import { spawnSync } from 'node:child_process'
import { createCipheriv, createHmac, randomBytes, randomInt } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import type { Knex } from 'knex'
import mysql from 'mysql2'
import type { DatabaseConfig } from '../../src/config.js'
import { freshMysql } from './fresh-mysql.js'
import { systemClock } from '../../src/shared/clock.js'
import { createDb, migrateLatest } from '../../src/shared/db.js'
import { createMerchantsService } from '../../src/modules/merchants/merchants.service.js'
import { createCatalogService } from '../../src/modules/catalog/catalog.service.js'
import { createBatchesService } from '../../src/modules/cards/batches.service.js'

const N = Number(process.env.BENCH_CARDS ?? 1_000_000)
const self = fileURLToPath(import.meta.url)

interface Result { phase: string; seconds: number; rss_mb: number; server?: string }

const silent = { info: () => undefined, error: (o: object, m: string) => console.error(m, o) }

async function service (database: DatabaseConfig): Promise<number> {
  const db = createDb(database)
  await migrateLatest(db)
  const masterKey = randomBytes(32)
  const merchants = createMerchantsService({ db, masterKey, clock: systemClock })
  const m = await merchants.create({ code: 'bench', name: 'bench', admin_username: `bench${Date.now()}`, admin_password: 'Bench-Admin-2026!' })
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const catalog = createCatalogService({ db, clock: systemClock, publicBaseUrl: 'http://localhost' })
  const product = await catalog.create(m.merchant_id, { name: 'bench' }, actor)
  const batches = createBatchesService({ db, clock: systemClock, masterKey, merchants, log: silent, options: { syncLimit: 0, autoRun: false } })
  const start = process.hrtime.bigint()
  const batch = await batches.create(m.merchant_id, { product_ids: [product.id], quantity: N, password_length: 10, prefix: 'B', number_length: 10 }, actor)
  await batches.runPending()
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const done = await batches.get(m.merchant_id, batch.batch_no)
  if (done.status !== 'ready' || done.counts!.total !== N) throw new Error(`batch not complete: ${JSON.stringify(done)}`)
  await batches.close()
  await db.destroy()
  return seconds
}

const COLUMNS = ['merchant_id', 'batch_id', 'serial', 'card_no', 'password_hash', 'password_enc', 'product_set_id', 'face_value',
  'valid_from', 'valid_to', 'status', 'status_before_void', 'distributor_id', 'remark', 'redeemed_at', 'created_at', 'updated_at']

/** A migrated database with one merchant, product set and (ready) batch for the precomputed rows. */
async function freshSchema (database: DatabaseConfig): Promise<void> {
  const db: Knex = createDb(database)
  await migrateLatest(db)
  const m = await createMerchantsService({ db, masterKey: randomBytes(32), clock: systemClock })
    .create({ code: 'bench', name: 'bench', admin_username: 'bench', admin_password: 'Bench-Admin-2026!' })
  const now = Date.now()
  const [setId] = await db('product_sets').insert({ merchant_id: m.merchant_id, signature: 'x', created_at: now })
  await db('card_batches').insert({
    merchant_id: m.merchant_id, batch_no: 'B1', name: 'b', prefix: 'B', number_length: 10, number_mode: 'sequential', password_length: 10,
    password_charset: 'digits', quantity: N, product_set_id: setId, status: 'ready', serial_from: 1, serial_to: N, created_at: now, updated_at: now,
  })
  // row() below writes ids 1: a fresh database gives them.
  if (m.merchant_id !== 1 || Number(setId) !== 1) throw new Error('bench: expected a fresh database')
  await db.destroy()
}

async function freshSqlite (file: string): Promise<Database.Database> {
  await freshSchema({ client: 'sqlite', filename: file })
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('foreign_keys = ON')
  return raw
}

function row (i: number, hash: string, enc: string, now: number): unknown[] {
  return [1, 1, i + 1, 'B' + String(i + 1).padStart(10, '0'), hash, enc, 1, null, null, null, 'inactive', null, null, null, null, now, now]
}

async function prepared (dir: string): Promise<number> {
  const raw = await freshSqlite(join(dir, 'prepared.sqlite'))
  const hash = 'a'.repeat(64)
  const enc = Buffer.alloc(39, 1).toString('base64')
  const now = Date.now()
  const rows = Array.from({ length: N }, (_, i) => row(i, hash, enc, now))
  const stmt = raw.prepare(`INSERT INTO cards (${COLUMNS.join(',')}) VALUES (${COLUMNS.map(() => '?').join(',')})`)
  const start = process.hrtime.bigint()
  raw.transaction(() => { for (const r of rows) stmt.run(r) })()
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  raw.close()
  return seconds
}

// The fastest plain shape measured on MariaDB 10.11 (200,000 rows, medians of 3): multi-row
// prepared inserts with the columns every row shares written as literals and four bound per
// row, 2,000 rows a statement, one transaction per 20,000 rows. Text inserts of the same rows
// (VALUES ?, 1,000 rows) cost the server about a third more CPU.
const MYSQL_ROWS = 2000
const MYSQL_CHUNK = 20_000

let server: string | undefined

async function mysqlPrepared (): Promise<number> {
  const database = await freshMysql()
  await freshSchema(database)
  const conn = mysql.createConnection({ uri: database.url, charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true })
  const run = (f: (cb: (err: Error | null) => void) => void) => new Promise<void>((resolve, reject) => f((err) => (err ? reject(err) : resolve())))
  // Printed with the figure: the 1,000,000 cards take about 480 MB with their indexes, and a
  // buffer pool that holds them took this phase from 34.7 s to 23.5 s on MariaDB 10.11 (one run
  // each, 128 MB → 1 GB); innodb_flush_log_at_trx_commit = 2 changed nothing at 50 commits.
  const [settings] = await new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
    conn.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool, @@innodb_log_file_size AS log, @@innodb_flush_log_at_trx_commit AS flush',
      (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, unknown>>))))
  const mb = (v: unknown) => `${Math.round(Number(v) / 1048576)} MB`
  server = `${String(settings.v)}, buffer pool ${mb(settings.pool)}, redo log ${mb(settings.log)}, flush_log_at_trx_commit ${String(settings.flush)}`
  const hash = 'a'.repeat(64)
  const enc = Buffer.alloc(39, 1).toString('base64')
  const now = Date.now()
  const bound = new Set(['serial', 'card_no', 'password_hash', 'password_enc'])
  const first = row(0, hash, enc, now)
  const tuple = `(${COLUMNS.map((c, k) => (bound.has(c) ? '?' : conn.escape(first[k]))).join(',')})`
  const params: unknown[][] = []
  for (let i = 0; i < N; i += MYSQL_ROWS) {
    const p: unknown[] = []
    for (let k = i; k < Math.min(N, i + MYSQL_ROWS); k++) p.push(k + 1, 'B' + String(k + 1).padStart(10, '0'), hash, enc)
    params.push(p)
  }
  const statements = new Map<number, mysql.PrepareStatementInfo>()
  for (const p of params) {
    const n = p.length / bound.size
    if (!statements.has(n)) {
      const sql = `INSERT INTO cards (${COLUMNS.join(',')}) VALUES ${Array(n).fill(tuple).join(',')}`
      statements.set(n, await new Promise((resolve, reject) => conn.prepare(sql, (err, stmt) => (err ? reject(err) : resolve(stmt)))))
    }
  }
  const start = process.hrtime.bigint()
  for (let s = 0; s < params.length; s += MYSQL_CHUNK / MYSQL_ROWS) {
    await run((cb) => conn.query('BEGIN', cb))
    for (const p of params.slice(s, s + MYSQL_CHUNK / MYSQL_ROWS)) await run((cb) => statements.get(p.length / bound.size)!.execute(p, cb))
    await run((cb) => conn.query('COMMIT', cb))
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  await run((cb) => conn.end(cb))
  return seconds
}

async function naive (dir: string): Promise<number> {
  const raw = await freshSqlite(join(dir, 'naive.sqlite'))
  const pepper = randomBytes(32)
  const key = randomBytes(32)
  const now = Date.now()
  const stmt = raw.prepare(`INSERT INTO cards (${COLUMNS.join(',')}) VALUES (${COLUMNS.map(() => '?').join(',')})`)
  const start = process.hrtime.bigint()
  raw.transaction(() => {
    for (let i = 0; i < N; i++) {
      const cardNo = 'B' + String(i + 1).padStart(10, '0')
      let password = ''
      for (let k = 0; k < 10; k++) password += String(randomInt(10))
      const hash = createHmac('sha256', pepper).update(cardNo + password).digest('hex')
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      c.setAAD(Buffer.from(cardNo))
      const ct = Buffer.concat([c.update(password), c.final()])
      const enc = Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), ct]).toString('base64')
      stmt.run(row(i, hash, enc, now))
    }
  })()
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  raw.close()
  return seconds
}

async function runPhase (phase: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-'))
  let seconds: number
  try {
    if (phase === 'service-sqlite') seconds = await service({ client: 'sqlite', filename: join(dir, 'service.sqlite') })
    else if (phase === 'service-mysql') seconds = await service(await freshMysql())
    else if (phase === 'prepared-mysql') seconds = await mysqlPrepared()
    else if (phase === 'prepared') seconds = await prepared(dir)
    else seconds = await naive(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const result: Result = { phase, seconds, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), server }
  process.stdout.write(JSON.stringify(result) + '\n')
}

function child (phase: string): Result {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--phase', phase], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`${phase} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!)
}

const phaseArg = process.argv.indexOf('--phase')
if (phaseArg > 0) {
  await runPhase(process.argv[phaseArg + 1])
} else {
  const line = (r: Result, base?: Result) =>
    `${r.phase.padEnd(16)} ${r.seconds.toFixed(2).padStart(7)} s ${Math.round(N / r.seconds).toString().padStart(9)} cards/s  peak RSS ${String(r.rss_mb).padStart(4)} MB` +
    (base ? `  ${(r.seconds / base.seconds).toFixed(2)}× ${base.phase}` : '')
  process.stdout.write(`bench:generate — ${N.toLocaleString('en')} cards, 10-digit passwords\n`)
  const prep = child('prepared')
  process.stdout.write(line(prep) + '   (a) database limit\n')
  const nv = child('naive')
  process.stdout.write(line(nv, prep) + '   (b) naive per-card loop\n')
  const svc = child('service-sqlite')
  process.stdout.write(line(svc, prep) + `  ${(nv.seconds / svc.seconds).toFixed(2)}× faster than naive  target ≤ 15 s, ≤ 512 MB\n`)
  if (process.env.TEST_MYSQL_URL) {
    const myPrep = child('prepared-mysql')
    process.stdout.write(line(myPrep) + `   (a') MySQL/MariaDB limit (${myPrep.server})\n`)
    const my = child('service-mysql')
    process.stdout.write(line(my, myPrep) + '  target ≥ 60,000 cards/s\n')
  }
}
