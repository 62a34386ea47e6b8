// The ERP module's own tables: the last back-sync of each merchant (erp_sync_status) and the
// stock the ERP synced per ERP good (erp_stock).
import type { Db } from '../../shared/db.js'

export interface SyncStatusRow {
  merchant_id: number
  trigger: 'schedule' | 'manual'
  ok: boolean | number
  shipped: number
  failed: number
  stock_updated: number
  /** The records the ERP did not accept in its acknowledgements, one per line (id: reason). */
  ack_errors: string | null
  error: string | null
  started_at: number
  finished_at: number
  last_ok_at: number | null
}

/** Overwrites the merchant's last sync; a failed one keeps the time of the last one that worked. */
export async function saveSyncStatus (db: Db, row: Omit<SyncStatusRow, 'last_ok_at'>): Promise<void> {
  const lastOk = row.ok ? row.finished_at : null
  const values = { ...row, ok: Boolean(row.ok), last_ok_at: lastOk }
  const merge: Record<string, unknown> = {
    trigger: row.trigger, ok: Boolean(row.ok), shipped: row.shipped, failed: row.failed, stock_updated: row.stock_updated, ack_errors: row.ack_errors,
    error: row.error, started_at: row.started_at, finished_at: row.finished_at,
  }
  if (row.ok) merge.last_ok_at = lastOk
  await db('erp_sync_status').insert(values).onConflict('merchant_id').merge(merge)
}

export async function findSyncStatus (db: Db, merchantId: number): Promise<SyncStatusRow | null> {
  return (await db('erp_sync_status').where({ merchant_id: merchantId }).first()) ?? null
}

export interface StockRow { spec_key: string; quantity: number; erp_rec_id: string | null; updated_at: number }

/** Stores the ERP's figure for one good (its spec_no, else its goods_no). */
export async function saveStock (db: Db, merchantId: number, s: StockRow): Promise<void> {
  await db('erp_stock').insert({ merchant_id: merchantId, ...s })
    .onConflict(['merchant_id', 'spec_key']).merge({ quantity: s.quantity, erp_rec_id: s.erp_rec_id, updated_at: s.updated_at })
}

export async function stockOf (db: Db, merchantId: number, keys: string[]): Promise<Map<string, StockRow>> {
  const out = new Map<string, StockRow>()
  if (keys.length === 0) return out
  const rows = await db('erp_stock').where({ merchant_id: merchantId }).whereIn('spec_key', [...new Set(keys)])
  for (const r of rows) out.set(r.spec_key, { spec_key: r.spec_key, quantity: Number(r.quantity), erp_rec_id: r.erp_rec_id, updated_at: Number(r.updated_at) })
  return out
}
