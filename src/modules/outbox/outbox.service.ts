// What the merchant can see of the outbox: the calls made to ERPs, couriers and SMS providers
// with every attempt (the webhook delivery log is the webhooks module's view of the same rows),
// and retrying one that failed.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { maskPhone } from '../../shared/phone.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findRow, listRows, requeueFailed, type ListedRow } from './outbox.repository.js'
import { integrationCallNotFailed, integrationCallNotFound } from './outbox.errors.js'
import type { IntegrationCall } from './outbox.schemas.js'
import type { OutboxRow } from './outbox.types.js'

/** A call's state as the 重试 refusal names it. */
const CALL_STATE: Record<string, string> = { pending: '正在等待发送', processing: '正在发送', done: '已成功' }

/** The vendor calls shown in the integration-call log. */
export const INTEGRATION_TOPICS = ['erp.push', 'ewaybill.request', 'ewaybill.cancel', 'sms.send', 'sms.card_issued', 'tracking.apply', 'tracking.subscribe'] as const
export type IntegrationTopic = typeof INTEGRATION_TOPICS[number]

/** What a call is about, from its payload (erp.push {order, refund}; ewaybill.request {order_no}; sms.* {phone, event, vars, card_no}). */
function subject (r: ListedRow): Pick<IntegrationCall, 'order_no' | 'card_no' | 'phone' | 'event'> {
  let p: Record<string, any> = {}
  try { p = JSON.parse(r.payload) ?? {} } catch { p = {} }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null)
  if (r.topic === 'erp.push') return { order_no: str(p.order?.order_no), card_no: null, phone: null, event: p.refund ? 'refund' : 'push' }
  if (r.topic === 'ewaybill.request' || r.topic === 'ewaybill.cancel') return { order_no: str(p.order_no), card_no: null, phone: null, event: null }
  // tracking.apply {push_id, provider}: the courier that pushed; tracking.subscribe {order_no, company}.
  if (r.topic === 'tracking.apply') return { order_no: null, card_no: null, phone: null, event: str(p.provider) }
  if (r.topic === 'tracking.subscribe') return { order_no: str(p.order_no), card_no: null, phone: null, event: str(p.company) }
  return { order_no: str(p.vars?.order_no) === 'TEST' ? null : str(p.vars?.order_no), card_no: str(p.card_no), phone: maskPhone(str(p.phone)), event: str(p.event) }
}

/** What a topic's owner does when one of its calls is sent again (in the requeue's transaction). */
export type RequeueHook = (trx: Knex.Transaction, row: OutboxRow) => Promise<void>

export function createOutboxService ({ db, clock, requeued = {} }: { db: Knex; clock: Clock; requeued?: Partial<Record<string, RequeueHook>> }) {
  return {
    async integrationCalls (merchantId: number, q: { topic?: IntegrationTopic; status?: string; cursor?: string; limit?: number }) {
      const limit = q.limit ?? 50
      const rows = await listRows(db, merchantId, { topics: q.topic ? [q.topic] : INTEGRATION_TOPICS, status: q.status, before: q.cursor ? Number(q.cursor) : undefined, limit })
      return {
        items: rows.map((r): IntegrationCall => ({
          id: Number(r.id), topic: r.topic, status: r.status, attempts: Number(r.attempts), last_error: r.last_error,
          created_at: iso(r.created_at)!,
          next_attempt_at: r.status === 'pending' ? iso(r.next_attempt_at) : null,
          ...subject(r),
          attempt_log: r.attempt_log.map((a) => ({
            attempt: Number(a.attempt), status_code: a.status_code === null ? null : Number(a.status_code), latency_ms: Number(a.latency_ms), error: a.error, started_at: iso(a.started_at)!,
          })),
        })),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },

    /** 重试: a failed call (dead, or waiting for its next retry) is sent again now with a fresh retry schedule. */
    async retry (merchantId: number, id: number, actor: Actor) {
      const now = clock.now()
      const done = await db.transaction(async (trx) => {
        if (!await requeueFailed(trx, merchantId, id, INTEGRATION_TOPICS, now.getTime())) return false
        const row = await findRow(trx, merchantId, id, INTEGRATION_TOPICS)
        if (row) await requeued[row.topic]?.(trx, row)
        return true
      })
      if (!done) {
        const row = await findRow(db, merchantId, id, INTEGRATION_TOPICS)
        if (!row) throw integrationCallNotFound()
        throw integrationCallNotFailed({ details: [{ path: '/id', message: `该调用${CALL_STATE[row.status] ?? '不在失败状态'}，不需要重试`, code: row.status }] })
      }
      const row = await findRow(db, merchantId, id, INTEGRATION_TOPICS)
      await insertAudit(db, merchantId, actor, { action: 'integration_calls.retry', target_type: 'integration_call', target_id: id, summary: { topic: row?.topic } }, now)
      return { requeued: 1 }
    },
  }
}

export type OutboxService = ReturnType<typeof createOutboxService>
