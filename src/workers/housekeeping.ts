// Periodic clean-up of short-lived rows (guess counters, used captchas, ended sessions, nonces,
// idempotency keys), each through the repository that owns the table.
import type { Knex } from 'knex'
import type { Clock } from '../shared/clock.js'
import { pruneGuards } from '../shared/guards.js'
import { pruneAuthTables } from '../modules/admins/admins.repository.js'
import { pruneOpenAuthTables } from '../modules/open/open-auth.repository.js'

const DAY_MS = 86_400_000

export async function runHousekeeping (db: Knex, now: Date): Promise<void> {
  // Counter windows are minutes to a day long; a finished one is kept a day for investigations.
  await pruneGuards(db, new Date(now.getTime() - DAY_MS))
  await pruneAuthTables(db, now)
  await pruneOpenAuthTables(db, now)
}

export function startHousekeeping (db: Knex, clock: Clock, log: { error: (obj: object, msg: string) => void }, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    runHousekeeping(db, clock.now()).catch((err) => log.error({ err }, 'housekeeping.failed'))
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
