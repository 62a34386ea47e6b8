// ERP shapes: the Wangdiantong connection as admins set it and see it (the appsecret masked),
// and the answer of a logistics sync.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

export const ErpProtocolSchema = Type.Union([Type.Literal('wdt_classic'), Type.Literal('wdt_qjb')], { description: 'wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt")' })
export type ErpProtocol = Static<typeof ErpProtocolSchema>

export const ErpViewSchema = Nullable(Type.Object({ protocol: Type.String(), sid: Type.String(), appkey: Type.String(), appsecret: Type.String(), shop_no: Type.String(), endpoint: Nullable(Type.String()) }))
export type ErpView = Static<typeof ErpViewSchema>

export const PutErpBodySchema = Type.Object({
  protocol: Type.Union(ErpProtocolSchema.anyOf, { description: ErpProtocolSchema.description, 'x-label': 'ERP 接口类型', 'x-message': 'ERP 接口类型只能是 wdt_classic（旺店通 openapi2）或 wdt_qjb（旺店通旗舰版）' }),
  sid: Type.String({ minLength: 1, maxLength: 64, 'x-label': '卖家账号（sid）' }), appkey: Type.String({ minLength: 1, maxLength: 64, 'x-label': 'appkey' }),
  appsecret: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one', 'x-label': 'appsecret' })), shop_no: Type.String({ minLength: 1, maxLength: 64, 'x-label': '店铺编号' }),
  endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, description: 'Default production; the sandbox or a local fake', 'x-label': '接口地址', 'x-message': '接口地址应为 http:// 或 https:// 开头的网址，最多 200 个字符' }))),
}, { additionalProperties: false })
export type PutErpBody = Static<typeof PutErpBodySchema>

export const SyncResultSchema = Type.Object({ shipped: Type.Integer(), failed: Type.Integer() })
export type SyncResult = Static<typeof SyncResultSchema>
