// The order detail's timeline (订单详情): one list in time order of what happened to an order and
// what left the building because of it: created, the ERP push and its state, the texts sent, the
// e-waybill request (the waybill, or the vendor's reason), shipped, waybill changes, the courier's
// tracking lines, delivered / completed, cancelled. Each source is read through an index by
// order: order_events (order_id, id), outbox rows by their idempotency keys (unique; the keys are
// built from the order number where they are queued), sms_messages (merchant_id, order_no),
// order_tracking (order_id, line_hash).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { sessionOf } from '../../plugins/admin-auth.js'
import type { Db } from '../../shared/db.js'
import { maskPhone } from '../../shared/phone.js'
import { errorResponses, iso, Nullable, Timestamp } from '../../shared/schemas.js'
import { courierNames } from '../couriers/couriers.repository.js'
import { smsMessagesOfOrder } from '../notifications/notifications.repository.js'
import { rowsByKeys, type ListedRow } from '../outbox/outbox.repository.js'
import { trackingTrail } from '../tracking/tracking.repository.js'
import * as errors from './orders.errors.js'
import { findOrder, orderEvents, type OrderRow } from './orders.repository.js'
import { cancelKey } from '../e-waybill/e-waybill.cancel.js'
import { OrderParams, type ChannelValue } from './orders.schemas.js'

export const TIMELINE_KINDS = [
  'created', 'erp_push', 'erp_refund', 'sms', 'ewaybill', 'shipped', 'waybill_changed', 'tracking_subscribe', 'tracking',
  'delivered', 'completed', 'cancelled', 'ewaybill_cancel', 'label_print',
] as const
export type TimelineKind = typeof TIMELINE_KINDS[number]
/** done: happened / went through; pending: queued; retrying: failed, tried again later; failed: given up; dropped: not sent on purpose. */
export const TIMELINE_STATES = ['done', 'pending', 'retrying', 'failed', 'dropped'] as const
export type TimelineState = typeof TIMELINE_STATES[number]

export const TimelineEntrySchema = Type.Object({
  time: Timestamp,
  kind: Type.Union(TIMELINE_KINDS.map((k) => Type.Literal(k))),
  title: Type.String({ description: 'What happened, in Chinese' }),
  detail: Nullable(Type.String({ description: 'Waybill, phone (masked), vendor reason, tracking text…' })),
  state: Type.Union(TIMELINE_STATES.map((s) => Type.Literal(s))),
  actor: Nullable(Type.String({ description: 'Who did it: an admin\'s name, 顾客, ERP 回传, 电子面单, 快递推送' })),
})
export type TimelineEntry = Static<typeof TimelineEntrySchema>
export const TimelineSchema = Type.Object({ order_no: Type.String(), items: Type.Array(TimelineEntrySchema) })

const CHANNEL_LABEL: Record<ChannelValue, string> = { web: '网页提货', phone: '电话提货', store: '到店提货', open_api: '开放平台' }
const SYSTEM_ACTOR: Record<string, string> = { erp: 'ERP 回传', 'e-waybill': '电子面单', courier: '快递推送', sms: '短信' }
const SMS_TITLE: Record<string, string> = {
  order_submitted_customer: '下单短信（发给顾客）', order_submitted_admin: '下单通知（发给管理员）', shipped_customer: '发货短信（发给顾客）',
}
/** What our own handlers report in English, said to the merchant. */
const REASONS: Record<string, string> = {
  'sender incomplete': '电子面单寄件人信息不完整', 'order no longer pending': '订单已不是待发货状态，未取号', 'no ERP configured': '未配置 ERP，未推送',
}
const reason = (text: string | null | undefined) => text ? REASONS[text] ?? text : null

function actorLabel (type: string, name: string): string | null {
  if (type === 'customer') return '顾客'
  if (type === 'system') return SYSTEM_ACTOR[name] ?? name
  if (type === 'app') return `开放平台应用 ${name}`
  return name || null
}

/** Courier times are Beijing time without a zone ("2026-11-23 18:00:00"); unreadable ones fall back to when the push came. */
export function courierTime (time: string, receivedAt: number): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(time.trim())
  const ms = m ? Date.parse(`${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}+08:00`) : NaN
  return new Date(Number.isNaN(ms) ? receivedAt : ms).toISOString()
}

