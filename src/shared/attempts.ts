// Failed-attempt counters kept in the database, so they survive restarts and hold across
// every instance that shares it.
import type { Db } from './db.js'

export async function recordAttempt (db: Db, kind: string, key: string, at: Date): Promise<void> {
  await db('attempt_events').insert({ kind, key, created_at: at.getTime() })
}

export async function countAttempts (db: Db, kind: string, key: string, since: Date): Promise<number> {
  const row = await db('attempt_events')
    .where({ kind, key })
    .andWhere('created_at', '>', since.getTime())
    .count<{ n: number | string }[]>({ n: '*' })
    .first()
  return Number(row?.n ?? 0)
}

export async function pruneAttempts (db: Db, before: Date): Promise<number> {
  return db('attempt_events').where('created_at', '<', before.getTime()).delete()
}
