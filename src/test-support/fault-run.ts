// A fault run: three real server processes (src/server.ts: timers, outbox worker,
// close-with-grace) on one private MariaDB, a mixed customer load (verify + order, two racers per
// card so every card is fought over), a local webhook receiver, and faults while the load runs:
// `kill -9` of one instance, the database stopped and started again, SIGTERM of another. Used by
// src/server.faults.test.ts (short, in CI) and scripts/fault-run.ts (longer, prints figures).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Knex } from 'knex'
import { cardPasswordKey, decryptCardPassword } from '../modules/cards/card-secrets.js'
import { createDb, migrateLatest } from '../shared/db.js'
import { buildApp } from '../app.js'
import { ADMIN_PASSWORD, testConfig } from './build-test-app.js'
import { freePort } from './http.js'
import type { PrivateMariadb } from './mariadb-server.js'
import { CONSIGNEE } from './redeem-fixture.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const MASTER_KEY = Buffer.alloc(32, 7)
const SERVER = join(import.meta.dirname, `../server${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`)

export interface Instance { base: string; child: ChildProcess; output: () => string; exited: Promise<number | null>; dataDir: string }

export interface Sample { phase: string; instance: number; status: number; code: string | null; ms: number; at: number }

export interface Teardown { teardown (fn: () => unknown): void }

/** One server process on the database, its worker on; resolves once it logged server.started. */
export async function startInstance (t: Teardown, dbUrl: string, extraEnv: Record<string, string> = {}): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaquan-fault-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const port = await freePort()
  const child = spawn(process.execPath, [...process.execArgv, SERVER], {
    env: {
      ...process.env, DATABASE_URL: dbUrl, KAQUAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1',
      KAQUAN_CAPTCHA: 'off', KAQUAN_ADMIN_PASSWORD: ADMIN_PASSWORD, KAQUAN_MASTER_KEY: MASTER_KEY.toString('base64'),
      KAQUAN_ALLOW_PRIVATE_WEBHOOKS: 'true', KAQUAN_WORKER: 'on', LOG_LEVEL: 'warn', ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { out += d.toString() })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  t.teardown(() => { child.kill('SIGKILL') })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 1200) throw new Error(`server did not start:\n${out}`)
    try {
      if ((await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200) break
    } catch {}
    await sleep(100)
  }
  return { base, child, output: () => out, exited, dataDir }
}

export interface Seeded {
  db: Knex
  cards: Array<{ card_no: string; password: string }>
  product: number
  receiver: { url: string; ids: Set<string>; count: () => number; lags: (from: number, to: number) => number[] }
}

