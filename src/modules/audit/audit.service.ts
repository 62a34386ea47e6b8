import type { Db } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { listAudit } from './audit.repository.js'
import type { AuditPage, AuditQuery } from './audit.schemas.js'

export function createAuditService ({ db }: { db: Db }) {
  return {
    async list (merchantId: number, q: AuditQuery): Promise<AuditPage> {
      const limit = q.limit ?? 50
      const rows = await listAudit(db, merchantId, {
        actor_id: q.actor_id,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        before_id: q.cursor ? Number(q.cursor) : undefined,
        limit,
      })
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          actor_type: r.actor_type,
          actor_id: r.actor_id === null ? null : Number(r.actor_id),
          actor_name: r.actor_name,
          action: r.action,
          target_type: r.target_type,
          target_id: r.target_id,
          summary: r.summary ? JSON.parse(r.summary) as Record<string, unknown> : null,
          ip: r.ip,
          created_at: iso(r.created_at)!,
        })),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>
