// The merchant's profile (商户信息) as the back office reads and edits it.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from '../../shared/schemas.js'

export const MerchantProfileSchema = Type.Object({
  code: Type.String({ description: 'The merchant code in pickup URLs (/r/{code}); never changes' }),
  name: Type.String({ description: 'Display name: the pickup page footer, staff receipts' }),
  contact_name: Nullable(Type.String()),
  contact_phone: Nullable(Type.String()),
  timezone: Type.String({ description: 'IANA time zone: what "today" and validity dates mean' }),
  updated_at: Timestamp,
})
export type MerchantProfile = Static<typeof MerchantProfileSchema>

export const UpdateMerchantBodySchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, 'x-label': '商户名称' })),
  contact_name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50, 'x-label': '联系人' }))),
  contact_phone: Type.Optional(Nullable(Type.String({
    pattern: '^[0-9+][0-9 ()-]{4,19}$', 'x-label': '联系电话', 'x-message': '联系电话只能由数字、空格、括号、+ 和 - 组成，5–20 位',
  }))),
  timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, 'x-label': '时区', description: 'IANA name, e.g. Asia/Shanghai' })),
}, { additionalProperties: false, minProperties: 1, 'x-message': '请至少修改一项' })
export type UpdateMerchantBody = Static<typeof UpdateMerchantBodySchema>
