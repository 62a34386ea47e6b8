// The composition root: one database handle, one clock, every service, wired once and
// decorated on the app. Tests replace parts through `overrides`.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { LookupFunction } from 'node:net'
import type { Knex } from 'knex'
import type { AppConfig } from '../config.js'
import { systemClock, type Clock } from '../shared/clock.js'
import { createDb } from '../shared/db.js'
import { createAdminsService } from '../modules/admins/admins.service.js'
import { createAuthService, type CaptchaWork } from '../modules/admins/auth.service.js'
import { createAuditService } from '../modules/audit/audit.service.js'
import { createMerchantsService } from '../modules/merchants/merchants.service.js'
import { createCatalogService } from '../modules/catalog/catalog.service.js'
import { createBatchesService, type BatchOptions } from '../modules/cards/batches.service.js'
import { createCardsService, type CardsOptions } from '../modules/cards/cards.service.js'
import { createDistributorsService } from '../modules/distributors/distributors.service.js'
import { createSettingsService } from '../modules/settings/settings.service.js'
import { createCouriersService } from '../modules/couriers/couriers.service.js'
import { createRedemptionService } from '../modules/redemption/redemption.service.js'
import { createAppsService } from '../modules/open/apps.service.js'
import { createOpenService } from '../modules/open/open.service.js'
import { createVouchersService } from '../modules/cards/vouchers.service.js'
import { createWebhooksService } from '../modules/webhooks/webhooks.service.js'
import { createOutboxWorker } from '../workers/outbox-worker.js'
import { createOutboxService } from '../modules/outbox/outbox.service.js'
import { eventHandlers } from '../modules/outbox/routing.js'
import type { Handler } from '../modules/outbox/outbox.types.js'
import { createNotificationsService } from '../modules/notifications/notifications.service.js'
import { createTrackingService } from '../modules/tracking/tracking.service.js'
import { createEWaybillService } from '../modules/e-waybill/e-waybill.service.js'
import { createErpService } from '../modules/erp/erp.service.js'
import type { CourierVendor } from '../integrations/courier/port.js'
import type { SmsProvider } from '../integrations/sms/port.js'
import { createVendorHttp } from '../integrations/vendor-endpoints.js'
import { createOutbound } from '../shared/outbound.js'
import { createSheetsService } from '../modules/sheets/sheets.service.js'
import { createOrdersService } from '../modules/orders/orders.service.js'
import { createOrderTimelineService } from '../modules/orders/orders.timeline.js'
import { createOverviewService } from '../modules/overview/overview.service.js'

export interface Overrides {
  db?: Knex
  clock?: Clock
  batches?: BatchOptions
  cards?: CardsOptions
  /** Replaces the merchant's configured SMS provider (tests). */
  smsProvider?: SmsProvider
  /** A lighter proof of work for the login captcha (tests solve many). */
  captchaWork?: CaptchaWork
  /** Replaces every courier account's e-waybill vendor (tests). */
  courierVendor?: CourierVendor
  /** Resolves host names for every outbound call (tests: a vendor's name that resolves to loopback). */
  outboundLookup?: LookupFunction
}

type Log = { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void }

export function createServices (config: AppConfig, db: Knex, clock: Clock, log: Log, overrides: Overrides = {}) {
  const merchants = createMerchantsService({ db, masterKey: config.masterKey, clock })
  const settings = createSettingsService({ db, clock })
  const catalog = createCatalogService({ db, clock, publicBaseUrl: config.publicBaseUrl })
  const redemption = createRedemptionService({ db, clock, masterKey: config.masterKey, merchants, settings, catalog, publicBaseUrl: config.publicBaseUrl })
  const orders = createOrdersService({ db, clock, merchants })
  const open = createOpenService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, redemption })
  const vouchers = createVouchersService({
    db, clock, log,
    verifyPassword: (m, c, p, caller) => redemption.verifyPassword(m, c, p, caller),
    verifyBoundPhone: (m, c, phone, caller) => redemption.verifyBoundPhone(m, c, phone, caller),
    // notifications is made below; the reminder sweep asks it only once running.
    reminderDays: (merchantId) => notifications.voucherExpiringDays(merchantId),
  })
  // Every call that leaves the building goes through one of these two: webhooks to merchants'
  // receivers, and vendor calls (SMS, ERP, couriers) to the vendors' published hosts.
  const webhookHttp = createOutbound({ allowPrivate: config.allowPrivateWebhooks, lookup: overrides.outboundLookup })
  const vendorHttp = createVendorHttp({ hosts: config.vendorHosts, allowPrivate: config.allowPrivateVendors, lookup: overrides.outboundLookup })
  const webhooks = createWebhooksService({ db, clock, masterKey: config.masterKey, http: webhookHttp, allowPrivate: config.allowPrivateWebhooks, merchants, open, log })
  const notifications = createNotificationsService({ db, clock, masterKey: config.masterKey, log, http: vendorHttp, provider: overrides.smsProvider })
  const eWaybill = createEWaybillService({ db, clock, masterKey: config.masterKey, orders, http: vendorHttp, vendorOverride: overrides.courierVendor })
  const erp = createErpService({ db, clock, masterKey: config.masterKey, orders, catalog, http: vendorHttp })
  const tracking = createTrackingService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, merchants, orders, http: vendorHttp, accounts: eWaybill, log })
  const handlers: Record<string, Handler> = {
    ...webhooks.handlers, ...notifications.handlers, ...eWaybill.handlers, ...erp.handlers,
    'tracking.subscribe': (row) => tracking.subscribe(row),
    'tracking.apply': (row) => tracking.applyPush(row),
    // 修改运单: the new waybill is subscribed as a shipped one is.
    'order.waybill_changed': async (row) => ({ effects: await tracking.shippedEffects(row) }),
    ...eventHandlers(webhooks.fanOut, {
      orderTexts: (r) => notifications.orderEventEffects(r),
      securityAlertTexts: (r) => notifications.securityAlertEffects(r),
      voucherTexts: (r) => notifications.voucherExpiringEffects(r),
      erpPush: (r) => erp.orderEventEffects(r),
      trackingSubscription: (r) => tracking.shippedEffects(r),
    }),
  }
  return {
    merchants,
    auth: createAuthService({ db, masterKey: config.masterKey, captcha: config.captcha, clock, merchants, captchaWork: overrides.captchaWork }),
    admins: createAdminsService({ db, clock, merchants }),
    audit: createAuditService({ db }),
    catalog,
    batches: createBatchesService({ db, clock, masterKey: config.masterKey, merchants, log, options: overrides.batches }),
    cards: createCardsService({ db, clock, log, options: overrides.cards }),
    distributors: createDistributorsService({ db, clock }),
    settings,
    couriers: createCouriersService({ db, clock }),
    orders,
    orderTimeline: createOrderTimelineService({ db }),
    sheets: createSheetsService({ db, clock, masterKey: config.masterKey, publicBaseUrl: config.publicBaseUrl, merchants, orders, open }),
    redemption,
    apps: createAppsService({ db, clock, masterKey: config.masterKey }),
    open,
    vouchers,
    webhooks,
    notifications,
    eWaybill,
    erp,
    tracking,
    outbox: createOutboxService({ db, clock, requeued: { 'erp.push': erp.requeued } }),
    overview: createOverviewService({ db, clock, publicBaseUrl: config.publicBaseUrl }),
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
    await services.cards.close()
    // A database handed in by the caller is the caller's to close.
    if (!opts.overrides?.db) await db.destroy()
  })
}, { name: 'services' })
