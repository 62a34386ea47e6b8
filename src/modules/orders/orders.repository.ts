import type { Knex } from 'knex'
import { addDays } from '../../shared/dates.js'
import { affected, insertRows, type Db } from '../../shared/db.js'
import { maskPhone } from '../../shared/phone.js'
import { iso } from '../../shared/schemas.js'
import { adminNames } from '../admins/admins.repository.js'
import { courierNames } from '../couriers/couriers.repository.js'
import type { DeskFields, DeskOrder, Order, OrderListQuery, Tab } from './orders.schemas.js'

export interface OrderRow {
  id: number
  merchant_id: number
  order_no: string
  card_id: number
  card_no: string
  batch_id: number
  product_id: number
  product_name: string
  goods_no: string | null
  spec_no: string | null
  channel: Order['channel']
  status: Order['status']
  consignee_name: string | null
  consignee_phone: string | null
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  reserve_date: string | null
  due_day: string
  shipped_day: string | null
  remark: string | null
  courier_code: string | null
  waybill_no: string | null
  staff_id: number | null
  app_id: number | null
  out_order_no: string | null
  shipped_at: number | null
  delivered_at: number | null
  completed_at: number | null
  cancelled_at: number | null
  created_at: number
  updated_at: number
  // Read with the row; written by their own statements (ERP pushes, e-waybills).
  erp_status?: DeskFields['erp_status']
  erp_error?: string | null
  e_waybill_error?: string | null
  e_waybill_error_at?: number | null
  e_waybill_retrying?: boolean | number | null
  e_waybill_round?: number
  waybill_label?: string | null
  e_waybill_issued?: string | null
}

/** The tab's window of the order desk: a state set and a due or shipping day. */
export interface TabWindow { statuses?: string[]; due_day?: string; due_by?: string; shipped_day?: string }

/** The tabs of the order desk (订单列表) for the merchant's `day`. */
export function tabWindow (tab: Tab, day: string): TabWindow {
  switch (tab) {
    // 今天待发 includes what is overdue: it still has to go out today.
    case 'pending_today': return { statuses: ['pending'], due_by: day }
    case 'pending_tomorrow': return { statuses: ['pending'], due_day: addDays(day, 1) }
    case 'pending_day_after': return { statuses: ['pending'], due_day: addDays(day, 2) }
    case 'shipped_today': return { statuses: ['shipped', 'delivered'], shipped_day: day }
    case 'shipped_yesterday': return { statuses: ['shipped', 'delivered'], shipped_day: addDays(day, -1) }
    default: return {}
  }
}

/** The order list's filters, resolved: creation bounds in UTC milliseconds, the batch by id (-1: none matches). */
export type OrderFilter = Omit<OrderListQuery, 'tab' | 'cursor' | 'limit' | 'created_from' | 'created_to' | 'batch_no'> & { created_from_ms?: number; created_before_ms?: number; batch_id?: number }

// Synchronous on purpose: an async function returning a query builder would run it.
function filtered (db: Db, merchantId: number, f: OrderFilter, w: TabWindow): Knex.QueryBuilder {
  const q = db('orders').where('merchant_id', merchantId)
  if (f.status) q.where('status', f.status)
  if (f.channel) q.where('channel', f.channel)
  if (f.reserve_from) q.where('reserve_date', '>=', f.reserve_from)
  if (f.reserve_to) q.where('reserve_date', '<=', f.reserve_to)
  if (f.shipped_from) q.where('shipped_day', '>=', f.shipped_from)
  if (f.shipped_to) q.where('shipped_day', '<=', f.shipped_to)
  if (f.created_from_ms !== undefined) q.where('created_at', '>=', f.created_from_ms)
  if (f.created_before_ms !== undefined) q.where('created_at', '<', f.created_before_ms)
  if (f.order_no) q.where('order_no', f.order_no)
  if (f.card_no) q.where('card_no', f.card_no)
  if (f.phone) q.where('consignee_phone', f.phone)
  if (f.product_id) q.where('product_id', f.product_id)
  if (f.batch_id !== undefined) q.where('batch_id', f.batch_id)
  if (f.erp_status === 'none') q.whereNull('erp_status')
  else if (f.erp_status) q.where('erp_status', f.erp_status)
  if (w.statuses) q.whereIn('status', w.statuses)
  if (w.due_by) q.andWhere('due_day', '<=', w.due_by)
  if (w.due_day) q.andWhere('due_day', w.due_day)
  if (w.shipped_day) q.andWhere('shipped_day', w.shipped_day)
  return q
}

