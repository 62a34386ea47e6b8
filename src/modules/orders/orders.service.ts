// The order desk (订单列表): tabs by due and shipping day in the merchant's time zone,
// manual shipping (人工发货), cancellation (the card goes back to active) and completion.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { releaseCapped, reservationSlot } from '../../shared/counters.js'
import { addDays, dayStart, localDate } from '../../shared/dates.js'
import type { Db } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findBatch, moveCards } from '../cards/cards.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { enqueue, type Topic } from '../outbox/outbox.repository.js'
import { courierInvalid } from '../couriers/couriers.errors.js'
import { findCourier } from '../couriers/couriers.repository.js'
import { courierDisabled } from '../e-waybill/e-waybill.errors.js'
import { assertNoUnconfirmedCancel } from '../e-waybill/e-waybill.cancel.js'
import * as errors from './orders.errors.js'
import { countOrders, deskFields, eWaybillIssuedOf, findOrder, findOrderById, insertOrderEvent, listOrders, orderEvents, tabWindow, toDeskOrders, toOrders, updateOrderFrom, type OrderFilter, type OrderRow } from './orders.repository.js'
import { trackingLines } from '../tracking/tracking.repository.js'
import { TABS, type Order, type OrderListQuery } from './orders.schemas.js'

export function createOrdersService ({ db, clock, merchants }: { db: Knex; clock: Clock; merchants: MerchantsService }) {
  async function today (merchantId: number): Promise<string> {
    const m = await merchants.findById(merchantId)
    return localDate(m!.timezone, clock.now())
  }

  async function load (merchantId: number, orderNo: string): Promise<OrderRow> {
    const row = await findOrder(db, merchantId, orderNo)
    if (!row) throw errors.orderNotFound()
    return row
  }

  /** Moves an order from one of `from` to a new state: conditional update, event, outbox, audit. */
  async function transition (merchantId: number, orderNo: string, from: string[], patch: Partial<OrderRow>, event: { type: string; topic?: Topic; detail?: object; audit?: string }, actor: Actor, extra?: (trx: Db, order: OrderRow) => Promise<void>): Promise<Order> {
    const order = await load(merchantId, orderNo)
    const now = clock.now()
    await db.transaction(async (trx) => {
      if (!await updateOrderFrom(trx, order.id, from, patch, now)) throw errors.orderStateInvalid({ details: [{ path: '/status', message: order.status }] })
      if (extra) await extra(trx, order)
      await insertOrderEvent(trx, { merchant_id: merchantId, order_id: order.id, type: event.type, actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: event.detail ?? null, at: now })
      const fresh = (await findOrderById(trx, order.id))!
      if (event.topic) {
        const [view] = await toOrders(trx, merchantId, [fresh])
        await enqueue(trx, [{ merchant_id: merchantId, topic: event.topic, idempotency_key: `${event.topic}:${orderNo}:${now.getTime()}`, payload: { order: view } }], now)
      }
      if (event.audit) await insertAudit(trx, merchantId, actor, { action: event.audit, target_type: 'order', target_id: orderNo, summary: event.detail as Record<string, unknown> ?? null }, now)
    })
    return orderView(merchantId, orderNo)
  }

  async function orderView (merchantId: number, orderNo: string): Promise<Order> {
    return (await toOrders(db, merchantId, [await load(merchantId, orderNo)]))[0]
  }

  return {
    /** A page of the list; with the counts per tab of the same filter unless `counts` is false (the export's pages). */
    async list (merchantId: number, q: OrderListQuery, opts: { counts?: boolean } = {}) {
      const m = (await merchants.findById(merchantId))!
      const day = localDate(m.timezone, clock.now())
      const limit = q.limit ?? 50
      const batch = q.batch_no ? await findBatch(db, merchantId, q.batch_no) : undefined
      // Creation dates are days in the merchant's time zone; created_at is UTC milliseconds.
      const filter: OrderFilter = {
        ...q,
        created_from_ms: q.created_from ? dayStart(m.timezone, q.created_from) : undefined,
        created_before_ms: q.created_to ? dayStart(m.timezone, addDays(q.created_to, 1)) : undefined,
        batch_id: q.batch_no ? (batch ? Number(batch.id) : -1) : undefined,
      }
      const rows = await listOrders(db, merchantId, filter, tabWindow(q.tab ?? 'all', day), q.cursor ? Number(q.cursor) : undefined, limit)
      const tabCounts: Record<string, number> = {}
      if (opts.counts !== false) for (const tab of TABS) tabCounts[tab] = await countOrders(db, merchantId, filter, tabWindow(tab, day))
      return { items: await toDeskOrders(db, merchantId, rows), next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null, tab_counts: tabCounts }
    },

    async get (merchantId: number, orderNo: string) {
      const order = await orderView(merchantId, orderNo)
      const row = await load(merchantId, orderNo)
      const events = await orderEvents(db, row.id)
      return {
        ...order,
        ...deskFields(row),
        tracking: await trackingLines(db, row.id),
        history: events.map((e) => ({
          type: e.type as string, actor_type: e.actor_type as string, actor_name: e.actor_name as string,
          detail: e.detail ? JSON.parse(e.detail) as Record<string, unknown> : null, created_at: iso(e.created_at)!,
        })),
      }
    },

    /** 人工发货, or a new waybill for an order already shipped (audited). */
    async ship (merchantId: number, orderNo: string, body: { courier_code: string; waybill_no: string }, actor: Actor): Promise<Order> {
      const courier = await findCourier(db, merchantId, body.courier_code)
      if (!courier) throw courierInvalid()
      // 停用 variants take no new shipments from admins (人工发货, 批量发货); a waybill the courier
      // already issued (电子面单) or the ERP reports still ships the order.
      if (courier.disabled && actor.type !== 'system') throw courierDisabled()
      const order = await load(merchantId, orderNo)
      const now = clock.now()
      const tz = (await merchants.findById(merchantId))!.timezone
      if (order.status === 'shipped') {
        // A waybill typed by hand (or reported by the ERP) is no e-waybill: its label and issue
        // record go, so nothing prints or cancels the old one under the new number.
        return transition(merchantId, orderNo, ['shipped'], { courier_code: courier.code, waybill_no: body.waybill_no, e_waybill_issued: null, waybill_label: null }, {
          type: 'waybill_changed', topic: 'order.waybill_changed', audit: 'orders.waybill_change',
          detail: { from: { courier_code: order.courier_code, waybill_no: order.waybill_no }, to: { courier_code: courier.code, waybill_no: body.waybill_no } },
        }, actor)
      }
      return transition(merchantId, orderNo, ['pending'], {
        status: 'shipped', courier_code: courier.code, waybill_no: body.waybill_no, shipped_at: now.getTime(), shipped_day: localDate(tz, now),
        // Shipped: an earlier e-waybill failure no longer needs the merchant.
        e_waybill_error: null, e_waybill_error_at: null, e_waybill_retrying: null,
      }, { type: 'shipped', topic: 'order.shipped', detail: { courier_code: courier.code, waybill_no: body.waybill_no }, audit: 'orders.ship' }, actor)
    },

    /**
     * Pending orders: the card goes back to active and can be redeemed again. A shipped order's
     * e-waybill is given back first (取消电子面单, the order pending again); the order is then
     * cancelled only once the courier confirmed every waybill it gave back (no parcel on its way
     * with a card usable again).
     */
    async cancel (merchantId: number, orderNo: string, actor: Actor): Promise<Order> {
      const now = clock.now()
      return transition(merchantId, orderNo, ['pending'], { status: 'cancelled', cancelled_at: now.getTime() },
        { type: 'cancelled', topic: 'order.cancelled', audit: 'orders.cancel', detail: { reason: 'admin' } }, actor,
        async (trx, order) => {
          await assertNoUnconfirmedCancel(trx, merchantId, orderNo)
          await moveCards(trx, merchantId, [{ id: order.card_id, card_no: order.card_no, batch_id: Number(order.batch_id), set: { redeemed_at: null } }],
            { from: 'redeemed', to: 'active', type: 'cancel_redeem', actor, ref: { type: 'order', id: orderNo }, at: now })
          if (order.reserve_date) {
            await releaseCapped(trx, merchantId, reservationSlot(order.reserve_date))
          }
        })
    },

    /** Shipped → delivered (签收); pending → completed (handed over without shipping). */
    async complete (merchantId: number, orderNo: string, actor: Actor): Promise<Order> {
      const order = await load(merchantId, orderNo)
      const now = clock.now().getTime()
      if (order.status === 'shipped') {
        return transition(merchantId, orderNo, ['shipped'], { status: 'delivered', delivered_at: now }, { type: 'delivered', topic: 'order.delivered', audit: 'orders.complete' }, actor)
      }
      return transition(merchantId, orderNo, ['pending'], { status: 'completed', completed_at: now }, { type: 'completed', audit: 'orders.complete' }, actor)
    },

    today,
  }
}

export type OrdersService = ReturnType<typeof createOrdersService>
