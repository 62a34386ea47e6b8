// npm run bench:open —
//  (1) a signed GET /open/v1/products against the same handler unsigned, 32 connections;
//  (2) outbox deliveries per second to a local receiver with concurrency 50, against the same
//      number of bare got POSTs at the same concurrency (no database).
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import got from 'got'
import PQueue from 'p-queue'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig } from '../../src/config.js'
import { signRequest } from '../../src/modules/open/client.js'
import { OpenProductListSchema } from '../../src/modules/open/open.schemas.js'
import { enqueue } from '../../src/modules/outbox/outbox.repository.js'
import { migrateLatest } from '../../src/shared/db.js'

const self = fileURLToPath(import.meta.url)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
// Both routes are warmed before either is measured: the second one measured would otherwise
// run on code the first one had already made hot (knex, Fastify, the products query).
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3)
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 5_000)

function config (dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database: { client: 'sqlite', filename: join(dir, 'kaquan.sqlite') }, publicBaseUrl: 'http://localhost',
    masterKey: Buffer.alloc(32, 5), logLevel: 'warn', captcha: false, trustProxy: false, allowPrivateWebhooks: true, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR, adminPassword: 'Bench-Admin-2026!',
  }
}

async function prepared (dir: string) {
  const app = await buildApp({ config: config(dir) })
  await migrateLatest(app.db)
  await app.services.merchants.ensureDefault('Bench-Admin-2026!')
  return app
}

/** Child: the real app plus /bench/products, the same handler without signing. */
async function serve (dir: string): Promise<void> {
  const app = await prepared(dir)
  const merchant = (await app.services.merchants.findByCode('default'))!
  // The signed route's response schema too, so both answers are serialised alike.
  app.get('/bench/products', { schema: { response: { 200: OpenProductListSchema } } }, async () => app.services.open.products(merchant))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  for (let i = 0; i < 20; i++) await app.services.catalog.create(merchant.id, { name: `商品 ${i}`, goods_no: `G${i}` }, actor)
  const created = await app.services.apps.create(merchant.id, { name: 'bench', scopes: ['products:read'], rate_limit: 10_000 }, actor, [])
  process.stdout.write(`READY ${(app.server.address() as { port: number }).port} ${created.app_key} ${created.app_secret}\n`)
}

function child (dir: string): Promise<{ child: ChildProcess; url: string; appKey: string; secret: string }> {
  const c = spawn(process.execPath, [...process.execArgv, self, '--serve', dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\d+) (\S+) (\S+)/.exec(out)
      if (m) resolve({ child: c, url: `http://127.0.0.1:${m[1]}`, appKey: m[2], secret: m[3] })
    })
    c.on('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

async function load (url: string, path: string, sign?: { appKey: string; secret: string }, duration = DURATION) {
  const r = await autocannon({
    url, connections: 32, duration,
    requests: [{
      method: 'GET', path,
      setupRequest: (req: Record<string, unknown>) => sign
        ? { ...req, headers: signRequest({ appKey: sign.appKey, appSecret: sign.secret, method: 'GET', pathWithQuery: path }) }
        : req,
    }],
  } as unknown as autocannon.Options)
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx }
}

async function deliveries (dir: string) {
  const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`
  // Baseline: the same POSTs, concurrency 50, no database.
  const queue = new PQueue({ concurrency: 50 })
  let start = process.hrtime.bigint()
  for (let i = 0; i < DELIVERIES; i++) void queue.add(() => got.post(url, { body: '{"type":"bench"}', retry: { limit: 0 } }))
  await queue.onIdle()
  const bare = DELIVERIES / (Number(process.hrtime.bigint() - start) / 1e9)

  const app = await prepared(join(dir, 'outbox'))
  const merchant = (await app.services.merchants.findByCode('default'))!
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const ep = await app.services.webhooks.create(merchant.id, { url: url.replace('127.0.0.1', 'localhost') }, actor)
  const now = new Date()
  for (let i = 0; i < DELIVERIES; i += 500) {
    await enqueue(app.db, Array.from({ length: Math.min(500, DELIVERIES - i) }, (_, k) => ({
      merchant_id: merchant.id, topic: 'webhook.delivery' as const, destination: String(ep.id), event_type: 'order.created', event_id: `msg_bench${i + k}`,
      idempotency_key: `bench:${i + k}`, payload: { body: JSON.stringify({ type: 'order.created', timestamp: now.toISOString(), data: { n: i + k } }) },
    })), now)
  }
  const worker = (await import('../../src/workers/outbox-worker.js')).createOutboxWorker({
    db: app.db, clock: app.clock, handlers: app.services.webhooks.handlers, log: app.log, concurrency: 50, perDestination: 50, batchSize: 500,
  })
  start = process.hrtime.bigint()
  await worker.drainAll(1000)
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const done = Number((await app.db('outbox').where({ status: 'done' }).count({ n: '*' }).first())!.n)
  await app.close()
  server.close()
  return { bare, outbox: done / seconds, done }
}

const serveArg = process.argv.indexOf('--serve')
if (serveArg > 0) {
  await serve(process.argv[serveArg + 1])
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-open-'))
  try {
    process.stdout.write(`bench:open — ${DURATION} s per run after ${WARMUP} s of warm-up each, 32 connections; ${DELIVERIES.toLocaleString('en')} deliveries at concurrency 50\n`)
    const server = await child(dir)
    if (WARMUP > 0) {
      await load(server.url, '/bench/products', undefined, WARMUP)
      await load(server.url, '/open/v1/products', { appKey: server.appKey, secret: server.secret }, WARMUP)
    }
    const unsigned = await load(server.url, '/bench/products')
    const signed = await load(server.url, '/open/v1/products', { appKey: server.appKey, secret: server.secret })
    server.child.kill()
    process.stdout.write(`unsigned GET ${unsigned.rps.toFixed(0).padStart(6)} req/s  p99 ${unsigned.p99} ms  non-2xx ${unsigned.non2xx}\n`)
    process.stdout.write(`signed GET   ${signed.rps.toFixed(0).padStart(6)} req/s  p99 ${signed.p99} ms  non-2xx ${signed.non2xx}  overhead ${((1 - signed.rps / unsigned.rps) * 100).toFixed(1)} % (target ≤ 10 %)\n`)
    const d = await deliveries(dir)
    process.stdout.write(`bare got     ${d.bare.toFixed(0).padStart(6)} POST/s\n`)
    process.stdout.write(`outbox       ${d.outbox.toFixed(0).padStart(6)} deliveries/s (${d.done} done)  ${(d.outbox / d.bare).toFixed(2)}× bare (target ≥ 1,000/s)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