/** A page of the order list, newest first, after the cursor (an order id). */
export async function listOrders (db: Db, merchantId: number, f: OrderFilter, w: TabWindow, before: number | undefined, limit: number): Promise<OrderRow[]> {
  const q = filtered(db, merchantId, f, w)
  if (before !== undefined) q.where('id', '<', before)
  return await q.orderBy('id', 'desc').limit(limit) as OrderRow[]
}

export async function countOrders (db: Db, merchantId: number, f: OrderFilter, w: TabWindow): Promise<number> {
  return Number((await filtered(db, merchantId, f, w).count({ n: '*' }).first())?.n ?? 0)
}

export async function findOrderById (db: Db, id: number): Promise<OrderRow | undefined> {
  return db<OrderRow>('orders').where({ id }).first()
}

/** Moves an order to its next state only from one of `from`; false when it was in another state. */
export async function updateOrderFrom (db: Db, id: number, from: string[], patch: Partial<OrderRow>, at: Date): Promise<boolean> {
  return affected(await db('orders').where({ id }).whereIn('status', from).update({ ...patch, updated_at: at.getTime() })) === 1
}

/** A new order; returns its id. */
export async function insertOrder (db: Db, row: Omit<OrderRow, 'id'>): Promise<number> {
  return insertRows(db, 'orders', [row])
}

export async function orderEvents (db: Db, orderId: number): Promise<Array<{ type: string; actor_type: string; actor_name: string; detail: string | null; created_at: number }>> {
  return await db('order_events').where({ order_id: orderId }).orderBy('id')
}

/** The app's order for its order number (out_order_no is unique per app). */
export async function findOrderByOutOrderNo (db: Db, appId: number, outOrderNo: string): Promise<OrderRow | undefined> {
  return db<OrderRow>('orders').where({ app_id: appId, out_order_no: outOrderNo }).first()
}

/**
 * The merchant's orders changed after `updatedAfter` (ms) and after the keyset
 * position `after`, in (updated_at, order_no) order.
 */
export async function ordersChangedSince (db: Db, merchantId: number, q: { updatedAfter?: number; after?: { updatedAt: number; orderNo: string }; limit: number }): Promise<OrderRow[]> {
  const query = db<OrderRow>('orders').where({ merchant_id: merchantId })
  if (q.updatedAfter !== undefined) query.where('updated_at', '>', q.updatedAfter)
  const after = q.after
  if (after) query.where((w) => w.where('updated_at', '>', after.updatedAt).orWhere((x) => x.where('updated_at', after.updatedAt).andWhere('order_no', '>', after.orderNo)))
  return query.orderBy([{ column: 'updated_at' }, { column: 'order_no' }]).limit(q.limit)
}

export async function findOrder (db: Db, merchantId: number, orderNo: string): Promise<OrderRow | undefined> {
  return db<OrderRow>('orders').where({ merchant_id: merchantId, order_no: orderNo }).first()
}

/** The newest order of a waybill (courier tracking pushes). */
export async function findOrderByWaybill (db: Db, merchantId: number, waybillNo: string): Promise<OrderRow | undefined> {
  return db<OrderRow>('orders').where({ merchant_id: merchantId, waybill_no: waybillNo }).orderBy('id', 'desc').first()
}

/** A card's latest order (of any state). */
export async function latestOrderOfCard (db: Db, merchantId: number, cardId: number): Promise<OrderRow | undefined> {
  return db<OrderRow>('orders').where({ merchant_id: merchantId, card_id: cardId }).orderBy('id', 'desc').first()
}

/** The order number of a card's order that is not cancelled (a redeemed card has exactly one). */
export async function activeOrderNoOfCard (db: Db, cardId: number): Promise<string | null> {
  const row = await db('orders').where({ card_id: cardId }).whereNot('status', 'cancelled').first('order_no')
  return row ? row.order_no as string : null
}

