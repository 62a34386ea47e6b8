import { Type, type Static } from '@sinclair/typebox'
import { DateField, Nullable, Timestamp } from '../../shared/schemas.js'

export const CardStatus = Type.Union(['inactive', 'active', 'redeemed', 'voided'].map((s) => Type.Literal(s)))
export const CARD_STATUSES = ['inactive', 'active', 'redeemed', 'voided'] as const
export type CardStatusValue = typeof CARD_STATUSES[number]

const Prefix = Type.String({
  pattern: '^([A-Za-z1-9][A-Za-z0-9]{0,15})?$', description: 'Letters and digits, not starting with 0, at most 16',
  'x-label': '卡号前缀', 'x-message': '卡号前缀只能由字母和数字组成，且不能以 0 开头，最多 16 位', examples: ['TH'],
})
export const CardKind = Type.Union([Type.Literal('pickup'), Type.Literal('stored_value')], {
  default: 'pickup', description: 'pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)',
  'x-label': '卡券类型', 'x-message': '卡券类型只能是 pickup（提货卡）或 stored_value（储值券）',
})
const Names = (label: string) => Type.Array(Type.String({ minLength: 1, maxLength: 64, 'x-label': label }), { maxItems: 200, uniqueItems: true, 'x-label': label })
export const VoucherRestrictions = Type.Object({
  product_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1, 'x-label': '限定商品' }), { maxItems: 500, uniqueItems: true, 'x-label': '限定商品' })),
  categories: Type.Optional(Names('限定类目')),
  suppliers: Type.Optional(Names('限定供应商')),
  provinces: Type.Optional(Names('限定地区（省）')),
}, {
  additionalProperties: false,
  description: 'What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定)',
  'x-label': '使用限制',
})
export type VoucherRestrictionsValue = Static<typeof VoucherRestrictions>
const Money = (label: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: 'Cents (分)', 'x-label': label, 'x-message': `${label}应为 0 至 10000000000 之间的整数（单位：分）`, examples: [19900] })

export const CreateBatchBodySchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, 'x-label': '批次名称', examples: ['2027 春节礼盒'] })),
  prefix: Type.Optional(Prefix),
  number_length: Type.Optional(Type.Integer({ minimum: 4, maximum: 20, default: 8, description: 'Digits after the prefix', 'x-label': '卡号长度（前缀之后的位数）' })),
  number_mode: Type.Optional(Type.Union([Type.Literal('sequential'), Type.Literal('random')], { default: 'sequential', 'x-label': '卡号生成方式', 'x-message': '卡号生成方式只能是 sequential（顺序）或 random（随机）' })),
  start_number: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'Numbers are start+1, start+2, …; number_length is then ignored', 'x-label': '起始号码', 'x-message': '起始号码只能由数字组成，最多 18 位' })),
  password_length: Type.Optional(Type.Integer({ minimum: 6, maximum: 32, default: 10, 'x-label': '密码长度', 'x-message': '密码长度应为 6 至 32 之间的整数（建议不少于 10）' })),
  password_charset: Type.Optional(Type.Union([Type.Literal('digits'), Type.Literal('letters'), Type.Literal('alnum')], { default: 'digits', 'x-label': '密码字符', 'x-message': '密码字符只能是 digits（数字）、letters（字母）或 alnum（字母和数字）' })),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, 'x-label': '数量', 'x-message': '数量应为 1 至 1000000 之间的整数', examples: [100] }),
  kind: Type.Optional(CardKind),
  product_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1, 'x-label': '提货商品', 'x-message': '提货商品应为商品编号（正整数）' }), { maxItems: 100, uniqueItems: true, description: 'A pickup card redeems any one of these (一卡多提); at least one. Not for stored-value batches (their restrictions say what they buy)', 'x-label': '提货商品', examples: [[1]] })),
  face_value: Type.Optional(Nullable(Money('面值'))),
  valid_from: Type.Optional(Nullable(DateField('有效期开始日期', '2027-01-01'))),
  valid_to: Type.Optional(Nullable(DateField('有效期结束日期', '2027-12-31'))),
  valid_days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'Stored value: valid for N days from the day after activation, in the merchant\'s time zone (有效期自激活次日起计算); instead of fixed dates', 'x-label': '有效天数', 'x-message': '有效天数应为 1 至 3650 之间的整数', examples: [90] }))),
  restrictions: Type.Optional(Nullable(VoucherRestrictions)),
  remark: Type.Optional(Nullable(Type.String({ maxLength: 500, 'x-label': '备注' }))),
  activate: Type.Optional(Type.Boolean({ default: false, 'x-label': '是否立即激活' })),
}, { additionalProperties: false })
export type CreateBatchBody = Static<typeof CreateBatchBodySchema>

export const StatusCountsSchema = Type.Object({
  inactive: Type.Integer(), active: Type.Integer(), redeemed: Type.Integer(), voided: Type.Integer(), total: Type.Integer(),
})
export type StatusCounts = Static<typeof StatusCountsSchema>

