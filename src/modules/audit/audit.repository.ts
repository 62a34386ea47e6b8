import type { Db } from '../../shared/db.js'

export interface Actor {
  type: 'admin' | 'app' | 'system' | 'customer'
  id: number | null
  name: string
  ip: string | null
}

export interface AuditEntry {
  action: string
  target_type?: string | null
  target_id?: string | number | null
  /** What changed, counts, filters: never a password, hash or secret. */
  summary?: Record<string, unknown> | null
}

export interface AuditRow {
  id: number
  merchant_id: number
  actor_type: string
  actor_id: number | null
  actor_name: string
  action: string
  target_type: string | null
  target_id: string | null
  summary: string | null
  ip: string | null
  created_at: number
}

export async function insertAudit (db: Db, merchantId: number, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await db('audit_logs').insert({
    merchant_id: merchantId,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name.slice(0, 64),
    action: entry.action,
    target_type: entry.target_type ?? null,
    target_id: entry.target_id === undefined || entry.target_id === null ? null : String(entry.target_id),
    summary: entry.summary ? JSON.stringify(entry.summary) : null,
    ip: actor.ip,
    created_at: at.getTime(),
  })
}

export interface AuditFilter {
  actor_id?: number
  action?: string
  from?: Date
  to?: Date
  before_id?: number
  limit: number
}

export async function listAudit (db: Db, merchantId: number, f: AuditFilter): Promise<AuditRow[]> {
  const q = db<AuditRow>('audit_logs').where({ merchant_id: merchantId })
  if (f.actor_id !== undefined) q.andWhere('actor_id', f.actor_id)
  if (f.action !== undefined) {
    // "cards" matches every cards.* action; "cards.bulk.void" only itself.
    // A range rather than LIKE: the same on both dialects, and '/' is the character after '.'.
    const action = f.action
    q.andWhere((w) => {
      w.where('action', action).orWhere((r) => r.where('action', '>=', `${action}.`).andWhere('action', '<', `${action}/`))
    })
  }
  if (f.from) q.andWhere('created_at', '>=', f.from.getTime())
  if (f.to) q.andWhere('created_at', '<', f.to.getTime())
  if (f.before_id !== undefined) q.andWhere('id', '<', f.before_id)
  return q.orderBy('id', 'desc').limit(f.limit)
}
