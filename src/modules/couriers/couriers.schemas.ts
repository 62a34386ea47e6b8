// Couriers: the seeded catalogue with its stable codes, and the shapes of a courier and of a
// merchant's variant of one as the API shows and takes them.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

export const COURIER_CATALOGUE = [
  { code: 'SF', name: '顺丰速运' }, { code: 'ZTO', name: '中通快递' }, { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' }, { code: 'YUNDA', name: '韵达快递' }, { code: 'EMS', name: 'EMS' },
  { code: 'JD', name: '京东物流' }, { code: 'JTSD', name: '极兔速递' }, { code: 'DBL', name: '德邦快递' },
  { code: 'YZPY', name: '邮政快递包裹' }, { code: 'HTKY', name: '百世快递' }, { code: 'ZJS', name: '宅急送' },
  { code: 'ANE', name: '安能物流' }, { code: 'KYSY', name: '跨越速运' }, { code: 'SNWL', name: '苏宁物流' },
  { code: 'FWX', name: '丰网速运' }, { code: 'ZTOKY', name: '中通快运' },
] as const

export const CourierSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  base_code: Type.String(),
  product_type: Nullable(Type.String()),
  monthly_account: Nullable(Type.String()),
  custom: Type.Boolean(),
  id: Nullable(Type.Integer()),
  vendor: Nullable(Type.String({ description: 'The e-waybill vendor of the variant\'s account (sf, kuaidi100); null without one' })),
  disabled: Type.Boolean({ description: '停用: not offered for new shipments' }),
})
export type Courier = Static<typeof CourierSchema>

export const CourierListSchema = Type.Object({ items: Type.Array(CourierSchema) })

const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', 'x-label': '名称', 'x-message': '请填写名称（最多 50 个字）' })
const ProductType = Type.Optional(Nullable(Type.String({ maxLength: 50, description: '签约产品类型', 'x-label': '产品类型' })))
const MonthlyAccount = Type.Optional(Nullable(Type.String({ maxLength: 64, description: '月结代码', 'x-label': '月结卡号' })))

export const CreateCourierSchema = Type.Object({
  name: Name,
  base_code: Type.Union(COURIER_CATALOGUE.map((c) => Type.Literal(c.code)), { 'x-label': '物流公司' }),
  product_type: ProductType,
  monthly_account: MonthlyAccount,
}, { additionalProperties: false })
export type CreateCourier = Static<typeof CreateCourierSchema>

export const CourierIdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export const UpdateCourierSchema = Type.Object({
  name: Type.Optional(Name),
  product_type: ProductType,
  monthly_account: MonthlyAccount,
  disabled: Type.Optional(Type.Boolean({ 'x-label': '停用' })),
}, { additionalProperties: false, minProperties: 1 })
export type UpdateCourier = Static<typeof UpdateCourierSchema>
