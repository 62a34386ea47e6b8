// Request and response schemas of the webhook endpoints and their delivery log.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from '../../shared/schemas.js'
import { EVENT_TOPICS } from '../outbox/outbox.repository.js'

const EventType = Type.Union(EVENT_TOPICS.map((e) => Type.Literal(e)))

export const EndpointSchema = Type.Object({
  id: Type.Integer(), url: Type.String(), description: Nullable(Type.String()), event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(), disabled_reason: Nullable(Type.String()), secret_hint: Type.String(), created_at: Timestamp, updated_at: Timestamp,
})
export const EndpointWithSecretSchema = Type.Composite([EndpointSchema, Type.Object({ secret: Type.String({ description: 'whsec_…, shown only now' }) })])
export const EndpointListSchema = Type.Object({ items: Type.Array(EndpointSchema) })

export const CreateEndpointBodySchema = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 500 }), description: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  event_types: Type.Optional(Type.Array(EventType, { uniqueItems: true, description: 'Empty: every event except security.guessing, which an endpoint gets only when it lists it' })), enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false })
export type CreateEndpointBody = Static<typeof CreateEndpointBodySchema>

export const UpdateEndpointBodySchema = Type.Object({
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), description: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  event_types: Type.Optional(Type.Array(EventType, { uniqueItems: true })), enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 })
export type UpdateEndpointBody = Static<typeof UpdateEndpointBodySchema>

export const TestDeliverySchema = Type.Object({ delivery_id: Type.Integer(), webhook_id: Type.String() })

export const ReplayBodySchema = Type.Object({
  since: Type.String({ format: 'date-time', 'x-label': '开始时间' }),
  until: Type.Optional(Type.String({ format: 'date-time', 'x-label': '结束时间', description: 'Deliveries created before this moment (default: now)' })),
  status: Type.Union([Type.Literal('dead'), Type.Literal('all')], { default: 'dead' }),
}, { additionalProperties: false })

export const RequeuedSchema = Type.Object({ requeued: Type.Integer() })

export const DeliverySchema = Type.Object({
  id: Type.Integer(), endpoint_id: Type.Integer(), event_type: Type.String(), webhook_id: Type.String(),
  status: Type.String({ description: 'pending, processing, succeeded or dead' }), attempts: Type.Integer(), next_attempt_at: Nullable(Timestamp),
  last_status_code: Nullable(Type.Integer()), last_error: Nullable(Type.String()), created_at: Timestamp,
  attempt_log: Type.Array(Type.Object({ attempt: Type.Integer(), started_at: Timestamp, status_code: Nullable(Type.Integer()), latency_ms: Type.Integer(), error: Nullable(Type.String()), response_excerpt: Nullable(Type.String()) })),
})

export const DeliveryListQuerySchema = Type.Object({
  status: Type.Optional(Type.Union(['pending', 'processing', 'succeeded', 'dead'].map((s) => Type.Literal(s)))),
  endpoint_id: Type.Optional(Type.Integer({ minimum: 1 })), event_type: Type.Optional(Type.String({ maxLength: 64 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})

export const DeliveryListSchema = Type.Object({ items: Type.Array(DeliverySchema), next_cursor: Nullable(Type.String()) })
