// The ERP module's own table: the last back-sync of each merchant (erp_sync_status).
import type { Db } from '../../shared/db.js'

export interface SyncStatusRow {
  merchant_id: number
  trigger: 'schedule' | 'manual'
  ok: boolean | number
  shipped: number
  failed: number
  error: string | null
  started_at: number
  finished_at: number
  last_ok_at: number | null
}

/** Overwrites the merchant's last sync; a failed one keeps the time of the last one that worked. */
export async function saveSyncStatus (db: Db, row: Omit<SyncStatusRow, 'last_ok_at'>): Promise<void> {
  const lastOk = row.ok ? row.finished_at : null
  const values = { ...row, ok: Boolean(row.ok), last_ok_at: lastOk }
  const merge: Record<string, unknown> = { trigger: row.trigger, ok: Boolean(row.ok), shipped: row.shipped, failed: row.failed, error: row.error, started_at: row.started_at, finished_at: row.finished_at }
  if (row.ok) merge.last_ok_at = lastOk
  await db('erp_sync_status').insert(values).onConflict('merchant_id').merge(merge)
}

export async function findSyncStatus (db: Db, merchantId: number): Promise<SyncStatusRow | null> {
  return (await db('erp_sync_status').where({ merchant_id: merchantId }).first()) ?? null
}
