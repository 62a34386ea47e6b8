// Every statement on card_batches: lookups, creation (generated and imported batches), and the
// bookkeeping of the background generation job (leases, progress, ready, failed).
import type { Knex } from 'knex'
import { affected, type Db } from '../../shared/db.js'

export interface BatchRow {
  id: number
  merchant_id: number
  batch_no: string
  name: string
  source: 'generated' | 'imported'
  prefix: string
  number_length: number
  number_mode: 'sequential' | 'random'
  start_number: string | null
  number_first: string | null
  number_width: number
  password_length: number
  password_charset: 'digits' | 'letters' | 'alnum'
  quantity: number
  product_set_id: number
  face_value: number | null
  valid_from: string | null
  valid_to: string | null
  kind?: 'pickup' | 'stored_value'
  valid_days?: number | null
  /** JSON of VoucherRestrictions, or null. */
  restrictions?: string | null
  remark: string | null
  activate: number | boolean
  status: 'generating' | 'ready' | 'failed'
  generated: number
  error_code: string | null
  serial_from: number
  serial_to: number
  lease_until: number | null
  created_by: number | null
  created_at: number
  updated_at: number
}

export async function findBatch (db: Db, merchantId: number, batchNo: string): Promise<BatchRow | undefined> {
  return db<BatchRow>('card_batches').where({ merchant_id: merchantId, batch_no: batchNo }).first()
}

export async function findBatchById (db: Db, merchantId: number, id: number): Promise<BatchRow | undefined> {
  return db<BatchRow>('card_batches').where({ merchant_id: merchantId, id }).first()
}

/** A batch of the merchant by number, only when its cards are all there (status ready). */
export async function findReadyBatch (db: Db, merchantId: number, batchNo: string): Promise<BatchRow | undefined> {
  return db<BatchRow>('card_batches').where({ merchant_id: merchantId, batch_no: batchNo, status: 'ready' }).first()
}

/** Batch numbers by batch id. */
export async function batchNos (db: Db, batchIds: number[]): Promise<Map<number, string>> {
  if (batchIds.length === 0) return new Map()
  return new Map((await db('card_batches').whereIn('id', batchIds).select('id', 'batch_no')).map((b) => [Number(b.id), b.batch_no as string]))
}

/**
 * The merchant's batches whose cards are not usable yet: still generating, or failed and being
 * removed. The one definition behind "a card of an unfinished batch is invisible" (see
 * cards.repository.ts for how lists and single cards apply it).
 */
export function unreadyBatches (db: Db, merchantId: number): Knex.QueryBuilder {
  return db('card_batches').whereRaw(UNREADY_BATCH_SQL, [merchantId])
}

/** The same definition as SQL over `card_batches`, for hand-written statements; binds the merchant id. */
export const UNREADY_BATCH_SQL = "card_batches.merchant_id = ? AND card_batches.status <> 'ready'"


/** Ids of batches whose cards are not usable yet (still generating, or failed and being removed). */
export async function unreadyBatchIds (db: Db, merchantId: number): Promise<number[]> {
  const ids = await unreadyBatches(db, merchantId).pluck('id')
  return ids.map(Number)
}

/** True when a batch still generating its cards points at a set holding the product. */
export async function generatingBatchHoldsProduct (db: Db, merchantId: number, productId: number): Promise<boolean> {
  const batch = await db('product_set_items as i')
    .join('card_batches as b', 'b.product_set_id', 'i.set_id')
    .where('i.product_id', productId).andWhere('b.merchant_id', merchantId).andWhere('b.status', 'generating')
    .first('b.id')
  return Boolean(batch)
}

/** The merchant's batches, newest first, keyset-paged on id. */
export async function listBatches (db: Db, merchantId: number, q: { status?: string; beforeId?: number; limit: number }): Promise<BatchRow[]> {
  const query = db<BatchRow>('card_batches').where({ merchant_id: merchantId })
  if (q.status) query.andWhere('status', q.status)
  if (q.beforeId !== undefined) query.andWhere('id', '<', q.beforeId)
  return query.orderBy('id', 'desc').limit(q.limit)
}

