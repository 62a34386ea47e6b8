// npm run bench:vouchers — stored-value voucher debits per second through the signed open API,
// 64 connections, against the pickup redemption in the same run and on the same server:
//   debit      = POST /open/v1/vouchers/{card_no}/debits (number + password), signed: one call;
//   hold+capt. = POST …/holds then POST /open/v1/holds/{hold_no}/capture, both signed (printed
//                beside it: a checkout that waits for its own payment);
//   redemption = POST /open/v1/redemptions (number + password), signed — the open API's pickup
//                redemption, the baseline.
// Goal: debits/s ≥ 0.8× redemptions/s, and a debit's p99 ≤ 50 ms.
// After a warm-up of each, BENCH_ROUNDS (5) rounds alternate the three loads, so that whatever else
// the machine does weighs on both; the ratio is of the totals, with the rounds' spread.
// Debits are spread round-robin over BENCH_VOUCHERS vouchers (2,000 of 1,000 yuan, debits of
// 1 yuan: throughput); BENCH_VOUCHERS=4 measures contention on a few rows (where more than 5
// verifies of one number in flight from one app meet the guessing guard: 423 card_locked, listed
// as refused). After the run, every voucher's balance is checked against face value − captured −
// still held (a SELECT) and against its ledger; the holds still held are the rounds' last ones,
// whose capture the round's request budget did not send.
// SQLite by default; with TEST_MYSQL_URL, MySQL/MariaDB too (BENCH_ONLY=mysql: that alone).
// BENCH_DEBITS, BENCH_REDEMPTIONS (10,000 each), BENCH_WARMUP (1,000 of each), BENCH_ROUNDS (5).
// BENCH_PROFILE=1 writes the server's CPU profile to /tmp/vprof.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { freshMysql } from './fresh-mysql.js'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig, type DatabaseConfig } from '../../src/config.js'
import { signRequest } from '../../src/modules/open/client.js'
import { findBatch } from '../../src/modules/cards/batches.repository.js'
import { cardPasswordKey, decryptCardPassword } from '../../src/modules/cards/card-secrets.js'
import { ledgerMismatches } from '../../src/modules/cards/vouchers.repository.js'
import { migrateLatest } from '../../src/shared/db.js'
import type { Clock } from '../../src/shared/clock.js'

const CONNECTIONS = 64
const VOUCHERS = Number(process.env.BENCH_VOUCHERS ?? 2_000)
const DEBITS = Number(process.env.BENCH_DEBITS ?? 10_000)
const REDEMPTIONS = Number(process.env.BENCH_REDEMPTIONS ?? 10_000)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const AMOUNT = 100 // fen: 1 yuan a debit
// 1,000 yuan each, or more when a few vouchers have to carry every debit of the run (contention).
const FACE_VALUE = Math.max(100_000, Math.ceil((DEBITS + WARMUP + (ROUNDS + 1) * CONNECTIONS) * 1.2 / VOUCHERS) * AMOUNT)
const PICKUP_CARDS = REDEMPTIONS + WARMUP + (ROUNDS + 1) * (CONNECTIONS + ROUNDS)
const PASSWORD = 'Bench-Admin-2026!'
const self = fileURLToPath(import.meta.url)
const masterKey = Buffer.alloc(32, 7)
const consignee = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

function config (database: DatabaseConfig, dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database, publicBaseUrl: 'http://localhost', masterKey, logLevel: 'warn', captcha: false,
    trustProxy: false, allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR, adminPassword: PASSWORD,
  }
}

interface Setup { url: string; appKey: string; secret: string; productId: number; vouchers: Array<[string, string]>; pickup: Array<[string, string]> }

/**
 * Child: the real app. The cards are made and activated on a clock a day behind, so the
 * vouchers (valid from the day after activation) are usable today; then the clock is the real one.
 */
