// The `products`, `product_sets` and `product_set_items` tables: products, and the sets of
// products a card can be redeemed for.
import { createHash } from 'node:crypto'
import type { Db } from '../../shared/db.js'

export interface ProductRow {
  id: number
  deleted_at?: number | null
  merchant_id: number
  name: string
  images: string
  description: string | null
  goods_no: string | null
  spec_no: string | null
  category: string | null
  price?: number | null
  supplier?: string | null
  attributes: string
  status: 'on' | 'off'
  sort_order: number
  created_at: number
  updated_at: number
}

export async function listProducts (db: Db, merchantId: number, f: { status?: string; category?: string; q?: string }): Promise<ProductRow[]> {
  const q = db<ProductRow>('products').where({ merchant_id: merchantId }).whereNull('deleted_at')
  if (f.status) q.andWhere('status', f.status)
  if (f.category) q.andWhere('category', f.category)
  if (f.q) q.andWhere('name', 'like', `%${f.q.replace(/[%_]/g, '')}%`)
  return q.orderBy([{ column: 'sort_order', order: 'asc' }, { column: 'id', order: 'asc' }])
}

export async function findProduct (db: Db, merchantId: number, id: number): Promise<ProductRow | undefined> {
  return db<ProductRow>('products').where({ merchant_id: merchantId, id }).whereNull('deleted_at').first()
}

export async function findProducts (db: Db, merchantId: number, ids: number[]): Promise<ProductRow[]> {
  if (ids.length === 0) return []
  return db<ProductRow>('products').where({ merchant_id: merchantId }).whereNull('deleted_at').whereIn('id', ids)
}

export async function insertProduct (db: Db, row: Omit<ProductRow, 'id'>): Promise<number> {
  const [id] = await db('products').insert(row)
  return Number(id)
}

export async function updateProduct (db: Db, merchantId: number, id: number, patch: Partial<ProductRow>): Promise<void> {
  await db('products').where({ merchant_id: merchantId, id }).update(patch)
}

export async function softDeleteProduct (db: Db, merchantId: number, id: number, at: Date): Promise<number> {
  return db('products').where({ merchant_id: merchantId, id }).whereNull('deleted_at').update({ deleted_at: at.getTime(), status: 'off' })
}

/** The one set for exactly these products, created on first use. */
export async function productSetFor (db: Db, merchantId: number, productIds: number[], at: Date): Promise<number> {
  const ids = [...new Set(productIds)].sort((a, b) => a - b)
  const signature = createHash('sha256').update(ids.join(',')).digest('hex')
  const existing = await db('product_sets').where({ merchant_id: merchantId, signature }).first('id')
  if (existing) return Number(existing.id)
  try {
    const [id] = await db('product_sets').insert({ merchant_id: merchantId, signature, created_at: at.getTime() })
    if (ids.length) await db('product_set_items').insert(ids.map((product_id) => ({ set_id: Number(id), product_id })))
    return Number(id)
  } catch (err) {
    // Created meanwhile by another request.
    const row = await db('product_sets').where({ merchant_id: merchantId, signature }).first('id')
    if (row) return Number(row.id)
    throw err
  }
}

export interface SetProduct { set_id: number; product_id: number; name: string; status: string; images: string; description: string | null; goods_no: string | null; spec_no: string | null }

/** The products of each set, in the products' display order. */
export async function productsOfSets (db: Db, setIds: number[]): Promise<Map<number, SetProduct[]>> {
  const out = new Map<number, SetProduct[]>()
  if (setIds.length === 0) return out
  const rows = await db('product_set_items as i')
    .join('products as p', 'p.id', 'i.product_id')
    .whereIn('i.set_id', [...new Set(setIds)])
    .whereNull('p.deleted_at')
    .orderBy([{ column: 'p.sort_order' }, { column: 'p.id' }])
    .select('i.set_id', 'i.product_id', 'p.name', 'p.status', 'p.images', 'p.description', 'p.goods_no', 'p.spec_no')
  for (const r of rows as SetProduct[]) {
    const list = out.get(Number(r.set_id)) ?? []
    list.push({ ...r, set_id: Number(r.set_id), product_id: Number(r.product_id) })
    out.set(Number(r.set_id), list)
  }
  return out
}

/**
 * The product ids of each set, in id order, deleted products included
 * (a batch shows what it was made for).
 */
export async function productIdsOfSets (db: Db, setIds: number[]): Promise<Map<number, number[]>> {
  const rows = await db('product_set_items').whereIn('set_id', [...new Set(setIds)]).orderBy('product_id').select('set_id', 'product_id')
  const out = new Map<number, number[]>()
  for (const r of rows) out.set(Number(r.set_id), [...(out.get(Number(r.set_id)) ?? []), Number(r.product_id)])
  return out
}

/** One ERP good of a product (product_erp_goods): a gift box has several. */
export interface ErpGoodsLine { goods_no: string | null; spec_no: string | null; quantity: number }

/** The ERP goods lines of these products, in line order (a product without lines is absent). */
export async function erpGoodsOf (db: Db, merchantId: number, productIds: number[]): Promise<Map<number, ErpGoodsLine[]>> {
  const out = new Map<number, ErpGoodsLine[]>()
  if (productIds.length === 0) return out
  const rows = await db('product_erp_goods').where({ merchant_id: merchantId }).whereIn('product_id', [...new Set(productIds)]).orderBy([{ column: 'product_id' }, { column: 'line_no' }])
  for (const r of rows) {
    const list = out.get(Number(r.product_id)) ?? []
    list.push({ goods_no: r.goods_no, spec_no: r.spec_no, quantity: Number(r.quantity) })
    out.set(Number(r.product_id), list)
  }
  return out
}

/** Replaces a product's ERP goods lines (none: the product's own goods_no / spec_no again). */
export async function replaceErpGoods (db: Db, merchantId: number, productId: number, lines: ErpGoodsLine[]): Promise<void> {
  await db('product_erp_goods').where({ merchant_id: merchantId, product_id: productId }).delete()
  if (lines.length) await db('product_erp_goods').insert(lines.map((l, i) => ({ merchant_id: merchantId, product_id: productId, line_no: i + 1, goods_no: l.goods_no, spec_no: l.spec_no, quantity: l.quantity })))
}