/** An outbox row as a timeline state: when it reached it (its last attempt, or its queueing) and the reason if it failed. */
export function callState (row: Pick<ListedRow, 'status' | 'attempts' | 'last_error' | 'created_at' | 'attempt_log'>): { state: TimelineState; at: number; error: string | null; excerpt: string | null } {
  const last = row.attempt_log[row.attempt_log.length - 1]
  const at = Number(last?.started_at ?? row.created_at)
  const error = reason(row.last_error ?? last?.error)
  const excerpt = last?.response_excerpt ?? null
  if (row.status === 'done') return { state: 'done', at, error: null, excerpt }
  if (row.status === 'dead') return { state: 'failed', at, error, excerpt }
  return { state: Number(row.attempts) > 0 ? 'retrying' : 'pending', at, error, excerpt }
}

function callDetail (c: ReturnType<typeof callState>, done: string): string {
  if (c.state === 'done') return done
  if (c.state === 'pending') return '排队中，稍后发出'
  if (c.state === 'retrying') return `失败，将自动重试：${c.error ?? '未知原因'}`
  return `失败：${c.error ?? '未知原因'}`
}

export async function orderTimeline (db: Db, merchantId: number, order: OrderRow): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = []
  const add = (at: number, e: Omit<TimelineEntry, 'time'>) => entries.push({ time: iso(at)!, ...e })
  const couriers = await courierNames(db, merchantId)
  const courier = (code: unknown) => typeof code === 'string' ? couriers.get(code) ?? code : ''
  const waybillText = (d: { courier_code?: unknown; waybill_no?: unknown } | undefined) => d ? `${courier(d.courier_code)} ${String(d.waybill_no ?? '')}`.trim() : ''

  // Waybills whose cancellation was queued (ewaybill-cancel:<merchant>:<order>:<waybill>, e-waybill.cancel.ts):
  // the order's own when it was cancelled, and each one given back (取消电子面单).
  const cancelledWaybills = new Set<string>()
  if (order.waybill_no) cancelledWaybills.add(order.waybill_no)
  for (const e of await orderEvents(db, order.id)) {
    const detail = e.detail ? JSON.parse(e.detail) as Record<string, unknown> : {}
    const actor = actorLabel(e.actor_type, e.actor_name)
    const at = Number(e.created_at)
    switch (e.type) {
      case 'created': add(at, { kind: 'created', title: '下单', detail: `渠道：${CHANNEL_LABEL[(detail.channel ?? order.channel) as ChannelValue] ?? String(detail.channel)}`, state: 'done', actor }); break
      case 'shipped': add(at, { kind: 'shipped', title: '发货', detail: waybillText(detail), state: 'done', actor }); break
      case 'waybill_changed': {
        const d = detail as { from?: Record<string, unknown>; to?: Record<string, unknown> }
        add(at, { kind: 'waybill_changed', title: '修改运单', detail: `${waybillText(d.from)} → ${waybillText(d.to)}`, state: 'done', actor })
        break
      }
      case 'delivered': add(at, { kind: 'delivered', title: '已签收', detail: e.actor_type === 'system' ? '快递推送签收' : '确认签收', state: 'done', actor }); break
      case 'completed': add(at, { kind: 'completed', title: '已完成', detail: '未发货，直接完成', state: 'done', actor }); break
      case 'cancelled': add(at, { kind: 'cancelled', title: '已取消', detail: '卡券已恢复为可用，可以重新提货', state: 'done', actor }); break
      case 'e_waybill_cancel_requested': add(at, { kind: 'waybill_changed', title: '退回电子面单', detail: `${waybillText(detail)}，订单回到待发货，可重新取号`, state: 'done', actor }); break
      case 'label_printed': add(at, { kind: 'label_print', title: '云打印面单', detail: `已发送到云打印机：${String(detail.waybill_no ?? '')}`, state: 'done', actor }); break
    }
    if (e.type === 'e_waybill_cancel_requested' && typeof detail.waybill_no === 'string') cancelledWaybills.add(detail.waybill_no)
  }

  // Keys as they are queued: erp.service (erp:<order>:push|refund), e-waybill.service
  // (ewaybill:<merchant>:<order> for the first round, then …:<round>), tracking.service
  // (k100sub:<merchant>:<waybill>).
  const keys = [`erp:${order.order_no}:push`, `erp:${order.order_no}:refund`, `ewaybill:${merchantId}:${order.order_no}`]
  for (let r = 1; r <= Number(order.e_waybill_round ?? 0); r++) keys.push(`ewaybill:${merchantId}:${order.order_no}:${r}`)
  if (order.waybill_no) keys.push(`k100sub:${merchantId}:${order.waybill_no}`)
  for (const w of cancelledWaybills) keys.push(cancelKey(merchantId, order.order_no, w))
  const calls = await rowsByKeys(db, merchantId, keys)
  let erpSeen = false
  for (const row of calls) {
    const c = callState(row)
    if (row.topic === 'erp.push') {
      erpSeen = true
      const refund = row.idempotency_key.endsWith(':refund')
      // Queued while an ERP was set up, handled after it was removed: nothing was sent.
      const unsent = c.state === 'done' && c.excerpt === 'no ERP configured'
      add(c.at, {
        kind: refund ? 'erp_refund' : 'erp_push', title: refund ? '推送 ERP：取消（退款）' : '推送 ERP',
        detail: unsent ? REASONS['no ERP configured'] : callDetail(c, refund ? 'ERP 已收到取消' : 'ERP 已收到订单'), state: unsent ? 'dropped' : c.state, actor: null,
      })
    } else if (row.topic === 'ewaybill.request') {
      const skipped = c.state === 'done' && c.excerpt === 'order no longer pending'
      add(c.at, {
        kind: 'ewaybill', title: '电子面单取号',
        detail: skipped ? REASONS['order no longer pending'] : callDetail(c, `取号成功，运单号 ${c.excerpt ?? order.waybill_no ?? ''}`.trim()),
        state: skipped ? 'dropped' : c.state, actor: null,
      })
    } else if (row.topic === 'ewaybill.cancel') {
      const waybill = row.idempotency_key.slice(row.idempotency_key.lastIndexOf(':') + 1)
      add(c.at, { kind: 'ewaybill_cancel', title: '取消电子面单（通知快递公司）', detail: callDetail(c, `快递公司已取消运单 ${waybill}`), state: c.state, actor: null })
    } else if (row.topic === 'tracking.subscribe') {
      add(c.at, { kind: 'tracking_subscribe', title: '订阅物流推送（快递100）', detail: callDetail(c, '已订阅'), state: c.state, actor: null })
    }
  }
  // The outbox keeps finished rows for a while only; the order keeps the ERP outcome.
  const erp = order as OrderRow & { erp_status?: string | null; erp_error?: string | null }
  if (!erpSeen && erp.erp_status) {
    const state: TimelineState = erp.erp_status === 'failed' ? 'failed' : erp.erp_status === 'retrying' ? 'retrying' : erp.erp_status === 'pending' ? 'pending' : 'done'
    add(Number(order.created_at), { kind: erp.erp_status === 'refunded' ? 'erp_refund' : 'erp_push', title: '推送 ERP', detail: erp.erp_error ? `失败：${erp.erp_error}` : erp.erp_status === 'refunded' ? 'ERP 已收到取消' : state === 'done' ? 'ERP 已收到订单' : '排队中，稍后发出', state, actor: null })
  }

  for (const m of await smsMessagesOfOrder(db, merchantId, order.order_no)) {
    const to = `发送至 ${maskPhone(m.phone)}（模板 ${m.template_id}）`
    const detail = m.status === 'sent' ? to
      : m.status === 'dropped' ? `${to}：未发送，${m.error ?? '同一号码发送过于频繁，按通知设置的限额未发送'}`
        : `${to}：失败，${m.error ?? '未知原因'}`
    add(Number(m.created_at), { kind: 'sms', title: SMS_TITLE[m.event] ?? `短信（${m.event}）`, detail, state: m.status === 'sent' ? 'done' : m.status === 'dropped' ? 'dropped' : 'failed', actor: null })
  }

  for (const l of await trackingTrail(db, order.id)) {
    entries.push({ time: courierTime(l.time, l.created_at), kind: 'tracking', title: '物流轨迹', detail: l.text, state: 'done', actor: l.provider === 'sf' ? '顺丰推送' : '快递100 推送' })
  }

  // Stable: entries of the same instant keep the order they were added in.
  return entries.map((e, i) => ({ e, i, t: Date.parse(e.time) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.e)
}

export function createOrderTimelineService ({ db }: { db: Knex }) {
  return {
    async timeline (merchantId: number, orderNo: string) {
      const order = await findOrder(db, merchantId, orderNo)
      if (!order) throw errors.orderNotFound()
      return { order_no: order.order_no, items: await orderTimeline(db, merchantId, order) }
    },
  }
}

export type OrderTimelineService = ReturnType<typeof createOrderTimelineService>

export const orderTimelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/orders/:order_no/timeline', {
    schema: {
      operationId: 'getOrderTimeline', tags: ['orders'], security: [{ adminBearer: [] }], params: OrderParams,
      summary: 'The order\'s timeline in time order: created, ERP push, texts, e-waybill, shipped, tracking lines, delivered, cancelled',
      response: { 200: TimelineSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.read'),
  }, async (req) => app.services.orderTimeline.timeline(sessionOf(req).merchant.id, req.params.order_no))
}
