// The outbox worker: claims due rows in batches with a lease (FOR UPDATE SKIP LOCKED on
// MySQL; a conditional update per row on SQLite), hands each to the handler of its topic
// with p-queue concurrency per destination and overall, records every attempt, and retries
// after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (±10 %) before a row is dead. A row whose
// process died keeps its lease until it runs out, then any instance takes it again: nothing
// is lost, and no two instances hold the same attempt at once.
// Running, it claims again as soon as half of what it holds is done; outcomes are written in
// group commits of a few statements each; the rows an outcome queues (an event's webhook
// deliveries) are leased to this worker in the same transaction and run at once.
import { randomBytes } from 'node:crypto'
import PQueue from 'p-queue'
import type { Knex } from 'knex'
import type { Clock } from '../shared/clock.js'
import { outboxAttempts } from '../shared/metrics.js'
import { isDatabaseUnavailable, isDeadlock, isMysql } from '../shared/db.js'
import { claimDue, claimedRows, enqueue, recordAttempts, releaseClaims, releaseToken, renewClaim, type OutboxMessage } from '../modules/outbox/outbox.repository.js'
import { HandlerError, type AttemptReport, type Effects, type Handler, type OutboxRow } from '../modules/outbox/outbox.types.js'

export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]
const LEASE_MS = 60_000
/**
 * A row about to start with less than this left of its lease renews it first: the longest a
 * handler's call may take (15 s) and a margin. Without it, a row that waited in the queue of a
 * slow destination could be claimed again (by this worker too) and run twice at once.
 */
