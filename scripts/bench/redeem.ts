// npm run bench:redeem — verify + redeem under load: 100,000 active cards in SQLite, 64
// connections, against the real app and against a bare Fastify app (no plugins, no logging)
// that runs the same SQL (the guess counters included), each server in its own process, the load generator in this one.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { SignJWT, jwtVerify } from 'jose'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig } from '../../src/config.js'
import { systemClock } from '../../src/shared/clock.js'
import { deriveKey } from '../../src/shared/crypto.js'
import { createDb, migrateLatest, affected } from '../../src/shared/db.js'
import { createMerchantsService } from '../../src/modules/merchants/merchants.service.js'
import { createCatalogService } from '../../src/modules/catalog/catalog.service.js'
import { createBatchesService } from '../../src/modules/cards/batches.service.js'
import { cardPasswordKey, decryptCardPassword } from '../../src/modules/cards/card-secrets.js'
import { addCardCounts } from '../../src/modules/cards/card-counts.repository.js'
import { ADDRESS_GUARD, CARD_CALLER_GUARD, CARD_GUARD } from '../../src/modules/redemption/redemption.service.js'
import { reserve, succeeded } from '../../src/shared/guards.js'

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000)
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15_000)
const CONNECTIONS = 64
const SPARE = 2 * CONNECTIONS
const self = fileURLToPath(import.meta.url)
const masterKey = Buffer.alloc(32, 3)
const consignee = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

function config (file: string, dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database: { client: 'sqlite', filename: file }, publicBaseUrl: 'http://localhost',
    masterKey, logLevel: 'warn', captcha: false, trustProxy: false, allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR,
  }
}

async function prepare (file: string): Promise<{ productId: number; cards: Array<[string, string]> }> {
  const db = createDb({ client: 'sqlite', filename: file })
  await migrateLatest(db)
  const merchants = createMerchantsService({ db, masterKey, clock: systemClock })
  const m = await merchants.create({ code: 'default', name: 'bench', admin_username: 'admin', admin_password: 'Bench-Admin-2026!' })
  const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }
  const product = await createCatalogService({ db, clock: systemClock, publicBaseUrl: 'http://localhost' }).create(m.merchant_id, { name: '苹果' }, actor)
  const batches = createBatchesService({ db, clock: systemClock, masterKey, merchants, log: { info: () => undefined, error: () => undefined }, options: { syncLimit: 0, autoRun: false } })
  await batches.create(m.merchant_id, { product_ids: [product.id], quantity: CARDS, activate: true, prefix: 'R', number_length: 8 }, actor)
  await batches.runPending()
  await batches.close()
  const key = cardPasswordKey(masterKey, m.merchant_id)
  const rows = await db('cards').orderBy('serial').select('card_no', 'password_enc')
  await db.destroy()
  return { productId: product.id, cards: rows.map((r) => [r.card_no, decryptCardPassword(key, r.card_no, r.password_enc)]) }
}

