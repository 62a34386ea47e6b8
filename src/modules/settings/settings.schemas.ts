import { Type, type Static } from '@sinclair/typebox'
import { DateField, Nullable } from '../../shared/schemas.js'

export const StorefrontSchema = Type.Object({
  site_name: Type.String({ maxLength: 50, description: '提货网站名称', 'x-label': '提货网站名称' }),
  logo_url: Nullable(Type.String({ maxLength: 500, 'x-label': 'Logo 地址' })),
  theme_color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$', 'x-label': '主题色', 'x-message': '主题色应为 # 加 6 位十六进制数，例如 #d9363e' }),
  welcome_text: Type.String({ maxLength: 500, 'x-label': '欢迎语' }),
  notice_text: Type.String({ maxLength: 2000, description: 'Shown on the pickup page (提货须知)', 'x-label': '提货须知' }),
  success_text: Type.String({ maxLength: 500, 'x-label': '提货成功提示' }),
}, { additionalProperties: false })
export type Storefront = Static<typeof StorefrontSchema>

export const ReservationSchema = Type.Object({
  mode: Type.Union([Type.Literal('none'), Type.Literal('any'), Type.Literal('window')], { description: 'none: no date; any: any date from today; window: within the merchant\'s window', 'x-label': '预约发货方式', 'x-message': '预约发货方式只能是 none（不预约）、any（任意日期）或 window（指定范围）' }),
  min_days_ahead: Type.Integer({ minimum: 0, maximum: 365, 'x-label': '最早可选天数', 'x-message': '最早可选天数应为 0 至 365 之间的整数' }),
  max_days_ahead: Type.Integer({ minimum: 0, maximum: 365, 'x-label': '最晚可选天数', 'x-message': '最晚可选天数应为 0 至 365 之间的整数' }),
  blocked_weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday', 'x-label': '不发货的星期', 'x-message': '不发货的星期应为 0（星期日）至 6（星期六）' }), { uniqueItems: true, maxItems: 7, 'x-label': '不发货的星期' }),
  blocked_dates: Type.Array(DateField('不发货日期'), { maxItems: 366, 'x-label': '不发货日期' }),
}, { additionalProperties: false, 'x-label': '预约发货设置' })

export const PickupSchema = Type.Object({
  enabled: Type.Boolean({ description: '前台提货开关', 'x-label': '前台提货开关' }),
  pause_message: Type.String({ maxLength: 500, 'x-label': '暂停提示' }),
  reservation: ReservationSchema,
  daily_cap: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Orders per reserved date', 'x-label': '每日发货上限', 'x-message': '每日发货上限应为 1 至 1000000 之间的整数，不限请填 null' })),
  redirect_url: Nullable(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'Where the customer goes after submitting (http or https)', 'x-label': '提货后跳转地址', 'x-message': '提货后跳转地址应为 http:// 或 https:// 开头的网址，最多 500 个字符' })),
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
