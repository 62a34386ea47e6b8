// E-waybill shapes: the sender (寄件人) settings, a courier variant's vendor account, and the
// answer to a waybill request.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

export const SenderSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件人姓名' }), phone: Type.String({ minLength: 5, maxLength: 20, 'x-label': '寄件人电话', 'x-message': '寄件人电话应为 5–20 个字符' }),
  province: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件省份' }), city: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件城市' }),
  district: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件区县' }), address: Type.String({ minLength: 1, maxLength: 200, 'x-label': '寄件详细地址' }),
}, { additionalProperties: false })
export type Sender = Static<typeof SenderSchema>

export const EWaybillSettingsSchema = Type.Object({ sender: Nullable(SenderSchema) })
export type EWaybillSettings = Static<typeof EWaybillSettingsSchema>
export const PutEWaybillSettingsSchema = Type.Object({ sender: Type.Object(SenderSchema.properties, { additionalProperties: false, 'x-label': '寄件人' }) }, { additionalProperties: false })
export type PutEWaybillSettings = Static<typeof PutEWaybillSettingsSchema>
export const SavedEWaybillSettingsSchema = Type.Object({ sender: SenderSchema })

export const VendorCredentialsSchema = Type.Union([
  Type.Object({ vendor: Type.Literal('sf'), partner_id: Type.String({ minLength: 1, maxLength: 64, description: '顾客编码' }), check_word: Type.String({ minLength: 1, maxLength: 128 }), endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))) }, { additionalProperties: false }),
  Type.Object({ vendor: Type.Literal('kuaidi100'), key: Type.String({ minLength: 1, maxLength: 64 }), secret: Type.String({ minLength: 1, maxLength: 128 }), kuaidicom: Type.String({ minLength: 1, maxLength: 32 }), partner_id: Type.Optional(Nullable(Type.String({ maxLength: 64 }))), endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))) }, { additionalProperties: false }),
])
export type VendorCredentials = Static<typeof VendorCredentialsSchema>

export const CourierAccountParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export const CourierAccountSchema = Type.Object({ id: Type.Integer(), code: Type.String(), vendor: Type.String(), has_credentials: Type.Boolean() })

export const OrderNoParamsSchema = Type.Object({ order_no: Type.String({ maxLength: 32 }) })
export const RequestOneBodySchema = Type.Object({ courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export const RequestManyBodySchema = Type.Object({ order_nos: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 500 }), courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export const RequestResultSchema = Type.Object({ queued: Type.Array(Type.String()), refused: Type.Array(Type.Object({ order_no: Type.String(), reason: Type.String() })) })
export type RequestResult = Static<typeof RequestResultSchema>
