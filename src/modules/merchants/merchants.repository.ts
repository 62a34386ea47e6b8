// The `merchants` table.
import type { Db } from '../../shared/db.js'

export interface MerchantRow {
  id: number
  code: string
  name: string
  timezone: string
  contact_name: string | null
  contact_phone: string | null
  pepper_enc: string
  created_at: number
  updated_at: number
}

export async function findMerchantByCode (db: Db, code: string): Promise<MerchantRow | undefined> {
  return db<MerchantRow>('merchants').where({ code }).first()
}

export async function findMerchantById (db: Db, id: number): Promise<MerchantRow | undefined> {
  return db<MerchantRow>('merchants').where({ id }).first()
}

/** A new merchant; its pepper is set next, once the id it is bound to exists. Returns the id. */
export async function insertMerchant (db: Db, m: { code: string; name: string; timezone: string; at: Date }): Promise<number> {
  const [id] = await db('merchants').insert({ code: m.code, name: m.name, timezone: m.timezone, pepper_enc: 'pending', created_at: m.at.getTime(), updated_at: m.at.getTime() })
  return Number(id)
}

export async function setMerchantPepper (db: Db, id: number, pepperEnc: string): Promise<void> {
  await db('merchants').where({ id }).update({ pepper_enc: pepperEnc })
}

export async function anyMerchant (db: Db): Promise<boolean> {
  return Boolean(await db('merchants').first('id'))
}

export async function updateMerchant (db: Db, id: number, fields: Partial<Pick<MerchantRow, 'name' | 'contact_name' | 'contact_phone' | 'timezone'>>, at: Date): Promise<void> {
  await db('merchants').where({ id }).update({ ...fields, updated_at: at.getTime() })
}
