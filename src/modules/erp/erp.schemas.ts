// ERP shapes: the Wangdiantong connection as admins set it and see it (the appsecret masked),
// and the answer of a logistics sync.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

export const ErpProtocolSchema = Type.Union([Type.Literal('wdt_classic'), Type.Literal('wdt_qjb')], { description: 'wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt")' })
export type ErpProtocol = Static<typeof ErpProtocolSchema>

export const ErpViewSchema = Nullable(Type.Object({ protocol: Type.String(), sid: Type.String(), appkey: Type.String(), appsecret: Type.String(), shop_no: Type.String(), endpoint: Nullable(Type.String()) }))
export type ErpView = Static<typeof ErpViewSchema>

export const PutErpBodySchema = Type.Object({
  protocol: ErpProtocolSchema, sid: Type.String({ minLength: 1, maxLength: 64 }), appkey: Type.String({ minLength: 1, maxLength: 64 }),
  appsecret: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one' })), shop_no: Type.String({ minLength: 1, maxLength: 64 }),
  endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, description: 'Default production; the sandbox or a local fake' }))),
}, { additionalProperties: false })
export type PutErpBody = Static<typeof PutErpBodySchema>

export const SyncResultSchema = Type.Object({ shipped: Type.Integer(), failed: Type.Integer() })
export type SyncResult = Static<typeof SyncResultSchema>
