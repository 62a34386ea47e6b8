// Request and response schemas of /open/v1, the public contract of spec/open-platform.md.
import { Type } from '@sinclair/typebox'
import { Nullable, ReserveDateString } from '../../shared/schemas.js'
import { ConsigneeSchema } from '../orders/orders.schemas.js'

const OutOrderNo = Type.String({ minLength: 1, maxLength: 64 })

export const OpenProductListSchema = Type.Object({
  items: Type.Array(Type.Object({ product_id: Type.Integer(), name: Type.String(), goods_no: Nullable(Type.String()), spec_no: Nullable(Type.String()), image_url: Nullable(Type.String()), status: Type.String() })),
})

const IssueCard = Type.Object({
  card_no: Type.String(), phone: Type.String(), face_value: Nullable(Type.Integer()), valid_from: Nullable(Type.String()),
  valid_to: Nullable(Type.String()), redeem_url: Type.String(), password: Type.Optional(Type.String({ description: 'Only with scope cards:secrets' })),
})
export const IssueSchema = Type.Object({ issue_no: Type.String(), out_order_no: Type.String(), status: Type.String(), cards: Type.Array(IssueCard) })

export const IssueBodySchema = Type.Object({
  out_order_no: OutOrderNo,
  batch_no: Type.String({ minLength: 1, maxLength: 32 }),
  items: Type.Array(Type.Object({ phone: Type.String({ maxLength: 20 }), quantity: Type.Integer() }), { minItems: 1, maxItems: 5000 }),
  send_sms: Type.Boolean(),
  distributor_id: Type.Optional(Type.Integer({ minimum: 1 })),
})

export const IssueNoParams = Type.Object({ issue_no: Type.String({ maxLength: 32 }) })

export const CancelIssueResultSchema = Type.Object({
  issue_no: Type.String(), cancelled: Type.Array(Type.String()), not_cancelled: Type.Array(Type.Object({ card_no: Type.String(), reason: Type.String() })),
})

export const CardNoParams = Type.Object({ card_no: Type.String({ maxLength: 48 }) })

export const OpenCardSchema = Type.Object({
  card_no: Type.String(), status: Type.String(), kind: Type.String({ description: 'pickup or stored_value' }), face_value: Nullable(Type.Integer()), balance: Nullable(Type.Integer({ description: 'Stored value: fen available now; null for a pickup card' })),
  valid_from: Nullable(Type.String()), valid_to: Nullable(Type.String()), phone: Nullable(Type.String()),
  products: Type.Array(Type.Object({ product_id: Type.Integer(), name: Type.String() })), redeemed_order_no: Nullable(Type.String()), updated_at: Type.String(),
})

export const RedemptionBodySchema = Type.Object({
  out_order_no: OutOrderNo, card_no: Type.String({ minLength: 1, maxLength: 48 }), password: Type.String({ minLength: 1, maxLength: 64 }),
  product_id: Type.Integer({ minimum: 1 }), consignee: ConsigneeSchema, reserve_date: Type.Optional(ReserveDateString), remark: Type.Optional(Type.String({ maxLength: 500 })),
})

export const RedemptionResultSchema = Type.Object({ order_no: Type.String(), out_order_no: Type.String(), card_no: Type.String(), product_id: Type.Integer(), status: Type.String() })

export const OpenOrderSchema = Type.Object({
  order_no: Type.String(), out_order_no: Nullable(Type.String()), status: Type.String(),
  product: Type.Object({ product_id: Type.Integer(), name: Type.String() }),
  consignee: Nullable(Type.Object({ name: Type.String(), phone: Type.String({ description: 'Masked: 138****0000' }), province: Type.String(), city: Type.String(), district: Type.String(), address: Type.String() })),
  reserve_date: Nullable(Type.String()), courier_code: Nullable(Type.String()), waybill_no: Nullable(Type.String()), shipped_at: Nullable(Type.String()),
  tracking: Type.Array(Type.Object({ time: Type.String(), text: Type.String() })), updated_at: Type.String(),
})

export const OrderNoParams = Type.Object({ order_no: Type.String({ maxLength: 32 }) })

export const OpenOrderListQuerySchema = Type.Object({
  updated_after: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
})

export const OpenOrderListSchema = Type.Object({ items: Type.Array(OpenOrderSchema), next_cursor: Nullable(Type.String()) })
