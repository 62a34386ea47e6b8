// Request and response schemas of the distributor (券商) routes.
import { Type, type Static } from '@sinclair/typebox'
import { MobilePhone, Nullable, Timestamp } from '../../shared/schemas.js'
import { StatusCountsSchema } from '../cards/cards.schemas.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  contact: Nullable(Type.String({ maxLength: 50 })),
  phone: Nullable(MobilePhone),
  remark: Nullable(Type.String({ maxLength: 500 })),
}
export const CreateDistributorSchema = Type.Object({
  name: fields.name, contact: Type.Optional(fields.contact), phone: Type.Optional(fields.phone), remark: Type.Optional(fields.remark),
}, { additionalProperties: false })
export const UpdateDistributorSchema = Type.Partial(CreateDistributorSchema, { additionalProperties: false, minProperties: 1 })
export const DistributorSchema = Type.Object({
  id: Type.Integer(), ...fields, counts: Type.Optional(StatusCountsSchema), created_at: Timestamp, updated_at: Timestamp,
})
export const DistributorListSchema = Type.Object({ items: Type.Array(DistributorSchema) })
export type Distributor = Static<typeof DistributorSchema>
export type CreateDistributor = Static<typeof CreateDistributorSchema>
export type UpdateDistributor = Static<typeof UpdateDistributorSchema>
