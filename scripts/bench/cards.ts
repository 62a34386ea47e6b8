// npm run bench:cards — the card desk at 1,000,000 cards (BENCH_CARDS), on SQLite and, with
// TEST_MYSQL_URL, on MySQL/MariaDB. The server is the real app in a child process; this process
// generates the load. Each figure is printed with a baseline measured in the same run:
//   (1) the card list, a batch's inactive cards, first page, 8 connections, against the bare
//       page query (the same SQL, no counts, no schemas) served by the same process;
//   (2) two rare filters (a validity date, a card number prefix: counts capped at 10,000) on
//       the same terms;
//   (3) the batch view (GET /api/v1/card-batches/{batch_no}), against the bare batch lookup;
//   (4) a bulk activation of the whole batch: how long it takes, against the database's own
//       limit (the same ledger insert and update as two statements, rolled back), and the worst
//       wait of a probe of /healthz and of a customer's verify every 100 ms while it runs,
//       against the same probes with nothing running.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import type { Knex } from 'knex'
import { freshMysql } from './fresh-mysql.js'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig, type DatabaseConfig } from '../../src/config.js'
import { cardsPage, filteredCards, resolveCardFilter, unreadyBatchIds, type CardSelection } from '../../src/modules/cards/cards.repository.js'
import { findBatch } from '../../src/modules/cards/batches.repository.js'
import { cardPasswordKey, decryptCardPassword } from '../../src/modules/cards/card-secrets.js'
import { isMysql, migrateLatest } from '../../src/shared/db.js'

const N = Number(process.env.BENCH_CARDS ?? 1_000_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 8
const PASSWORD = 'Bench-Admin-2026!'
const self = fileURLToPath(import.meta.url)
const masterKey = Buffer.alloc(32, 9)

function config (database: DatabaseConfig, dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database, publicBaseUrl: 'https://bench.example', masterKey, logLevel: 'warn', captcha: false,
    trustProxy: false, allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR, adminPassword: PASSWORD,
  }
}

/** Child: the real app with 1,000,000 inactive cards and 100 active ones, plus the bare routes. */
async function serve (database: DatabaseConfig, dir: string): Promise<void> {
  const app = await buildApp({ config: config(database, dir), overrides: { batches: { syncLimit: 0, autoRun: false } } })
  await migrateLatest(app.db)
  await app.services.merchants.ensureDefault(PASSWORD)
  const merchant = (await app.services.merchants.findByCode('default'))!
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const product = await app.services.catalog.create(merchant.id, { name: '苹果礼盒' }, actor)
  const big = await app.services.batches.create(merchant.id, { product_ids: [product.id], quantity: N, prefix: 'B', number_length: 10 }, actor)
  const probe = await app.services.batches.create(merchant.id, { product_ids: [product.id], quantity: 100, prefix: 'P', number_length: 6, activate: true }, actor)
  await app.services.batches.runPending()
  const key = cardPasswordKey(masterKey, merchant.id)
  const probeCards = (await app.db('cards').where({ batch_id: (await findBatch(app.db, merchant.id, probe.batch_no))!.id }).limit(20).select('card_no', 'password_enc'))
    .map((r) => [r.card_no, decryptCardPassword(key, r.card_no, r.password_enc)])

  // The bare routes: the page query alone, the batch row alone, the bulk's two statements rolled back.
  app.get('/bench/page', async (req) => {
    const q = req.query as Record<string, string>
    const filter = await resolveCardFilter(app.db, merchant.id, { batch_no: q.batch_no, status: q.status as 'inactive' })
    return { items: await cardsPage(app.db, merchant.id, filter, await unreadyBatchIds(app.db, merchant.id), { limit: 50 }) }
  })
  app.get('/bench/batch', async () => findBatch(app.db, merchant.id, big.batch_no))
  // The plan of each list filter's first page at this size (the index it reads).
  app.get('/bench/plans', async () => {
    const batchId = Number((await findBatch(app.db, merchant.id, big.batch_no))!.id)
    const filters: Record<string, CardSelection> = {
      'none': {}, 'batch': { batch_id: batchId }, 'state': { status: 'active' }, 'batch and state': { batch_id: batchId, status: 'inactive' },
      'serial range': { serial_from: 1000, serial_to: 5000 }, 'distributor': { distributor_id: 1 }, 'card number prefix': { card_no_prefix: 'B000012' },
      'valid on': { valid_on: '2026-12-01' },
    }
    const out: Record<string, string> = {}
    for (const [name, f] of Object.entries(filters)) {
      const { sql, bindings } = filteredCards(app.db, merchant.id, f, []).orderBy('serial').limit(50).toSQL()
      if (isMysql(app.db)) {
        const [rows] = await app.db.raw(`EXPLAIN ${sql}`, bindings as Knex.RawBinding[]) as [Array<{ type: string; key: string | null; rows: number; Extra: string | null }>]
        out[name] = rows.map((r) => `${r.type} ${r.key} rows≈${r.rows} ${r.Extra ?? ''}`).join('; ')
      } else {
        out[name] = (await app.db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.RawBinding[]) as Array<{ detail: string }>).map((r) => r.detail).join('; ')
      }
    }
    return out
  })
  app.post('/bench/bulk', async () => {
    const batch = (await findBatch(app.db, merchant.id, big.batch_no))!
    const start = process.hrtime.bigint()
    await app.db.transaction(async (trx) => {
      await trx.raw(`INSERT INTO card_activities (merchant_id, card_id, card_no, type, actor_type, actor_id, actor_name, from_status, to_status, created_at)
        SELECT merchant_id, id, card_no, 'activate', 'system', NULL, 'bench', status, 'active', ? FROM cards WHERE merchant_id = ? AND batch_id = ? AND status = 'inactive'`, [Date.now(), merchant.id, batch.id])
      await trx('cards').where({ merchant_id: merchant.id, batch_id: batch.id, status: 'inactive' }).update({ status: 'active', updated_at: Date.now() })
      throw new Error('rollback')
    }).catch((err: Error) => { if (err.message !== 'rollback') throw err })
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9 }
  })
  // MySQL: waits (up to 3 minutes) until InnoDB has written its dirty pages and purged old row
  // versions, so the bulk that follows the bare run does not pay for the bare run's rollback.
  app.post('/bench/settle', async () => {
    if (!isMysql(app.db)) return { seconds: 0 }
    const start = performance.now()
    for (;;) {
      const [[dirty]] = await app.db.raw(`SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'`) as [Array<{ Value: string }>]
      const [[history]] = await app.db.raw(`SELECT count FROM information_schema.INNODB_METRICS WHERE name = 'trx_rseg_history_len'`) as [Array<{ count: number }>]
      if ((Number(dirty.Value) < 500 && Number(history?.count ?? 0) < 1000) || performance.now() - start > 180_000) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const [[v]] = await app.db.raw('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool, @@innodb_log_file_size AS redo') as [Array<{ version: string; pool: number; redo: number }>]
    return { seconds: (performance.now() - start) / 1000, server: `${v.version}, buffer pool ${Math.round(Number(v.pool) / 2 ** 20)} MB, redo log ${Math.round(Number(v.redo) / 2 ** 20)} MB` }
  })
  // What the tables take on disk (MySQL: data and indexes, for sizing the buffer pool).
  app.get('/bench/sizes', async () => {
    if (!isMysql(app.db)) return {}
    const [rows] = await app.db.raw(`SELECT table_name AS t, data_length AS d, index_length AS i FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_name IN ('cards', 'card_activities')`) as [Array<{ t: string; d: number; i: number }>]
    return Object.fromEntries(rows.map((r) => [r.t, { data_mb: Math.round(Number(r.d) / 2 ** 20), index_mb: Math.round(Number(r.i) / 2 ** 20) }]))
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } })
  process.stdout.write(`READY ${(app.server.address() as { port: number }).port} ${login.json().token} ${big.batch_no} ${JSON.stringify(probeCards)}\n`)
}