export const BatchSchema = Type.Object({
  batch_no: Type.String(),
  name: Type.String(),
  source: Type.Union([Type.Literal('generated'), Type.Literal('imported')]),
  prefix: Type.String(),
  number_length: Type.Integer(),
  number_mode: Type.String(),
  start_number: Nullable(Type.String()),
  password_length: Type.Integer(),
  password_charset: Type.String(),
  quantity: Type.Integer(),
  kind: CardKind,
  product_ids: Type.Array(Type.Integer()),
  face_value: Nullable(Type.Integer()),
  valid_from: Nullable(Type.String()),
  valid_to: Nullable(Type.String()),
  valid_days: Nullable(Type.Integer()),
  restrictions: Nullable(VoucherRestrictions),
  remark: Nullable(Type.String()),
  activate: Type.Boolean(),
  status: Type.Union([Type.Literal('generating'), Type.Literal('ready'), Type.Literal('failed')]),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  error_code: Nullable(Type.String()),
  serial_from: Type.Integer(),
  serial_to: Type.Integer(),
  counts: Type.Optional(StatusCountsSchema),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Batch = Static<typeof BatchSchema>

export const BatchListQuerySchema = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('generating'), Type.Literal('ready'), Type.Literal('failed')])),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
})
export const BatchListSchema = Type.Object({ items: Type.Array(BatchSchema), next_cursor: Nullable(Type.String()) })
export const BatchParams = Type.Object({ batch_no: Type.String({ maxLength: 32 }) })

/** The card list filters; the same object is a bulk-action target and (later) an export filter. */
export const CardFilterSchema = Type.Object({
  batch_no: Type.Optional(Type.String({ maxLength: 32, 'x-label': '批次号' })),
  status: Type.Optional(Type.Union(CardStatus.anyOf, { 'x-label': '卡券状态', 'x-message': '卡券状态只能是 inactive、active、redeemed 或 voided' })),
  redeemed: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
  serial_from: Type.Optional(Type.Integer({ minimum: 1, 'x-label': '起始卡序号' })),
  serial_to: Type.Optional(Type.Integer({ minimum: 1, 'x-label': '结束卡序号' })),
  card_no: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,48}$', description: 'Exact card number', 'x-label': '卡号', 'x-message': '卡号只能由字母和数字组成，最多 48 位' })),
  card_no_prefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,48}$', description: 'Card numbers starting with this', 'x-label': '卡号开头', 'x-message': '卡号开头只能由字母和数字组成，最多 48 位' })),
  distributor_id: Type.Optional(Type.Integer({ minimum: 0, description: '0 = cards without a distributor', 'x-label': '券商' })),
  valid_on: Type.Optional(DateField('有效日期')),
  created_from: Type.Optional(Type.String({ format: 'date-time', 'x-label': '创建时间起', 'x-message': '创建时间起应为 ISO 8601 时间，例如 2027-01-01T00:00:00+08:00' })),
  created_to: Type.Optional(Type.String({ format: 'date-time', 'x-label': '创建时间止', 'x-message': '创建时间止应为 ISO 8601 时间（不含该时刻），例如 2027-02-01T00:00:00+08:00' })),
}, { additionalProperties: false })
export type CardFilter = Static<typeof CardFilterSchema>

export const CardListQuerySchema = Type.Composite([CardFilterSchema, Type.Object({
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$', description: 'next_cursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  count: Type.Optional(Type.Union([Type.Literal('capped'), Type.Literal('exact')], {
    default: 'capped',
    description: 'Counts of a filter other than batch and state stop after 10,000 cards (`counts_capped`) unless `exact` is asked; batch and state filters are always exact',
  })),
})])
export type CardListQuery = Static<typeof CardListQuerySchema>