async function serve (database: DatabaseConfig, dir: string): Promise<void> {
  let offset = -24 * 3600 * 1000
  const clock: Clock = { now: () => new Date(Date.now() + offset) }
  const app = await buildApp({ config: config(database, dir), overrides: { clock, batches: { syncLimit: 0, autoRun: false }, cards: { inlineLimit: 1_000_000 } } })
  await migrateLatest(app.db)
  await app.services.merchants.ensureDefault(PASSWORD)
  const merchant = (await app.services.merchants.findByCode('default'))!
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const product = await app.services.catalog.create(merchant.id, { name: '苹果礼盒' }, actor)
  const pickup = await app.services.batches.create(merchant.id, { product_ids: [product.id], quantity: PICKUP_CARDS, activate: true, prefix: 'P', number_length: 8 }, actor)
  const vouchers = await app.services.batches.create(merchant.id, { kind: 'stored_value', face_value: FACE_VALUE, valid_days: 365, quantity: VOUCHERS, prefix: 'SV', number_length: 8 }, actor)
  await app.services.batches.runPending()
  const activated = await app.services.cards.bulk(merchant.id, { action: 'activate', target: { filter: { batch_no: vouchers.batch_no } } }, actor)
  if (!('changed' in activated) || activated.changed !== VOUCHERS) throw new Error(`activation: ${JSON.stringify(activated)}`)
  offset = 0
  const voucherBatchId = Number((await findBatch(app.db, merchant.id, vouchers.batch_no))!.id)
  const pickupBatchId = Number((await findBatch(app.db, merchant.id, pickup.batch_no))!.id)
  const key = cardPasswordKey(masterKey, merchant.id)
  const secrets = async (batchId: number) => (await app.db('cards').where({ batch_id: batchId }).orderBy('serial').select('card_no', 'password_enc'))
    .map((r): [string, string] => [r.card_no, decryptCardPassword(key, r.card_no, r.password_enc)])
  const created = await app.services.apps.create(merchant.id, { name: 'bench', scopes: ['redeem', 'vouchers:read', 'vouchers:pay'], rate_limit: 10_000 }, actor, [])

  // The SQL statements sent through knex (BEGIN and COMMIT among them; not SQLite's batched nonce
  // inserts, which go to the connection directly), read around each load.
  let statements = 0
  app.db.on('query', () => { statements++ })
  // And the server's CPU time: per operation, it weighs the two paths even on a machine whose
  // other work moves the throughputs (not the database's: on MySQL that is another process).
  app.get('/bench/counters', async () => {
    const cpu = process.cpuUsage()
    return { statements, cpu_ms: (cpu.user + cpu.system) / 1000 }
  })
  // After the run: every voucher's balance against its face value less what its holds took.
  app.get('/bench/verify', async () => {
    const rows = await app.db('cards as c')
      .leftJoin('voucher_holds as h', 'h.card_id', 'c.id')
      .where('c.batch_id', voucherBatchId)
      .groupBy('c.id', 'c.face_value', 'c.balance')
      .select('c.id', 'c.face_value', 'c.balance',
        app.db.raw("COALESCE(SUM(CASE WHEN h.status = 'captured' THEN h.amount - h.refunded ELSE 0 END), 0) AS captured"),
        app.db.raw("COALESCE(SUM(CASE WHEN h.status = 'held' THEN h.amount ELSE 0 END), 0) AS held"),
        app.db.raw("COALESCE(SUM(CASE WHEN h.status = 'captured' THEN 1 ELSE 0 END), 0) AS captures"))
    let captured = 0; let held = 0; let captures = 0; let mismatched = 0; let debited = 0
    for (const r of rows as Array<Record<string, number | string>>) {
      captured += Number(r.captured); held += Number(r.held); captures += Number(r.captures)
      if (Number(r.captured) > 0) debited++
      if (Number(r.balance) !== Number(r.face_value) - Number(r.captured) - Number(r.held)) mismatched++
    }
    return { vouchers: rows.length, debited, captures, captured, held, mismatched, ledger: (await ledgerMismatches(app.db, merchant.id)).length }
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const setup: Setup = {
    url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, appKey: created.app_key, secret: created.app_secret,
    productId: product.id, vouchers: await secrets(voucherBatchId), pickup: await secrets(pickupBatchId),
  }
  const file = join(dir, `setup-${process.pid}.json`)
  writeFileSync(file, JSON.stringify(setup))
  process.stdout.write(`READY ${file}\n`)
}

function child (database: DatabaseConfig, dir: string): Promise<{ child: ChildProcess; setup: Setup }> {
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/vprof'] : []
  const c = spawn(process.execPath, [...process.execArgv, ...prof, self, '--serve', JSON.stringify(database), dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\S+)\n/.exec(out)
      if (m) resolve({ child: c, setup: JSON.parse(readFileSync(m[1], 'utf8')) as Setup })
    })
    c.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

/** One load's answers: the latencies of what succeeded, how long it took, what failed. */
interface Sample { latencies: number[]; seconds: number; failed: number; errors: number; codes: Record<string, number>; client_ms: number }
interface Figures { ops: number; per_s: number; p50: number; p99: number; failed: number; errors: number; client_ms: number }

function merge (samples: Sample[]): Sample {
  const codes: Record<string, number> = {}
  for (const x of samples) for (const [k, n] of Object.entries(x.codes)) codes[k] = (codes[k] ?? 0) + n
  const sum = (f: (x: Sample) => number) => samples.reduce((n, x) => n + f(x), 0)
  return { latencies: samples.flatMap((x) => x.latencies), seconds: sum((x) => x.seconds), failed: sum((x) => x.failed), errors: sum((x) => x.errors), codes, client_ms: sum((x) => x.client_ms) }
}

function figures (x: Sample): Figures {
  const sorted = [...x.latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN
  return { ops: sorted.length, per_s: sorted.length / x.seconds, p50: at(0.5), p99: at(0.99), failed: x.failed, errors: x.errors, client_ms: x.client_ms / Math.max(1, sorted.length) }
}

function signed (s: Setup, method: string, path: string, body?: string): Record<string, string> {
  return { ...signRequest({ appKey: s.appKey, appSecret: s.secret, method, pathWithQuery: path, body }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
}

const tally = (codes: Record<string, number>, what: string, status: number, body: string) => {
  let code = ''
  try { code = (JSON.parse(body) as { code?: string }).code ?? '' } catch { /* not JSON */ }
  const k = `${what} ${status}${code ? ' ' + code : ''}`
  codes[k] = (codes[k] ?? 0) + 1
}

/** Where each load goes on from: a run may start a few requests past its amount (the spare cards). */
const cursor = { pickup: 0, debit: 0 }

/** `count` signed redemptions, each of a fresh pickup card. */
async function redemptions (s: Setup, count: number, tag: string): Promise<Sample> {
  const latencies: number[] = []
  const codes: Record<string, number> = {}
  let failed = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  const r = await autocannon({
    url: s.url, connections: Math.min(CONNECTIONS, count), amount: count,
    requests: [{
      method: 'POST', path: '/open/v1/redemptions',
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const n = cursor.pickup++
        const [cardNo, password] = s.pickup[n % s.pickup.length]
        const body = JSON.stringify({ out_order_no: `${tag}${n}`, card_no: cardNo, password, product_id: s.productId, consignee })
        ctx.t0 = performance.now()
        return { ...req, headers: signed(s, 'POST', '/open/v1/redemptions', body), body }
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        if (status === 201) latencies.push(performance.now() - (ctx.t0 as number))
        else { failed++; tally(codes, 'redeem', status, body) }
      },
    }],
  } as unknown as autocannon.Options)
  const used = process.cpuUsage(cpu)
  return { latencies, seconds: (performance.now() - start) / 1000, failed, errors: r.errors, codes, client_ms: (used.user + used.system) / 1000 }
}

/** `count` one-call debits (POST …/debits, AMOUNT each), round-robin over the vouchers. */
async function debits (s: Setup, count: number, tag: string): Promise<Sample> {
  const latencies: number[] = []
  const codes: Record<string, number> = {}
  let failed = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  const r = await autocannon({
    url: s.url, connections: Math.min(CONNECTIONS, count), amount: count,
    requests: [{
      method: 'POST',
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const n = cursor.debit++
        const [cardNo, password] = s.vouchers[n % s.vouchers.length]
        const path = `/open/v1/vouchers/${cardNo}/debits`
        const body = JSON.stringify({ out_trade_no: `${tag}${n}`, amount: AMOUNT, password })
        ctx.t0 = performance.now()
        return { ...req, path, headers: signed(s, 'POST', path, body), body }
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        if (status === 201) latencies.push(performance.now() - (ctx.t0 as number))
        else { failed++; tally(codes, 'debit', status, body) }
      },
    }],
  } as unknown as autocannon.Options)
  const used = process.cpuUsage(cpu)
  return { latencies, seconds: (performance.now() - start) / 1000, failed, errors: r.errors, codes, client_ms: (used.user + used.system) / 1000 }
}

/** `count` two-step debits (hold + capture, AMOUNT each), round-robin over the vouchers. */
async function holdsAndCaptures (s: Setup, count: number, tag: string): Promise<Sample> {
  const latencies: number[] = []
  const codes: Record<string, number> = {}
  let failed = 0
  const start = performance.now()
  const cpu = process.cpuUsage()
  const r = await autocannon({
    url: s.url, connections: Math.min(CONNECTIONS, count), amount: count * 2,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          const n = cursor.debit++
          const [cardNo, password] = s.vouchers[n % s.vouchers.length]
          const path = `/open/v1/vouchers/${cardNo}/holds`
          const body = JSON.stringify({ out_trade_no: `${tag}${n}`, amount: AMOUNT, password })
          ctx.t0 = performance.now()
          ctx.hold = undefined
          return { ...req, path, headers: signed(s, 'POST', path, body), body }
        },
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          if (status === 201) ctx.hold = (JSON.parse(body) as { hold_no: string }).hold_no
          else tally(codes, 'hold', status, body)
        },
      },
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          const path = `/open/v1/holds/${(ctx.hold as string | undefined) ?? 'none'}/capture`
          return { ...req, path, headers: signed(s, 'POST', path) }
        },
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          if (status === 200 && ctx.hold) latencies.push(performance.now() - (ctx.t0 as number))
          else { failed++; if (ctx.hold) tally(codes, 'capture', status, body) }
        },
      },
    ],
  } as unknown as autocannon.Options)
  const used = process.cpuUsage(cpu)
  return { latencies, seconds: (performance.now() - start) / 1000, failed, errors: r.errors, codes, client_ms: (used.user + used.system) / 1000 }
}

