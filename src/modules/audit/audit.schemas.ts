import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from '../../shared/schemas.js'

export const AuditLogSchema = Type.Object({
  id: Type.Integer(),
  actor_type: Type.String(),
  actor_id: Nullable(Type.Integer()),
  actor_name: Type.String(),
  action: Type.String(),
  target_type: Nullable(Type.String()),
  target_id: Nullable(Type.String()),
  summary: Nullable(Type.Record(Type.String(), Type.Unknown())),
  ip: Nullable(Type.String()),
  created_at: Timestamp,
})

export const AuditQuerySchema = Type.Object({
  actor_id: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})

export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditLogSchema),
  next_cursor: Nullable(Type.String()),
})

export type AuditQuery = Static<typeof AuditQuerySchema>
export type AuditPage = Static<typeof AuditPageSchema>