interface Server { child: ChildProcess; url: string; token: string; batchNo: string; probeCards: Array<[string, string]> }

function child (database: DatabaseConfig, dir: string): Promise<Server> {
  const c = spawn(process.execPath, [...process.execArgv, self, '--serve', JSON.stringify(database), dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\d+) (\S+) (\S+) (.+)\n/.exec(out)
      if (m) resolve({ child: c, url: `http://127.0.0.1:${m[1]}`, token: m[2], batchNo: m[3], probeCards: JSON.parse(m[4]) })
    })
    c.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

interface Load { rps: number; p50: number; p99: number; non2xx: number; errors: number }

async function load (s: Server, path: string): Promise<Load> {
  const r = await autocannon({ url: s.url + path, connections: CONNECTIONS, duration: DURATION, headers: { authorization: `Bearer ${s.token}` } })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }
}

async function timed (fn: () => Promise<Response>): Promise<number> {
  const start = performance.now()
  const res = await fn()
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`probe answered ${res.status}`)
  return performance.now() - start
}

/** Probes /healthz and a customer's verify every 100 ms until `done` resolves; the worst waits. */
async function probe (s: Server, done: Promise<unknown>): Promise<{ healthz: number; verify: number; probes: number }> {
  let finished = false
  void done.finally(() => { finished = true })
  const worst = { healthz: 0, verify: 0, probes: 0 }
  let k = 0
  while (!finished) {
    const [card, password] = s.probeCards[k++ % s.probeCards.length]
    const [h, v] = await Promise.all([
      timed(() => fetch(`${s.url}/healthz`)),
      timed(() => fetch(`${s.url}/api/v1/redeem/default/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card_no: card, password }) })),
    ])
    worst.healthz = Math.max(worst.healthz, h)
    worst.verify = Math.max(worst.verify, v)
    worst.probes++
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return worst
}

async function bulk (s: Server): Promise<{ seconds: number; changed: number }> {
  const start = performance.now()
  const res = await fetch(`${s.url}/api/v1/cards/bulk`, {
    method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'activate', target: { filter: { batch_no: s.batchNo } } }),
  })
  let job = await res.json() as { job_no?: string; status?: string; changed: number }
  if (res.status === 202) {
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200))
      job = await (await fetch(`${s.url}/api/v1/card-bulk-jobs/${job.job_no}`, { headers: { authorization: `Bearer ${s.token}` } })).json() as typeof job
    }
  } else if (res.status !== 200) throw new Error(`bulk answered ${res.status} ${JSON.stringify(job)}`)
  return { seconds: (performance.now() - start) / 1000, changed: job.changed }
}

async function run (label: string, database: DatabaseConfig, dir: string): Promise<void> {
  const t0 = performance.now()
  const s = await child(database, dir)
  process.stdout.write(`\n${label}: ${N.toLocaleString('en')} cards generated and served in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  const ms = (n: number) => `${String(n).padStart(5)} ms`
  const line = (name: string, l: Load, base?: Load, target?: string) =>
    `${name.padEnd(22)} ${l.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  non-2xx ${l.non2xx}` +
    (base ? `  p99 ${(l.p99 / Math.max(1, base.p99)).toFixed(2)}× bare` : '') + (target ? `  (${target})` : '')

  const plans = await (await fetch(`${s.url}/bench/plans`)).json() as Record<string, string>
  for (const [name, plan] of Object.entries(plans)) process.stdout.write(`plan ${name.padEnd(19)} ${plan}\n`)
  const query = `batch_no=${s.batchNo}&status=inactive`
  const barePage = await load(s, `/bench/page?${query}`)
  process.stdout.write(line('bare page query', barePage) + '\n')
  const list = await load(s, `/api/v1/cards?${query}`)
  process.stdout.write(line('card list (batch+state)', list, barePage, 'target p99 ≤ 200 ms') + '\n')
  // Two rare filters: a validity date (every card matches; counted up to 10,000) and a card
  // number prefix (10,000 cards: their first page is sorted by serial).
  const validOn = await load(s, '/api/v1/cards?valid_on=2026-12-01')
  process.stdout.write(line('card list (valid on)', validOn, barePage, 'counts capped at 10,000') + '\n')
  const prefix = await load(s, '/api/v1/cards?card_no_prefix=B000012')
  process.stdout.write(line('card list (no. prefix)', prefix, barePage, 'counts capped at 10,000') + '\n')
  const bareBatch = await load(s, '/bench/batch')
  process.stdout.write(line('bare batch lookup', bareBatch) + '\n')
  const view = await load(s, `/api/v1/card-batches/${s.batchNo}`)
  process.stdout.write(line('batch view', view, bareBatch, 'target ≤ 20 ms') + '\n')

  const idle = await probe(s, new Promise((resolve) => setTimeout(resolve, 3000)))
  const bare = await (await fetch(`${s.url}/bench/bulk`, { method: 'POST' })).json() as { seconds: number }
  const settled = await (await fetch(`${s.url}/bench/settle`, { method: 'POST' })).json() as { seconds: number; server?: string }
  const busy = { result: undefined as undefined | { seconds: number; changed: number } }
  const running = bulk(s).then((r) => { busy.result = r })
  const worst = await probe(s, running)
  await running
  const r = busy.result!
  const sizes = await (await fetch(`${s.url}/bench/sizes`)).json() as Record<string, { data_mb: number; index_mb: number }>
  s.child.kill()
  for (const [table, size] of Object.entries(sizes)) process.stdout.write(`size ${table.padEnd(16)} data ${size.data_mb} MB, indexes ${size.index_mb} MB\n`)
  if (settled.server) process.stdout.write(`server                 ${settled.server}; InnoDB settled ${settled.seconds.toFixed(1)} s after the bare run\n`)
  process.stdout.write(`bare bulk statements   ${bare.seconds.toFixed(2).padStart(6)} s  (the database's limit: one INSERT … SELECT and one UPDATE, rolled back)\n`)
  process.stdout.write(`bulk activate          ${r.seconds.toFixed(2).padStart(6)} s  ${Math.round(r.changed / r.seconds).toLocaleString('en')} cards/s  ${(r.seconds / bare.seconds).toFixed(2)}× bare  (${r.changed.toLocaleString('en')} changed; target ${label === 'SQLite' ? '≤ 15 s' : '≤ 20 s'})\n`)
  process.stdout.write(`worst wait meanwhile   /healthz ${worst.healthz.toFixed(0)} ms, verify ${worst.verify.toFixed(0)} ms over ${worst.probes} probes; idle: ${idle.healthz.toFixed(0)} / ${idle.verify.toFixed(0)} ms  (target ≤ 500 ms)\n`)
}

const serveArg = process.argv.indexOf('--serve')
if (serveArg > 0) {
  await serve(JSON.parse(process.argv[serveArg + 1]) as DatabaseConfig, process.argv[serveArg + 2])
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-cards-'))
  try {
    process.stdout.write(`bench:cards — ${N.toLocaleString('en')} cards, ${CONNECTIONS} connections, ${DURATION} s per load\n`)
    if (process.env.BENCH_ONLY !== 'mysql') await run('SQLite', { client: 'sqlite', filename: join(dir, 'kaquan.sqlite') }, dir)
    if (process.env.TEST_MYSQL_URL) await run('MariaDB', await freshMysql('kq_bench_cards'), dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
