// Periodic clean-up, each table through the repository that owns it: short-lived rows (guess
// counters, used captchas, ended sessions, nonces, idempotency keys) once they have run out, and
// the growing logs after their retention (KAQUAN_RETENTION_DAYS): delivery and vendor-call
// attempts, finished outbox rows, raw tracking pushes. Deletes go in batches of 1,000 rows, one
// statement each; with several instances one of them runs it at a time.
import type { Knex } from 'knex'
import { DEFAULT_RETENTION, type RetentionDays } from '../config.js'
import type { Clock } from '../shared/clock.js'
import { onOneInstance } from '../shared/db.js'
import { pruneGuards } from '../shared/guards.js'
import { pruneAuthTables } from '../modules/admins/admins.repository.js'
import { pruneOpenAuthTables } from '../modules/open/open-auth.repository.js'
import { pruneOutbox } from '../modules/outbox/outbox.repository.js'
import { prunePushes } from '../modules/tracking/tracking.repository.js'
import { deleteExpiredDownloadLinks } from '../modules/sheets/download-links.repository.js'

const DAY_MS = 86_400_000

export interface HousekeepingReport { ran: boolean; outbox_attempts: number; outbox_rows: number; tracking_pushes: number }

export async function runHousekeeping (db: Knex, now: Date, retention: RetentionDays = DEFAULT_RETENTION): Promise<HousekeepingReport> {
  const report: HousekeepingReport = { ran: false, outbox_attempts: 0, outbox_rows: 0, tracking_pushes: 0 }
  report.ran = await onOneInstance(db, 'housekeeping', async () => {
    const t = now.getTime()
    // Counter windows are minutes to a day long; a finished one is kept a day for investigations.
    await pruneGuards(db, new Date(t - DAY_MS))
    await pruneAuthTables(db, now)
    await pruneOpenAuthTables(db, now)
    await deleteExpiredDownloadLinks(db, t)
    const outbox = await pruneOutbox(db, { attemptsBefore: t - retention.attempts * DAY_MS, rowsBefore: t - retention.outbox * DAY_MS })
    report.outbox_attempts = outbox.attempts
    report.outbox_rows = outbox.rows
    report.tracking_pushes = await prunePushes(db, t - retention.tracking * DAY_MS)
  })
  return report
}

export function startHousekeeping (db: Knex, clock: Clock, log: { error: (obj: object, msg: string) => void; info?: (obj: object, msg: string) => void }, opts: { everyMs?: number; retention?: RetentionDays } = {}): () => void {
  const timer = setInterval(() => {
    runHousekeeping(db, clock.now(), opts.retention)
      .then((r) => { if (r.outbox_attempts + r.outbox_rows + r.tracking_pushes > 0) log.info?.(r, 'housekeeping.pruned') })
      .catch((err) => log.error({ err }, 'housekeeping.failed'))
  }, opts.everyMs ?? 10 * 60_000)
  timer.unref()
  return () => clearInterval(timer)
}
