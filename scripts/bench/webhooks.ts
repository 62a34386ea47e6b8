// npm run bench:webhooks — webhook lag under a steady order rate: the real server (its own
// process, outbox worker on, SQLite) takes verify + order at BENCH_RATE orders a second for
// BENCH_SECONDS while a local receiver (this process) takes each order's order.created and
// card.redeemed webhooks and measures lag = arrival − the event's timestamp. Goal: p99 lag
// ≤ 5 s at the rate orders are made. Baseline in the same run: the same receiver's lag for
// POSTs this process sends it directly at the same rate (what the loopback and the receiver
// cost on their own).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig } from '../../src/config.js'
import { systemClock } from '../../src/shared/clock.js'
import { createDb, migrateLatest } from '../../src/shared/db.js'
import { createMerchantsService } from '../../src/modules/merchants/merchants.service.js'
import { createCatalogService } from '../../src/modules/catalog/catalog.service.js'
import { createBatchesService } from '../../src/modules/cards/batches.service.js'
import { cardPasswordKey, decryptCardPassword } from '../../src/modules/cards/card-secrets.js'

const RATE = Number(process.env.BENCH_RATE ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const self = fileURLToPath(import.meta.url)
const masterKey = Buffer.alloc(32, 5)
const consignee = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

function config (file: string, dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database: { client: 'sqlite', filename: file }, publicBaseUrl: 'http://localhost',
    masterKey, logLevel: 'warn', captcha: false, trustProxy: false, allowPrivateWebhooks: true, allowPrivateVendors: false, vendorHosts: [], worker: true, webDir: DEFAULT_WEB_DIR,
  }
}

async function prepare (file: string, cards: number): Promise<{ productId: number; cards: Array<[string, string]> }> {
  const db = createDb({ client: 'sqlite', filename: file })
  await migrateLatest(db)
  const merchants = createMerchantsService({ db, masterKey, clock: systemClock })
  const m = await merchants.create({ code: 'default', name: 'bench', admin_username: 'admin', admin_password: 'Bench-Admin-2026!' })
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const product = await createCatalogService({ db, clock: systemClock, publicBaseUrl: 'http://localhost' }).create(m.merchant_id, { name: '苹果' }, actor)
  const batches = createBatchesService({ db, clock: systemClock, masterKey, merchants, log: { info: () => undefined, error: () => undefined }, options: { syncLimit: 0, autoRun: false } })
  await batches.create(m.merchant_id, { product_ids: [product.id], quantity: cards, activate: true, prefix: 'W', number_length: 8 }, actor)
  await batches.runPending()
  await batches.close()
  const key = cardPasswordKey(masterKey, m.merchant_id)
  const rows = await db('cards').orderBy('serial').select('card_no', 'password_enc')
  await db.destroy()
  return { productId: product.id, cards: rows.map((r) => [r.card_no, decryptCardPassword(key, r.card_no, r.password_enc)]) }
}

async function serveReal (file: string, dir: string, hook: string): Promise<void> {
  const app = await buildApp({ config: config(file, dir) })
  const merchant = (await app.services.merchants.findByCode('default'))!
  await app.services.webhooks.create(merchant.id, { url: hook, event_types: ['order.created', 'card.redeemed'] }, { type: 'system', id: null, name: 'bench', ip: null })
  app.services.worker.start()
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.stdout.write(`PORT ${(app.server.address() as { port: number }).port}\n`)
}

function child (file: string, dir: string, hook: string): Promise<{ child: ChildProcess; url: string }> {
  const c = spawn(process.execPath, [...process.execArgv, self, '--serve', file, dir, hook], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PORT (\d+)/.exec(out)
      if (m) resolve({ child: c, url: `http://127.0.0.1:${m[1]}` })
    })
    c.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

/** The receiver: lag of each POST against the timestamp in its body (ours) or its x-sent header (the baseline). */
async function receiver () {
  const lags: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const now = Date.now()
      const sent = req.headers['x-sent'] ? Number(req.headers['x-sent']) : Date.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')).timestamp)
      lags.push(now - sent)
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, lags, close: () => server.close() }
}

/** Calls `fn` RATE times a second for SECONDS (open loop: a slow answer does not slow the schedule). */
async function paced (fn: (i: number) => Promise<unknown>): Promise<number> {
  const started = Date.now()
  const total = RATE * SECONDS
  const running: Array<Promise<unknown>> = []
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE
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

const serveArg = process.argv.indexOf('--serve')
if (serveArg > 0) {
  const [file, dir, hook] = process.argv.slice(serveArg + 1)
  process.on('SIGINT', () => process.exit(0))
  await serveReal(file, dir, hook)
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-webhooks-'))
  const file = join(dir, 'kaquan.sqlite')
  try {
    const orders = RATE * SECONDS
    process.stdout.write(`bench:webhooks — ${RATE} orders/s for ${SECONDS} s (${orders.toLocaleString('en')} orders, two webhooks each), SQLite, one instance\n`)
    const { productId, cards } = await prepare(file, orders + 100)

    const bare = await receiver()
    await paced(async () => { await (await fetch(bare.url, { method: 'POST', body: '{}', headers: { 'x-sent': String(Date.now()) } })).text() })
    bare.close()
    process.stdout.write(`bare POST      lag p50 ${pct(bare.lags, 0.5)} ms  p99 ${pct(bare.lags, 0.99)} ms  (${bare.lags.length} POSTs)\n`)

    const hooks = await receiver()
    const server = await child(file, dir, hooks.url)
    let failed = 0
    const took = await paced(async (i) => {
      const [cardNo, password] = cards[i]
      const json = { 'content-type': 'application/json' }
      const v = await fetch(`${server.url}/api/v1/redeem/default/verify`, { method: 'POST', body: JSON.stringify({ card_no: cardNo, password }), headers: json })
      const token = (await v.json() as { token?: string }).token
      if (!token) { failed++; return }
      const o = await fetch(`${server.url}/api/v1/redeem/default/orders`, { method: 'POST', body: JSON.stringify({ token, product_id: productId, consignee }), headers: json })
      await o.text()
      if (o.status !== 201) failed++
    })
    const made = orders - failed
    const until = Date.now() + 120_000
    while (hooks.lags.length < made * 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200))
    server.child.kill('SIGINT')
    hooks.close()
    const p99 = pct(hooks.lags, 0.99)
    process.stdout.write(`orders         ${(made / took).toFixed(0)}/s achieved (${made} made, ${failed} failed)\n`)
    process.stdout.write(`webhooks       ${hooks.lags.length} of ${made * 2} delivered  lag p50 ${pct(hooks.lags, 0.5)} ms  p99 ${p99} ms  max ${Math.max(...hooks.lags)} ms  (target p99 ≤ 5,000 ms; ${(p99 / Math.max(1, pct(bare.lags, 0.99))).toFixed(0)}× the bare POST's p99)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
