// Request and response schemas of the products API.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from '../../shared/schemas.js'

export const ProductStatus = Type.Union([Type.Literal('on'), Type.Literal('off')])

const Attribute = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 50 }),
  value: Type.String({ maxLength: 500 }),
}, { additionalProperties: false })

const ImageUrl = Type.String({ minLength: 1, maxLength: 500, description: 'https URL, or a URL returned by POST /api/v1/uploads' })

const productFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  images: Type.Array(ImageUrl, { maxItems: 9 }),
  description: Nullable(Type.String({ maxLength: 100_000, description: 'HTML; sanitised against a safe allow-list' })),
  goods_no: Nullable(Type.String({ maxLength: 64, description: 'ERP goods number (货品编号)' })),
  spec_no: Nullable(Type.String({ maxLength: 64, description: 'ERP spec number (规格编号)' })),
  category: Nullable(Type.String({ maxLength: 64 })),
  attributes: Type.Array(Attribute, { maxItems: 50, description: 'Extension attributes (扩展属性)' }),
  status: ProductStatus,
  sort_order: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
}

export const CreateProductBodySchema = Type.Object({
  name: productFields.name,
  images: Type.Optional(productFields.images),
  description: Type.Optional(productFields.description),
  goods_no: Type.Optional(productFields.goods_no),
  spec_no: Type.Optional(productFields.spec_no),
  category: Type.Optional(productFields.category),
  attributes: Type.Optional(productFields.attributes),
  status: Type.Optional(productFields.status),
  sort_order: Type.Optional(productFields.sort_order),
}, { additionalProperties: false })
export type CreateProductBody = Static<typeof CreateProductBodySchema>

export const UpdateProductBodySchema = Type.Partial(CreateProductBodySchema, { additionalProperties: false, minProperties: 1 })
export type UpdateProductBody = Static<typeof UpdateProductBodySchema>

export const ProductSchema = Type.Object({
  id: Type.Integer(),
  ...productFields,
  image_url: Nullable(Type.String({ description: 'The first image, or null' })),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Product = Static<typeof ProductSchema>

export const ProductListQuerySchema = Type.Object({
  status: Type.Optional(ProductStatus),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name' })),
})

export const ProductListSchema = Type.Object({ items: Type.Array(ProductSchema) })

export const UploadSchema = Type.Object({
  url: Type.String(),
  content_type: Type.String(),
  size: Type.Integer(),
})
