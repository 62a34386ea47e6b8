// Products (提货商品): sanitised descriptions, checked image URLs, audited changes, and no
// deleting a product that a card still uses.
import sanitizeHtml from 'sanitize-html'
import type { Clock } from '../../shared/clock.js'
import type { Db } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { TtlCache } from '../../shared/ttl-cache.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import * as errors from './catalog.errors.js'
import { productUsedByCards } from '../cards/cards.repository.js'
import * as repo from './catalog.repository.js'
import type { ErpGoodsLine, ProductRow, SetProduct } from './catalog.repository.js'
import { validationFailed } from '../../shared/errors.js'
import type { CreateProductBody, Product, UpdateProductBody } from './catalog.schemas.js'

/**
 * A set's products as every verification and redemption reads them, kept for a moment: a change
 * made through this instance is seen at once, one made through another instance within
 * SET_CACHE_MS (as the pickup settings are; a set's members never change, its products may).
 */
export const SET_CACHE_MS = 3_000

const UPLOAD_PATH = /^\/uploads\/([0-9]+)\/[0-9a-f]{64}\.(jpg|png|webp)$/

/** Rich descriptions are shown on the pickup page: only a safe subset of HTML survives. */
export function sanitizeDescription (html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'span', 'div', 'blockquote',
      'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['https', 'http'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
    // Pictures are https or this system's uploads (by path, as the console's editor inserts
    // them); a refused address (http, javascript:, any other path) would stay as an empty <img />.
    exclusiveFilter: (frame) => frame.tag === 'img' && !(/^https:\/\//i.test(frame.attribs.src ?? '') || UPLOAD_PATH.test(frame.attribs.src ?? '')),
  })
}

/**
 * Image URLs: https anywhere, or a file this merchant uploaded here (stored as a path, served by
 * us). Another merchant's upload is refused: its path names that merchant.
 */
function checkImages (merchantId: number, images: string[], publicBaseUrl: string): string[] {
  return images.map((url) => {
    const own = url.startsWith(`${publicBaseUrl}/`) || url.startsWith('/')
    const local = url.startsWith(publicBaseUrl) ? url.slice(publicBaseUrl.length) : url
    const upload = UPLOAD_PATH.exec(local)
    if (upload) {
      if (Number(upload[1]) !== merchantId) throw errors.imageUrlInvalid({ message: '只能使用本商户上传的图片' })
      return local
    }
    if (own) throw errors.imageUrlInvalid()
    let parsed: URL
    try { parsed = new URL(url) } catch { throw errors.imageUrlInvalid() }
    if (parsed.protocol !== 'https:') throw errors.imageUrlInvalid()
    return url
  })
}

export function imageUrl (stored: string, publicBaseUrl: string): string {
  return stored.startsWith('/') ? `${publicBaseUrl}${stored}` : stored
}

export function toProduct (row: ProductRow, publicBaseUrl: string, erpGoods: ErpGoodsLine[] = []): Product {
  const images = (JSON.parse(row.images) as string[]).map((i) => imageUrl(i, publicBaseUrl))
  return {
    id: Number(row.id),
    name: row.name,
    images,
    image_url: images[0] ?? null,
    description: row.description,
    goods_no: row.goods_no,
    spec_no: row.spec_no,
    erp_goods: erpGoods,
    category: row.category,
    price: row.price === null || row.price === undefined ? null : Number(row.price),
    supplier: row.supplier ?? null,
    attributes: JSON.parse(row.attributes),
    status: row.status,
    sort_order: Number(row.sort_order),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  }
}

/** ERP goods lines as given: trimmed, each naming a good (goods_no or spec_no); 422 otherwise. */
function checkErpGoods (lines: ErpGoodsLine[]): ErpGoodsLine[] {
  const out = lines.map((l) => ({ goods_no: l.goods_no?.trim() || null, spec_no: l.spec_no?.trim() || null, quantity: l.quantity }))
  const bad = out.findIndex((l) => !l.goods_no && !l.spec_no)
  if (bad >= 0) throw validationFailed({ details: [{ path: `/erp_goods/${bad}`, message: '每行 ERP 货品请填写货品编号或规格编号' }] })
  return out
}

