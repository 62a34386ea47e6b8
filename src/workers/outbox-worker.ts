// The outbox worker: claims due rows in batches with a lease (FOR UPDATE SKIP LOCKED on
// MySQL; a conditional update per row on SQLite), hands each to the handler of its topic
// with p-queue concurrency per destination and overall, records every attempt, and retries
// after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±10 %) before a row is dead. A row whose
// process died keeps its lease until it runs out, then any instance takes it again: nothing
// is lost, and no two instances hold the same attempt at once.
import { randomBytes } from 'node:crypto'
import PQueue from 'p-queue'
import type { Knex } from 'knex'
import type { Clock } from '../shared/clock.js'
import { affected, isMysql } from '../shared/db.js'

export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]
const LEASE_MS = 60_000

export interface OutboxRow {
  id: number
  merchant_id: number
  topic: string
  destination: string | null
  payload: string
  idempotency_key: string
  status: 'pending' | 'processing' | 'done' | 'dead'
  attempts: number
  next_attempt_at: number
  locked_until: number | null
  last_error: string | null
  event_type: string | null
  event_id: string | null
  claim_token: string | null
  created_at: number
}

export interface AttemptReport { status_code?: number | null; error?: string | null; response_excerpt?: string | null }

/** What a handler reports; throw HandlerError to fail. `effects` run in the completing transaction. */
export interface HandlerResult extends AttemptReport { effects?: (trx: Knex.Transaction) => Promise<void> }

export class HandlerError extends Error {
  constructor (message: string, readonly retryable: boolean, readonly report: AttemptReport = {}, readonly effects?: (trx: Knex.Transaction) => Promise<void>) {
    super(message)
    this.name = 'HandlerError'
  }
}

export type Handler = (row: OutboxRow, now: Date) => Promise<HandlerResult | void>

export interface WorkerOptions {
  db: Knex
  clock: Clock
  handlers: Record<string, Handler>
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void }
  batchSize?: number
  concurrency?: number
  perDestination?: number
  random?: () => number
}

export function nextDelay (attempts: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1]
  if (base === undefined) return null
  return Math.round(base * (0.9 + random() * 0.2))
}

