// Process start and stop only: configuration, migrations, first-start bootstrap, listen,
// background work, graceful shutdown.
import { createServer, type Server } from 'node:http'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, type AppConfig } from './config.js'
import { migrateLatest } from './shared/db.js'
import { createErpSync, type ErpSync } from './workers/erp-sync.js'
import { startHousekeeping } from './workers/housekeeping.js'
import { createSmsReceipts, type SmsReceipts } from './workers/sms-receipts.js'

function readConfig (): AppConfig {
  try {
    return loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`kaquan: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
}

export async function main (): Promise<void> {
  const config = readConfig()
  const app = await buildApp({ config })
  await migrateLatest(app.db)

  const first = await app.services.merchants.ensureDefault(config.adminPassword)
  if (first.created) {
    // Printed once, to the terminal only (never to the log): the operator's first login.
    const password = first.generated_password
      ? `password ${first.generated_password}  (shown only this once; change it after logging in)`
      : 'password from KAQUAN_ADMIN_PASSWORD'
    process.stdout.write(`\n  Kaquan first start: merchant "default", admin "admin", ${password}\n\n`)
  }

  const stopHousekeeping = startHousekeeping(app.db, app.clock, app.log, { retention: config.retention, everyMs: config.housekeepingMs })
  // Batches cut off by a restart (or another instance's death) are resumed here.
  const stopBatches = app.services.batches.startRunner()
  // So are large bulk actions (批量操作) cut off the same way.
  const stopBulkJobs = app.services.cards.startRunner()
  // Vouchers' holds whose time ran out give their amount back.
  const stopHoldSweep = app.services.vouchers.startSweep()
  // Webhooks and messages leave through the outbox worker; ERP shipments are pulled back.
  let erpSync: ErpSync | undefined
  // SF orders whose route pushes stopped are asked about (one instance at a time).
  let stopTrackingSweep: (() => void) | undefined
  // The texts' delivery receipts are asked for.
  let smsReceipts: SmsReceipts | undefined
  if (config.worker) {
    app.services.worker.start()
    erpSync = createErpSync({ erp: app.services.erp, log: app.log })
    erpSync.start()
    stopTrackingSweep = app.services.tracking.startSweep()
    smsReceipts = createSmsReceipts({ db: app.db, notifications: app.services.notifications, log: app.log })
    smsReceipts.start()
  }
  // KAQUAN_METRICS_PORT: /metrics without a token on a port of its own (for a scraper on a
  // private network; the service's port can stay public).
  let metricsServer: Server | undefined
  if (config.metricsPort) {
    metricsServer = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') { res.writeHead(404).end(); return }
      app.metricsText().then((m) => res.writeHead(200, { 'content-type': m.contentType, 'cache-control': 'no-store' }).end(m.body), () => res.writeHead(500).end())
    })
    metricsServer.listen(config.metricsPort, config.host)
    app.log.info({ port: config.metricsPort }, 'metrics.listening')
  }
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'server.crashed')
    else app.log.info({ signal }, 'server.stopping')
    stopHousekeeping()
    stopBatches()
    stopBulkJobs()
    stopHoldSweep()
    stopTrackingSweep?.()
    metricsServer?.close()
    // A round of ERP calls in hand may take a while: the rest shuts down meanwhile.
    const erpStopped = erpSync?.stop()
    const receiptsStopped = smsReceipts?.stop()
    await app.close()
    await erpStopped
    await receiptsStopped
  })

  await app.listen({ port: config.port, host: config.host })
  app.log.info({ docs: `${config.publicBaseUrl}/docs` }, 'server.started')
}

await main()
