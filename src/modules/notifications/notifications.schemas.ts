// Notifications (通知设置) schemas: the PUT body, the stored section (credentials sealed), its
// defaults, the test text and the message log.
import { Type, type Static } from '@sinclair/typebox'
import { label, MobilePhone, Nullable, Timestamp } from '../../shared/schemas.js'

export const EVENTS = ['order_submitted_customer', 'order_submitted_admin', 'shipped_customer', 'card_issued', 'security_alert', 'voucher_expiring'] as const
/** What a text is for; 'test' is the one an admin sends from the settings page. */
export type SmsEvent = typeof EVENTS[number] | 'test'
/** What a template parameter can carry. The password only where the merchant allows it. */
const VARIABLES = ['order_no', 'product', 'consignee_name', 'courier', 'waybill_no', 'card_no', 'redeem_url', 'password', 'site_name', 'failures', 'balance', 'valid_to', 'days_left'] as const

const Template = Type.Object({
  template_id: Type.String({ maxLength: 64, 'x-label': '短信模板编号' }),
  params: Type.Record(Type.String({ maxLength: 32 }), Type.Union(VARIABLES.map((v) => Type.Literal(v)), { 'x-label': '模板变量', 'x-message': `模板变量只能是 ${VARIABLES.join('、')}` }), { description: 'Template parameter → variable', 'x-label': '模板参数' }),
}, { additionalProperties: false })

export const NotificationsBodySchema = Type.Object({
  provider: Type.Union([Type.Literal('console'), Type.Literal('aliyun'), Type.Literal('tencent')], { 'x-label': '短信服务商', 'x-message': '短信服务商只能是 console（仅记录日志）、aliyun（阿里云）或 tencent（腾讯云）' }),
  aliyun: Type.Optional(Nullable(Type.Object({
    access_key_id: Type.String({ minLength: 1, maxLength: 64, 'x-label': 'AccessKey ID' }),
    access_key_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one', 'x-label': 'AccessKey Secret' })),
    endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, 'x-label': '接口地址', 'x-message': '接口地址应为 http:// 或 https:// 开头的网址，最多 200 个字符' }))),
  }, { additionalProperties: false, 'x-label': '阿里云短信账号' }))),
  tencent: Type.Optional(Nullable(Type.Object({
    secret_id: Type.String({ minLength: 1, maxLength: 64, 'x-label': 'SecretId' }),
    secret_key: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one', 'x-label': 'SecretKey' })),
    sdk_app_id: Type.String({ minLength: 1, maxLength: 32, 'x-label': 'SdkAppId' }),
    region: Type.Optional(Nullable(Type.String({ maxLength: 32, 'x-label': '地域' }))),
    endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, 'x-label': '接口地址', 'x-message': '接口地址应为 http:// 或 https:// 开头的网址，最多 200 个字符' }))),
  }, { additionalProperties: false, 'x-label': '腾讯云短信账号' }))),
  sign_name: Type.String({ maxLength: 32, description: '短信签名', 'x-label': '短信签名' }),
  admin_phones: Type.Array(label(MobilePhone, '管理员手机号'), { maxItems: 10, 'x-label': '管理员手机号' }),
  switches: Type.Object({
    order_submitted_customer: Type.Boolean({ description: 'A', 'x-label': '提交订单通知顾客（A）' }), order_submitted_admin: Type.Boolean({ description: 'B', 'x-label': '提交订单通知管理员（B）' }),
    shipped_customer: Type.Boolean({ description: 'C', 'x-label': '发货通知顾客（C）' }), card_issued: Type.Boolean({ 'x-label': '发卡通知' }),
    security_alert: Type.Optional(Type.Boolean({ description: 'Card passwords guessed across many cards → admin phones (default on)', 'x-label': '猜密码告警' })),
    voucher_expiring: Type.Optional(Type.Boolean({ description: 'A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off)', 'x-label': '储值券到期提醒' })),
  }, { additionalProperties: false, 'x-label': '通知开关' }),
  voucher_expiring_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 7, description: 'How many days before its last day a voucher is reminded of (the text and the voucher.expiring webhook)', 'x-label': '到期提醒提前天数', 'x-message': '到期提醒提前天数应为 1 至 60 之间的整数' })),
  templates: Type.Partial(Type.Object(Object.fromEntries(EVENTS.map((e) => [e, Template])) as Record<typeof EVENTS[number], typeof Template>), { additionalProperties: false, 'x-label': '短信模板' }),
  card_issued_include_password: Type.Boolean({ default: false, 'x-label': '发卡短信包含密码' }),
  limits: Type.Object({
    per_minute: Type.Integer({ minimum: 1, maximum: 100, 'x-label': '每个手机号每分钟条数', 'x-message': '每个手机号每分钟条数应为 1 至 100 之间的整数' }),
    per_day: Type.Integer({ minimum: 1, maximum: 1000, 'x-label': '每个手机号每天条数', 'x-message': '每个手机号每天条数应为 1 至 1000 之间的整数' }),
  }, { additionalProperties: false, 'x-label': '发送频率限制' }),
}, { additionalProperties: false })
export type NotificationsBody = Static<typeof NotificationsBodySchema>