/**
 * The order's state in the merchant's ERP: pending (queued; the last error kept), then pushed,
 * refunded, retrying or failed (with the reason, or null when it went through).
 */
export async function setErpStatus (db: Db, merchantId: number, orderNo: string, status: 'pending' | 'pushed' | 'refunded' | 'retrying' | 'failed', error?: string | null): Promise<void> {
  await db('orders').where({ merchant_id: merchantId, order_no: orderNo }).update(error === undefined ? { erp_status: status } : { erp_status: status, erp_error: error })
}

/** The printable label of the order's e-waybill; the e-waybill went through, so no failure is left to show. */
export async function setWaybillLabel (db: Db, orderId: number, label: string | null): Promise<void> {
  await db('orders').where({ id: orderId }).update({ waybill_label: label, e_waybill_error: null, e_waybill_error_at: null, e_waybill_retrying: null })
}

/** Where an order's current waybill came from (orders.e_waybill_issued, JSON). */
export interface EWaybillIssued {
  account_id: number
  vendor: string
  vendor_order_id: string
  task_id: string | null
  courier_order_no: string | null
}

export function eWaybillIssuedOf (r: Pick<OrderRow, 'e_waybill_issued'>): EWaybillIssued | null {
  return r.e_waybill_issued ? JSON.parse(r.e_waybill_issued) as EWaybillIssued : null
}

/** The e-waybill the order's current waybill came from (the label, print and cancel calls read it). */
export async function setEWaybillIssued (db: Db, orderId: number, issued: EWaybillIssued): Promise<void> {
  await db('orders').where({ id: orderId }).update({ e_waybill_issued: JSON.stringify(issued) })
}

/**
 * 取消电子面单 on a shipped order: the waybill is given back (the order is pending again, without
 * courier or waybill) and the round closed, so the next request is a new vendor order. Only from
 * the waybill it names: of two racing requests one wins. False when the order changed meanwhile.
 */
export async function releaseEWaybill (db: Db, orderId: number, waybillNo: string, now: Date): Promise<boolean> {
  return affected(await db('orders').where({ id: orderId, waybill_no: waybillNo }).whereIn('status', ['pending', 'shipped']).whereNotNull('e_waybill_issued').update({
    status: 'pending', courier_code: null, waybill_no: null, shipped_at: null, shipped_day: null, waybill_label: null, e_waybill_issued: null,
    e_waybill_round: db.raw('e_waybill_round + 1'), updated_at: now.getTime(),
  })) === 1
}

/**
 * The order's last e-waybill failure, shown on the order. A final one also closes the round of
 * requests, so that asking again (after fixing the cause) queues a new request.
 */
export async function setEWaybillFailure (db: Db, orderId: number, f: { message: string; at: Date; retrying: boolean }): Promise<void> {
  const patch: Record<string, unknown> = { e_waybill_error: f.message.slice(0, 500), e_waybill_error_at: f.at.getTime(), e_waybill_retrying: f.retrying }
  if (!f.retrying) patch.e_waybill_round = db.raw('e_waybill_round + 1')
  await db('orders').where({ id: orderId }).update(patch)
}

/** The ERP state and the last e-waybill failure of an order, as the order desk shows them. */
export function deskFields (r: OrderRow): DeskFields {
  return {
    erp_status: r.erp_status ?? null,
    erp_error: r.erp_error ?? null,
    e_waybill_error: r.e_waybill_error
      ? { message: r.e_waybill_error, at: iso(r.e_waybill_error_at ?? r.updated_at)!, retrying: Boolean(r.e_waybill_retrying) }
      : null,
    e_waybill: eWaybillDesk(r),
  }
}

function eWaybillDesk (r: OrderRow): DeskFields['e_waybill'] {
  const issued = eWaybillIssuedOf(r)
  if (!issued || !r.waybill_no) return null
  return { vendor: issued.vendor, pdf: issued.vendor === 'sf' || Boolean(r.waybill_label), cloud_print: issued.vendor === 'kuaidi100' && Boolean(issued.task_id) }
}

