// The order desk (订单列表): tabs by due and shipping day in the merchant's time zone,
// manual shipping (人工发货), cancellation (the card goes back to active) and completion.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { addDays, localDate } from '../../shared/dates.js'
import { affected, type Db } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { moveCards } from '../cards/cards.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { enqueue, type Topic } from '../outbox/outbox.repository.js'
import { courierInvalid, findCourier } from './couriers.js'
import * as errors from './orders.errors.js'
import { findOrder, insertOrderEvent, toOrders, trackingLines, type OrderRow } from './orders.repository.js'
import { TABS, type Order, type OrderListQuery, type Tab } from './orders.schemas.js'

export function createOrdersService ({ db, clock, merchants }: { db: Knex; clock: Clock; merchants: MerchantsService }) {
  async function today (merchantId: number): Promise<string> {
    const m = await merchants.findById(merchantId)
    return localDate(m!.timezone, clock.now())
  }

  function applyTab (q: Knex.QueryBuilder, tab: Tab, day: string): Knex.QueryBuilder {
    switch (tab) {
      // 今天待发 includes what is overdue: it still has to go out today.
      case 'pending_today': return q.where('status', 'pending').andWhere('due_day', '<=', day)
      case 'pending_tomorrow': return q.where('status', 'pending').andWhere('due_day', addDays(day, 1))
      case 'pending_day_after': return q.where('status', 'pending').andWhere('due_day', addDays(day, 2))
      case 'shipped_today': return q.whereIn('status', ['shipped', 'delivered']).andWhere('shipped_day', day)
      case 'shipped_yesterday': return q.whereIn('status', ['shipped', 'delivered']).andWhere('shipped_day', addDays(day, -1))
      default: return q
    }
  }

  // Synchronous on purpose: an async function returning a query builder would run it.
  function applyFilters (q: Knex.QueryBuilder, merchantId: number, f: OrderListQuery, tz: string, batchId: number | null): Knex.QueryBuilder {
    q.where('merchant_id', merchantId)
    if (f.status) q.where('status', f.status)
    if (f.channel) q.where('channel', f.channel)
    if (f.reserve_from) q.where('reserve_date', '>=', f.reserve_from)
    if (f.reserve_to) q.where('reserve_date', '<=', f.reserve_to)
    if (f.shipped_from) q.where('shipped_day', '>=', f.shipped_from)
    if (f.shipped_to) q.where('shipped_day', '<=', f.shipped_to)
    // Creation dates are days in the merchant's time zone; created_at is UTC milliseconds.
    if (f.created_from) q.where('created_at', '>=', dayStart(tz, f.created_from))
    if (f.created_to) q.where('created_at', '<', dayStart(tz, addDays(f.created_to, 1)))
    if (f.order_no) q.where('order_no', f.order_no)
    if (f.card_no) q.where('card_no', f.card_no)
    if (f.phone) q.where('consignee_phone', f.phone)
    if (f.product_id) q.where('product_id', f.product_id)
    if (f.batch_no) q.where('batch_id', batchId ?? -1)
    return q
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
      const n = affected(await trx('orders').where({ id: order.id }).whereIn('status', from).update({ ...patch, updated_at: now.getTime() }))
      if (n !== 1) throw errors.orderStateInvalid({ details: [{ path: '/status', message: order.status }] })
      if (extra) await extra(trx, order)
      await insertOrderEvent(trx, { merchant_id: merchantId, order_id: order.id, type: event.type, actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: event.detail ?? null, at: now })
      const fresh = (await trx<OrderRow>('orders').where({ id: order.id }).first())!
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
    async list (merchantId: number, q: OrderListQuery) {
      const m = (await merchants.findById(merchantId))!
      const day = localDate(m.timezone, clock.now())
      const limit = q.limit ?? 50
      const batch = q.batch_no ? await db('card_batches').where({ merchant_id: merchantId, batch_no: q.batch_no }).first('id') : null
      const batchId = batch ? Number(batch.id) : null
      const page = applyTab(applyFilters(db<OrderRow>('orders'), merchantId, q, m.timezone, batchId), q.tab ?? 'all', day)
      if (q.cursor) page.where('id', '<', Number(q.cursor))
      const rows = await page.orderBy('id', 'desc').limit(limit) as OrderRow[]
      const tabCounts: Record<string, number> = {}
      for (const tab of TABS) {
        const c = applyTab(applyFilters(db('orders'), merchantId, q, m.timezone, batchId), tab, day)
        tabCounts[tab] = Number((await c.count({ n: '*' }).first())?.n ?? 0)
      }
      return { items: await toOrders(db, merchantId, rows), next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null, tab_counts: tabCounts }
    },

    async get (merchantId: number, orderNo: string) {
      const order = await orderView(merchantId, orderNo)
      const row = await load(merchantId, orderNo)
      const events = await db('order_events').where({ order_id: row.id }).orderBy('id')
      return {
        ...order,
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
      const order = await load(merchantId, orderNo)
      const now = clock.now()
      const tz = (await merchants.findById(merchantId))!.timezone
      if (order.status === 'shipped') {
        return transition(merchantId, orderNo, ['shipped'], { courier_code: courier.code, waybill_no: body.waybill_no }, {
          type: 'waybill_changed', audit: 'orders.waybill_change',
          detail: { from: { courier_code: order.courier_code, waybill_no: order.waybill_no }, to: { courier_code: courier.code, waybill_no: body.waybill_no } },
        }, actor)
      }
      return transition(merchantId, orderNo, ['pending'], {
        status: 'shipped', courier_code: courier.code, waybill_no: body.waybill_no, shipped_at: now.getTime(), shipped_day: localDate(tz, now),
      }, { type: 'shipped', topic: 'order.shipped', detail: { courier_code: courier.code, waybill_no: body.waybill_no }, audit: 'orders.ship' }, actor)
    },

    /** Pending orders only; the card goes back to active and can be redeemed again. */
    async cancel (merchantId: number, orderNo: string, actor: Actor): Promise<Order> {
      const now = clock.now()
      return transition(merchantId, orderNo, ['pending'], { status: 'cancelled', cancelled_at: now.getTime() },
        { type: 'cancelled', topic: 'order.cancelled', audit: 'orders.cancel', detail: { reason: 'admin' } }, actor,
        async (trx, order) => {
          await moveCards(trx, merchantId, [{ id: order.card_id, card_no: order.card_no, set: { redeemed_at: null } }],
            { from: 'redeemed', to: 'active', type: 'cancel_redeem', actor, ref: { type: 'order', id: orderNo }, at: now })
          if (order.reserve_date) {
            await trx('merchant_counters').where({ merchant_id: merchantId, name: `reserve:${order.reserve_date}` }).andWhere('value', '>', 0).decrement('value', 1)
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

function dayStart (tz: string, day: string): number {
  // The UTC instant at which `day` begins in `tz`: start from UTC midnight and correct by the
  // zone's offset at that moment (exact for zones without a DST change at midnight).
  const utc = Date.parse(`${day}T00:00:00Z`)
  const local = new Date(utc).toLocaleString('sv-SE', { timeZone: tz }).replace(' ', 'T') + 'Z'
  return utc - (Date.parse(local) - utc)
}

export type OrdersService = ReturnType<typeof createOrdersService>
