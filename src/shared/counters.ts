// Per-merchant counters in merchant_counters: sequences (card serials, batch numbers, courier
// variants) and capped counters (reservation slots per day). The row update is also a lock:
// callers inside one transaction are serialised. Every statement on the table is here.
import { affected, type Db } from './db.js'

async function ensure (db: Db, merchantId: number, name: string): Promise<void> {
  await db('merchant_counters').insert({ merchant_id: merchantId, name, value: 0 }).onConflict(['merchant_id', 'name']).ignore()
}

/** Reserves `n` consecutive values of a per-merchant counter; returns the first. */
export async function reserveCounter (db: Db, merchantId: number, name: string, n: number): Promise<number> {
  await ensure(db, merchantId, name)
  await db('merchant_counters').where({ merchant_id: merchantId, name }).increment('value', n)
  const row = await db('merchant_counters').where({ merchant_id: merchantId, name }).first('value')
  return Number(row.value) - n + 1
}

/** Takes one unit of a capped counter in one conditional statement; false when it is at the cap. */
export async function takeCapped (db: Db, merchantId: number, name: string, cap: number): Promise<boolean> {
  await ensure(db, merchantId, name)
  return affected(await db('merchant_counters').where({ merchant_id: merchantId, name }).andWhere('value', '<', cap).increment('value', 1)) === 1
}

/** Gives one unit back (never below zero). */
export async function releaseCapped (db: Db, merchantId: number, name: string): Promise<void> {
  await db('merchant_counters').where({ merchant_id: merchantId, name }).andWhere('value', '>', 0).decrement('value', 1)
}

/** Of these counters, the names whose value has reached `cap`. */
export async function countersAtCap (db: Db, merchantId: number, names: string[], cap: number): Promise<string[]> {
  if (names.length === 0) return []
  return await db('merchant_counters').where({ merchant_id: merchantId }).whereIn('name', names).andWhere('value', '>=', cap).pluck('name') as string[]
}

/** The counter of the orders reserved for delivery on a day (the pickup settings' daily cap). */
export const reservationSlot = (day: string) => `reserve:${day}`
