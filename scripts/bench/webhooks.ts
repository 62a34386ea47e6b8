// npm run bench:webhooks — webhook lag under a steady order rate: the real server (its own
// process, outbox worker on) takes verify + order at BENCH_RATE orders a second for
// BENCH_SECONDS while a local receiver (this process) takes each order's order.created and
// card.redeemed webhooks and measures lag = arrival − the event's timestamp. Goal: p99 lag
// ≤ 5 s at the rate orders are made. Baseline in the same run: the same receiver's lag for
// POSTs this process sends it directly at the same rate (what the loopback and the receiver
// cost on their own).
// SQLite and one instance by default; with TEST_MYSQL_URL, a fresh database on that server and
// BENCH_INSTANCES (default 3) server processes (dist/src/server.js, as deployed: timers, worker,
// close-with-grace), the load spread round robin over them.
// BENCH_DEBUG=1 also prints the outbox by topic, attempts and status, and each topic's created→done
// time by 5 s windows; BENCH_WORKER=off runs the servers without their worker (request CPU alone).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig, type DatabaseConfig } from '../../src/config.js'
import { systemClock } from '../../src/shared/clock.js'
import { createDb, migrateLatest } from '../../src/shared/db.js'
import { createMerchantsService } from '../../src/modules/merchants/merchants.service.js'
import { createCatalogService } from '../../src/modules/catalog/catalog.service.js'
import { createBatchesService } from '../../src/modules/cards/batches.service.js'
import { cardPasswordKey, decryptCardPassword } from '../../src/modules/cards/card-secrets.js'
import { freshMysql } from './fresh-mysql.js'

const RATE = Number(process.env.BENCH_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
/** Seconds of a quarter of the rate first, not measured: fresh processes compile their code paths and open their pools. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10)
const MYSQL = Boolean(process.env.TEST_MYSQL_URL)
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? (MYSQL ? 3 : 1))
// BENCH_MIX=race: the fault run's load (src/server.faults.test.ts): two customers race for each
// card (one order, one refusal), and the endpoint takes order.created only.
const RACE = process.env.BENCH_MIX === 'race'
const HOOKS = RACE ? 1 : 2
const SERVER = join(import.meta.dirname, '../../src/server.js')
const masterKey = Buffer.alloc(32, 5)
const ADMIN_PASSWORD = 'Bench-Admin-2026!'
const consignee = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

function config (database: DatabaseConfig, dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database, publicBaseUrl: 'http://localhost',
    masterKey, logLevel: 'warn', captcha: false, trustProxy: false, allowPrivateWebhooks: true, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR,
  }
}

/** Cards, a product and the webhook endpoint (order.created, card.redeemed) to the receiver. */
async function prepare (database: DatabaseConfig, dir: string, cards: number, hook: string): Promise<{ productId: number; cards: Array<[string, string]> }> {
  const db = createDb(database)
  await migrateLatest(db)
  const merchants = createMerchantsService({ db, masterKey, clock: systemClock })
  const m = await merchants.create({ code: 'default', name: 'bench', admin_username: 'admin', admin_password: ADMIN_PASSWORD })
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const product = await createCatalogService({ db, clock: systemClock, publicBaseUrl: 'http://localhost' }).create(m.merchant_id, { name: '苹果' }, actor)
  const batches = createBatchesService({ db, clock: systemClock, masterKey, merchants, log: { info: () => undefined, error: () => undefined }, options: { syncLimit: 0, autoRun: false } })
  await batches.create(m.merchant_id, { product_ids: [product.id], quantity: cards, activate: true, prefix: 'W', number_length: 8 }, actor)
  await batches.runPending()
  await batches.close()
  const app = await buildApp({ config: config(database, dir), overrides: { db } })
  await app.ready()
  await app.services.webhooks.create(m.merchant_id, { url: hook, event_types: RACE ? ['order.created'] : ['order.created', 'card.redeemed'] }, actor)
  await app.close()
  const key = cardPasswordKey(masterKey, m.merchant_id)
  const rows = await db('cards').orderBy('serial').select('card_no', 'password_enc')
  await db.destroy()
  return { productId: product.id, cards: rows.map((r) => [r.card_no, decryptCardPassword(key, r.card_no, r.password_enc)]) }
}

/** One server process as deployed (dist/src/server.js), its worker on; resolves once /readyz answers 200. */
async function instance (databaseUrl: string, dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_CPU_PROF=<folder>: each server writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
  const c = spawn(process.execPath, [...profile, SERVER], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, KAQUAN_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', KAQUAN_CAPTCHA: 'off',
      KAQUAN_ADMIN_PASSWORD: ADMIN_PASSWORD, KAQUAN_MASTER_KEY: masterKey.toString('base64'), KAQUAN_ALLOW_PRIVATE_WEBHOOKS: 'true', KAQUAN_WORKER: process.env.BENCH_WORKER ?? 'on', LOG_LEVEL: 'warn',
      // The load comes from many customers behind this proxy (X-Forwarded-For), not from one address.
      KAQUAN_TRUST_PROXY: 'loopback',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (c.exitCode !== null || i > 600) throw new Error('server did not start')
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200) return { child: c, url }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function freePort (): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** The receiver: lag of each POST against the timestamp in its body (ours) or its x-sent header (the baseline). */
async function receiver () {
  const lags: number[] = []
  const sentAt: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const now = Date.now()
      const sent = req.headers['x-sent'] ? Number(req.headers['x-sent']) : Date.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')).timestamp)
      lags.push(now - sent)
      sentAt.push(sent)
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, lags, sentAt, close: () => server.close() }
}

/** Calls `fn` `rate` times a second for `seconds` (open loop: a slow answer does not slow the schedule). */
async function paced (fn: (i: number) => Promise<unknown>, rate = RATE, seconds = SECONDS): Promise<number> {
  const started = Date.now()
  const total = rate * seconds
  const running: Array<Promise<unknown>> = []
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate
    const wait = due - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    running.push(fn(i).catch(() => undefined))
  }
  await Promise.all(running)
  return (Date.now() - started) / 1000
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN
}