export function createCatalogService ({ db, clock, publicBaseUrl }: { db: Db; clock: Clock; publicBaseUrl: string }) {
  const sets = new TtlCache<string, SetProduct[]>(10_000, SET_CACHE_MS)
  // A product write bumps the merchant's generation: the sets cached before it are never read again (the bound clears them out).
  const generations = new Map<number, number>()
  const setKey = (merchantId: number, setId: number) => `${merchantId}:${generations.get(merchantId) ?? 0}:${setId}`
  const changed = (merchantId: number) => { generations.set(merchantId, (generations.get(merchantId) ?? 0) + 1) }

  async function load (merchantId: number, id: number): Promise<ProductRow> {
    const row = await repo.findProduct(db, merchantId, id)
    if (!row) throw errors.productNotFound()
    return row
  }

  return {
    /** The products of one of the merchant's sets (deleted ones left out, off ones kept), in display order, through the short cache. */
    async setProducts (merchantId: number, setId: number): Promise<SetProduct[]> {
      const key = setKey(merchantId, setId)
      const hit = sets.get(key)
      if (hit) return hit.value
      const products = (await repo.productsOfSets(db, [setId])).get(setId) ?? []
      sets.set(key, products)
      return products
    },

    async list (merchantId: number, f: { status?: string; category?: string; q?: string }): Promise<Product[]> {
      const rows = await repo.listProducts(db, merchantId, f)
      const lines = await repo.erpGoodsOf(db, merchantId, rows.map((r) => Number(r.id)))
      return rows.map((r) => toProduct(r, publicBaseUrl, lines.get(Number(r.id))))
    },

    async get (merchantId: number, id: number): Promise<Product> {
      const row = await load(merchantId, id)
      return toProduct(row, publicBaseUrl, (await repo.erpGoodsOf(db, merchantId, [id])).get(id))
    },

    /**
     * What an order of this product is in the ERP: its ERP goods lines, or the product itself
     * (its goods_no / spec_no, one of it) when it has none; deleted products included (an order
     * keeps its product). Empty when the product names no ERP good at all.
     */
    async erpGoods (merchantId: number, productId: number): Promise<ErpGoodsLine[]> {
      const lines = (await repo.erpGoodsOf(db, merchantId, [productId])).get(productId)
      if (lines?.length) return lines
      const row = await db<ProductRow>('products').where({ merchant_id: merchantId, id: productId }).first()
      return row && (row.goods_no || row.spec_no) ? [{ goods_no: row.goods_no, spec_no: row.spec_no, quantity: 1 }] : []
    },

    /** Every product of the merchant (not deleted) with the ERP goods it is made of, as erpGoods reads them. */
    async erpGoodsOfAll (merchantId: number): Promise<Array<{ product_id: number; name: string; lines: ErpGoodsLine[] }>> {
      const rows = await repo.listProducts(db, merchantId, {})
      const lines = await repo.erpGoodsOf(db, merchantId, rows.map((r) => Number(r.id)))
      return rows.map((r) => ({
        product_id: Number(r.id), name: r.name,
        lines: lines.get(Number(r.id)) ?? (r.goods_no || r.spec_no ? [{ goods_no: r.goods_no, spec_no: r.spec_no, quantity: 1 }] : []),
      }))
    },

    async create (merchantId: number, body: CreateProductBody, actor: Actor): Promise<Product> {
      const now = clock.now()
      const id = await db.transaction(async (trx) => {
        const newId = await repo.insertProduct(trx, {
          merchant_id: merchantId,
          name: body.name.trim(),
          images: JSON.stringify(checkImages(merchantId, body.images ?? [], publicBaseUrl)),
          description: body.description ? sanitizeDescription(body.description) : null,
          goods_no: body.goods_no ?? null,
          spec_no: body.spec_no ?? null,
          category: body.category ?? null,
          price: body.price ?? null,
          supplier: body.supplier?.trim() || null,
          attributes: JSON.stringify(body.attributes ?? []),
          status: body.status ?? 'on',
          sort_order: body.sort_order ?? 0,
          created_at: now.getTime(),
          updated_at: now.getTime(),
        })
        if (body.erp_goods?.length) await repo.replaceErpGoods(trx, merchantId, newId, checkErpGoods(body.erp_goods))
        await insertAudit(trx, merchantId, actor, { action: 'products.create', target_type: 'product', target_id: newId, summary: { name: body.name } }, now)
        return newId
      })
      changed(merchantId)
      return this.get(merchantId, id)
    },

    async update (merchantId: number, id: number, body: UpdateProductBody, actor: Actor): Promise<Product> {
      await load(merchantId, id)
      const now = clock.now()
      const patch: Partial<ProductRow> = { updated_at: now.getTime() }
      if (body.name !== undefined) patch.name = body.name.trim()
      if (body.images !== undefined) patch.images = JSON.stringify(checkImages(merchantId, body.images, publicBaseUrl))
      if (body.description !== undefined) patch.description = body.description ? sanitizeDescription(body.description) : null
      if (body.goods_no !== undefined) patch.goods_no = body.goods_no
      if (body.spec_no !== undefined) patch.spec_no = body.spec_no
      if (body.category !== undefined) patch.category = body.category
      if (body.price !== undefined) patch.price = body.price
      if (body.supplier !== undefined) patch.supplier = body.supplier?.trim() || null
      if (body.attributes !== undefined) patch.attributes = JSON.stringify(body.attributes)
      if (body.status !== undefined) patch.status = body.status
      if (body.sort_order !== undefined) patch.sort_order = body.sort_order
      const erpGoods = body.erp_goods === undefined ? undefined : checkErpGoods(body.erp_goods)
      await db.transaction(async (trx) => {
        await repo.updateProduct(trx, merchantId, id, patch)
        if (erpGoods) await repo.replaceErpGoods(trx, merchantId, id, erpGoods)
        await insertAudit(trx, merchantId, actor, {
          action: 'products.update', target_type: 'product', target_id: id, summary: { changed: Object.keys(body) },
        }, now)
      })
      changed(merchantId)
      return this.get(merchantId, id)
    },

    async remove (merchantId: number, id: number, actor: Actor): Promise<void> {
      const row = await load(merchantId, id)
      const now = clock.now()
      await db.transaction(async (trx) => {
        if (await productUsedByCards(trx, merchantId, id)) throw errors.productInUse()
        await repo.softDeleteProduct(trx, merchantId, id, now)
        await insertAudit(trx, merchantId, actor, { action: 'products.delete', target_type: 'product', target_id: id, summary: { name: row.name } }, now)
      })
      changed(merchantId)
    },
  }
}

export type CatalogService = ReturnType<typeof createCatalogService>
