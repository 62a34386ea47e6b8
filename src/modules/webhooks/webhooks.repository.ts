// The `webhook_endpoints` table.
import type { Db } from '../../shared/db.js'

/** Does any enabled endpoint of the merchant take this event (an empty list takes every event)? */
export async function anyEndpointWants (db: Db, merchantId: number, topic: string): Promise<boolean> {
  const lists = await db('webhook_endpoints').where({ merchant_id: merchantId, enabled: true }).pluck('event_types') as string[]
  return lists.some((types) => { const list = JSON.parse(types) as string[]; return list.length === 0 || list.includes(topic) })
}
