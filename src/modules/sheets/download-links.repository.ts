// Every statement on download_links: single-use links to an export, kept by the hash of their
// secret for a minute.
import { affected, type Db } from '../../shared/db.js'

export interface DownloadLinkRow {
  id: string
  merchant_id: number
  admin_id: number
  kind: string
  params: string
  expires_at: number
  created_at: number
}

export async function insertDownloadLink (db: Db, row: DownloadLinkRow): Promise<void> {
  await db('download_links').insert(row)
}

/**
 * Takes a live link: the row is deleted by the same statement that decides it is still good,
 * so of two requests racing for one link exactly one gets it.
 */
export async function takeDownloadLink (db: Db, id: string, now: number): Promise<DownloadLinkRow | undefined> {
  const row = await db<DownloadLinkRow>('download_links').where({ id }).andWhere('expires_at', '>', now).first()
  if (!row) return undefined
  const taken = affected(await db('download_links').where({ id }).andWhere('expires_at', '>', now).delete())
  return taken === 1 ? row : undefined
}

export async function deleteExpiredDownloadLinks (db: Db, now: number): Promise<void> {
  await db('download_links').where('expires_at', '<=', now).delete()
}
