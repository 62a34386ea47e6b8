// Request and response schemas of the distributor (券商) routes.
import { Type, type Static } from '@sinclair/typebox'
import { label, MobilePhone, Nullable, Timestamp } from '../../shared/schemas.js'
import { StatusCountsSchema } from '../cards/cards.schemas.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, 'x-label': '券商名称' }),
  contact: Nullable(Type.String({ maxLength: 50, 'x-label': '联系人' })),
  phone: Nullable(label(MobilePhone, '联系电话')),
  remark: Nullable(Type.String({ maxLength: 500, 'x-label': '备注' })),
}
export const CreateDistributorSchema = Type.Object({
  name: fields.name, contact: Type.Optional(fields.contact), phone: Type.Optional(fields.phone), remark: Type.Optional(fields.remark),
}, { additionalProperties: false })
export const UpdateDistributorSchema = Type.Partial(CreateDistributorSchema, { additionalProperties: false, minProperties: 1, 'x-message': '请至少修改一项' })
export const DistributorSchema = Type.Object({
  id: Type.Integer(), ...fields, counts: Type.Optional(StatusCountsSchema), created_at: Timestamp, updated_at: Timestamp,
})
export const DistributorListSchema = Type.Object({ items: Type.Array(DistributorSchema) })
export type Distributor = Static<typeof DistributorSchema>
export type CreateDistributor = Static<typeof CreateDistributorSchema>
export type UpdateDistributor = Static<typeof UpdateDistributorSchema>