const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-webhooks-'))
try {
  const database: DatabaseConfig = MYSQL ? await freshMysql('kq_bench_webhooks') : { client: 'sqlite', filename: join(dir, 'kaquan.sqlite') }
  const databaseUrl = database.client === 'mysql' ? database.url : `sqlite:${database.filename}`
  const orders = RATE * SECONDS
  process.stdout.write(`bench:webhooks — ${RATE} orders/s for ${SECONDS} s (${orders.toLocaleString('en')} orders, ${RACE ? 'two customers racing for each card, one webhook' : 'two webhooks'} each), ${MYSQL ? 'MariaDB' : 'SQLite'}, ${INSTANCES} instance${INSTANCES > 1 ? 's' : ''}\n`)
  const hooks = await receiver()
  const { productId, cards } = await prepare(database, dir, orders + Math.max(1, Math.round(RATE / 4)) * WARMUP + 100, hooks.url)

  const bare = await receiver()
  await paced(async () => { await (await fetch(bare.url, { method: 'POST', body: '{}', headers: { 'x-sent': String(Date.now()) } })).text() })
  bare.close()
  process.stdout.write(`bare POST      lag p50 ${pct(bare.lags, 0.5)} ms  p99 ${pct(bare.lags, 0.99)} ms  (${bare.lags.length} POSTs)\n`)

  const servers = await Promise.all(Array.from({ length: INSTANCES }, async (_, i) => {
    const own = join(dir, `instance-${i}`)
    return await instance(databaseUrl, own, await freePort())
  }))
  let failed = 0
  const why = new Map<string, number>()
  const fail = (what: string) => { failed++; why.set(what, (why.get(what) ?? 0) + 1) }
  let requests = 0
  /** One customer verifies card i and orders with it; resolves with the order's answer, or null when it failed. */
  const attempt = async (i: number, who: number): Promise<{ status: number; code?: string } | null> => {
    const [cardNo, password] = cards[i]
    const base = servers[(i + who) % servers.length].url
    // Each customer from an address of its own network: one address's guess budget is 20.
    const json = { 'content-type': 'application/json', 'x-forwarded-for': `10.${Math.floor(i / 250) % 250}.${i % 250}.${1 + who}` }
    try {
      requests++
      const v = await fetch(`${base}/api/v1/redeem/default/verify`, { method: 'POST', body: JSON.stringify({ card_no: cardNo, password }), headers: json })
      const answer = await v.json() as { token?: string; code?: string }
      if (!answer.token) return { status: v.status, code: answer.code }
      requests++
      const o = await fetch(`${base}/api/v1/redeem/default/orders`, { method: 'POST', body: JSON.stringify({ token: answer.token, product_id: productId, consignee }), headers: json })
      const body = await o.json() as { code?: string }
      return { status: o.status, code: body.code }
    } catch (err) {
      fail(`no answer: ${(err as Error).cause ?? (err as Error).message}`)
      return null
    }
  }
  const customer = async (i: number) => {
    const answers = await Promise.all(RACE ? [attempt(i, 0), attempt(i, 1)] : [attempt(i, 0)])
    const won = answers.filter((a) => a?.status === 201).length
    // The one who lost the race is told the card is used (card_redeemed, at verify or at order).
    const lost = answers.filter((a) => a && a.status !== 201)
    if (won !== 1) fail(`card ${i}: ${won} orders ${JSON.stringify(lost)}`)
    else for (const a of lost) if (a!.code !== 'card_redeemed') fail(`loser ${a!.status} ${a!.code}`)
  }
  // The warm-up's cards come after the measured run's; its webhooks are awaited and not counted.
  const warmRate = Math.max(1, Math.round(RATE / 4))
  await paced((i) => customer(orders + i), warmRate, WARMUP)
  for (const until = Date.now() + 60_000; hooks.lags.length < HOOKS * (warmRate * WARMUP - failed) && Date.now() < until;) await new Promise((resolve) => setTimeout(resolve, 200))
  await new Promise((resolve) => setTimeout(resolve, 1000))
  if (failed) throw new Error(`warm-up failed: ${JSON.stringify(Object.fromEntries(why))}`)
  hooks.lags.length = 0
  hooks.sentAt.length = 0
  requests = 0
  const took = await paced(customer)
  const made = orders - failed
  const until = Date.now() + 120_000
  while (process.env.BENCH_WORKER !== 'off' && hooks.lags.length < made * HOOKS && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200))
  // CPU the servers used (user + system, from /proc), for comparing runs.
  const cpu = servers.map((s) => { const f = readFileSync(`/proc/${s.child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100 })
  process.stdout.write(`server CPU     ${cpu.map((c) => c.toFixed(1)).join(' + ')} s\n`)
  for (const s of servers) s.child.kill('SIGTERM')
  await Promise.all(servers.map((s) => new Promise((resolve) => s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve))))
  hooks.close()
  if (process.env.BENCH_DEBUG) {
    const db = createDb(database)
    console.log(await db('outbox').select('topic', 'attempts', 'status').count({ n: '*' }).groupBy('topic', 'attempts', 'status'))
    console.log(await db('outbox_attempts').whereNotNull('error').select('error').count({ n: '*' }).groupBy('error').limit(10))
    for (const topic of ['order.created', 'webhook.delivery']) {
      const rows = await db('outbox').where('topic', topic).select('id', 'created_at', 'updated_at').orderBy('id')
      const first = Number(rows[0].created_at)
      const w: number[][] = []
      for (const r of rows) (w[Math.floor((Number(r.created_at) - first) / 5000)] ??= []).push(Number(r.updated_at) - Number(r.created_at))
      console.log(topic, 'created→done p99 by 5 s:', w.map((x) => pct(x, 0.99)).join(', '))
    }
    await db.destroy()
  }
  const p99 = pct(hooks.lags, 0.99)
  // Lag by when the event happened, 5 s at a time: level means delivery keeps up, rising means it falls behind.
  const first = Math.min(...hooks.sentAt)
  const windows: number[][] = []
  hooks.sentAt.forEach((at, i) => { (windows[Math.floor((at - first) / 5000)] ??= []).push(hooks.lags[i]) })
  process.stdout.write(`lag p99 by 5 s of events: ${windows.map((w) => `${pct(w, 0.99)}`).join(', ')} ms\n`)
  process.stdout.write(`orders         ${(made / took).toFixed(0)}/s achieved (${made} made, ${failed} failed; ${(requests / took).toFixed(0)} customer requests/s)\n`)
  if (why.size) process.stdout.write(`failed         ${JSON.stringify(Object.fromEntries(why))}\n`)
  process.stdout.write(`webhooks       ${hooks.lags.length} of ${made * HOOKS} delivered  lag p50 ${pct(hooks.lags, 0.5)} ms  p99 ${p99} ms  max ${Math.max(...hooks.lags)} ms  (target p99 ≤ 5,000 ms; ${(p99 / Math.max(1, pct(bare.lags, 0.99))).toFixed(0)}× the bare POST's p99)\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
