// The composition root: one database handle, one clock, every service, wired once and
// decorated on the app. Tests replace parts through `overrides`.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Knex } from 'knex'
import type { AppConfig } from '../config.js'
import { systemClock, type Clock } from '../shared/clock.js'
import { createDb } from '../shared/db.js'
import { createAdminsService } from '../modules/admins/admins.service.js'
import { createAuthService } from '../modules/admins/auth.service.js'
import { createAuditService } from '../modules/audit/audit.service.js'
import { createMerchantsService } from '../modules/merchants/merchants.service.js'
import { createCatalogService } from '../modules/catalog/catalog.service.js'
import { createBatchesService, type BatchOptions } from '../modules/cards/batches.service.js'
import { createCardsService } from '../modules/cards/cards.service.js'
import { createDistributorsService } from '../modules/distributors/distributors.js'
import { createSettingsService } from '../modules/settings/settings.service.js'
import { createCouriersService } from '../modules/orders/couriers.js'
import { createRedemptionService } from '../modules/redemption/redemption.service.js'
import { createAppsService } from '../modules/open/apps.js'
import { createOpenService } from '../modules/open/open.service.js'
import { createWebhooksService } from '../modules/webhooks/webhooks.service.js'
import { createOutboxWorker, type Handler } from '../workers/outbox-worker.js'
import { createNotificationsService } from '../modules/notifications/notifications.js'
import { createTrackingService } from '../modules/tracking/tracking.js'
import { createEWaybillService } from '../modules/orders/e-waybill.js'
import { createErpService } from '../modules/orders/erp.js'
import type { CourierVendor } from '../integrations/courier/port.js'
import type { SmsProvider } from '../integrations/sms/port.js'
import { createSheetsService } from '../modules/sheets/sheets.service.js'
import { createOrdersService } from '../modules/orders/orders.service.js'

export interface Overrides {
  db?: Knex
  clock?: Clock
  batches?: BatchOptions
  /** Replaces the merchant's configured SMS provider (tests). */
  smsProvider?: SmsProvider
  /** Replaces every courier account's e-waybill vendor (tests). */
  courierVendor?: CourierVendor
}

type Log = { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void }

export function createServices (config: AppConfig, db: Knex, clock: Clock, log: Log, overrides: Overrides = {}) {
  const merchants = createMerchantsService({ db, masterKey: config.masterKey, clock })
  const settings = createSettingsService({ db, clock })
  const redemption = createRedemptionService({ db, clock, masterKey: config.masterKey, merchants, settings, publicBaseUrl: config.publicBaseUrl })
  const orders = createOrdersService({ db, clock, merchants })
  const open = createOpenService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, redemption })
  const webhooks = createWebhooksService({ db, clock, masterKey: config.masterKey, allowPrivate: config.allowPrivateWebhooks, merchants, open, log })
  const notifications = createNotificationsService({ db, clock, masterKey: config.masterKey, log, provider: overrides.smsProvider })
  // Order events fan out to webhooks and, by the merchant's switches, to texts, in one completion.
  const eWaybill = createEWaybillService({ db, clock, masterKey: config.masterKey, orders, vendorOverride: overrides.courierVendor })
  const erp = createErpService({ db, clock, masterKey: config.masterKey, orders })
  const tracking = createTrackingService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, merchants, orders })
  const handlers: Record<string, Handler> = {
    ...webhooks.handlers, ...notifications.handlers, ...eWaybill.handlers, ...erp.handlers,
    'tracking.subscribe': async (row) => { await tracking.subscribe(row); return {} },
  }
  for (const topic of ['order.created', 'order.shipped', 'order.cancelled']) {
    const toWebhooks = webhooks.handlers[topic]
    handlers[topic] = async (row, now) => {
      const result = await toWebhooks(row, now) ?? {}
      const extra = [result.effects, await notifications.orderEventEffects(row), await erp.orderEventEffects(row), await tracking.shippedEffects(row)].filter((e): e is NonNullable<typeof e> => Boolean(e))
      return { ...result, effects: extra.length ? async (trx) => { for (const e of extra) await e(trx) } : undefined }
    }
  }
  return {
    merchants,
    auth: createAuthService({ db, masterKey: config.masterKey, captcha: config.captcha, clock }),
    admins: createAdminsService({ db, clock }),
    audit: createAuditService({ db }),
    catalog: createCatalogService({ db, clock, publicBaseUrl: config.publicBaseUrl }),
    batches: createBatchesService({ db, clock, masterKey: config.masterKey, merchants, log, options: overrides.batches }),
    cards: createCardsService({ db, clock }),
    distributors: createDistributorsService({ db, clock }),
    settings,
    couriers: createCouriersService({ db, clock }),
    orders,
    sheets: createSheetsService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, merchants, orders, open }),
    redemption,
    apps: createAppsService({ db, clock, masterKey: config.masterKey }),
    open,
    webhooks,
    notifications,
    eWaybill,
    erp,
    tracking,
    worker: createOutboxWorker({ db, clock, handlers, log }),
  }
}

export type Services = ReturnType<typeof createServices>

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
    db: Knex
    clock: Clock
    services: Services
  }
}

export default fp(async function services (app: FastifyInstance, opts: { config: AppConfig; overrides?: Overrides }) {
  const db = opts.overrides?.db ?? createDb(opts.config.database)
  const clock = opts.overrides?.clock ?? systemClock
  app.decorate('config', opts.config)
  app.decorate('db', db)
  app.decorate('clock', clock)
  const services = createServices(opts.config, db, clock, app.log, opts.overrides)
  app.decorate('services', services)
  app.addHook('onClose', async () => {
    await services.worker.stop()
    await services.batches.close()
    // A database handed in by the caller is the caller's to close.
    if (!opts.overrides?.db) await db.destroy()
  })
}, { name: 'services' })
