// The ERP back-sync: every five minutes, each merchant with an ERP connection has its shipments
// and its stock changes pulled back and acknowledged (ErpService.syncLogistics). A failing database or ERP is logged and tried again
// at the next tick; one merchant's failure does not hold up the others.
import type { ErpService } from '../modules/erp/erp.service.js'

export const ERP_SYNC_EVERY_MS = 5 * 60_000

export interface ErpSyncOptions {
  erp: Pick<ErpService, 'connectedMerchants' | 'syncLogistics'>
  log: { error: (o: object, m: string) => void }
  everyMs?: number
}

export function createErpSync ({ erp, log, everyMs = ERP_SYNC_EVERY_MS }: ErpSyncOptions) {
  let stopping = false
  let abort = new AbortController()
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null

  const sync = {
    /** One pass over the connected merchants; resolves with how many synced and how many failed. */
    async runOnce (): Promise<{ synced: number; failed: number }> {
      let synced = 0
      let failed = 0
      for (const merchantId of await erp.connectedMerchants()) {
        if (stopping) break
        try {
          await erp.syncLogistics(merchantId, abort.signal)
          synced++
        } catch (err) {
          failed++
          log.error({ err, merchant_id: merchantId }, 'erp.sync.failed')
        }
      }
      return { synced, failed }
    },

    /** Runs a pass every `everyMs` (the first one after `everyMs`) until stop(). */
    start (): void {
      if (loop) return
      stopping = false
      abort = new AbortController()
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
          await sync.runOnce().catch((err) => log.error({ err }, 'erp.sync.failed'))
        }
      })()
    },

    /** Stops after the round in hand of the merchant being synced, if any. */
    async stop (): Promise<void> {
      stopping = true
      abort.abort()
      wake?.()
      await loop
      loop = null
    },
  }
  return sync
}

export type ErpSync = ReturnType<typeof createErpSync>
