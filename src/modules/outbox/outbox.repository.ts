// The outbox: rows written in the same transaction as the change they report. Delivery (the
// worker, webhooks, integrations) reads them later; nothing here touches the network. Every
// statement on `outbox` and `outbox_attempts` is in this file.
import type { Knex } from 'knex'
import { affected, insertRows, isDeadlock, isMysql, pruneOldest, type Db } from '../../shared/db.js'
import type { AttemptReport, OutboxRow } from './outbox.types.js'

/** Domain events; each is fanned out to the merchant's webhook endpoints (Standard Webhooks). */
export const EVENT_TOPICS = [
  'card.issued', 'card.activated', 'card.voided', 'card.redeemed',
  'order.created', 'order.shipped', 'order.delivered', 'order.cancelled', 'issue.cancelled',
  'security.guessing',
  'voucher.debited', 'voucher.refunded', 'voucher.extended', 'voucher.expiring',
] as const
export type EventTopic = typeof EVENT_TOPICS[number]
/** Events for the merchant's own systems, not for malls: sent only to endpoints that list them. */
export const OPT_IN_TOPICS: readonly EventTopic[] = ['security.guessing']

/** Work items: one webhook delivery to one endpoint; one text message. */
export const WORK_TOPICS = ['webhook.delivery', 'sms.card_issued', 'sms.send', 'ewaybill.request', 'ewaybill.cancel', 'erp.push', 'tracking.subscribe', 'tracking.apply'] as const

/** Events for our own modules only (no webhook fan-out): a shipped order's new waybill (修改运单). */
export const INTERNAL_TOPICS = ['order.waybill_changed'] as const
export type Topic = EventTopic | typeof WORK_TOPICS[number] | typeof INTERNAL_TOPICS[number]

export interface OutboxMessage {
  merchant_id: number
  topic: Topic
  /** Stable per event: the same event written twice stays one row. */
  idempotency_key: string
  payload: Record<string, unknown>
  destination?: string | null
  event_type?: string | null
  event_id?: string | null
}

const toRow = (m: OutboxMessage, at: Date, claim?: Claim) => ({
  merchant_id: m.merchant_id,
  topic: m.topic,
  destination: m.destination ?? null,
  event_type: m.event_type ?? null,
  event_id: m.event_id ?? null,
  payload: JSON.stringify(m.payload),
  idempotency_key: m.idempotency_key,
  status: claim ? 'processing' : 'pending',
  attempts: 0,
  next_attempt_at: at.getTime(),
  ...claim ? { locked_until: claim.lease, claim_token: claim.token } : {},
  created_at: at.getTime(),
  updated_at: at.getTime(),
})

/** A worker's lease: its claim token, held until `lease` (ms). */
export interface Claim { token: string; lease: number }

/**
 * Queues messages. A message whose idempotency key is already queued is refused (a unique
 * violation), or with `ignoreDuplicates` silently kept as the one row it already is. With
 * `claim` the rows are queued already leased to that worker (see `claimedRows`).
 */
export async function enqueue (db: Db, messages: OutboxMessage[], at: Date, opts: { ignoreDuplicates?: boolean; claim?: Claim } = {}): Promise<void> {
  if (messages.length === 0) return
  const rows = messages.map((m) => toRow(m, at, opts.claim))
  if (opts.ignoreDuplicates) await db('outbox').insert(rows).onConflict('idempotency_key').ignore()
  else await insertRows(db, 'outbox', rows)
}

/** Is a message with this idempotency key queued (or done) already? */
export async function isQueued (db: Db, idempotencyKey: string): Promise<boolean> {
  return Boolean(await db('outbox').where({ idempotency_key: idempotencyKey }).first('id'))
}

/** Queues one message and returns its row id (the existing row's when the key is queued already). */
export async function enqueueOne (db: Db, message: OutboxMessage, at: Date): Promise<number> {
  await enqueue(db, [message], at, { ignoreDuplicates: true })
  const row = await db('outbox').where({ idempotency_key: message.idempotency_key }).first('id')
  return Number(row.id)
}

export interface AttemptRow { outbox_id: number; attempt: number; status_code: number | null; latency_ms: number; error: string | null; response_excerpt: string | null; started_at: number }
export type ListedRow = OutboxRow & { last_status_code: number | null; attempt_log: AttemptRow[] }

