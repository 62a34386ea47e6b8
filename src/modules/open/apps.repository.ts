// The `apps` table (open-platform applications).
import type { Db } from '../../shared/db.js'

/** App names by id (the card list shows which mall issued a card). */
export async function appNames (db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  return new Map((await db('apps').whereIn('id', ids).select('id', 'name')).map((a) => [Number(a.id), a.name as string]))
}