/** Orders with their desk fields (the console's list and detail). */
export async function toDeskOrders (db: Db, merchantId: number, rows: OrderRow[]): Promise<DeskOrder[]> {
  const orders = await toOrders(db, merchantId, rows)
  return orders.map((o, i) => ({ ...o, ...deskFields(rows[i]) }))
}

export async function insertOrderEvent (db: Db, e: { merchant_id: number; order_id: number; type: string; actor_type: string; actor_id: number | null; actor_name: string; detail?: object | null; at: Date }): Promise<void> {
  await insertRows(db, 'order_events', [{
    merchant_id: e.merchant_id, order_id: e.order_id, type: e.type, actor_type: e.actor_type, actor_id: e.actor_id,
    actor_name: e.actor_name.slice(0, 64), detail: e.detail ? JSON.stringify(e.detail) : null, created_at: e.at.getTime(),
  }])
}

export function toOrder (r: OrderRow, couriers: Map<string, string>, staff: Map<number, string>): Order {
  return {
    order_no: r.order_no,
    status: r.status,
    channel: r.channel,
    card_no: r.card_no,
    product: { product_id: Number(r.product_id), name: r.product_name, goods_no: r.goods_no, spec_no: r.spec_no },
    consignee: r.consignee_name === null
      ? null
      : { name: r.consignee_name, phone: r.consignee_phone!, province: r.province!, city: r.city!, district: r.district!, address: r.address! },
    reserve_date: r.reserve_date,
    remark: r.remark,
    courier_code: r.courier_code,
    courier_name: r.courier_code ? couriers.get(r.courier_code) ?? r.courier_code : null,
    waybill_no: r.waybill_no,
    staff: r.staff_id ? { id: Number(r.staff_id), name: staff.get(Number(r.staff_id)) ?? '' } : null,
    out_order_no: r.out_order_no,
    shipped_at: iso(r.shipped_at),
    delivered_at: iso(r.delivered_at),
    completed_at: iso(r.completed_at),
    cancelled_at: iso(r.cancelled_at),
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  }
}

/** Orders as the API shows them, with courier and staff names. */
export async function toOrders (db: Db, merchantId: number, rows: OrderRow[]): Promise<Order[]> {
  const couriers = rows.some((r) => r.courier_code) ? await courierNames(db, merchantId) : new Map<string, string>()
  const staffIds = [...new Set(rows.map((r) => r.staff_id).filter((s): s is number => s !== null))]
  const staff = await adminNames(db, staffIds)
  return rows.map((r) => toOrder(r, couriers, staff))
}

/**
 * The open-API view of an order (malls, and the data of order webhooks): the consignee's phone
 * masked, no internal fields; tracking lines as given (webhooks send none).
 */
export function toOpenOrder (o: Order, tracking: Array<{ time: string; text: string }> = []) {
  return {
    order_no: o.order_no,
    out_order_no: o.out_order_no,
    status: o.status,
    product: { product_id: o.product.product_id, name: o.product.name },
    consignee: o.consignee ? { ...o.consignee, phone: maskPhone(o.consignee.phone)! } : null,
    reserve_date: o.reserve_date,
    courier_code: o.courier_code,
    waybill_no: o.waybill_no,
    shipped_at: o.shipped_at,
    tracking,
    updated_at: o.updated_at,
  }
}

/**
 * Orders created in each of the windows [bounds[i], bounds[i+1]) (UTC milliseconds): one range
 * scan of the (merchant_id, created_at) index, which holds both columns, so no row is read.
 */
export async function ordersCreatedPerWindow (db: Db, merchantId: number, bounds: number[]): Promise<number[]> {
  if (bounds.length < 2) return []
  const sums = bounds.slice(0, -1).map((_, i) => `SUM(CASE WHEN created_at >= ${Math.trunc(bounds[i])} AND created_at < ${Math.trunc(bounds[i + 1])} THEN 1 ELSE 0 END) AS w${i}`)
  const row = await db('orders').where('merchant_id', merchantId)
    .andWhere('created_at', '>=', bounds[0]).andWhere('created_at', '<', bounds[bounds.length - 1])
    .first(db.raw(sums.join(', '))) as Record<string, number | string | null> | undefined
  return bounds.slice(0, -1).map((_, i) => Number(row?.[`w${i}`] ?? 0))
}
