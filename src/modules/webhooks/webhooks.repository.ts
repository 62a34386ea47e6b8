// The `webhook_endpoints` table.
import type { Db } from '../../shared/db.js'

export interface EndpointRow {
  id: number; merchant_id: number; url: string; description: string | null; secret_enc: string; old_secret_enc: string | null
  old_secret_expires_at: number | null; event_types: string; enabled: number | boolean; disabled_reason: string | null; created_at: number; updated_at: number
}

/** The columns an endpoint's owner may change (the secret columns by rotation only). */
export type EndpointPatch = Partial<Pick<EndpointRow, 'url' | 'description' | 'secret_enc' | 'old_secret_enc' | 'old_secret_expires_at' | 'event_types' | 'disabled_reason'>> & {
  enabled?: boolean
  updated_at?: number
}

/** Does any enabled endpoint of the merchant take this event (an empty list takes every event)? */
export async function anyEndpointWants (db: Db, merchantId: number, topic: string): Promise<boolean> {
  const lists = await db('webhook_endpoints').where({ merchant_id: merchantId, enabled: true }).pluck('event_types') as string[]
  return lists.some((types) => { const list = JSON.parse(types) as string[]; return list.length === 0 || list.includes(topic) })
}

export async function findEndpoint (db: Db, merchantId: number, id: number): Promise<EndpointRow | undefined> {
  return db<EndpointRow>('webhook_endpoints').where({ merchant_id: merchantId, id }).first()
}

/** An endpoint by id alone: a delivery names its endpoint, the merchant is on the delivery. */
export async function findEndpointById (db: Db, id: number): Promise<EndpointRow | undefined> {
  return db<EndpointRow>('webhook_endpoints').where({ id }).first()
}

export async function listEndpoints (db: Db, merchantId: number): Promise<EndpointRow[]> {
  return db<EndpointRow>('webhook_endpoints').where({ merchant_id: merchantId }).orderBy('id')
}

export async function enabledEndpoints (db: Db, merchantId: number): Promise<EndpointRow[]> {
  return db<EndpointRow>('webhook_endpoints').where({ merchant_id: merchantId, enabled: true })
}

export async function insertEndpoint (db: Db, row: Omit<EndpointRow, 'id' | 'enabled' | 'old_secret_enc' | 'old_secret_expires_at' | 'disabled_reason'> & { enabled: boolean }): Promise<number> {
  const [id] = await db('webhook_endpoints').insert(row)
  return Number(id)
}

export async function updateEndpoint (db: Db, id: number, patch: EndpointPatch): Promise<void> {
  await db('webhook_endpoints').where({ id }).update(patch)
}

export async function deleteEndpoint (db: Db, id: number): Promise<void> {
  await db('webhook_endpoints').where({ id }).delete()
}