/** The status filter for what is failing now: dead rows, and rows that failed and wait for (or are in) a retry. */
export const FAILING = 'failing'

/** A merchant's rows of some topics, newest first, each with its attempts (for the delivery and call logs). */
export async function listRows (db: Db, merchantId: number, f: { topics: readonly string[]; status?: string; destination?: string; eventType?: string; before?: number; limit: number }): Promise<ListedRow[]> {
  const q = db<OutboxRow & { last_status_code: number | null }>('outbox').where({ merchant_id: merchantId }).whereIn('topic', [...f.topics])
  if (f.status === FAILING) q.where((w) => w.where('status', 'dead').orWhere((p) => p.whereIn('status', ['pending', 'processing']).andWhere('attempts', '>', 0)))
  else if (f.status) q.where('status', f.status)
  if (f.destination) q.where('destination', f.destination)
  if (f.eventType) q.where('event_type', f.eventType)
  if (f.before) q.where('id', '<', f.before)
  const rows = await q.orderBy('id', 'desc').limit(f.limit)
  const attempts: AttemptRow[] = rows.length ? await db('outbox_attempts').whereIn('outbox_id', rows.map((r) => r.id)).orderBy('id') : []
  return rows.map((r) => ({ ...r, attempt_log: attempts.filter((a) => Number(a.outbox_id) === Number(r.id)) }))
}

