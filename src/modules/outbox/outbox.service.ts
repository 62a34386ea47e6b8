// What the merchant can see of the outbox: the calls made to ERPs, couriers and SMS providers
// with every attempt (the webhook delivery log is the webhooks module's view of the same rows).
import type { Knex } from 'knex'
import { iso } from '../../shared/schemas.js'
import { listRows } from './outbox.repository.js'

/** The vendor calls shown in the integration-call log. */
export const INTEGRATION_TOPICS = ['erp.push', 'ewaybill.request', 'sms.send', 'sms.card_issued'] as const
export type IntegrationTopic = typeof INTEGRATION_TOPICS[number]

export function createOutboxService ({ db }: { db: Knex }) {
  return {
    async integrationCalls (merchantId: number, q: { topic?: IntegrationTopic; status?: string; cursor?: string; limit?: number }) {
      const limit = q.limit ?? 50
      const rows = await listRows(db, merchantId, { topics: q.topic ? [q.topic] : INTEGRATION_TOPICS, status: q.status, before: q.cursor ? Number(q.cursor) : undefined, limit })
      return {
        items: rows.map((r) => ({
          id: Number(r.id), topic: r.topic, status: r.status, attempts: Number(r.attempts), last_error: r.last_error,
          created_at: iso(r.created_at)!,
          attempt_log: r.attempt_log.map((a) => ({
            attempt: Number(a.attempt), status_code: a.status_code === null ? null : Number(a.status_code), latency_ms: Number(a.latency_ms), error: a.error, started_at: iso(a.started_at)!,
          })),
        })),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },
  }
}

export type OutboxService = ReturnType<typeof createOutboxService>