async function run (label: string, database: DatabaseConfig, dir: string): Promise<boolean> {
  const t0 = performance.now()
  const { child: server, setup } = await child(database, dir)
  process.stdout.write(`\n${label}: ${VOUCHERS.toLocaleString('en')} vouchers of ${FACE_VALUE / 100} yuan and ${PICKUP_CARDS.toLocaleString('en')} pickup cards ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  try {
    // Both paths warmed before either is measured; then ROUNDS rounds of each in turn, so that
    // whatever else the machine does weighs on both alike.
    cursor.pickup = 0
    cursor.debit = 0
    const warm = [await redemptions(setup, WARMUP, 'W'), await debits(setup, WARMUP, 'W'), await holdsAndCaptures(setup, WARMUP, 'WH')]
    const counters = async () => await (await fetch(`${setup.url}/bench/counters`)).json() as { statements: number; cpu_ms: number }
    const rs: Sample[] = []
    const ds: Sample[] = []
    const hs: Sample[] = []
    const sql = { redemptions: 0, debits: 0, holds: 0 }
    const cpu = { redemptions: 0, debits: 0, holds: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const c0 = await counters()
      rs.push(await redemptions(setup, Math.ceil(REDEMPTIONS / ROUNDS), `R${round}_`))
      const c1 = await counters()
      ds.push(await debits(setup, Math.ceil(DEBITS / ROUNDS), `D${round}_`))
      const c2 = await counters()
      hs.push(await holdsAndCaptures(setup, Math.ceil(DEBITS / ROUNDS), `H${round}_`))
      const c3 = await counters()
      sql.redemptions += c1.statements - c0.statements
      sql.debits += c2.statements - c1.statements
      sql.holds += c3.statements - c2.statements
      cpu.redemptions += c1.cpu_ms - c0.cpu_ms
      cpu.debits += c2.cpu_ms - c1.cpu_ms
      cpu.holds += c3.cpu_ms - c2.cpu_ms
    }
    const base = figures(merge(rs))
    const d = figures(merge(ds))
    const h = figures(merge(hs))
    const perRound = rs.map((r, i) => figures(ds[i]).per_s / figures(r).per_s)
    const verify = await (await fetch(`${setup.url}/bench/verify`)).json() as {
      vouchers: number; debited: number; captures: number; captured: number; held: number; mismatched: number; ledger: number
    }
    const line = (name: string, unit: string, f: Figures) =>
      `${name.padEnd(11)} ${f.per_s.toFixed(0).padStart(6)} ${unit}/s  p50 ${f.p50.toFixed(1).padStart(5)} ms  p99 ${f.p99.toFixed(1).padStart(5)} ms  (${f.ops} ok, ${f.failed} failed, ${f.errors} errors)`
    process.stdout.write(line('redemption', 'redemptions', base) + `  ${(sql.redemptions / base.ops).toFixed(1)} knex statements, ${(cpu.redemptions / base.ops).toFixed(2)} ms server CPU, ${base.client_ms.toFixed(2)} ms load generator CPU each  ← baseline: POST /open/v1/redemptions\n`)
    process.stdout.write(line('debit', 'debits', d) + `  ${(sql.debits / d.ops).toFixed(1)} knex statements, ${(cpu.debits / d.ops).toFixed(2)} ms server CPU, ${d.client_ms.toFixed(2)} ms load generator CPU each  ← POST …/debits\n`)
    process.stdout.write(line('hold+capt.', 'debits', h) + `  ${(sql.holds / h.ops).toFixed(1)} knex statements, ${(cpu.holds / h.ops).toFixed(2)} ms server CPU each  ← hold, then capture: ${(h.per_s / base.per_s).toFixed(3)}× redemptions/s\n`)
    for (const [k, n] of Object.entries(merge([...warm, ...rs, ...ds, ...hs]).codes)) process.stdout.write(`  refused: ${k} × ${n}\n`)
    const ratio = d.per_s / base.per_s
    const pass = ratio >= 0.8 && d.p99 <= 50
    process.stdout.write(`ratio       ${ratio.toFixed(3)}× redemptions/s (goal ≥ 0.80; rounds ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}) ${ratio >= 0.8 ? 'PASS' : 'FAIL'}; debit p99 ${d.p99.toFixed(1)} ms (goal ≤ 50) ${d.p99 <= 50 ? 'PASS' : 'FAIL'}  → ${pass ? 'PASS' : 'FAIL'}\n`)
    process.stdout.write(`cpu ratio   ${((cpu.redemptions / base.ops) / (cpu.debits / d.ops)).toFixed(3)}× (a redemption's server CPU over a debit's: the ratio a CPU-bound server would reach)\n`)
    const expected = warm[1].latencies.length + warm[2].latencies.length + d.ops + h.ops
    const consistent = verify.mismatched === 0 && verify.ledger === 0 && verify.captures === expected
    process.stdout.write(`balances    ${verify.vouchers} vouchers (${verify.debited} debited): ${verify.mismatched} with balance ≠ face value − captured − held, ${verify.ledger} ledger mismatches; ` +
      `${verify.captures} captures (${expected} answered 200) of ${(verify.captured / 100).toFixed(2)} yuan, ${(verify.held / 100).toFixed(2)} yuan still held → ${consistent ? 'OK' : 'MISMATCH'}\n`)
    return pass && consistent
  } finally {
    server.kill('SIGINT')
  }
}

const serveArg = process.argv.indexOf('--serve')
if (serveArg > 0) {
  process.on('SIGINT', () => process.exit(0))
  await serve(JSON.parse(process.argv[serveArg + 1]) as DatabaseConfig, process.argv[serveArg + 2])
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-vouchers-'))
  let ok = true
  try {
    process.stdout.write(`bench:vouchers — ${CONNECTIONS} connections; ${DEBITS.toLocaleString('en')} debits of ${AMOUNT / 100} yuan over ${VOUCHERS.toLocaleString('en')} vouchers ` +
      `against ${REDEMPTIONS.toLocaleString('en')} open-API redemptions, after ${WARMUP.toLocaleString('en')} of each to warm up\n`)
    if (process.env.BENCH_ONLY !== 'mysql') ok = await run('SQLite', { client: 'sqlite', filename: join(dir, 'kaquan.sqlite') }, dir) && ok
    if (process.env.TEST_MYSQL_URL) ok = await run('MariaDB', await freshMysql('kq_bench_vouchers'), dir) && ok
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  process.exitCode = ok ? 0 : 1
}
