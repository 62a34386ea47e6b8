// Per-merchant sequences in merchant_counters (card serials, batch numbers, reservation
// slots). The row update is also a lock: callers inside one transaction are serialised.
import type { Db } from './db.js'

/** Reserves `n` consecutive values of a per-merchant counter; returns the first. */
export async function reserveCounter (db: Db, merchantId: number, name: string, n: number): Promise<number> {
  await db('merchant_counters').insert({ merchant_id: merchantId, name, value: 0 }).onConflict(['merchant_id', 'name']).ignore()
  await db('merchant_counters').where({ merchant_id: merchantId, name }).increment('value', n)
  const row = await db('merchant_counters').where({ merchant_id: merchantId, name }).first('value')
  return Number(row.value) - n + 1
}
