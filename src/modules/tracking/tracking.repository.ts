// The `tracking_pushes` table (every courier push, raw, stored once), `order_tracking` (the
// lines of an order's courier trail, each appended once) and `order_tracking_state` (when news
// last came for an order, and when we last asked the courier).
import type { Db } from '../../shared/db.js'
import { isUniqueViolation, pruneOldest } from '../../shared/db.js'
import type { TrackingLine } from './tracking.schemas.js'

/** received: stored, its application queued (tracking.apply); then processed, unmatched or invalid. */
export type PushStatus = 'received' | 'processed' | 'unmatched' | 'invalid'

export interface PushRow { id: number; merchant_id: number; provider: string; payload_hash: string; raw: string; status: PushStatus; result: string | null; created_at: number }

/** Stores a raw push; null when a push with this hash was already stored (couriers resend). */
export async function insertPushOnce (db: Db, row: { merchant_id: number; provider: string; payload_hash: string; raw: string; created_at: number }): Promise<number | null> {
  try {
    const [id] = await db('tracking_pushes').insert({ ...row, status: 'received' })
    return Number(id)
  } catch (err) {
    if (isUniqueViolation(err)) return null
    throw err
  }
}

/** A stored push by id (the application reads it back). */
export async function findPush (db: Db, id: number): Promise<PushRow | undefined> {
  const row = await db('tracking_pushes').where({ id }).first()
  return row ? { ...row, id: Number(row.id), merchant_id: Number(row.merchant_id), created_at: Number(row.created_at) } as PushRow : undefined
}

export async function finishPush (db: Db, id: number, status: PushStatus, result: string): Promise<void> {
  await db('tracking_pushes').where({ id }).update({ status, result })
}

/** Appends a line to an order's trail; a line already there (same hash) is left alone. */
export async function appendTrackingLine (db: Db, row: { merchant_id: number; order_id: number; time: string; text: string; line_hash: string; provider: string; created_at: number }): Promise<void> {
  await db('order_tracking').insert(row).onConflict(['order_id', 'line_hash']).ignore()
}

/** Courier tracking lines of an order, oldest first. */
export async function trackingLines (db: Db, orderId: number): Promise<TrackingLine[]> {
  const rows = await db('order_tracking').where({ order_id: orderId }).orderBy([{ column: 'time' }, { column: 'id' }]).select('time', 'text')
  return rows.map((r) => ({ time: r.time as string, text: r.text as string }))
}

/** An order's trail as stored: the courier's time and text, who pushed it and when it came. */
export async function trackingTrail (db: Db, orderId: number): Promise<Array<{ time: string; text: string; provider: string; created_at: number }>> {
  const rows = await db('order_tracking').where({ order_id: orderId }).orderBy([{ column: 'time' }, { column: 'id' }]).select('time', 'text', 'provider', 'created_at')
  return rows.map((r) => ({ time: r.time as string, text: r.text as string, provider: r.provider as string, created_at: Number(r.created_at) }))
}

/**
 * Retention: raw pushes received before `before` go once they have been processed (the
 * tracking lines they gave stay in order_tracking; a courier re-sending such an old push adds no
 * line, each line being kept once). A push not processed yet stays whatever its age.
 */
export async function prunePushes (db: Db, before: number): Promise<number> {
  return pruneOldest(db, 'tracking_pushes', 'created_at', before, { columns: ['status'], keep: (r) => r.status === 'received' })
}

/** News for an order came now (a push or a route query that matched it). */
export async function touchNews (db: Db, merchantId: number, orderId: number, now: number): Promise<void> {
  await db('order_tracking_state').insert({ order_id: orderId, merchant_id: merchantId, last_news_at: now, last_query_at: null }).onConflict('order_id').merge(['last_news_at'])
}

/** We asked the courier about an order now (the route sweep). */
export async function markQueried (db: Db, merchantId: number, orderId: number, now: number): Promise<void> {
  await db('order_tracking_state').insert({ order_id: orderId, merchant_id: merchantId, last_news_at: null, last_query_at: now }).onConflict('order_id').merge(['last_query_at'])
}

export interface StaleOrder { order_id: number; merchant_id: number; order_no: string; waybill_no: string; consignee_phone: string | null; courier_id: number }

/**
 * Shipped orders on an SF account (a courier variant whose vendor is sf) shipped between
 * `shippedAfter` and `before`, with neither news nor a query of ours since `before`: the route
 * sweep's work, oldest first, at most `limit`. An order older than `shippedAfter` (returned,
 * lost, never signed for) is no longer asked about: SF's daily quota is for live parcels. Reads
 * orders and merchant_couriers; writes neither.
 */
export async function staleSfOrders (db: Db, before: number, limit: number, shippedAfter = 0): Promise<StaleOrder[]> {
  const rows = await db('orders as o')
    .join('merchant_couriers as c', (j) => { j.on('c.merchant_id', '=', 'o.merchant_id').andOn('c.code', '=', 'o.courier_code') })
    .leftJoin('order_tracking_state as s', 's.order_id', 'o.id')
    .where('o.status', 'shipped').where('c.vendor', 'sf').whereNotNull('c.credentials_enc').whereNotNull('o.waybill_no')
    .where('o.shipped_at', '<', before).where('o.shipped_at', '>', shippedAfter)
    .where((w) => w.whereNull('s.last_news_at').orWhere('s.last_news_at', '<', before))
    .where((w) => w.whereNull('s.last_query_at').orWhere('s.last_query_at', '<', before))
    .orderBy('o.id').limit(limit)
    .select('o.id as order_id', 'o.merchant_id', 'o.order_no', 'o.waybill_no', 'o.consignee_phone', 'c.id as courier_id')
  return rows.map((r) => ({ order_id: Number(r.order_id), merchant_id: Number(r.merchant_id), order_no: r.order_no, waybill_no: r.waybill_no, consignee_phone: r.consignee_phone ?? null, courier_id: Number(r.courier_id) }))
}
