// The `settings` table: one JSON document per merchant and section.
import type { Db } from '../../shared/db.js'

export async function readSectionValue (db: Db, merchantId: number, section: string): Promise<unknown | undefined> {
  const row = await db('settings').where({ merchant_id: merchantId, section }).first('value')
  return row ? JSON.parse(row.value) : undefined
}

export async function writeSectionValue (db: Db, merchantId: number, section: string, value: unknown, at: Date): Promise<void> {
  await db('settings').insert({ merchant_id: merchantId, section, value: JSON.stringify(value), updated_at: at.getTime() })
    .onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
}

/** The merchants that have stored a section (the ERP back-sync visits every merchant with an ERP connection). */
export async function merchantsWithSection (db: Db, section: string): Promise<number[]> {
  return (await db('settings').where({ section }).pluck('merchant_id')).map(Number)
}