export const CardSchema = Type.Object({
  serial: Type.Integer(),
  card_no: Type.String(),
  batch_no: Type.String(),
  status: CardStatus,
  kind: CardKind,
  balance: Nullable(Type.Integer({ description: 'Stored value: the balance in fen (null for a pickup card, and for a voucher not activated yet)' })),
  extended: Type.Boolean({ description: 'Stored value: its one extension (延期) was used' }),
  face_value: Nullable(Type.Integer()),
  valid_from: Nullable(Type.String()),
  valid_to: Nullable(Type.String()),
  products: Type.Array(Type.Object({ product_id: Type.Integer(), name: Type.String() })),
  distributor: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  phone: Nullable(Type.String({ description: 'Bound by an open-platform or phone-list issue' })),
  sold_via: Nullable(Type.Object({ app_id: Type.Integer(), name: Type.String() }, { description: 'The open-platform app that sold the card' })),
  remark: Nullable(Type.String()),
  redeemed_at: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Card = Static<typeof CardSchema>

export const CardListSchema = Type.Object({
  items: Type.Array(CardSchema),
  next_cursor: Nullable(Type.String()),
  counts: StatusCountsSchema,
  counts_capped: Type.Boolean({ description: 'True when the filter matched more than 10,000 cards and only 10,001 of them were counted (the counts by state are of those): show the total as "10,000+"; ask count=exact for exact figures' }),
})
export type CardList = Static<typeof CardListSchema>

export const ActivitySchema = Type.Object({
  type: Type.String(),
  actor_type: Type.String(),
  actor_name: Type.String(),
  from_status: Nullable(Type.String()),
  to_status: Nullable(Type.String()),
  amount: Type.Optional(Nullable(Type.Integer({ description: 'Stored value: fen added (positive) or taken (negative) by this activity' }))),
  balance_after: Type.Optional(Nullable(Type.Integer({ description: 'Stored value: the balance after this activity' }))),
  ref_type: Nullable(Type.String()),
  ref_id: Nullable(Type.String()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  ip: Nullable(Type.String()),
  created_at: Timestamp,
})

export const CardDetailSchema = Type.Composite([CardSchema, Type.Object({ history: Type.Array(ActivitySchema) })])

export const BULK_ACTIONS = ['activate', 'deactivate', 'void', 'restore', 'delete', 'update', 'extend'] as const
export type BulkAction = typeof BULK_ACTIONS[number]

export const BulkFieldsSchema = Type.Object({
  product_ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1, 'x-label': '提货商品', 'x-message': '提货商品应为商品编号（正整数）' }), { minItems: 1, maxItems: 100, uniqueItems: true, 'x-label': '提货商品' })),
  valid_from: Type.Optional(Nullable(DateField('有效期开始日期'))),
  valid_to: Type.Optional(Nullable(DateField('有效期结束日期'))),
  face_value: Type.Optional(Nullable(Money('面值'))),
  remark: Type.Optional(Nullable(Type.String({ maxLength: 500, 'x-label': '备注' }))),
  distributor_id: Type.Optional(Nullable(Type.Integer({ minimum: 1, 'x-label': '券商', 'x-message': '券商应为券商编号（正整数），或 null 取消分配' }))),
}, { additionalProperties: false, minProperties: 1, 'x-label': '要修改的字段' })
export type BulkFields = Static<typeof BulkFieldsSchema>

// One object rather than a union: exactly one of the three target kinds must be given
// (checked by the service), and errors point at the field.
export const BulkTargetSchema = Type.Object({
  filter: Type.Optional(CardFilterSchema),
  serial_from: Type.Optional(Type.Integer({ minimum: 1, 'x-label': '起始卡序号', 'x-message': '起始卡序号应为正整数' })),
  serial_to: Type.Optional(Type.Integer({ minimum: 1, 'x-label': '结束卡序号', 'x-message': '结束卡序号应为正整数' })),
  card_nos: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z0-9]{1,48}$', 'x-label': '卡号', 'x-message': '卡号只能由字母和数字组成，最多 48 位' }), { minItems: 1, maxItems: 10_000, 'x-label': '卡号列表' })),
}, { additionalProperties: false, description: 'A list filter, a serial range (卡序号区间), or up to 10,000 card numbers' })
export type BulkTarget = Static<typeof BulkTargetSchema>

export const BulkBodySchema = Type.Object({
  action: Type.Union(BULK_ACTIONS.map((a) => Type.Literal(a)), { 'x-label': '操作', 'x-message': '操作只能是 activate（激活）、deactivate（反激活）、void（作废）、restore（恢复）、delete（删除）、update（修改）或 extend（储值券延期）' }),
  target: Type.Object(BulkTargetSchema.properties, { additionalProperties: false, description: BulkTargetSchema.description, 'x-label': '目标卡券' }),
  fields: Type.Optional(BulkFieldsSchema),
  dry_run: Type.Optional(Type.Boolean({ default: false, 'x-label': '试运行' })),
}, { additionalProperties: false })
export type BulkBody = Static<typeof BulkBodySchema>

export const BulkResultSchema = Type.Object({
  action: Type.String(),
  dry_run: Type.Boolean(),
  matched: Type.Integer(),
  changed: Type.Integer(),
  skipped: Type.Record(Type.String(), Type.Integer()),
})
export type BulkResult = Static<typeof BulkResultSchema>

export const BulkJobSchema = Type.Object({
  job_no: Type.String(),
  action: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  dry_run: Type.Boolean(),
  matched: Type.Integer({ description: 'Cards worked through so far' }),
  changed: Type.Integer(),
  skipped: Type.Record(Type.String(), Type.Integer()),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }, { description: 'Serials worked through of the range the action covers' }),
  error_code: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
  finished_at: Nullable(Timestamp),
})
export type BulkJob = Static<typeof BulkJobSchema>
export const BulkJobParams = Type.Object({ job_no: Type.String({ maxLength: 36 }) })
export const BulkJobListQuerySchema = Type.Object({
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
export const BulkJobListSchema = Type.Object({ items: Type.Array(BulkJobSchema), next_cursor: Nullable(Type.String()) })

export const CardParams = Type.Object({ card_no: Type.String({ pattern: '^[A-Za-z0-9]{1,48}$' }) })
