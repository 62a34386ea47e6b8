// The `sms_messages` table: one row per text we tried to send (sent, failed, or dropped by the
// per-phone limits, with the reason), the merchant's message log.
import type { Db } from '../../shared/db.js'
import type { SmsState } from './notifications.schemas.js'

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
}

export async function insertSmsMessage (db: Db, row: Omit<SmsMessageRow, 'id'>): Promise<void> {
  await db('sms_messages').insert(row)
}

/** Texts sent to this phone with this template after `after` (ms): what the limits count. */
export async function countSentSince (db: Db, merchantId: number, phone: string, templateId: string, after: number): Promise<number> {
  const row = await db('sms_messages').where({ merchant_id: merchantId, phone, template_id: templateId, status: 'sent' })
    .andWhere('created_at', '>', after).count({ n: '*' }).first()
  return Number(row?.n ?? 0)
}

/** The message log, newest first, one keyset page (`before`: the last id of the previous page). */
export async function listSmsMessages (db: Db, merchantId: number, f: { phone?: string; status?: string; before?: number; limit: number }): Promise<SmsMessageRow[]> {
  const query = db<SmsMessageRow>('sms_messages').where({ merchant_id: merchantId })
  if (f.phone) query.where('phone', f.phone)
  if (f.status) query.where('status', f.status)
  if (f.before !== undefined) query.where('id', '<', f.before)
  return query.orderBy('id', 'desc').limit(f.limit)
}

/** The texts about one order, oldest first: read through (merchant_id, order_no). */
export async function smsMessagesOfOrder (db: Db, merchantId: number, orderNo: string): Promise<SmsMessageRow[]> {
  return db<SmsMessageRow>('sms_messages').where({ merchant_id: merchantId, order_no: orderNo }).orderBy('id')
}