/** Sends rows again now with a fresh retry schedule; returns how many were requeued. */
export async function requeue (db: Db, merchantId: number, f: { topic: string; id?: number; destination?: string; since?: number; until?: number; statuses: readonly string[] }, now: number): Promise<number> {
  const q = db('outbox').where({ merchant_id: merchantId, topic: f.topic }).whereIn('status', [...f.statuses])
  if (f.id !== undefined) q.where('id', f.id)
  if (f.destination !== undefined) q.where('destination', f.destination)
  if (f.since !== undefined) q.andWhere('created_at', '>=', f.since)
  if (f.until !== undefined) q.andWhere('created_at', '<', f.until)
  return await q.update({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
}

/**
 * Sends one failed row again now with a fresh retry schedule: only a dead row, or one that has
 * failed and waits for its next retry, in one conditional statement. Returns whether it was.
 */
export async function requeueFailed (db: Db, merchantId: number, id: number, topics: readonly string[], now: number): Promise<boolean> {
  const n = await db('outbox').where({ merchant_id: merchantId, id }).whereIn('topic', [...topics])
    .where((w) => w.where('status', 'dead').orWhere((p) => p.where('status', 'pending').andWhere('attempts', '>', 0)))
    .update({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
  return affected(n) === 1
}

/** One of the merchant's rows of these topics, or undefined. */
export async function findRow (db: Db, merchantId: number, id: number, topics: readonly string[]): Promise<OutboxRow | undefined> {
  return await db<OutboxRow>('outbox').where({ merchant_id: merchantId, id }).whereIn('topic', [...topics]).first()
}

const due = (q: Knex.QueryBuilder, now: number) => q.where((w) =>
  w.where((p) => p.where('status', 'pending').andWhere('next_attempt_at', '<=', now))
    .orWhere((p) => p.where('status', 'processing').andWhere('locked_until', '<', now)))

/**
 * Leases up to `limit` due rows (pending and due, or processing with a lapsed lease) to the
 * claim token until `lease`: FOR UPDATE SKIP LOCKED on MySQL (rows another instance is claiming
 * are skipped, not waited for); on SQLite one statement that writes straight away (a
 * read-then-write transaction could not upgrade its lock while another connection writes) and
 * lets the due condition settle races.
 */
export async function claimDue (db: Knex, now: number, limit: number, lease: number, token: string): Promise<OutboxRow[]> {
  const mark = { status: 'processing', locked_until: lease, claim_token: token, updated_at: now }
  if (isMysql(db)) {
    // READ COMMITTED: the locking read takes the rows it found and no gaps of the due range
    // (under REPEATABLE READ every transaction inserting an outbox row meanwhile, an order made
    // or shipped, waited on those gaps). Two instances claiming while rows are being finished
    // can still meet in a deadlock; InnoDB rolls the victim back whole, so it claims again.
    for (let attempt = 1; ; attempt++) {
      try {
        const found = await db.transaction(async (trx) => {
          const ids = (await due(trx('outbox'), now).orderBy('next_attempt_at').limit(limit).forUpdate().skipLocked().pluck('id')).map(Number)
          if (ids.length) await trx('outbox').whereIn('id', ids).update(mark)
          return ids.length
        }, { isolationLevel: 'read committed' })
        // Nothing due (the idle worker's poll, a kick with nothing left): no read of the claim.
        if (found === 0) return []
        break
      } catch (err) {
        if (!isDeadlock(err) || attempt >= 5) throw err
      }
    }
  } else {
    const n = await due(db('outbox'), now).whereIn('id', (sub) => { due(sub.select('id').from('outbox'), now).orderBy('next_attempt_at').limit(limit) }).update(mark)
    if (affected(n) === 0) return []
  }
  return await claimedRows(db, token)
}

/** The rows a claim token holds (rows queued with `enqueue`'s `claim`, once committed). */
export async function claimedRows (db: Db, token: string): Promise<OutboxRow[]> {
  return await db('outbox').where({ claim_token: token }) as OutboxRow[]
}

/**
 * Renews a claimed row's lease to `lease`, if the claim still holds; false when it was lost (the
 * lease ran out and a claim took it). A row that waited long in a worker's queue renews before
 * it runs, so no other claim can take it while it runs.
 */
export async function renewClaim (db: Db, row: OutboxRow, lease: number, now: number): Promise<boolean> {
  return affected(await db('outbox').where({ id: row.id, status: 'processing', claim_token: row.claim_token }).update({ locked_until: lease, updated_at: now })) === 1
}

/** A row given back untried: pending again at once, its attempts untouched, no claim on it. */
const untried = (now: number) => ({ status: 'pending', locked_until: null, claim_token: null, updated_at: now })

/** The ids of claimed rows by the claim token that holds them. */
function idsByToken (rows: ReadonlyArray<Pick<OutboxRow, 'id' | 'claim_token'>>): Map<string, number[]> {
  const byToken = new Map<string, number[]>()
  for (const r of rows) {
    if (!r.claim_token) continue
    const ids = byToken.get(r.claim_token)
    if (ids) ids.push(Number(r.id))
    else byToken.set(r.claim_token, [Number(r.id)])
  }
  return byToken
}

/** Gives back every row still held under a claim token, untried (see `releaseClaims`). */
export async function releaseToken (db: Db, token: string, now: number): Promise<number> {
  return affected(await db('outbox').where({ status: 'processing', claim_token: token }).update(untried(now)))
}

/**
 * Gives claimed rows back untried (a worker stopping): pending again at once, their attempts
 * untouched, for any instance to claim. Only rows still held by their claim are touched.
 * Returns how many were.
 */
export async function releaseClaims (db: Db, rows: readonly OutboxRow[], now: number): Promise<number> {
  let n = 0
  for (const [token, ids] of idsByToken(rows)) {
    n += affected(await db('outbox').whereIn('id', ids).where({ status: 'processing', claim_token: token }).update(untried(now)))
  }
  return n
}

export interface AttemptOutcome { row: OutboxRow; status: 'done' | 'dead' | 'pending'; attempts: number; nextAttemptAt: number; startedAt: number; report: AttemptReport }

/**
 * Records the attempts of claimed rows: each row's new state and its attempt's line. Only the
 * holder of a row's claim may finish it; a row whose claim was lost (its lease ran out and
 * another worker took it) is left alone. Returns the outcomes that were written.
 *
 * A batch costs a few statements, not two per row: one locking read of the rows still held per
 * claim token, one UPDATE per group of rows that end the same way (a burst of deliveries that
 * all answered 200 is one), one INSERT of every attempt line.
 */
export async function recordAttempts (trx: Knex.Transaction, outcomes: readonly AttemptOutcome[], now: number): Promise<AttemptOutcome[]> {
  if (outcomes.length === 0) return []
  const held = new Set<string>()
  for (const [token, ids] of idsByToken(outcomes.map((o) => o.row))) {
    for (const part of chunks(ids, 500)) {
      const rows = await trx('outbox').whereIn('id', part).where({ status: 'processing', claim_token: token }).forUpdate().select('id')
      for (const r of rows) held.add(`${token}|${Number(r.id)}`)
    }
  }
  const mine = outcomes.filter((o) => held.has(`${o.row.claim_token}|${Number(o.row.id)}`))
  const groups = new Map<string, { token: string; ids: number[]; set: Record<string, unknown> }>()
  for (const o of mine) {
    const set: Record<string, unknown> = {
      status: o.status, attempts: o.attempts, locked_until: null, claim_token: null, updated_at: now,
      last_error: o.status === 'done' ? null : (o.report.error ?? 'failed').slice(0, 2000),
      last_status_code: o.report.status_code ?? null,
    }
    // A finished row keeps its due time; only a retry moves it.
    if (o.status === 'pending') set.next_attempt_at = o.nextAttemptAt
    const key = `${o.row.claim_token}|${JSON.stringify(set)}`
    const g = groups.get(key)
    if (g) g.ids.push(Number(o.row.id))
    else groups.set(key, { token: String(o.row.claim_token), ids: [Number(o.row.id)], set })
  }
  for (const g of groups.values()) {
    for (const part of chunks(g.ids, 500)) await trx('outbox').whereIn('id', part).where({ status: 'processing', claim_token: g.token }).update(g.set)
  }
  const lines = mine.map((o) => ({
    outbox_id: o.row.id, attempt: o.attempts, started_at: o.startedAt, status_code: o.report.status_code ?? null,
    latency_ms: Math.max(0, now - o.startedAt), error: o.report.error?.slice(0, 500) ?? null,
    response_excerpt: o.report.response_excerpt?.slice(0, 1024) ?? null,
  }))
  for (const part of chunks(lines, 200)) await insertRows(trx, 'outbox_attempts', part)
  return mine
}

function chunks<T> (xs: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

/**
 * Retention: attempts older than `attemptsBefore` go (the row keeps its outcome: status,
 * attempts, last error), then finished rows (done or dead) created before `rowsBefore`. Rows
 * still pending or in flight stay whatever their age.
 */
export async function pruneOutbox (db: Knex, f: { attemptsBefore: number; rowsBefore: number }): Promise<{ attempts: number; rows: number }> {
  const attempts = await pruneOldest(db, 'outbox_attempts', 'started_at', f.attemptsBefore)
  const rows = await pruneOldest(db, 'outbox', 'created_at', f.rowsBefore, { columns: ['status'], keep: (r) => r.status !== 'done' && r.status !== 'dead' })
  return { attempts, rows }
}

/**
 * The merchant's rows of these topics that failed: dead ones, and pending ones that have failed
 * at least once (waiting for their next retry). Read through (merchant_id, status, topic).
 */
export async function failingCounts (db: Db, merchantId: number, topics: readonly string[]): Promise<{ dead: number; retrying: number }> {
  const rows = await db('outbox').where('merchant_id', merchantId).whereIn('status', ['dead', 'pending']).whereIn('topic', [...topics])
    .andWhere('attempts', '>', 0).groupBy('status').select('status').count({ n: '*' }) as Array<{ status: string; n: number | string }>
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { dead: of('dead'), retrying: of('pending') }
}

/**
 * The merchant's rows with these idempotency keys, each with its attempts. Read by the keys
 * alone, so that only their unique index answers (the merchant is checked on the rows read).
 */
export async function rowsByKeys (db: Db, merchantId: number, keys: string[]): Promise<ListedRow[]> {
  if (keys.length === 0) return []
  const rows = (await db<OutboxRow & { last_status_code: number | null }>('outbox').whereIn('idempotency_key', keys).orderBy('id'))
    .filter((r) => Number(r.merchant_id) === merchantId)
  const attempts: AttemptRow[] = rows.length ? await db('outbox_attempts').whereIn('outbox_id', rows.map((r) => r.id)).orderBy('id') : []
  return rows.map((r) => ({ ...r, attempt_log: attempts.filter((a) => Number(a.outbox_id) === Number(r.id)) }))
}
