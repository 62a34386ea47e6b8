import { Type, type Static } from '@sinclair/typebox'
import { DateField, MobilePhone, Nullable, NullableTimestamp, Timestamp } from '../../shared/schemas.js'

export const ORDER_STATUSES = ['pending', 'shipped', 'delivered', 'completed', 'cancelled'] as const
export const OrderStatus = Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)))
export const CHANNELS = ['web', 'phone', 'store', 'open_api'] as const
export const Channel = Type.Union(CHANNELS.map((s) => Type.Literal(s)))
export type ChannelValue = typeof CHANNELS[number]

export const ConsigneeSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  phone: MobilePhone,
  province: Type.String({ minLength: 1, maxLength: 50 }),
  city: Type.String({ minLength: 1, maxLength: 50 }),
  district: Type.String({ minLength: 1, maxLength: 50 }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false })
export type Consignee = Static<typeof ConsigneeSchema>

export const OrderSchema = Type.Object({
  order_no: Type.String(),
  status: OrderStatus,
  channel: Channel,
  card_no: Type.String(),
  product: Type.Object({ product_id: Type.Integer(), name: Type.String(), goods_no: Nullable(Type.String()), spec_no: Nullable(Type.String()) }),
  consignee: Nullable(ConsigneeSchema),
  reserve_date: Nullable(Type.String()),
  remark: Nullable(Type.String()),
  courier_code: Nullable(Type.String()),
  courier_name: Nullable(Type.String()),
  waybill_no: Nullable(Type.String()),
  staff: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  out_order_no: Nullable(Type.String()),
  shipped_at: NullableTimestamp,
  delivered_at: NullableTimestamp,
  completed_at: NullableTimestamp,
  cancelled_at: NullableTimestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
  tracking: Type.Optional(Type.Array(Type.Object({ time: Type.String(), text: Type.String() }), { description: 'Courier tracking lines, oldest first (order detail and customer view)' })),
})
export type Order = Static<typeof OrderSchema>

export const OrderEventSchema = Type.Object({
  type: Type.String(), actor_type: Type.String(), actor_name: Type.String(),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())), created_at: Timestamp,
})
export const ERP_STATUSES = ['pending', 'pushed', 'refunded', 'retrying', 'failed'] as const

/** What the order desk shows beside the order: its ERP push and its last e-waybill failure (merchant console only). */
export const DeskFieldsSchema = Type.Object({
  erp_status: Type.Union([Type.Null(), ...ERP_STATUSES.map((s) => Type.Literal(s))], { description: 'The push to the merchant\'s ERP; null without an ERP' }),
  erp_error: Nullable(Type.String()),
  e_waybill_error: Type.Union([Type.Null(), Type.Object({
    message: Type.String({ description: 'The courier\'s reason, as it answered' }),
    at: Timestamp,
    retrying: Type.Boolean({ description: 'True while the request will be sent again; false once the answer is final (ask again after fixing the cause)' }),
  })], { description: 'The last failed e-waybill request of this order; null when none failed or the last one succeeded' }),
  e_waybill: Type.Union([Type.Null(), Type.Object({
    vendor: Type.String({ description: 'sf or kuaidi100' }),
    pdf: Type.Boolean({ description: 'GET /api/v1/orders/{order_no}/label.pdf gives its label' }),
    cloud_print: Type.Boolean({ description: 'POST /api/v1/orders/{order_no}/label/print sends it to the Kuaidi100 cloud printer again' }),
  })], { description: 'The e-waybill the current waybill came from; null for a waybill typed in by hand or none' }),
})
export type DeskFields = Static<typeof DeskFieldsSchema>
export const DeskOrderSchema = Type.Composite([OrderSchema, DeskFieldsSchema])
export type DeskOrder = Static<typeof DeskOrderSchema>

export const OrderDetailSchema = Type.Composite([OrderSchema, DeskFieldsSchema, Type.Object({ history: Type.Array(OrderEventSchema) })])

export const TABS = ['pending_today', 'pending_tomorrow', 'pending_day_after', 'shipped_today', 'shipped_yesterday', 'all'] as const
export type Tab = typeof TABS[number]

export const OrderListQuerySchema = Type.Object({
  tab: Type.Optional(Type.Union(TABS.map((t) => Type.Literal(t)), { default: 'all' })),
  status: Type.Optional(OrderStatus),
  channel: Type.Optional(Channel),
  reserve_from: Type.Optional(DateField('预约发货日期起')),
  reserve_to: Type.Optional(DateField('预约发货日期止')),
  created_from: Type.Optional(DateField('下单日期起')),
  created_to: Type.Optional(DateField('下单日期止')),
  shipped_from: Type.Optional(DateField('发货日期起')),
  shipped_to: Type.Optional(DateField('发货日期止')),
  order_no: Type.Optional(Type.String({ maxLength: 32 })),
  card_no: Type.Optional(Type.String({ maxLength: 48 })),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  product_id: Type.Optional(Type.Integer({ minimum: 1 })),
  batch_no: Type.Optional(Type.String({ maxLength: 32 })),
  erp_status: Type.Optional(Type.Union([...ERP_STATUSES, 'none'].map((s) => Type.Literal(s)), { description: 'The ERP push state; none: never pushed (no ERP, or not yet queued)' })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})
export type OrderListQuery = Static<typeof OrderListQuerySchema>

export const OrderListSchema = Type.Object({
  items: Type.Array(DeskOrderSchema),
  next_cursor: Nullable(Type.String()),
  tab_counts: Type.Record(Type.String(), Type.Integer()),
})

export const ShipBodySchema = Type.Object({
  courier_code: Type.String({ minLength: 1, maxLength: 32, 'x-label': '快递公司' }),
  waybill_no: Type.String({ pattern: '^[A-Za-z0-9]{6,32}$', description: '6-32 letters or digits', 'x-label': '运单号', 'x-message': '运单号须为 6-32 位字母或数字' }),
}, { additionalProperties: false })
export const OrderParams = Type.Object({ order_no: Type.String({ maxLength: 32 }) })