const LEASE_LEFT_TO_START_MS = 25_000
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
  // Something was queued since the last claim began: a kick that came while no pause was waiting
  // for it must not be lost (the claim may have looked before that row was committed).
  let kicked = false

  function queueFor (destination: string): PQueue {
    let q = perDestination.get(destination)
    if (!q) perDestination.set(destination, q = new PQueue({ concurrency: opts.perDestination ?? 10 }))
    return q
  }

  async function claim (now: number, limit = batchSize): Promise<OutboxRow[]> {
    return await claimDue(db, now, limit, now + LEASE_MS, randomBytes(16).toString('hex'))
  }

  interface Outcome { row: OutboxRow; startedAt: number; ok: boolean; retryable: boolean; retryAfterMs?: number | null; uncounted?: boolean; report: AttemptReport; effects?: Effects; next?: OutboxMessage[]; done: (next: OutboxRow[]) => void; fail: (e: Error) => void }
  let buffered: Outcome[] = []
  let flushing: Promise<void> | null = null

  /**
   * Group commit: outcomes that arrive while a write is running are written together in the
   * next transaction, so fifty concurrent deliveries do not queue for fifty transactions.
   */
  function finish (row: OutboxRow, startedAt: number, outcome: Result): Promise<OutboxRow[]> {
    return new Promise<OutboxRow[]>((resolve, reject) => {
      buffered.push({ row, startedAt, ...outcome, done: resolve, fail: reject })
      if (!flushing) flushing = flush()
    })
  }

  async function flush (): Promise<void> {
    while (buffered.length) {
      const batch = buffered
      buffered = []
      try {
        const { dead, next, effects } = await writeOutcomes(batch)
        for (const row of dead) log.warn({ outbox_id: row.id, topic: row.topic }, 'outbox.delivery.dead')
        // Their effects may have queued rows (an order's texts, its ERP push): look for them now.
        if (effects) worker.kick()
        const byKey = new Map(next.map((r) => [r.idempotency_key, r]))
        for (const o of batch) o.done((o.next ?? []).map((m) => byKey.get(m.idempotency_key)).filter((r) => r !== undefined))
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
  async function writeOutcomes (batch: Outcome[]): Promise<{ dead: OutboxRow[]; next: OutboxRow[]; effects: boolean }> {
    for (let attempt = 1; ; attempt++) {
      // The rows these outcomes queue for this worker to run next, leased to a token of their own.
      const claim = { token: randomBytes(16).toString('hex'), lease: 0 }
      let effects = false
      try {
        const written = await db.transaction(async (trx) => {
          const now = clock.now().getTime()
          claim.lease = now + LEASE_MS
          const mine = await recordAttempts(trx, batch.map((o) => ({ row: o.row, startedAt: o.startedAt, report: o.report, ...plan(o, now) })), now)
          const kept = new Set(mine.map((m) => m.row))
          const out: Array<{ row: OutboxRow; status: string }> = []
          const next: OutboxMessage[] = []
          for (const o of batch) {
            if (!kept.has(o.row)) continue
            if (o.effects) { effects = true; await o.effects(trx) }
            if (o.next) next.push(...o.next)
          }
          for (const m of mine) out.push({ row: m.row, status: m.status })
          if (next.length) await enqueue(trx, next, clock.now(), { claim })
          return out
        }, isMysql(db) ? { isolationLevel: 'read committed' } : undefined)
        // Counted once committed: a batch written again after a deadlock is not counted twice.
        for (const w of written) outboxAttempts.inc({ topic: w.row.topic, outcome: w.status === 'pending' ? 'retry' : w.status })
        const dead = written.filter((w) => w.status === 'dead').map((w) => w.row)
        if (!batch.some((o) => o.next?.length)) return { dead, next: [], effects }
        // The outcomes are committed: a failed read of the rows they queued fails none of them.
        // Those rows are given back for any worker to claim (or, failing that too, their lease runs out).
        try {
          return { dead, next: await claimedRows(db, claim.token), effects }
        } catch (err) {
          log.warn({ err }, 'outbox.worker.next_unread')
          await releaseToken(db, claim.token, clock.now().getTime()).catch(() => undefined)
          return { dead, next: [], effects }
        }
      } catch (err) {
        if (!isDeadlock(err) || attempt >= 5) throw err
      }
    }
  }

  /** An outcome's new state: done, dead, or pending again after its delay. */
  function plan (o: Outcome, now: number): { status: 'done' | 'dead' | 'pending'; attempts: number; nextAttemptAt: number } {
    // Our own database failing under a handler is no attempt at the destination: it does not use
    // up the schedule (a 10 s outage would otherwise push rows to their 5-minute step).
    const attempts = Number(o.row.attempts) + (o.uncounted ? 0 : 1)
    const scheduled = o.ok || !o.retryable ? null : o.uncounted ? DATABASE_RETRY_MS : nextDelay(attempts, opts.random)
    // A destination that said when to come back (429/503 Retry-After) is not asked sooner; the
    // attempt still counts, so the schedule stays finite.
    const delay = scheduled === null ? null : Math.max(scheduled, Math.min(o.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS))
    const status = o.ok ? 'done' : delay === null ? 'dead' : 'pending'
    return { status, attempts, nextAttemptAt: delay === null ? Number(o.row.next_attempt_at) : now + delay }
  }

  type Result = Omit<Outcome, 'row' | 'startedAt' | 'done' | 'fail'>

  /** Runs one claimed row's handler; resolves with its outcome, not yet written. */
  async function attempt (row: OutboxRow): Promise<Result> {
    const handler = handlers[row.topic]
    if (!handler) return { ok: false, retryable: false, report: { error: `no handler for topic ${row.topic}` } }
    try {
      const { effects, next, ...report } = await handler(row, clock.now()) ?? {}
      return { ok: true, retryable: false, report, effects, next }
    } catch (err) {
      // A deadlock's victim was rolled back whole: like an outage, our database's doing, not the destination's.
      if (isDatabaseUnavailable(err) || isDeadlock(err)) {
        const what = isDeadlock(err) ? 'deadlock' : 'unavailable'
        log.warn({ outbox_id: row.id, topic: row.topic }, `outbox.delivery.database_${what}`)
        return { ok: false, retryable: true, uncounted: true, report: { error: `database ${what}` } }
      }
      const e = err instanceof HandlerError ? err : new HandlerError((err as Error).message ?? String(err), true)
      log.info({ outbox_id: row.id, topic: row.topic, error: e.message, retryable: e.retryable }, 'outbox.delivery.failed')
      return { ok: false, retryable: e.retryable, retryAfterMs: e.retryAfterMs, report: { ...e.report, error: e.report.error ?? e.message }, effects: e.effects }
    }
  }

  // Claimed rows not yet started when stop() came: handed back instead of run.
  let unstarted: OutboxRow[] = []
  let inFlight = 0
  const running = new Set<Promise<void>>()
  let roomMade: (() => void) | null = null

  /**
   * Runs a claimed row, then the rows its completion queued for this worker. The queues (overall,
   * per destination) are held for the handler alone: a destination's slot is free again while
   * the outcome waits for its group commit.
   */
  function run (row: OutboxRow): Promise<void> {
    inFlight++
    const left = () => { inFlight--; roomMade?.() }
    // Its destination's turn first, then an overall slot: a row waiting for a busy destination
    // holds no overall slot that another destination's row could use.
    return queueFor(row.destination ?? row.topic).add(() => overall.add(async () => {
      if (stopped) { unstarted.push(row); return null }
      const startedAt = clock.now().getTime()
      if (Number(row.locked_until) - startedAt < LEASE_LEFT_TO_START_MS) {
        // It waited long in the queue: renew the lease, or leave the row to whoever claimed it since.
        if (!await renewClaim(db, row, startedAt + LEASE_MS, startedAt)) {
          log.info({ outbox_id: row.id, topic: row.topic }, 'outbox.worker.lease_lost')
          return null
        }
      }
      return { startedAt, result: await attempt(row) }
    })).then(async (tried) => tried ? await finish(row, tried.startedAt, tried.result) : []).then(async (next) => {
      left()
      await settleAll(next.map(run))
    }, (err: unknown) => { left(); throw err })
  }

  /** Waits for every run (none escapes while another fails), then fails with the first error. */
  async function settleAll (runs: Array<Promise<void>>): Promise<void> {
    const results = await Promise.allSettled(runs)
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown)
    for (const err of errors.slice(1)) failed(err)
    if (errors.length) throw errors[0]
  }

  /**
   * Hands the rows claimed but not started back: another instance takes them now, not after the
   * 60 s lease. Returns them. If the database fails meanwhile they keep their lease.
   */
  async function handBack (): Promise<OutboxRow[]> {
    const rows = unstarted
    unstarted = []
    if (!rows.length) return []
    try {
      const n = await releaseClaims(db, rows, clock.now().getTime())
      log.info({ rows: n }, 'outbox.worker.handed_back')
    } catch (err) {
      log.warn({ err, rows: rows.length }, 'outbox.worker.hand_back_failed')
    }
    return rows
  }

  // A failed outcome write fails every row of its batch with the same error: logged once. The
  // rows keep their lease and are taken again when it lapses.
  const reported = new WeakSet<object>()
  function failed (err: unknown): void {
    if (typeof err === 'object' && err !== null) {
      if (reported.has(err)) return
      reported.add(err)
    }
    log.error({ err }, 'outbox.worker.failed')
  }

  const half = () => inFlight > batchSize / 2
  function pause (ms: number, until: () => boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done () { clearTimeout(timer); wake = null; roomMade = null; resolve() }
      wake = done
      roomMade = () => { if (until()) done() }
    })
  }

  const worker = {
    /** Claims one batch of due rows and processes it (with the rows it queues); resolves with how many were processed. */
    async drainOnce (): Promise<number> {
      const rows = await claim(clock.now().getTime())
      await settleAll(rows.map((row) => run(row)))
      // Handed back: counted among the claimed rows only (queued follow-ups were never counted).
      const back = new Set((await handBack()).map((r) => Number(r.id)))
      return rows.filter((r) => !back.has(Number(r.id))).length
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

    /**
     * Runs in the background until stop(). Claims again once half of what it holds is done
     * (a slow row does not hold the next batch back), sleeps when nothing is due, or until kick().
     */
    start (idleMs = 1_000): void {
      if (loop) return
      stopped = false
      loop = (async () => {
        while (!stopped) {
          let claimed = 0
          let claimFailed = false
          if (!half()) {
            kicked = false
            try {
              const rows = await claim(clock.now().getTime(), batchSize - inFlight)
              claimed = rows.length
              for (const row of rows) {
                const p: Promise<void> = run(row).catch(failed).finally(() => running.delete(p))
                running.add(p)
              }
            } catch (err) {
              claimFailed = true
              failed(err)
            }
          }
          if (stopped) break
          if (half()) await pause(idleMs * 60, () => !half())
          else if (claimFailed || (claimed === 0 && !kicked)) await pause(idleMs, () => false)
        }
      })()
    },

    /** Something was just queued: look now rather than after the idle pause. */
    kick (): void {
      kicked = true
      wake?.()
    },

    /** Finishes the rows already started, hands the rest of the batch back, and ends the loop. */
    async stop (): Promise<void> {
      stopped = true
      wake?.()
      await loop
      loop = null
      while (running.size) await Promise.all([...running])
      await overall.onIdle()
      await handBack()
    },
  }
  return worker
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>
