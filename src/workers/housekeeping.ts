// Periodic clean-up of short-lived rows (attempt counters, captchas, ended sessions).
import type { Knex } from 'knex'
import type { Clock } from '../shared/clock.js'
import { pruneAttempts } from '../shared/attempts.js'
import { pruneAuthTables } from '../modules/admins/admins.repository.js'

const DAY_MS = 86_400_000

export async function runHousekeeping (db: Knex, now: Date): Promise<void> {
  // Attempt windows are minutes long; a day of history is kept for investigations.
  await pruneAttempts(db, new Date(now.getTime() - DAY_MS))
  await pruneAuthTables(db, now)
  await db('app_nonces').where('expires_at', '<', now.getTime()).delete()
  await db('idempotency_keys').where('expires_at', '<', now.getTime()).delete()
}

export function startHousekeeping (db: Knex, clock: Clock, log: { error: (obj: object, msg: string) => void }, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    runHousekeeping(db, clock.now()).catch((err) => log.error({ err }, 'housekeeping.failed'))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
