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
})
export type Courier = Static<typeof CourierSchema>

export const CourierListSchema = Type.Object({ items: Type.Array(CourierSchema) })

export const CreateCourierSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  base_code: Type.Union(COURIER_CATALOGUE.map((c) => Type.Literal(c.code))),
  product_type: Type.Optional(Nullable(Type.String({ maxLength: 50, description: '签约产品类型' }))),
  monthly_account: Type.Optional(Nullable(Type.String({ maxLength: 64, description: '月结代码' }))),
}, { additionalProperties: false })
export type CreateCourier = Static<typeof CreateCourierSchema>
