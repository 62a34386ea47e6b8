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

export const SyncResultSchema = Type.Object({
  shipped: Type.Integer({ description: 'Orders shipped' }),
  failed: Type.Integer({ description: 'Records acknowledged as failed (unknown order, courier or product; a stock the ERP could not compute)' }),
  stock_updated: Type.Integer({ description: 'Stock figures stored' }),
  ack_failed: Type.Integer({ description: 'Records the ERP did not accept in its acknowledgements (per-item errors)' }),
})
export type SyncResult = Static<typeof SyncResultSchema>

/** 测试连接: the connection to try, as the form has it (the appsecret omitted: the stored one). */
export const ErpTestBodySchema = Type.Object({
  protocol: PutErpBodySchema.properties.protocol, sid: PutErpBodySchema.properties.sid, appkey: PutErpBodySchema.properties.appkey,
  appsecret: PutErpBodySchema.properties.appsecret, shop_no: PutErpBodySchema.properties.shop_no, endpoint: PutErpBodySchema.properties.endpoint,
}, { additionalProperties: false })
export type ErpTestBody = Static<typeof ErpTestBodySchema>

export const ErpTestResultSchema = Type.Object({
  ok: Type.Boolean(),
  message: Type.String({ description: 'The outcome in Chinese; on failure the vendor\'s own code and message when it answered' }),
  shop_name: Nullable(Type.String()),
  latency_ms: Type.Integer(),
})
export type ErpTestResult = Static<typeof ErpTestResultSchema>

export const LastSyncSchema = Nullable(Type.Object({
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')], { description: 'schedule: the periodic pull (every five minutes); manual: 立即同步' }),
  ok: Type.Boolean(),
  shipped: Type.Integer({ description: 'Orders shipped by this sync' }),
  failed: Type.Integer({ description: 'Records acknowledged as failed (unknown order, courier or product)' }),
  stock_updated: Type.Integer({ description: 'Stock figures stored by this sync' }),
  ack_errors: Type.Array(Type.String(), { description: 'The records the ERP did not accept in its acknowledgements, "id: reason" in its words' }),
  error: Nullable(Type.String({ description: 'Why the sync stopped, in Chinese (the vendor\'s message when it answered)' })),
  started_at: Type.String({ format: 'date-time' }),
  finished_at: Type.String({ format: 'date-time' }),
  last_ok_at: Nullable(Type.String({ format: 'date-time', description: 'When a sync last ended without error' })),
}))
export type LastSync = Static<typeof LastSyncSchema>

export const ErpStockListSchema = Type.Object({
  items: Type.Array(Type.Object({
    product_id: Type.Integer(),
    name: Type.String(),
    lines: Type.Array(Type.Object({
      goods_no: Nullable(Type.String()), spec_no: Nullable(Type.String()), quantity: Type.Integer({ description: 'How many of this good one product takes' }),
      stock: Nullable(Type.Number({ description: 'The ERP\'s last figure for this good; null before the first' })),
      updated_at: Nullable(Type.String({ format: 'date-time' })),
    })),
    available: Nullable(Type.Integer({ description: 'How many of the product the stock makes (its scarcest good); null until every good has a figure' })),
    updated_at: Nullable(Type.String({ format: 'date-time', description: 'When the ERP last synced a figure of this product' })),
  })),
})
export type ErpStockList = Static<typeof ErpStockListSchema>