export function createOutboxWorker (opts: WorkerOptions) {
  const { db, clock, handlers, log } = opts
  const batchSize = opts.batchSize ?? 200
  const overall = new PQueue({ concurrency: opts.concurrency ?? 50 })
  const perDestination = new Map<string, PQueue>()
  let stopped = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null

  function queueFor (destination: string): PQueue {
    let q = perDestination.get(destination)
    if (!q) perDestination.set(destination, q = new PQueue({ concurrency: opts.perDestination ?? 10 }))
    return q
  }

  const due = (q: Knex.QueryBuilder, now: number) => q.where((w) =>
    w.where((p) => p.where('status', 'pending').andWhere('next_attempt_at', '<=', now))
      .orWhere((p) => p.where('status', 'processing').andWhere('locked_until', '<', now)))

  async function claim (now: number): Promise<OutboxRow[]> {
    const lease = now + LEASE_MS
    const token = randomBytes(16).toString('hex')
    const mark = { status: 'processing', locked_until: lease, claim_token: token, updated_at: now }
    if (isMysql(db)) {
      // Rows another instance is claiming are skipped, not waited for.
      await db.transaction(async (trx) => {
        const ids = (await due(trx('outbox'), now).orderBy('next_attempt_at').limit(batchSize).forUpdate().skipLocked().pluck('id')).map(Number)
        if (ids.length) await trx('outbox').whereIn('id', ids).update(mark)
      })
    } else {
      // SQLite: one statement that writes straight away (a read-then-write transaction could
      // not upgrade its lock while another connection writes); the due condition settles races.
      await due(db('outbox'), now).whereIn('id', (sub) => { due(sub.select('id').from('outbox'), now).orderBy('next_attempt_at').limit(batchSize) }).update(mark)
    }
    return await db('outbox').where({ claim_token: token }) as OutboxRow[]
  }

  interface Outcome { row: OutboxRow; startedAt: number; ok: boolean; retryable: boolean; report: AttemptReport; effects?: (trx: Knex.Transaction) => Promise<void>; done: () => void; fail: (e: Error) => void }
  let buffered: Outcome[] = []
  let flushing: Promise<void> | null = null

  /**
   * Group commit: outcomes that arrive while a write is running are written together in the
   * next transaction, so fifty concurrent deliveries do not queue for fifty transactions.
   */
  function finish (row: OutboxRow, startedAt: number, outcome: { ok: boolean; retryable: boolean; report: AttemptReport; effects?: (trx: Knex.Transaction) => Promise<void> }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      buffered.push({ row, startedAt, ...outcome, done: resolve, fail: reject })
      if (!flushing) flushing = flush()
    })
  }

  async function flush (): Promise<void> {
    while (buffered.length) {
      const batch = buffered
      buffered = []
      try {
        const dead = await db.transaction(async (trx) => {
          const deadRows: OutboxRow[] = []
          for (const o of batch) if (await write(trx, o)) deadRows.push(o.row)
          return deadRows
        })
        for (const row of dead) log.warn({ outbox_id: row.id, topic: row.topic }, 'outbox.delivery.dead')
        for (const o of batch) o.done()
      } catch (err) {
        for (const o of batch) o.fail(err as Error)
      }
    }
    flushing = null
  }

  /** Records one outcome; returns true when the row is now dead. */
  async function write (trx: Knex.Transaction, o: Outcome): Promise<boolean> {
    const now = clock.now().getTime()
    const attempts = Number(o.row.attempts) + 1
    const delay = o.ok || !o.retryable ? null : nextDelay(attempts, opts.random)
    const status = o.ok ? 'done' : delay === null ? 'dead' : 'pending'
    // Only the holder of this claim may finish the row.
    const n = affected(await trx('outbox').where({ id: o.row.id, status: 'processing', claim_token: o.row.claim_token }).update({
      status, attempts, locked_until: null, claim_token: null, updated_at: now,
      next_attempt_at: delay === null ? o.row.next_attempt_at : now + delay,
      last_error: o.ok ? null : (o.report.error ?? 'failed').slice(0, 2000),
      last_status_code: o.report.status_code ?? null,
    }))
    if (n !== 1) return false
    await trx('outbox_attempts').insert({
      outbox_id: o.row.id, attempt: attempts, started_at: o.startedAt, status_code: o.report.status_code ?? null,
      latency_ms: Math.max(0, now - o.startedAt), error: o.report.error?.slice(0, 500) ?? null,
      response_excerpt: o.report.response_excerpt?.slice(0, 1024) ?? null,
    })
    if (o.effects) await o.effects(trx)
    return status === 'dead'
  }

  async function process (row: OutboxRow): Promise<void> {
    const startedAt = clock.now().getTime()
    const handler = handlers[row.topic]
    if (!handler) {
      await finish(row, startedAt, { ok: false, retryable: false, report: { error: `no handler for topic ${row.topic}` } })
      return
    }
    try {
      const result = await handler(row, clock.now()) ?? {}
      await finish(row, startedAt, { ok: true, retryable: false, report: result, effects: result.effects })
    } catch (err) {
      const e = err instanceof HandlerError ? err : new HandlerError((err as Error).message ?? String(err), true)
      log.info({ outbox_id: row.id, topic: row.topic, error: e.message, retryable: e.retryable }, 'outbox.delivery.failed')
      await finish(row, startedAt, { ok: false, retryable: e.retryable, report: { ...e.report, error: e.report.error ?? e.message }, effects: e.effects })
    }
  }

  const worker = {
    /** Claims one batch of due rows and processes it; resolves with how many were processed. */
    async drainOnce (): Promise<number> {
      const rows = await claim(clock.now().getTime())
      await Promise.all(rows.map((row) => overall.add(() => queueFor(row.destination ?? row.topic).add(() => process(row)))))
      return rows.length
    },

    /** Drains until nothing is due (tests and shutdown). */
    async drainAll (max = 100): Promise<number> {
      let total = 0
      for (let i = 0; i < max; i++) {
        const n = await worker.drainOnce()
        total += n
        if (n === 0) break
      }
      return total
    },

    /** Runs in the background until stop(); sleeps when idle, or until kick(). */
    start (idleMs = 1_000): void {
      if (loop) return
      stopped = false
      loop = (async () => {
        while (!stopped) {
          let n = 0
          try {
            n = await worker.drainOnce()
          } catch (err) {
            log.error({ err }, 'outbox.worker.failed')
          }
          if (n === 0 && !stopped) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, idleMs)
              wake = () => { clearTimeout(timer); resolve() }
            })
            wake = null
          }
        }
      })()
    },

    /** Something was just queued: look now rather than after the idle pause. */
    kick (): void { wake?.() },

    async stop (): Promise<void> {
      stopped = true
      wake?.()
      await loop
      loop = null
      await overall.onIdle()
    },
  }
  return worker
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
