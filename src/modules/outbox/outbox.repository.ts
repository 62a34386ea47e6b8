// The outbox: rows written in the same transaction as the change they report. Delivery (the
// worker, webhooks, integrations) reads them later; nothing here touches the network.
import type { Db } from '../../shared/db.js'

/** Domain events; each is fanned out to the merchant's webhook endpoints (Standard Webhooks). */
export const EVENT_TOPICS = [
  'card.issued', 'card.activated', 'card.voided', 'card.redeemed',
  'order.created', 'order.shipped', 'order.delivered', 'order.cancelled', 'issue.cancelled',
  'security.guessing',
] as const
export type EventTopic = typeof EVENT_TOPICS[number]
/** Events for the merchant's own systems, not for malls: sent only to endpoints that list them. */
export const OPT_IN_TOPICS: readonly EventTopic[] = ['security.guessing']

/** Work items: one webhook delivery to one endpoint; one text message. */
export const WORK_TOPICS = ['webhook.delivery', 'sms.card_issued', 'sms.send', 'ewaybill.request', 'erp.push', 'tracking.subscribe'] as const
export type Topic = EventTopic | typeof WORK_TOPICS[number]

export interface OutboxMessage {
  merchant_id: number
  topic: Topic
  /** Stable per event: the same event written twice stays one row. */
  idempotency_key: string
  payload: Record<string, unknown>
  destination?: string | null
  event_type?: string | null
  event_id?: string | null
}

export async function enqueue (db: Db, messages: OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return
  await db('outbox').insert(messages.map((m) => ({
    merchant_id: m.merchant_id,
    topic: m.topic,
    destination: m.destination ?? null,
    event_type: m.event_type ?? null,
    event_id: m.event_id ?? null,
    payload: JSON.stringify(m.payload),
    idempotency_key: m.idempotency_key,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at.getTime(),
    created_at: at.getTime(),
    updated_at: at.getTime(),
  })))
}