/** The baseline: the same queries and the same transaction, no plugins, no schemas, no logging. */
async function bareServer (file: string): Promise<void> {
  const db = createDb({ client: 'sqlite', filename: file })
  const merchants = createMerchantsService({ db, masterKey, clock: systemClock })
  const tokenKey = deriveKey(masterKey, 'redeem-token')
  const app = Fastify()
  app.post('/api/v1/redeem/:code/verify', async (req, reply) => {
    const { card_no: cardNo, password } = req.body as { card_no: string; password: string }
    const m = (await merchants.findByCode((req.params as { code: string }).code))!
    // The guess counters are part of the minimum: reserved before the check, settled after it.
    const now = new Date()
    const who = req.ip
    const number = `${m.id}:${cardNo}`
    if (!(await reserve(db, ADDRESS_GUARD, who, now)).allowed) return reply.code(429).send({ code: 'too_many_attempts' })
    if (!(await reserve(db, CARD_CALLER_GUARD, `${number}|${who}`, now)).allowed || !(await reserve(db, CARD_GUARD, number, now)).allowed) return reply.code(423).send({ code: 'card_locked' })
    const pepper = await merchants.pepper(m.id)
    const card = await db('cards as c').join('card_batches as b', 'b.id', 'c.batch_id').where({ 'c.merchant_id': m.id, 'c.card_no': cardNo, 'b.status': 'ready' }).first('c.*')
    const hash = createHmac('sha256', pepper).update(cardNo + password).digest('hex')
    if (!card || !timingSafeEqual(Buffer.from(hash), Buffer.from(card.password_hash))) return reply.code(422).send({ code: 'card_invalid' })
    await succeeded(db, [{ guard: ADDRESS_GUARD, subject: who, mode: 'refund' }, { guard: CARD_CALLER_GUARD, subject: `${number}|${who}`, mode: 'clear' }, { guard: CARD_GUARD, subject: number, mode: 'refund' }])
    const token = await new SignJWT({ mid: m.id, cno: cardNo }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(card.id)).setExpirationTime('15m').sign(tokenKey)
    return { token }
  })
  app.post('/api/v1/redeem/:code/orders', async (req, reply) => {
    const body = req.body as { token: string; product_id: number; consignee: typeof consignee }
    const { payload } = await jwtVerify(body.token, tokenKey)
    const now = Date.now()
    const orderNo = `${now}${randomBytes(3).toString('hex')}`
    const card = await db('cards').where({ id: Number(payload.sub) }).first()
    await db.transaction(async (trx) => {
      const won = affected(await trx('cards').where({ id: card.id, status: 'active' }).update({ status: 'redeemed', redeemed_at: now, updated_at: now }))
      if (won !== 1) throw new Error('redeemed')
      // The batch's counts move with the card (card_counts): part of the minimum too.
      await addCardCounts(trx, card.merchant_id, [{ batch_id: card.batch_id, status: 'active', n: -1 }, { batch_id: card.batch_id, status: 'redeemed', n: 1 }])
      const [id] = await trx('orders').insert({
        merchant_id: card.merchant_id, order_no: orderNo, card_id: card.id, card_no: card.card_no, batch_id: card.batch_id, product_id: body.product_id,
        product_name: '苹果', channel: 'web', status: 'pending', consignee_name: body.consignee.name, consignee_phone: body.consignee.phone,
        province: body.consignee.province, city: body.consignee.city, district: body.consignee.district, address: body.consignee.address,
        due_day: '2026-11-24', created_at: now, updated_at: now,
      })
      await trx('card_activities').insert({ merchant_id: card.merchant_id, card_id: card.id, card_no: card.card_no, type: 'redeem', actor_type: 'customer', actor_name: 'customer', created_at: now })
      await trx('order_events').insert({ merchant_id: card.merchant_id, order_id: id, type: 'created', actor_type: 'customer', actor_name: 'customer', created_at: now })
      await trx('outbox').insert([
        { merchant_id: card.merchant_id, topic: 'order.created', payload: '{}', idempotency_key: `o:${orderNo}`, next_attempt_at: now, created_at: now, updated_at: now },
        { merchant_id: card.merchant_id, topic: 'card.redeemed', payload: '{}', idempotency_key: `c:${orderNo}`, next_attempt_at: now, created_at: now, updated_at: now },
      ])
    })
    return reply.code(201).send({ order_no: orderNo })
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  report(app.server.address())
}

async function realServer (file: string, dir: string): Promise<void> {
  const app = await buildApp({ config: config(file, dir) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  report(app.server.address())
}

function report (address: unknown): void {
  process.stdout.write(`PORT ${(address as { port: number }).port}\n`)
}

function serve (kind: string, file: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...process.execArgv, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/rprof'] : []), self, '--serve', kind, file, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PORT (\d+)/.exec(out)
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` })
    })
    child.on('exit', (code) => reject(new Error(`${kind} server exited ${code}`)))
  })
}

interface Figures { pairs_per_s: number; req_per_s: number; p50: number; p99: number; errors: number; non2xx: number }

async function load (url: string, cards: Array<[string, string]>, productId: number): Promise<Figures> {
  let next = 0
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    // A few connections may start a pair past the amount; the spare cards keep those fresh.
    amount: (cards.length - SPARE) * 2,
    requests: [
      {
        method: 'POST', path: '/api/v1/redeem/default/verify', headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          const card = cards[next++ % cards.length]
          ctx.card = card
          return { ...req, body: JSON.stringify({ card_no: card[0], password: card[1] }) }
        },
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          if (status !== 200 && process.env.BENCH_DEBUG) process.stderr.write(`verify ${status} ${body}\n`)
          ctx.token = JSON.parse(body).token
        },
      },
      {
        method: 'POST', path: '/api/v1/redeem/default/orders', headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) =>
          ({ ...req, body: JSON.stringify({ token: ctx.token, product_id: productId, consignee }) }),
        onResponse: (status: number, body: string) => {
          if (status !== 201 && process.env.BENCH_DEBUG) process.stderr.write(`redeem ${status} ${body}\n`)
        },
      },
    ],
  } as unknown as autocannon.Options)
  return {
    pairs_per_s: result.requests.average / 2,
    req_per_s: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

const serveArg = process.argv.indexOf('--serve')
if (serveArg > 0) {
  const [kind, file, dir] = process.argv.slice(serveArg + 1)
  process.on('SIGINT', () => process.exit(0))
  if (kind === 'bare') await bareServer(file)
  else await realServer(file, dir)
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-redeem-'))
  const file = join(dir, 'kaquan.sqlite')
  try {
    process.stdout.write(`bench:redeem — ${CARDS.toLocaleString('en')} active cards, ${CONNECTIONS} connections, ${PAIRS.toLocaleString('en')} verify+redeem pairs per server\n`)
    const { productId, cards } = await prepare(file)
    const line = (name: string, f: Figures) => `${name.padEnd(8)} ${f.req_per_s.toFixed(0).padStart(6)} req/s (${f.pairs_per_s.toFixed(0)} redemptions/s)  p50 ${f.p50} ms  p99 ${f.p99} ms  errors ${f.errors}  non-2xx ${f.non2xx}`
    const bare = await serve('bare', file, dir)
    const base = await load(bare.url, cards.slice(0, PAIRS + SPARE), productId)
    bare.child.kill('SIGINT')
    process.stdout.write(line('bare', base) + '\n')
    const real = await serve('real', file, dir)
    const figures = await load(real.url, cards.slice(PAIRS + SPARE, 2 * (PAIRS + SPARE)), productId)
    real.child.kill('SIGINT')
    process.stdout.write(line('kaquan', figures) + `  ratio ${(figures.req_per_s / base.req_per_s).toFixed(2)} of bare, p99 ${(figures.p99 / base.p99).toFixed(2)} of bare's (target ≥ 0.80, p99 ≤ 1.20)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
