// The `apps` table (open-platform applications).
import type { Db } from '../../shared/db.js'

export interface AppRow {
  id: number
  merchant_id: number
  name: string
  app_key: string
  secret_enc: string
  old_secret_enc: string | null
  old_secret_expires_at: number | null
  scopes: string
  ip_allowlist: string
  rate_limit: number
  status: 'enabled' | 'disabled'
  created_at: number
  updated_at: number
}

/** App names by id (the card list shows which mall issued a card). */
export async function appNames (db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  return new Map((await db('apps').whereIn('id', ids).select('id', 'name')).map((a) => [Number(a.id), a.name as string]))
}

export async function findApp (db: Db, merchantId: number, id: number): Promise<AppRow | undefined> {
  return db<AppRow>('apps').where({ merchant_id: merchantId, id }).first()
}

export async function findAppByKey (db: Db, appKey: string): Promise<AppRow | undefined> {
  return db<AppRow>('apps').where({ app_key: appKey }).first()
}

export async function listApps (db: Db, merchantId: number): Promise<AppRow[]> {
  return db<AppRow>('apps').where({ merchant_id: merchantId }).orderBy('id')
}

export async function insertApp (db: Db, row: Omit<AppRow, 'id' | 'old_secret_enc' | 'old_secret_expires_at'>): Promise<number> {
  const [id] = await db('apps').insert(row)
  return Number(id)
}

export async function updateApp (db: Db, id: number, patch: Partial<Omit<AppRow, 'id' | 'merchant_id' | 'app_key' | 'created_at'>>): Promise<void> {
  await db('apps').where({ id }).update(patch)
}
