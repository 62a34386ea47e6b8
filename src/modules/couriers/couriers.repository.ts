// The `merchant_couriers` table: each merchant's variants of the catalogue's couriers, with the
// e-waybill vendor account of a variant (its credentials stored encrypted by the caller).
import type { Db } from '../../shared/db.js'
import { COURIER_CATALOGUE, type Courier } from './couriers.schemas.js'

export interface CourierRow {
  id: number
  merchant_id: number
  code: string
  name: string
  base_code: string
  product_type: string | null
  monthly_account: string | null
  vendor: string | null
  endpoint: string | null
  credentials_enc: string | null
  disabled: boolean | number
  created_at: number
}

function toCourier (r: Pick<CourierRow, 'id' | 'code' | 'name' | 'base_code' | 'product_type' | 'monthly_account' | 'vendor' | 'disabled'>): Courier {
  return { code: r.code, name: r.name, base_code: r.base_code, product_type: r.product_type, monthly_account: r.monthly_account, custom: true, id: Number(r.id), vendor: r.vendor ?? null, disabled: Boolean(r.disabled) }
}

const catalogueEntry = (c: typeof COURIER_CATALOGUE[number]): Courier =>
  ({ ...c, base_code: c.code, product_type: null, monthly_account: null, custom: false, id: null, vendor: null, disabled: false })

/** The catalogue entry or merchant variant with this code, or undefined. */
export async function findCourier (db: Db, merchantId: number, code: string): Promise<Courier | undefined> {
  const base = COURIER_CATALOGUE.find((c) => c.code === code)
  if (base) return catalogueEntry(base)
  const row = await db<CourierRow>('merchant_couriers').where({ merchant_id: merchantId, code }).first()
  return row ? toCourier(row) : undefined
}

/** The catalogue, then the merchant's variants in the order they were made. */
export async function listCouriers (db: Db, merchantId: number): Promise<Courier[]> {
  const own = await db<CourierRow>('merchant_couriers').where({ merchant_id: merchantId }).orderBy('id')
  return [...COURIER_CATALOGUE.map(catalogueEntry), ...own.map(toCourier)]
}

export async function insertCourier (db: Db, row: Pick<CourierRow, 'merchant_id' | 'code' | 'name' | 'base_code' | 'product_type' | 'monthly_account' | 'created_at'>): Promise<void> {
  await db('merchant_couriers').insert(row)
}

export async function updateCourier (db: Db, merchantId: number, id: number, patch: Partial<Pick<CourierRow, 'name' | 'product_type' | 'monthly_account' | 'disabled'>>): Promise<void> {
  await db('merchant_couriers').where({ merchant_id: merchantId, id }).update(patch)
}

/** Is this name taken by the catalogue or by another of the merchant's variants? Names are how people and ERPs write a courier. */
export async function courierNameTaken (db: Db, merchantId: number, name: string, exceptId: number | null): Promise<boolean> {
  if (COURIER_CATALOGUE.some((c) => c.name === name)) return true
  const q = db('merchant_couriers').where({ merchant_id: merchantId, name })
  if (exceptId !== null) q.whereNot({ id: exceptId })
  return Boolean(await q.first('id'))
}

export interface CourierResolver {
  /** A cell typed by a person: our code in any case or the name shown. */
  (codeOrName: string | null | undefined): string | undefined
  /** An ERP's two fields: the code (in any case), else the name as shown. */
  fromErp (code: string | null | undefined, name: string | null | undefined): string | undefined
}

/**
 * Reads a courier as people and ERPs write it: our code in any case (sf, SF_COLD) or the name
 * shown (顺丰速运, a variant's own name). Undefined when the merchant has no such courier.
 */
export async function courierCodeResolver (db: Db, merchantId: number): Promise<CourierResolver> {
  const codes = new Map<string, string>()
  for (const c of COURIER_CATALOGUE) { codes.set(c.code.toLowerCase(), c.code); codes.set(c.name, c.code) }
  for (const c of await db('merchant_couriers').where({ merchant_id: merchantId }).select('code', 'name')) { codes.set(String(c.code).toLowerCase(), c.code); codes.set(c.name, c.code) }
  const resolve = (s: string | null | undefined) => {
    const v = String(s ?? '')
    return v ? codes.get(v.toLowerCase()) ?? codes.get(v) : undefined
  }
  return Object.assign(resolve, {
    fromErp: (code: string | null | undefined, name: string | null | undefined) => codes.get(String(code ?? '').toLowerCase()) ?? codes.get(String(name ?? '')),
  })
}

/** Names of the merchant's couriers by code (catalogue and variants). */
export async function courierNames (db: Db, merchantId: number): Promise<Map<string, string>> {
  const out = new Map<string, string>(COURIER_CATALOGUE.map((c) => [c.code, c.name]))
  for (const r of await db('merchant_couriers').where({ merchant_id: merchantId }).select('code', 'name')) out.set(r.code, r.name)
  return out
}

/** A merchant's variant with its vendor account (the e-waybill side), or undefined. */
export async function findCourierAccount (db: Db, merchantId: number, id: number): Promise<CourierRow | undefined> {
  return db<CourierRow>('merchant_couriers').where({ merchant_id: merchantId, id }).first()
}

/** Stores the e-waybill vendor account of a variant; `credentials_enc` is already encrypted. */
export async function setCourierAccount (db: Db, id: number, account: { vendor: string; endpoint: string | null; credentials_enc: string }): Promise<void> {
  await db('merchant_couriers').where({ id }).update(account)
}