/** Migrates the empty database (MySQL, or SQLite as sqlite:<path>), makes `quantity` active cards and a webhook endpoint to a local receiver. */
export async function seed (t: Teardown, dbUrl: string, quantity: number): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-fault-seed-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const config = testConfig(dbUrl.startsWith('sqlite:') ? { client: 'sqlite', filename: dbUrl.slice('sqlite:'.length) } : { client: 'mysql', url: dbUrl }, dir, { masterKey: MASTER_KEY })
  const db = createDb(config.database)
  await migrateLatest(db)
  const app = await buildApp({ config, overrides: { db } })
  await app.ready()
  await app.services.merchants.ensureDefault(ADMIN_PASSWORD)
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  const auth = { authorization: `Bearer ${login.json().token}` }
  const product = (await app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { name: '苹果礼盒' } })).json().id
  const batch = await app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: auth, payload: { prefix: 'F', number_length: 7, quantity, product_ids: [product], activate: true, face_value: 10000 } })
  if (batch.statusCode >= 300) throw new Error(batch.body)
  // Larger batches are generated in the background: wait for every card.
  for (let i = 0; Number((await db('cards').count({ n: '*' }).first())!.n) < quantity; i++) {
    if (i > 600) throw new Error('cards were not generated')
    await app.services.batches.runPending()
    await sleep(100)
  }

  const ids = new Set<string>()
  // Each event's first arrival: when it happened (the body's timestamp) and how long it took to come.
  const arrivals: Array<{ at: number; lag: number }> = []
  let count = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      count++
      const id = String(req.headers['webhook-id'])
      if (!ids.has(id)) {
        ids.add(id)
        try {
          const at = Date.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')).timestamp)
          arrivals.push({ at, lag: Date.now() - at })
        } catch {}
      }
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`
  const ep = await app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: auth, payload: { url, event_types: ['order.created'] } })
  if (ep.statusCode !== 201) throw new Error(ep.body)
  await app.close()

  const merchant = await db('merchants').where({ code: 'default' }).first()
  const key = cardPasswordKey(MASTER_KEY, merchant.id)
  const rows = await db('cards').orderBy('serial').select('card_no', 'password_enc')
  const cards = rows.map((r) => ({ card_no: r.card_no as string, password: decryptCardPassword(key, r.card_no, r.password_enc) }))
  t.teardown(() => db.destroy())
  const lags = (from: number, to: number) => arrivals.filter((a) => a.at >= from && a.at < to).map((a) => a.lag)
  return { db, cards, product, receiver: { url, ids, count: () => count, lags } }
}

async function call (url: string, body: object): Promise<{ status: number; json: any; ms: number }> {
  const started = Date.now()
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) })
    const text = await res.text()
    let json: any = null
    try { json = JSON.parse(text) } catch {}
    return { status: res.status, json, ms: Date.now() - started }
  } catch {
    // Refused, reset or timed out: no HTTP answer at all.
    return { status: 0, json: null, ms: Date.now() - started }
  }
}

/**
 * The customer load: `racers` loops, each taking the next card of a list where every card comes
 * twice (two racers fight over it), verifying it and ordering on one instance, round robin over
 * the instances the load balancer still sends to (`targets`). Each call counts in the phase it
 * started in.
 */
export function startLoad (instances: Instance[], cards: Seeded['cards'], product: number, racers: number) {
  const samples: Sample[] = []
  const orders = new Set<string>()
  const targets = new Set(instances.map((_, i) => i))
  let phase = 'normal'
  let stopped = false
  let next = 0
  let rr = 0
  const racer = async () => {
    let retry: number | null = null
    while (!stopped) {
      const n: number = retry ?? next++
      retry = null
      const card = cards[Math.floor(n / 2)]
      if (!card) { await sleep(50); continue }
      const live = [...targets]
      if (!live.length) { await sleep(50); continue }
      const i = live[rr++ % live.length]
      const base = instances[i].base
      let p = phase
      const v = await call(`${base}/api/v1/redeem/default/verify`, { card_no: card.card_no, password: card.password })
      samples.push({ phase: p, instance: i, status: v.status, code: v.json?.code ?? null, ms: v.ms, at: Date.now() })
      // A customer who got no answer or a 5xx tries the same card again: without this the racers ran
      // through the whole list in the seconds the database was down (CI: 0 cards left).
      if (v.status === 0 || v.status >= 500) { retry = n; await sleep(20); continue }
      if (v.status !== 200 || !v.json?.token) continue
      p = phase
      const o = await call(`${base}/api/v1/redeem/default/orders`, { token: v.json.token, product_id: product, consignee: CONSIGNEE })
      samples.push({ phase: p, instance: i, status: o.status, code: o.json?.code ?? null, ms: o.ms, at: Date.now() })
      if (o.status === 201) orders.add(o.json.order_no)
    }
  }
  const running = Array.from({ length: racers }, () => racer())
  return {
    samples,
    orders,
    targets,
    setPhase (name: string) { phase = name },
    cardsLeft: () => Math.max(0, cards.length - Math.floor(next / 2)),
    async stop () { stopped = true; await Promise.all(running) },
  }
}

export interface PhaseFigures { requests: number; rps: number; p99: number; max: number; errors: number; errorRate: number; byStatus: Record<string, number> }

/** Requests per second, p99 and errors (5xx and no answer) of one phase, optionally one instance. */
export function figures (samples: Sample[], phase: string, filter: (s: Sample) => boolean = () => true): PhaseFigures {
  const xs = samples.filter((s) => s.phase === phase && filter(s))
  const ms = xs.map((s) => s.ms).sort((a, b) => a - b)
  const span = xs.length ? (Math.max(...xs.map((s) => s.at)) - Math.min(...xs.map((s) => s.at - s.ms))) / 1000 : 0
  const errors = xs.filter((s) => s.status === 0 || s.status >= 500).length
  const byStatus: Record<string, number> = {}
  for (const s of xs) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1
  return {
    requests: xs.length, rps: span ? xs.length / span : 0, p99: ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] : 0,
    max: ms.at(-1) ?? 0, errors, errorRate: xs.length ? errors / xs.length : 0, byStatus,
  }
}

export async function waitReady (base: string, timeoutMs: number): Promise<number | null> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(3000) })).status === 200) return Date.now() - started
    } catch {}
    await sleep(200)
  }
  return null
}

/** What must hold after the run, read from the database: one order per card, every event delivered. */
export async function consistency (db: Knex, receiverIds: Set<string>) {
  const doubled = await db('orders').select('card_id').count({ n: '*' }).groupBy('card_id').havingRaw('count(*) > 1')
  const redeemed = Number((await db('cards').where({ status: 'redeemed' }).count({ n: '*' }).first())!.n)
  const orderRows = Number((await db('orders').count({ n: '*' }).first())!.n)
  const orderless = Number((await db('cards').where({ status: 'redeemed' }).whereNotExists((q) => { q.select(db.raw('1')).from('orders').whereRaw('orders.card_id = cards.id') }).count({ n: '*' }).first())!.n)
  const events = await db('outbox').where({ topic: 'webhook.delivery' }).select('event_id', 'status')
  const undelivered = events.filter((e) => e.status !== 'done').length
  const missing = events.filter((e) => !receiverIds.has(String(e.event_id))).length
  // Every other outbox row (the events being fanned out, texts, ERP pushes) by topic and status, unless done.
  const open = await db('outbox').whereNot({ status: 'done' }).select('topic', 'status').count({ n: '*' }).groupBy('topic', 'status')
  const unfinished = Object.fromEntries((open as Array<{ topic: string; status: string; n: number | string }>).map((r) => [`${r.topic}:${r.status}`, Number(r.n)]))
  return { doubled: doubled.length, redeemed, orders: orderRows, orderless, events: events.length, undelivered, missing, unfinished }
}

export { type PrivateMariadb }
