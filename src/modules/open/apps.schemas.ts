// Request and response schemas of the open-platform apps (开发平台) admin API, and the scopes an app can hold.
import { Type, type Static } from '@sinclair/typebox'
import { NullableTimestamp, Timestamp } from '../../shared/schemas.js'

export const SCOPES = ['products:read', 'cards:issue', 'cards:read', 'cards:secrets', 'redeem', 'orders:read', 'vouchers:read', 'vouchers:pay'] as const
export type Scope = typeof SCOPES[number]

const Cidr = Type.String({ maxLength: 64, description: 'IPv4 or IPv6 address, optionally /prefix' })
export const CreateAppSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  scopes: Type.Array(Type.Union(SCOPES.map((s) => Type.Literal(s))), { uniqueItems: true }),
  ip_allowlist: Type.Optional(Type.Array(Cidr, { maxItems: 100 })),
  rate_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 50, description: 'Requests per second (burst 2×)' })),
}, { additionalProperties: false })
export type CreateApp = Static<typeof CreateAppSchema>

export const UpdateAppSchema = Type.Object({
  name: Type.Optional(CreateAppSchema.properties.name),
  scopes: Type.Optional(CreateAppSchema.properties.scopes),
  ip_allowlist: Type.Optional(Type.Array(Cidr, { maxItems: 100 })),
  rate_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
}, { additionalProperties: false, minProperties: 1 })
export type UpdateApp = Static<typeof UpdateAppSchema>

export const AppSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  app_key: Type.String(),
  scopes: Type.Array(Type.String()),
  ip_allowlist: Type.Array(Type.String()),
  rate_limit: Type.Integer(),
  status: Type.String(),
  secret_hint: Type.String({ description: 'Last four characters of the secret' }),
  previous_secret_expires_at: NullableTimestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type App = Static<typeof AppSchema>

export const AppWithSecretSchema = Type.Composite([AppSchema, Type.Object({ app_secret: Type.String({ description: 'Shown only now' }) })])
export type AppWithSecret = Static<typeof AppWithSecretSchema>

export const AppListSchema = Type.Object({ items: Type.Array(AppSchema) })