/** The section as stored: the body with each provider's secret sealed (`secret_enc`). */
export interface StoredNotifications extends Omit<NotificationsBody, 'aliyun' | 'tencent'> {
  aliyun: { access_key_id: string; secret_enc: string; endpoint: string | null } | null
  tencent: { secret_id: string; secret_enc: string; sdk_app_id: string; region: string | null; endpoint: string | null } | null
}

export const DEFAULT_NOTIFICATIONS: StoredNotifications = {
  provider: 'console', aliyun: null, tencent: null, sign_name: '', admin_phones: [],
  switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: true, security_alert: true, voucher_expiring: false },
  voucher_expiring_days: 7,
  templates: {}, card_issued_include_password: false, limits: { per_minute: 1, per_day: 10 },
}

const Body = NotificationsBodySchema.properties
/** The settings as an admin reads them: each credential masked (****abcd, its last four characters), never in full. */
export const MaskedNotificationsSchema = Type.Object({
  provider: Body.provider,
  aliyun: Nullable(Type.Object({
    access_key_id: Type.String(),
    access_key_secret: Nullable(Type.String({ description: 'Masked: ****abcd' })),
    endpoint: Nullable(Type.String()),
  })),
  tencent: Nullable(Type.Object({
    secret_id: Type.String(),
    secret_key: Nullable(Type.String({ description: 'Masked: ****abcd' })),
    sdk_app_id: Type.String(),
    region: Nullable(Type.String()),
    endpoint: Nullable(Type.String()),
  })),
  sign_name: Body.sign_name,
  admin_phones: Type.Array(Type.String()),
  switches: Body.switches,
  templates: Body.templates,
  card_issued_include_password: Type.Boolean(),
  voucher_expiring_days: Type.Integer(),
  limits: Body.limits,
}, { description: 'The settings with credentials masked (****abcd)' })

export const TestTextBodySchema = Type.Object({ phone: MobilePhone }, { additionalProperties: false })
export const TestTextResultSchema = Type.Object({ outbox_id: Type.Integer() })

/** A text's outcome: sent, failed at the provider, or dropped before it (over a per-phone limit). */
export const SMS_STATES = ['sent', 'failed', 'dropped'] as const
export type SmsState = typeof SMS_STATES[number]

/** A sent text's delivery receipt: delivered, failed (the receipt's code and reason), unknown (none within the window). */
export const DELIVERY_STATES = ['delivered', 'failed', 'unknown'] as const
export type DeliveryState = typeof DELIVERY_STATES[number]
/** As the log shows it: pending while a sent text waits for its receipt. */
const DELIVERY_VIEW = ['pending', ...DELIVERY_STATES] as const

export const SmsMessageListQuerySchema = Type.Object({ phone: Type.Optional(Type.String({ maxLength: 20 })), status: Type.Optional(Type.Union(SMS_STATES.map((s) => Type.Literal(s)), { description: 'sent; failed (error: the reason); dropped (not sent: over a per-phone limit; error: which)', 'x-label': '状态', 'x-message': '状态只能是 sent（已发送）、failed（发送失败）或 dropped（超出频率限制未发送）' })), delivery: Type.Optional(Type.Union(DELIVERY_VIEW.map((s) => Type.Literal(s)), { description: 'Sent texts by receipt: pending (waiting), delivered, failed (the receipt says not delivered), unknown (no receipt in time)', 'x-label': '送达状态', 'x-message': '送达状态只能是 pending（等待回执）、delivered（已送达）、failed（未送达）或 unknown（未知）' })), cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) })
export type SmsMessageListQuery = Static<typeof SmsMessageListQuerySchema>

export const SmsMessageListSchema = Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), phone: Type.String(), event: Type.String(), template_id: Type.String(), provider: Type.String(), status: Type.Union(SMS_STATES.map((s) => Type.Literal(s))), provider_message_id: Nullable(Type.String()), error: Nullable(Type.String({ description: 'Why it failed (the provider\'s reason) or was dropped (the limit it hit)' })), delivery_state: Nullable(Type.Union(DELIVERY_VIEW.map((s) => Type.Literal(s)), { description: 'Sent texts only (null otherwise): pending until the receipt; delivered; failed (delivery_code, delivery_reason); unknown (no receipt within 72 h)' })), delivery_code: Nullable(Type.String({ description: 'The receipt\'s code (Aliyun ErrCode, Tencent SUCCESS/FAIL)' })), delivery_reason: Nullable(Type.String({ description: 'Why it was not delivered, as the receipt says' })), delivered_at: Nullable(Timestamp), created_at: Timestamp })), next_cursor: Nullable(Type.String()) })
export type SmsMessageList = Static<typeof SmsMessageListSchema>
