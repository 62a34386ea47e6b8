// The outbox: rows written in the same transaction as the change they report. Delivery (the
// worker, webhooks, integrations) reads them later; nothing here touches the network.
import type { Db } from '../../shared/db.js'

export const TOPICS = ['order.created', 'card.redeemed', 'order.shipped', 'order.cancelled', 'order.delivered'] as const
export type Topic = typeof TOPICS[number]

export interface OutboxMessage {
  merchant_id: number
  topic: Topic
  /** Stable per event: the same event written twice stays one row. */
  idempotency_key: string
  payload: Record<string, unknown>
  destination?: string | null
}

export async function enqueue (db: Db, messages: OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return
  await db('outbox').insert(messages.map((m) => ({
    merchant_id: m.merchant_id,
    topic: m.topic,
    destination: m.destination ?? null,
    payload: JSON.stringify(m.payload),
    idempotency_key: m.idempotency_key,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at.getTime(),
    created_at: at.getTime(),
    updated_at: at.getTime(),
  })))
}
