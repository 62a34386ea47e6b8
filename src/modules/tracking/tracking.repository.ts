// The `tracking_pushes` table (every courier push, raw, stored once) and `order_tracking` (the
// lines of an order's courier trail, each appended once).
import type { Db } from '../../shared/db.js'
import { isUniqueViolation, pruneOldest } from '../../shared/db.js'
import type { TrackingLine } from './tracking.schemas.js'

export type PushStatus = 'received' | 'processed' | 'unmatched'

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
