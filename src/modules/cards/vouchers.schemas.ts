// Request and response schemas of stored-value vouchers (储值提货券), for the open platform and the back office.
import { Type } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'
import { VoucherRestrictions } from './cards.schemas.js'

const Fen = (label: string, min = 1) => Type.Integer({ minimum: min, maximum: 100_000_000_00, description: 'Cents (分)', 'x-label': label, 'x-message': `${label}应为 ${min} 至 10000000000 之间的整数（单位：分）` })
const Phone = Type.String({ minLength: 1, maxLength: 20, description: 'Mainland mobile number (11 digits starting with 1)', 'x-label': '手机号' })
const Password = Type.String({ minLength: 1, maxLength: 64, 'x-label': '卡密' })
const TradeNo = (label: string) => Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$', 'x-label': label, 'x-message': `${label}应为 1 至 64 位可见字符` })

export const VoucherSchema = Type.Object({
  card_no: Type.String(),
  status: Type.String({ description: 'The card state: inactive, active, voided' }),
  state: Type.String({ description: 'What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided' }),
  face_value: Nullable(Type.Integer()),
  balance: Nullable(Type.Integer({ description: 'Fen available now (held amounts already taken); null before activation' })),
  held: Type.Integer({ description: 'Fen reserved by holds not captured or released yet' }),
  valid_from: Nullable(Type.String()),
  valid_to: Nullable(Type.String()),
  valid_days: Nullable(Type.Integer({ description: 'Valid for N days from the day after activation' })),
  days_left: Nullable(Type.Integer()),
  extended: Type.Boolean({ description: 'Its one 30-day extension was used' }),
  extendable_until: Nullable(Type.String({ description: 'The last day the one extension may be asked for (valid_to + 30); null when it cannot be' })),
  phone: Nullable(Type.String({ description: 'The phone it is bound to, masked (138****0000)' })),
  restrictions: Nullable(VoucherRestrictions),
  updated_at: Type.String(),
})

export const HoldSchema = Type.Object({
  hold_no: Type.String(),
  out_trade_no: Nullable(Type.String()),
  card_no: Type.String(),
  amount: Type.Integer(),
  refunded: Type.Integer({ description: 'Fen refunded of a captured hold' }),
  status: Type.String({ description: 'held, captured, released, or lapsed (its time ran out; released by the sweep within a minute)' }),
  expires_at: Type.String(),
  balance: Type.Optional(Type.Integer({ description: 'The voucher\'s balance after this call' })),
  created_at: Type.String(),
  updated_at: Type.String(),
})

const credentials = {
  password: Type.Optional(Password),
  phone: Type.Optional(Phone),
}

export const VoucherQueryBodySchema = Type.Object(credentials, { additionalProperties: false })
export const VoucherPhoneQuerySchema = Type.Object({ phone: Phone })

export const HoldBodySchema = Type.Object({
  out_trade_no: TradeNo('商户订单号'),
  amount: Fen('冻结金额'),
  ttl_seconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400, default: 900, description: 'Seconds until the hold lapses and releases itself', 'x-label': '冻结时长（秒）', 'x-message': '冻结时长应为 60 至 86400 秒' })),
  ...credentials,
  items: Type.Optional(Type.Array(Type.Object({
    product_id: Type.Integer({ minimum: 1, 'x-label': '商品' }),
    quantity: Type.Integer({ minimum: 1, maximum: 999, 'x-label': '数量', 'x-message': '数量应为 1 至 999 之间的整数' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 100, description: 'What the order buys (GET /open/v1/products): checked against the voucher\'s restrictions; with prices, the amount may not exceed their total', 'x-label': '所购商品' })),
  province: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'The delivery province, for a voucher restricted by region', 'x-label': '收货省份' })),
}, { additionalProperties: false })

/** A debit: a hold's body without its time to live (it is captured at once). */
export const DebitBodySchema = Type.Object(Object.fromEntries(Object.entries(HoldBodySchema.properties).filter(([k]) => k !== 'ttl_seconds')) as Omit<typeof HoldBodySchema.properties, 'ttl_seconds'>, { additionalProperties: false })

export const HoldNoParams = Type.Object({ hold_no: Type.String({ maxLength: 32 }) })
export const TradeParams = Type.Object({ out_trade_no: TradeNo('商户订单号') })

/** A mall's trade: the hold on each voucher it pays with (one per voucher), and their sums. */
export const TradeSchema = Type.Object({
  out_trade_no: Type.String(),
  held: Type.Integer({ description: 'Fen still held (not lapsed) over its vouchers' }),
  captured: Type.Integer({ description: 'Fen captured over its vouchers' }),
  refunded: Type.Integer({ description: 'Fen refunded over its vouchers' }),
  holds: Type.Array(HoldSchema),
})
export const CancelTradeBodySchema = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 200, 'x-label': '取消原因' })),
}, { additionalProperties: false })

export const RefundBodySchema = Type.Object({
  out_refund_no: TradeNo('退款单号'),
  amount: Fen('退款金额'),
  reason: Type.Optional(Type.String({ maxLength: 200, 'x-label': '退款原因' })),
}, { additionalProperties: false })

export const BindBodySchema = Type.Object({ password: Password, phone: Phone }, { additionalProperties: false })

export const ExtendResultSchema = Type.Object({ card_no: Type.String(), valid_to_before: Type.String(), valid_to: Type.String(), dry_run: Type.Boolean() })

export const AdminVoucherSchema = Type.Composite([VoucherSchema, Type.Object({ holds: Type.Array(HoldSchema) })])
export const AdjustBodySchema = Type.Object({
  delta: Type.Integer({ minimum: -100_000_000_00, maximum: 100_000_000_00, not: { const: 0 }, description: 'Fen to add (positive) or take (negative)', 'x-label': '调整金额', 'x-message': '调整金额应为不为 0 的整数（单位：分）' }),
  reason: Type.String({ minLength: 1, maxLength: 200, 'x-label': '调整原因' }),
}, { additionalProperties: false })
export const ReasonBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200, 'x-label': '原因' }) }, { additionalProperties: false })
export const ExtendBodySchema = Type.Object({ dry_run: Type.Optional(Type.Boolean({ default: false, 'x-label': '只预览' })) }, { additionalProperties: false })
