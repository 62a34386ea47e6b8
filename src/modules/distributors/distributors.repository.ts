// Every statement on distributors (券商): the module's own reads and writes, and the lookups the
// cards, sheets and open modules use (names for lists and exports, existence for assignments).
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { distributorNameTaken } from './distributors.errors.js'

export interface DistributorRow {
  id: number
  merchant_id: number
  name: string
  contact: string | null
  phone: string | null
  remark: string | null
  created_at: number
  updated_at: number
}

/** A name already used by another distributor of the merchant is 409 distributor_name_taken. */
async function unique<T> (write: PromiseLike<T>): Promise<T> {
  try { return await write } catch (err) {
    if (isUniqueViolation(err)) throw distributorNameTaken()
    throw err
  }
}

export async function listDistributors (db: Db, merchantId: number): Promise<DistributorRow[]> {
  return db<DistributorRow>('distributors').where({ merchant_id: merchantId }).orderBy('id')
}

export async function findDistributor (db: Db, merchantId: number, id: number): Promise<DistributorRow | undefined> {
  return db<DistributorRow>('distributors').where({ merchant_id: merchantId, id }).first()
}

/** Does the merchant have this distributor (券商)? */
export async function distributorExists (db: Db, merchantId: number, id: number): Promise<boolean> {
  return Boolean(await db('distributors').where({ merchant_id: merchantId, id }).first('id'))
}

/** The names of the merchant's distributors by id. */
export async function distributorNames (db: Db, merchantId: number, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db('distributors').where({ merchant_id: merchantId }).whereIn('id', ids).select('id', 'name')
  return new Map(rows.map((d) => [Number(d.id), d.name as string]))
}

export async function insertDistributor (db: Db, row: { merchant_id: number; name: string; contact: string | null; phone: string | null; remark: string | null; at: Date }): Promise<number> {
  const [id] = await unique(db('distributors').insert({
    merchant_id: row.merchant_id, name: row.name, contact: row.contact, phone: row.phone,
    remark: row.remark, created_at: row.at.getTime(), updated_at: row.at.getTime(),
  }))
  return Number(id)
}

export async function updateDistributor (db: Db, merchantId: number, id: number, fields: Partial<Pick<DistributorRow, 'name' | 'contact' | 'phone' | 'remark'>>, at: Date): Promise<void> {
  await unique(db('distributors').where({ merchant_id: merchantId, id }).update({ ...fields, updated_at: at.getTime() }))
}

export async function deleteDistributor (db: Db, merchantId: number, id: number): Promise<void> {
  await db('distributors').where({ merchant_id: merchantId, id }).delete()
}
