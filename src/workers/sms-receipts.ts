// Delivery receipts for the texts sent (NotificationsService.pollReceipts): every minute, one
// batch of recent sent texts is asked of their providers. With several instances one of them
// runs a round at a time (a named lock; Tencent's pull hands each receipt out once, so two
// rounds at once would split them), and one process never starts a round before the last one
// ends. A failing database or provider is logged; the next round starts over from the table.
import type { Knex } from 'knex'
import { onOneInstance } from '../shared/db.js'
import type { NotificationsService, ReceiptRound } from '../modules/notifications/notifications.service.js'

export const SMS_RECEIPTS_EVERY_MS = 60_000

export interface SmsReceiptsOptions {
  db: Knex
  notifications: Pick<NotificationsService, 'pollReceipts'>
  log: { error: (o: object, m: string) => void; info?: (o: object, m: string) => void }
  everyMs?: number
}

export function createSmsReceipts ({ db, notifications, log, everyMs = SMS_RECEIPTS_EVERY_MS }: SmsReceiptsOptions) {
  let stopping = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null

  const job = {
    /** One round on this instance, unless another instance holds the lock (then null). */
    async runOnce (): Promise<ReceiptRound | null> {
      let round: ReceiptRound | null = null
      const ran = await onOneInstance(db, 'sms-receipts', async () => { round = await notifications.pollReceipts() })
      if (!ran || !round) return null
      const r: ReceiptRound = round
      for (const f of r.failures) log.error(f, 'sms.receipts.failed')
      if (r.delivered + r.failed + r.unknown > 0) log.info?.({ delivered: r.delivered, failed: r.failed, unknown: r.unknown }, 'sms.receipts.applied')
      return r
    },

    /** A round every `everyMs` (the first after `everyMs`) until stop(). */
    start (): void {
      if (loop) return
      stopping = false
      loop = (async () => {
        while (!stopping) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, everyMs)
            // The process never stays up for this timer alone.
            timer.unref()
            wake = () => { clearTimeout(timer); resolve() }
          })
          wake = null
          if (stopping) break
          await job.runOnce().catch((err) => log.error({ err }, 'sms.receipts.failed'))
        }
      })()
    },

    /** Stops after the round in hand, if any. */
    async stop (): Promise<void> {
      stopping = true
      wake?.()
      await loop
      loop = null
    },
  }
  return job
}

export type SmsReceipts = ReturnType<typeof createSmsReceipts>
