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
import { outboxAttempts } from '../shared/metrics.js'
import { isDatabaseUnavailable, isDeadlock, isMysql } from '../shared/db.js'
import { claimDue, recordAttempt, releaseClaims } from '../modules/outbox/outbox.repository.js'
import { HandlerError, type AttemptReport, type Effects, type Handler, type OutboxRow } from '../modules/outbox/outbox.types.js'

export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]
const LEASE_MS = 60_000
/** When our own database failed under a handler: try again soon, without counting an attempt. */
const DATABASE_RETRY_MS = 5_000

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

/** The longest wait a destination's Retry-After can ask for: the schedule's longest step. */
export const MAX_RETRY_AFTER_MS = Math.max(...RETRY_DELAYS_MS)

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

  async function claim (now: number): Promise<OutboxRow[]> {
    return await claimDue(db, now, batchSize, now + LEASE_MS, randomBytes(16).toString('hex'))
  }

  interface Outcome { row: OutboxRow; startedAt: number; ok: boolean; retryable: boolean; retryAfterMs?: number | null; uncounted?: boolean; report: AttemptReport; effects?: Effects; done: () => void; fail: (e: Error) => void }
  let buffered: Outcome[] = []
  let flushing: Promise<void> | null = null

  /**
   * Group commit: outcomes that arrive while a write is running are written together in the
   * next transaction, so fifty concurrent deliveries do not queue for fifty transactions.
   */
  function finish (row: OutboxRow, startedAt: number, outcome: { ok: boolean; retryable: boolean; retryAfterMs?: number | null; uncounted?: boolean; report: AttemptReport; effects?: Effects }): Promise<void> {
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
        const dead = await writeOutcomes(batch)
        for (const row of dead) log.warn({ outbox_id: row.id, topic: row.topic }, 'outbox.delivery.dead')
        for (const o of batch) o.done()
      } catch (err) {
        for (const o of batch) o.fail(err as Error)
      }
    }
    flushing = null
  }

  /**
   * The batch's outcomes in one transaction. READ COMMITTED on MySQL: its updates lock the rows
   * they change and no index gaps, so a handler's own transaction inserting an outbox row (an
   * order shipped) does not wait on this one while this one waits on the handler's order row (a
   * deadlock seen on MariaDB). A deadlock's victim is rolled back whole, and written again.
   */
  async function writeOutcomes (batch: Outcome[]): Promise<OutboxRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await db.transaction(async (trx) => {
          const out: Array<{ row: OutboxRow; status: string }> = []
          for (const o of batch) {
            const status = await write(trx, o)
            if (status) out.push({ row: o.row, status })
          }
          return out
        }, isMysql(db) ? { isolationLevel: 'read committed' } : undefined)
        // Counted once committed: a batch written again after a deadlock is not counted twice.
        for (const w of written) outboxAttempts.inc({ topic: w.row.topic, outcome: w.status === 'pending' ? 'retry' : w.status })
        return written.filter((w) => w.status === 'dead').map((w) => w.row)
      } catch (err) {
        if (!isDeadlock(err) || attempt >= 5) throw err
      }
    }
  }

  /** Records one outcome; returns the row's new status, or null when its claim was lost. */
  async function write (trx: Knex.Transaction, o: Outcome): Promise<'done' | 'dead' | 'pending' | null> {
    const now = clock.now().getTime()
    // Our own database failing under a handler is no attempt at the destination: it does not use
    // up the schedule (a 10 s outage would otherwise push rows to their 5-minute step).
    const attempts = Number(o.row.attempts) + (o.uncounted ? 0 : 1)
    const scheduled = o.ok || !o.retryable ? null : o.uncounted ? DATABASE_RETRY_MS : nextDelay(attempts, opts.random)
    // A destination that said when to come back (429/503 Retry-After) is not asked sooner; the
    // attempt still counts, so the schedule stays finite.
    const delay = scheduled === null ? null : Math.max(scheduled, Math.min(o.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS))
    const status = o.ok ? 'done' : delay === null ? 'dead' : 'pending'
    const next = delay === null ? o.row.next_attempt_at : now + delay
    if (!await recordAttempt(trx, o.row, { status, attempts, nextAttemptAt: next, startedAt: o.startedAt, report: o.report }, now)) return null
    if (o.effects) await o.effects(trx)
    return status
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
      // A deadlock's victim was rolled back whole: like an outage, our database's doing, not the destination's.
      if (isDatabaseUnavailable(err) || isDeadlock(err)) {
        const what = isDeadlock(err) ? 'deadlock' : 'unavailable'
        log.warn({ outbox_id: row.id, topic: row.topic }, `outbox.delivery.database_${what}`)
        await finish(row, startedAt, { ok: false, retryable: true, uncounted: true, report: { error: `database ${what}` } })
        return
      }
      const e = err instanceof HandlerError ? err : new HandlerError((err as Error).message ?? String(err), true)
      log.info({ outbox_id: row.id, topic: row.topic, error: e.message, retryable: e.retryable }, 'outbox.delivery.failed')
      await finish(row, startedAt, { ok: false, retryable: e.retryable, retryAfterMs: e.retryAfterMs, report: { ...e.report, error: e.report.error ?? e.message }, effects: e.effects })
    }
  }

  const worker = {
    /** Claims one batch of due rows and processes it; resolves with how many were processed. */
    async drainOnce (): Promise<number> {
      const rows = await claim(clock.now().getTime())
      // Once stop() is called, rows of the batch not yet started are handed back instead of run:
      // another instance takes them now, not after the 60 s lease.
      const unstarted: OutboxRow[] = []
      await Promise.all(rows.map((row) => overall.add(() => queueFor(row.destination ?? row.topic).add(async () => {
        if (stopped) unstarted.push(row)
        else await process(row)
      }))))
      if (unstarted.length) {
        const n = await releaseClaims(db, unstarted, clock.now().getTime())
        log.info({ rows: n }, 'outbox.worker.handed_back')
      }
      return rows.length - unstarted.length
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

    /** Finishes the rows already started, hands the rest of the batch back, and ends the loop. */
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
