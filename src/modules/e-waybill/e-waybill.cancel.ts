// 取消电子面单: the vendor call goes through the outbox (topic ewaybill.cancel, retried on the
// schedule, visible in 集成调用), queued in the transaction that cancels the order or gives the
// waybill back, so a courier outage never holds up either. The handler is the e-waybill service's.
import type { Db } from '../../shared/db.js'
import { enqueue } from '../outbox/outbox.repository.js'
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
