// The `sms_messages` table: one row per text we tried to send (sent, failed, or dropped by the
// per-phone limits, with the reason), the merchant's message log.
import type { Db } from '../../shared/db.js'
import type { SmsReceipt } from '../../integrations/sms/port.js'
import type { DeliveryState, SmsState } from './notifications.schemas.js'

export interface SmsMessageRow {
  id: number
  merchant_id: number
  phone: string
  event: string
  template_id: string
  provider: string
  status: SmsState
  provider_message_id: string | null
  error: string | null
  outbox_id: number | null
  /** The order the text is about (order texts), for the order's timeline. */
  order_no: string | null
  created_at: number
  /** A sent text's receipt: null while waiting (or for a text never sent). */
  delivery_state: DeliveryState | null
  delivery_code: string | null
  delivery_reason: string | null
  /** When the receipt says it reached the phone (or failed); when we learnt it, if it does not say. */
  delivered_at: number | null
  /** When the receipt poller last asked the provider about it. */
  receipt_checked_at: number | null
}

type Delivery = 'delivery_state' | 'delivery_code' | 'delivery_reason' | 'delivered_at' | 'receipt_checked_at'

export async function insertSmsMessage (db: Db, row: Omit<SmsMessageRow, 'id' | Delivery>): Promise<void> {
  await db('sms_messages').insert(row)
}

/** The message log, newest first, one keyset page (`before`: the last id of the previous page). */
export async function listSmsMessages (db: Db, merchantId: number, f: { phone?: string; status?: string; delivery?: DeliveryState | 'pending'; before?: number; limit: number }): Promise<SmsMessageRow[]> {
  const query = db<SmsMessageRow>('sms_messages').where({ merchant_id: merchantId })
  if (f.phone) query.where('phone', f.phone)
  if (f.status) query.where('status', f.status)
  if (f.delivery === 'pending') query.where('status', 'sent').whereNull('delivery_state')
  else if (f.delivery) query.where('delivery_state', f.delivery)
  if (f.before !== undefined) query.where('id', '<', f.before)
  return query.orderBy('id', 'desc').limit(f.limit)
}

/** The texts about one order, oldest first: read through (merchant_id, order_no). */
export async function smsMessagesOfOrder (db: Db, merchantId: number, orderNo: string): Promise<SmsMessageRow[]> {
  return db<SmsMessageRow>('sms_messages').where({ merchant_id: merchantId, order_no: orderNo }).orderBy('id')
}

const awaiting = (db: Db) => db<SmsMessageRow>('sms_messages').where('status', 'sent').whereNull('delivery_state')

/**
 * Sent texts no receipt will come for any more, as unknown, at most `limit` a call: sent before
 * `before` (past the receipt window), or sent without a provider id to ask about.
 */
export async function markReceiptsUnknown (db: Db, before: number, limit: number): Promise<number> {
  const ids = (await awaiting(db).andWhere((q) => { q.where('created_at', '<', before).orWhereNull('provider_message_id') })
    .orderBy('id').limit(limit).select('id')).map((r) => r.id)
  if (ids.length === 0) return 0
  return db('sms_messages').whereIn('id', ids).whereNull('delivery_state').update({ delivery_state: 'unknown' })
}

/** Recent sent texts still waiting for a receipt, the least recently asked about first. */
export async function textsAwaitingReceipt (db: Db, f: { after: number; checkedBefore: number; limit: number }): Promise<SmsMessageRow[]> {
  return awaiting(db).whereNotNull('provider_message_id').andWhere('created_at', '>=', f.after)
    .andWhere((q) => { q.whereNull('receipt_checked_at').orWhere('receipt_checked_at', '<', f.checkedBefore) })
    .orderByRaw('COALESCE(receipt_checked_at, 0)').orderBy('id').limit(f.limit)
}

export async function markReceiptsChecked (db: Db, ids: number[], now: number): Promise<void> {
  if (ids.length > 0) await db('sms_messages').whereIn('id', ids).update({ receipt_checked_at: now })
}

/** A receipt onto its text (one still waiting, or given up as unknown); how many rows it changed. */
export async function applyReceipt (db: Db, merchantId: number, provider: string, r: SmsReceipt, now: number): Promise<number> {
  return db('sms_messages').where({ merchant_id: merchantId, provider, provider_message_id: r.provider_message_id, status: 'sent' })
    .andWhere((q) => { q.whereNull('delivery_state').orWhere('delivery_state', 'unknown') })
    .update({ delivery_state: r.state, delivery_code: r.code?.slice(0, 64) ?? null, delivery_reason: r.reason?.slice(0, 200) ?? null, delivered_at: r.at ?? now })
}