/** Sequential batches of a prefix and width that hold (or will hold) their numbers: all but failed ones. */
export async function liveSequentialBatches (db: Db, merchantId: number, prefix: string, width: number): Promise<Array<Pick<BatchRow, 'number_first' | 'quantity'>>> {
  return db<BatchRow>('card_batches')
    .where({ merchant_id: merchantId, prefix, number_mode: 'sequential', number_width: width })
    .whereNot('status', 'failed')
    .select('number_first', 'quantity')
}

/** Sequential batches of a prefix still generating (their numbers are not all cards yet). */
export async function generatingSequentialBatches (db: Db, merchantId: number, prefix: string): Promise<Array<Pick<BatchRow, 'number_first' | 'number_width' | 'quantity'>>> {
  return db<BatchRow>('card_batches')
    .where({ merchant_id: merchantId, prefix, number_mode: 'sequential', status: 'generating' })
    .select('number_first', 'number_width', 'quantity')
}

export async function insertBatch (db: Db, row: Omit<BatchRow, 'id'>): Promise<number> {
  const [id] = await db('card_batches').insert(row)
  return Number(id)
}

/** A batch of imported cards: ready at once, its numbers and passwords came from the file. */
export async function insertImportedBatch (db: Db, b: {
  merchant_id: number; batch_no: string; name: string; quantity: number; product_set_id: number; face_value: number | null
  valid_from: string | null; valid_to: string | null; activate: boolean; serial_from: number; created_by: number | null; at: Date
}): Promise<number> {
  const [id] = await db('card_batches').insert({
    merchant_id: b.merchant_id, batch_no: b.batch_no, name: b.name, source: 'imported', prefix: '',
    number_length: 0, number_mode: 'imported', start_number: null, number_first: null, number_width: 0, password_length: 0,
    password_charset: 'imported', quantity: b.quantity, product_set_id: b.product_set_id, face_value: b.face_value,
    valid_from: b.valid_from, valid_to: b.valid_to, remark: null, activate: b.activate,
    status: 'ready', generated: b.quantity, serial_from: b.serial_from, serial_to: b.serial_from + b.quantity - 1, created_by: b.created_by,
    created_at: b.at.getTime(), updated_at: b.at.getTime(),
  })
  return Number(id)
}

// The generation job. A batch `generating` is worked on by whoever holds its lease
// (lease_until in the future); a lease that ran out, or none, may be taken by any instance.

const leaseFree = (now: number) => (w: Knex.QueryBuilder) => w.whereNull('lease_until').orWhere('lease_until', '<', now)

/** Up to `n` batches that need generating and have no live lease, oldest first. */
export async function leaseCandidates (db: Db, now: number, n: number): Promise<BatchRow[]> {
  return db<BatchRow>('card_batches').where({ status: 'generating' }).andWhere(leaseFree(now)).orderBy('id').limit(n)
}

/** Takes the lease of a batch if it is still free; true when this caller got it. */
export async function takeLease (db: Db, batchId: number, now: number, until: number): Promise<boolean> {
  return affected(await db('card_batches').where({ id: batchId, status: 'generating' }).andWhere(leaseFree(now))
    .update({ lease_until: until })) === 1
}

/** Records progress and renews a lease still held at `now`; false when the lease was lost. */
export async function renewLease (db: Db, batchId: number, now: number, generated: number, until: number): Promise<boolean> {
  return affected(await db('card_batches')
    .where({ id: batchId, status: 'generating' }).andWhere('lease_until', '>=', now)
    .update({ generated, lease_until: until, updated_at: now })) === 1
}

/** A generating batch with all its cards becomes ready (and usable). */
export async function markBatchReady (db: Db, batchId: number, quantity: number, at: Date): Promise<void> {
  await db('card_batches').where({ id: batchId, status: 'generating' })
    .update({ status: 'ready', generated: quantity, lease_until: null, updated_at: at.getTime() })
}

export async function markBatchFailed (db: Db, batchId: number, code: string, at: Date): Promise<void> {
  await db('card_batches').where({ id: batchId }).update({ status: 'failed', error_code: code, generated: 0, lease_until: null, updated_at: at.getTime() })
}
