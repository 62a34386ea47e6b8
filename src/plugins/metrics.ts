// GET /metrics in Prometheus's text format, when the operator turns it on: behind a bearer
// token on the service's port (KAQUAN_METRICS_TOKEN), and/or on a port of its own without one
// (KAQUAN_METRICS_PORT, server.ts; keep that port off the public network). The process's
// counters (shared/metrics.ts) come with gauges read from the database at each scrape: the
// outbox backlog per topic and the age of its oldest pending row, dead letters, card generation
// and bulk jobs and what they have left, and the database pool. Nothing personal or secret is
// a label: routes are patterns, topics and counter kinds are fixed names.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Knex } from 'knex'
import { Gauge, Registry } from 'prom-client'
import { safeEqual } from '../shared/crypto.js'
import { httpDuration, processRegistry } from '../shared/metrics.js'
import { unauthorized } from '../shared/errors.js'

/** The gauges of one database, read at each scrape. */
function databaseRegistry (db: Knex, now: () => number): Registry {
  const registry = new Registry()
  const backlog = new Gauge({ name: 'kaquan_outbox_rows', help: 'Outbox rows not delivered yet (pending, processing) and dead letters, by topic', labelNames: ['topic', 'status'], registers: [registry] })
  const oldest = new Gauge({ name: 'kaquan_outbox_oldest_pending_seconds', help: 'Age of the oldest outbox row still to deliver, by topic', labelNames: ['topic'], registers: [registry] })
  const overdue = new Gauge({ name: 'kaquan_outbox_overdue_seconds', help: 'How long the most overdue row has been due and not taken, by topic (the workers falling behind; rows waiting for a retry on purpose are not overdue)', labelNames: ['topic'], registers: [registry] })
  const generating = new Gauge({ name: 'kaquan_card_generation_jobs', help: 'Card batches being generated', registers: [registry] })
  const remaining = new Gauge({ name: 'kaquan_card_generation_remaining_cards', help: 'Cards the batches being generated have still to make', registers: [registry] })
  const bulk = new Gauge({ name: 'kaquan_card_bulk_jobs_running', help: 'Large bulk card actions running in the background', registers: [registry] })
  const pool = new Gauge({ name: 'kaquan_db_pool_connections', help: 'Database pool connections by state (used, free, pending acquires)', labelNames: ['state'], registers: [registry] })
  const scrapeOk = new Gauge({ name: 'kaquan_db_scrape_ok', help: '1 when the database answered this scrape', registers: [registry] })

  // One collect for all: the registry calls each gauge's collect; the first does the reading.
  let reading: Promise<void> | null = null
  const read = async () => {
    backlog.reset(); oldest.reset(); overdue.reset()
    try {
      const rows = await db('outbox').whereIn('status', ['pending', 'processing', 'dead']).groupBy('topic', 'status')
        .select('topic', 'status', db.raw('COUNT(*) AS n'), db.raw('MIN(created_at) AS oldest')) as Array<{ topic: string; status: string; n: number; oldest: number }>
      const t = now()
      const ages = new Map<string, number>()
      for (const r of rows) {
        backlog.set({ topic: r.topic, status: r.status }, Number(r.n))
        // The oldest row still to deliver: pending or processing, whichever is older.
        if (r.status !== 'dead') ages.set(r.topic, Math.max(ages.get(r.topic) ?? 0, (t - Number(r.oldest)) / 1000))
      }
      for (const [topic, age] of ages) oldest.set({ topic }, Math.max(0, age))
      // Due rows nobody has taken yet (the status and next_attempt_at index).
      const due = await db('outbox').where('status', 'pending').andWhere('next_attempt_at', '<=', t).groupBy('topic')
        .select('topic', db.raw('MIN(next_attempt_at) AS due')) as Array<{ topic: string; due: number }>
      for (const r of due) overdue.set({ topic: r.topic }, Math.max(0, (t - Number(r.due)) / 1000))
      const gen = await db('card_batches').where({ status: 'generating' }).select(db.raw('COUNT(*) AS n'), db.raw('COALESCE(SUM(quantity - generated), 0) AS left_to_make')).first() as { n: number; left_to_make: number }
      generating.set(Number(gen.n))
      remaining.set(Number(gen.left_to_make))
      bulk.set(Number((await db('card_bulk_jobs').where({ status: 'running' }).count({ n: '*' }).first())?.n ?? 0))
      scrapeOk.set(1)
    } catch {
      scrapeOk.set(0)
    }
    const p = (db.client as { pool?: { numUsed (): number; numFree (): number; numPendingAcquires (): number } }).pool
    if (p) {
      pool.set({ state: 'used' }, p.numUsed())
      pool.set({ state: 'free' }, p.numFree())
      pool.set({ state: 'pending' }, p.numPendingAcquires())
    }
  }
  const collectOnce = async () => {
    reading ??= read().finally(() => { reading = null })
    await reading
  }
  for (const g of [backlog, oldest, generating, remaining, bulk, pool, scrapeOk]) (g as unknown as { collect: () => Promise<void> }).collect = collectOnce
  return registry
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The metrics text and its content type (also served on KAQUAN_METRICS_PORT by server.ts). */
    metricsText (): Promise<{ contentType: string; body: string }>
  }
}

export default fp(async function metrics (app: FastifyInstance) {
  const registry = databaseRegistry(app.db, () => app.clock.now().getTime())
  app.decorate('metricsText', async () => ({
    contentType: processRegistry.contentType,
    body: (await processRegistry.metrics()) + '\n' + (await registry.metrics()),
  }))

  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern (/api/v1/cards/:card_no), never the URL with its values; 404s as one.
    const route = request.routeOptions.url ?? 'unmatched'
    if (route === '/metrics') return
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })

  const token = app.config.metricsToken
  if (!token) return
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    const header = request.headers.authorization ?? ''
    const given = header.startsWith('Bearer ') ? header.slice(7) : ''
    if (!given || !safeEqual(given, token)) throw unauthorized({ message: '需要监控令牌（KAQUAN_METRICS_TOKEN）' })
    const m = await app.metricsText()
    return reply.type(m.contentType).header('cache-control', 'no-store').send(m.body)
  })
})
