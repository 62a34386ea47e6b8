// The integration-call log as the API shows it: each vendor call with what it is about and every attempt.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'
import { INTEGRATION_TOPICS } from './outbox.service.js'

export const CALL_STATUSES = ['pending', 'processing', 'done', 'dead', 'failing'] as const

export const IntegrationCallQuerySchema = Type.Object({
  topic: Type.Optional(Type.Union(INTEGRATION_TOPICS.map((x) => Type.Literal(x)), { 'x-label': '调用类型' })),
  status: Type.Optional(Type.Union(CALL_STATUSES.map((x) => Type.Literal(x)), {
    description: 'failing: what is failing now (dead, or failed and waiting for / in its next retry)', 'x-label': '状态',
  })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})

export const IntegrationCallSchema = Type.Object({
  id: Type.Integer(), topic: Type.String(), status: Type.String(), attempts: Type.Integer(), last_error: Nullable(Type.String()), created_at: Type.String(),
  next_attempt_at: Nullable(Type.String({ format: 'date-time', description: 'When the next attempt is due (pending rows only)' })),
  order_no: Nullable(Type.String({ description: 'The order the call is about (ERP push, e-waybill, order texts)' })),
  card_no: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'The text\'s recipient, masked' })),
  event: Nullable(Type.String({ description: 'erp.push: push or refund; sms.send: the text\'s event' })),
  attempt_log: Type.Array(Type.Object({ attempt: Type.Integer(), status_code: Nullable(Type.Integer()), latency_ms: Type.Integer(), error: Nullable(Type.String()), started_at: Type.String() })),
})
export type IntegrationCall = Static<typeof IntegrationCallSchema>

export const IntegrationCallListSchema = Type.Object({ items: Type.Array(IntegrationCallSchema), next_cursor: Nullable(Type.String()) })

export const RetriedSchema = Type.Object({ requeued: Type.Integer() })
