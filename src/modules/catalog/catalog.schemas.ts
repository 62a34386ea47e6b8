// Request and response schemas of the products API.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from '../../shared/schemas.js'

export const ProductStatus = Type.Union([Type.Literal('on'), Type.Literal('off')], { 'x-label': '上架状态', 'x-message': '上架状态只能是 on（上架）或 off（下架）' })

const Attribute = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 50, 'x-label': '属性名' }),
  value: Type.String({ maxLength: 500, 'x-label': '属性值' }),
}, { additionalProperties: false })

const ImageUrl = Type.String({ minLength: 1, maxLength: 500, description: 'https URL, or a URL returned by POST /api/v1/uploads', 'x-label': '图片地址' })

const productFields = {
  name: Type.String({ minLength: 1, maxLength: 100, 'x-label': '商品名称' }),
  images: Type.Array(ImageUrl, { maxItems: 9, 'x-label': '商品图片' }),
  description: Nullable(Type.String({ maxLength: 100_000, description: 'HTML; sanitised against a safe allow-list', 'x-label': '商品详情' })),
  goods_no: Nullable(Type.String({ maxLength: 64, description: 'ERP goods number (货品编号)', 'x-label': '货品编号' })),
  spec_no: Nullable(Type.String({ maxLength: 64, description: 'ERP spec number (规格编号)', 'x-label': '规格编号' })),
  category: Nullable(Type.String({ maxLength: 64, 'x-label': '分类' })),
  price: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: 'Price in cents (分): what a stored-value voucher pays for one', 'x-label': '售价', 'x-message': '售价应为 0 至 10000000000 之间的整数（单位：分）', examples: [9900] })),
  supplier: Nullable(Type.String({ maxLength: 64, description: 'Supplier (供应商): a stored-value batch may be restricted to some', 'x-label': '供应商' })),
  attributes: Type.Array(Attribute, { maxItems: 50, description: 'Extension attributes (扩展属性)', 'x-label': '扩展属性' }),
  erp_goods: Type.Array(Type.Object({
    goods_no: Nullable(Type.String({ maxLength: 64, 'x-label': '货品编号' })),
    spec_no: Nullable(Type.String({ maxLength: 64, 'x-label': '规格编号' })),
    quantity: Type.Integer({ minimum: 1, maximum: 999, 'x-label': '数量', 'x-message': '数量应为 1 至 999 之间的整数' }),
  }, { additionalProperties: false }), {
    maxItems: 20,
    description: 'The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it',
    'x-label': 'ERP 货品组成',
  }),
  status: ProductStatus,
  sort_order: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, 'x-label': '排序', 'x-message': '排序应为 -1000000 至 1000000 之间的整数' }),
}

export const CreateProductBodySchema = Type.Object({
  name: productFields.name,
  images: Type.Optional(productFields.images),
  description: Type.Optional(productFields.description),
  goods_no: Type.Optional(productFields.goods_no),
  spec_no: Type.Optional(productFields.spec_no),
  category: Type.Optional(productFields.category),
  price: Type.Optional(productFields.price),
  supplier: Type.Optional(productFields.supplier),
  attributes: Type.Optional(productFields.attributes),
  erp_goods: Type.Optional(productFields.erp_goods),
  status: Type.Optional(productFields.status),
  sort_order: Type.Optional(productFields.sort_order),
}, { additionalProperties: false })
export type CreateProductBody = Static<typeof CreateProductBodySchema>

export const UpdateProductBodySchema = Type.Partial(CreateProductBodySchema, { additionalProperties: false, minProperties: 1, 'x-message': '请至少修改一项' })
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
