// 取消电子面单: the vendor call goes through the outbox (topic ewaybill.cancel, retried on the
// schedule, visible in 集成调用), queued in the transaction that gives the waybill back (the order
// pending again), so a courier outage never holds that up. The order itself — and its card, which
// becomes usable again — is cancelled only once every waybill it gave back is confirmed cancelled
// by the courier (unconfirmedCancel): a parcel the courier collected after all must not leave
// with a card that can be redeemed again. The handler is the e-waybill service's.
import type { Db } from '../../shared/db.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { waybillCancelPending, waybillCancelRefused } from './e-waybill.errors.js'
import type { EWaybillIssued } from '../orders/orders.repository.js'

export interface WaybillCancelPayload {
  order_no: string
  waybill_no: string
  label: string | null
  issued: EWaybillIssued
  /** Why, as the vendor is told (Kuaidi100's reason). */
  reason: string
}

/** One cancel per waybill: cancelling twice queues nothing new. */
export const cancelKey = (merchantId: number, orderNo: string, waybillNo: string) => `ewaybill-cancel:${merchantId}:${orderNo}:${waybillNo}`

export async function queueWaybillCancel (trx: Db, merchantId: number, p: WaybillCancelPayload, now: Date): Promise<void> {
  await enqueue(trx, [{ merchant_id: merchantId, topic: 'ewaybill.cancel', idempotency_key: cancelKey(merchantId, p.order_no, p.waybill_no), payload: { ...p } }], now, { ignoreDuplicates: true })
}

/**
 * Refuses to cancel an order while a waybill it gave back is not confirmed cancelled by the
 * courier: still being tried (waybill_cancel_pending), or refused (waybill_cancel_refused, with
 * the courier's reason). Read in the cancelling transaction.
 */
export async function assertNoUnconfirmedCancel (trx: Db, merchantId: number, orderNo: string): Promise<void> {
  // Our order numbers are digits: nothing in the prefix is a LIKE wildcard.
  const prefix = cancelKey(merchantId, orderNo, '')
  const rows = await trx('outbox').where({ merchant_id: merchantId, topic: 'ewaybill.cancel' }).andWhere('idempotency_key', 'like', `${prefix}%`).whereNot('status', 'done').select('status', 'last_error')
  if (!rows.length) return
  const refused = rows.find((r) => r.status === 'dead')
  if (refused) throw waybillCancelRefused({ details: [{ path: '/order_no', message: String(refused.last_error ?? '').slice(0, 200) || orderNo }] })
  throw waybillCancelPending()
}
