// Every statement on import_reports: the row-level problems of a refused import, kept for the
// report download.
import type { Db } from '../../shared/db.js'

export interface ImportReportRow { id: number; merchant_id: number; problems: string; created_at: number }

export async function insertImportReport (db: Db, merchantId: number, problems: unknown[], at: Date): Promise<number> {
  const [id] = await db('import_reports').insert({ merchant_id: merchantId, problems: JSON.stringify(problems), created_at: at.getTime() })
  return Number(id)
}

export async function findImportReport (db: Db, merchantId: number, id: number): Promise<ImportReportRow | undefined> {
  return db<ImportReportRow>('import_reports').where({ merchant_id: merchantId, id }).first()
}
