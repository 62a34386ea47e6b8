// Every statement on card_counts: the cards of each batch counted by state. The counts change
// only beside the change they count, in the same transaction: new cards (insertCards), the card
// ledger's moves (moveCards, moveWindowCards) and a failed batch's removal. Lists, batch views and
// bulk plans read them instead of counting the cards.
import { isMysql, type Db } from '../../shared/db.js'
import type { CardStatusValue, StatusCounts } from './cards.schemas.js'

export interface CountDelta { batch_id: number; status: CardStatusValue; n: number }

/**
 * Adds the deltas (negative ones subtract) in one statement. Rows are written in key order, so
 * two transactions touching the same counts lock them in the same order on MySQL (no deadlock).
 */
export async function addCardCounts (db: Db, merchantId: number, deltas: CountDelta[]): Promise<void> {
  const summed = new Map<string, CountDelta>()
  for (const d of deltas) {
    const key = `${String(d.batch_id).padStart(12, '0')}:${d.status}`
    const had = summed.get(key)
    if (had) had.n += d.n
    else summed.set(key, { ...d, batch_id: Number(d.batch_id) })
  }
  const rows = [...summed.entries()].filter(([, d]) => d.n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d)
  if (rows.length === 0) return
  const values = rows.map(() => '(?, ?, ?, ?)').join(', ')
  const params = rows.flatMap((d) => [merchantId, d.batch_id, d.status, d.n])
  const upsert = isMysql(db) ? 'ON DUPLICATE KEY UPDATE n = n + VALUES(n)' : 'ON CONFLICT (merchant_id, batch_id, status) DO UPDATE SET n = n + excluded.n'
  await db.raw(`INSERT INTO card_counts (merchant_id, batch_id, status, n) VALUES ${values} ${upsert}`, params)
}

export function emptyCounts (): StatusCounts {
  return { inactive: 0, active: 0, redeemed: 0, voided: 0, total: 0 }
}

/** The merchant's cards by state: of one batch, or of all batches but `hidden` (unfinished ones). */
export async function countsOfBatches (db: Db, merchantId: number, scope: { batchId?: number | null; hidden: number[] }): Promise<StatusCounts> {
  const counts = emptyCounts()
  if (scope.batchId === null) return counts
  const q = db('card_counts').where({ merchant_id: merchantId })
  if (scope.batchId !== undefined) q.andWhere('batch_id', scope.batchId)
  if (scope.hidden.length) q.whereNotIn('batch_id', scope.hidden)
  const rows = await q.groupBy('status').select('status').sum({ n: 'n' }) as Array<{ status: string; n: number | string | null }>
  for (const r of rows) {
    const n = Number(r.n ?? 0)
    if (r.status in counts) counts[r.status as keyof StatusCounts] = n
    counts.total += n
  }
  return counts
}

/** The counts of each of these batches (one grouped read: the batch list's page). */
export async function countsByBatch (db: Db, merchantId: number, batchIds: number[]): Promise<Map<number, StatusCounts>> {
  const out = new Map<number, StatusCounts>(batchIds.map((id) => [Number(id), emptyCounts()]))
  if (batchIds.length === 0) return out
  const rows = await db('card_counts').where({ merchant_id: merchantId }).whereIn('batch_id', batchIds)
    .select('batch_id', 'status', 'n') as Array<{ batch_id: number; status: string; n: number | string }>
  for (const r of rows) {
    const c = out.get(Number(r.batch_id))
    if (!c || !(r.status in c)) continue
    c[r.status as CardStatusValue] += Number(r.n)
    c.total += Number(r.n)
  }
  return out
}

/** Forgets a batch's counts (its cards are gone: a failed batch). */
export async function deleteBatchCounts (db: Db, merchantId: number, batchId: number): Promise<void> {
  await db('card_counts').where({ merchant_id: merchantId, batch_id: batchId }).delete()
}

/**
 * The merchant's cards of finished batches by state, with their face value at the batch's face
 * value (cents): the merchant's count rows (a prefix of card_counts' primary key) and its ready
 * batches (a prefix of the (merchant_id, batch_no) index), a few rows per batch however many cards.
 */
export async function countsWithFaceValue (db: Db, merchantId: number): Promise<Array<{ status: string; n: number; face_value: number }>> {
  const [counts, batches] = await Promise.all([
    db('card_counts').where('merchant_id', merchantId).select('batch_id', 'status', 'n') as Promise<Array<{ batch_id: number; status: string; n: number | string }>>,
    db('card_batches').where({ merchant_id: merchantId, status: 'ready' }).select('id', 'face_value') as Promise<Array<{ id: number; face_value: number | string | null }>>,
  ])
  const faceValue = new Map(batches.map((b) => [Number(b.id), Number(b.face_value ?? 0)]))
  const byState = new Map<string, { status: string; n: number; face_value: number }>()
  for (const c of counts) {
    const value = faceValue.get(Number(c.batch_id))
    if (value === undefined) continue
    const r = byState.get(c.status) ?? { status: c.status, n: 0, face_value: 0 }
    r.n += Number(c.n)
    r.face_value += Number(c.n) * value
    byState.set(c.status, r)
  }
  return [...byState.values()]
}
