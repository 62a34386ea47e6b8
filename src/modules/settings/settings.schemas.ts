import { Type, type Static } from '@sinclair/typebox'
import { DateString, Nullable } from '../../shared/schemas.js'

export const StorefrontSchema = Type.Object({
  site_name: Type.String({ maxLength: 50, description: '提货网站名称' }),
  logo_url: Nullable(Type.String({ maxLength: 500 })),
  theme_color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  welcome_text: Type.String({ maxLength: 500 }),
  notice_text: Type.String({ maxLength: 2000, description: 'Shown on the pickup page (提货须知)' }),
  success_text: Type.String({ maxLength: 500 }),
}, { additionalProperties: false })
export type Storefront = Static<typeof StorefrontSchema>

export const ReservationSchema = Type.Object({
  mode: Type.Union([Type.Literal('none'), Type.Literal('any'), Type.Literal('window')], { description: 'none: no date; any: any date from today; window: within the merchant\'s window' }),
  min_days_ahead: Type.Integer({ minimum: 0, maximum: 365 }),
  max_days_ahead: Type.Integer({ minimum: 0, maximum: 365 }),
  blocked_weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday' }), { uniqueItems: true, maxItems: 7 }),
  blocked_dates: Type.Array(DateString, { maxItems: 366 }),
}, { additionalProperties: false })

export const PickupSchema = Type.Object({
  enabled: Type.Boolean({ description: '前台提货开关' }),
  pause_message: Type.String({ maxLength: 500 }),
  reservation: ReservationSchema,
  daily_cap: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Orders per reserved date' })),
  redirect_url: Nullable(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'Where the customer goes after submitting (http or https)' })),
}, { additionalProperties: false })
export type Pickup = Static<typeof PickupSchema>

export const DEFAULT_STOREFRONT: Storefront = {
  site_name: '提货中心', logo_url: null, theme_color: '#d9363e',
  welcome_text: '请输入卡号和密码提货', notice_text: '', success_text: '提货成功，我们会尽快为您发货',
}

export const DEFAULT_PICKUP: Pickup = {
  enabled: true,
  pause_message: '提货暂停，请稍后再来',
  reservation: { mode: 'none', min_days_ahead: 1, max_days_ahead: 30, blocked_weekdays: [], blocked_dates: [] },
  daily_cap: null,
  redirect_url: null,
}
