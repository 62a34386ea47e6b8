// buildApp({ config, overrides }) → an unstarted Fastify instance, used by server.ts and tests.
import { randomUUID } from 'node:crypto'
import type { Writable } from 'node:stream'
import pino from 'pino'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AppConfig } from './config.js'
import adminAuth from './plugins/admin-auth.js'
import errors from './plugins/errors.js'
import { kaquanAjvKeywords } from './shared/validation.js'
import { healthRoutes } from './plugins/health.js'
import metrics from './plugins/metrics.js'
import services, { type Overrides } from './plugins/services.js'
import swagger from './plugins/swagger.js'
import { adminsRoutes } from './modules/admins/admins.routes.js'
import { authRoutes } from './modules/admins/auth.routes.js'
import { auditRoutes } from './modules/audit/audit.routes.js'
import { catalogRoutes } from './modules/catalog/catalog.routes.js'
import { uploadRoutes } from './modules/catalog/uploads.js'
import { cardsRoutes } from './modules/cards/cards.routes.js'
import { distributorsRoutes } from './modules/distributors/distributors.routes.js'
import { settingsRoutes } from './modules/settings/settings.routes.js'
import { couriersRoutes } from './modules/couriers/couriers.routes.js'
import { ordersRoutes } from './modules/orders/orders.routes.js'
import { orderTimelineRoutes } from './modules/orders/orders.timeline.js'
import { redemptionRoutes } from './modules/redemption/redemption.routes.js'
import { appsRoutes } from './modules/open/apps.routes.js'
import { openRoutes } from './modules/open/open.routes.js'
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.js'
import { sheetsRoutes } from './modules/sheets/sheets.routes.js'
import { notificationsRoutes } from './modules/notifications/notifications.routes.js'
import { trackingRoutes } from './modules/tracking/tracking.routes.js'
import { eWaybillRoutes } from './modules/e-waybill/e-waybill.routes.js'
import { erpRoutes } from './modules/erp/erp.routes.js'
import { integrationCallsRoutes } from './modules/outbox/outbox.routes.js'
import { merchantsRoutes } from './modules/merchants/merchants.routes.js'
import { overviewRoutes } from './modules/overview/overview.routes.js'
import multipart from '@fastify/multipart'
import { pagesRoutes } from './web/pages.routes.js'

export interface BuildOptions {
  config: AppConfig
  overrides?: Overrides & { logStream?: Writable }
}

/** Log lines never carry credentials: these keys are replaced wherever they appear. */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers["x-kq-signature"]', 'req.headers.cookie',
  'password', 'new_password', 'old_password', 'secret', 'app_secret', 'token', 'sign', 'captcha_code',
  '*.password', '*.new_password', '*.old_password', '*.secret', '*.app_secret', '*.token', '*.sign', '*.captcha_code',
  '*.password_hash', '*.password_enc',
]

// `phone`: a stored-value voucher bound to a phone is looked up by it (GET /open/v1/vouchers/{card_no}?phone=).
const SECRET_NAMES = new Set(['token', 'password', 'secret', 'sign', 'signature', 'captcha', 'captcha_code', 'app_secret', 'old_password', 'new_password', 'phone'])
/** Paths that carry a secret as a segment: the SF push URL's token. */
const SECRET_PATHS = /^(\/hooks\/couriers\/sf\/[^/?#]+\/|\/api\/v1\/downloads\/)[^/?#]+/

function decodedName (raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase()
  } catch {
    return raw.toLowerCase()
  }
}

/**
 * The request line as logged: secrets in the query string are masked — the name is compared
 * after decoding, so `pass%77ord=` is masked like `password=` (the server decodes it so) — and
 * so is the secret segment of a push URL.
 */
export function redactUrl (url: string): string {
  const q = url.indexOf('?')
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_PATHS, '$1[Redacted]')
  if (q < 0) return path
  const query = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    const name = eq < 0 ? pair : pair.slice(0, eq)
    return eq >= 0 && SECRET_NAMES.has(decodedName(name)) ? `${name}=[Redacted]` : pair
  }).join('&')
  return `${path}?${query}`
}

/**
 * Fastify's trustProxy from KAQUAN_TRUST_PROXY. Addresses and CIDRs (and proxy-addr's names
 * loopback, linklocal, uniquelocal) go as they are: only a hop from a listed proxy is believed.
 * A hop count N believes the last N hops whoever sent them — Fastify itself now refuses a bare
 * number — which is right only when nothing reaches the service except through those proxies.
 */
export function trustProxyOption (value: AppConfig['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address: string, hop: number) => hop < value
  return value
}

const SQL_PREFIX = /^\s*(?:select|insert|update|delete|with|create|alter|drop|replace)\b[\s\S]* - /i

/**
 * Errors as logged. knex puts the failed statement in front of a database error's message with
 * every value written in (consignee names, phones, addresses; a whole import report once made a
 * 167 MB log line): the statement is cut and only the database's own message stays.
 */
export function logError (err: Error & { code?: string; errno?: number; sqlState?: string; sqlMessage?: string; sql?: string }) {
  const serialized = pino.stdSerializers.err(err) as ReturnType<typeof pino.stdSerializers.err> & { sql?: unknown; bindings?: unknown }
  const fromDatabase = typeof err.sqlMessage === 'string' || typeof err.sql === 'string' || /^(SQLITE_|ER_)/.test(err.code ?? '') || SQL_PREFIX.test(err.message ?? '')
  const cut = (m: string) => (err.sqlMessage ?? m.replace(SQL_PREFIX, '')).slice(0, 1000)
  if (fromDatabase) {
    serialized.message = cut(err.message ?? '')
    serialized.stack = `${err.name}: ${serialized.message}\n${(err.stack ?? '').split('\n').slice(1, 12).join('\n')}`
    delete serialized.sql
    delete serialized.bindings
  } else if (serialized.message.length > 2000) {
    serialized.message = serialized.message.slice(0, 2000)
    serialized.stack = (serialized.stack ?? '').slice(0, 4000)
  }
  return serialized
}

function loggerOptions (config: AppConfig, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ method: req.method, url: redactUrl(req.url), remote_address: req.ip }),
      err: logError,
    },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger']
}

export async function buildApp ({ config, overrides = {} }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // verbose: errors carry their schema, where the field's Chinese label and message are (src/shared/validation.ts).
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: true, verbose: true }, plugins: [kaquanAjvKeywords] },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(errors)
  await app.register(services, { config, overrides })
  // A write that went through may have queued outbox rows (an order's events, a text): the
  // worker, if idle, looks now instead of after its idle pause. Busy, it is already looking.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) app.services.worker.kick()
  })
  await app.register(adminAuth)
  await app.register(swagger)
  // Uploads: each route sets its own file size limit.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } })

  await app.register(healthRoutes)
  await app.register(metrics)
  await app.register(authRoutes)
  await app.register(adminsRoutes)
  await app.register(auditRoutes)
  await app.register(catalogRoutes)
  await app.register(uploadRoutes)
  await app.register(cardsRoutes)
  await app.register(distributorsRoutes)
  await app.register(settingsRoutes)
  await app.register(couriersRoutes)
  await app.register(ordersRoutes)
  await app.register(orderTimelineRoutes)
  await app.register(redemptionRoutes)
  await app.register(appsRoutes)
  await app.register(webhooksRoutes)
  await app.register(sheetsRoutes)
  await app.register(notificationsRoutes)
  await app.register(trackingRoutes)
  await app.register(eWaybillRoutes)
  await app.register(erpRoutes)
  await app.register(integrationCallsRoutes)
  await app.register(merchantsRoutes)
  await app.register(overviewRoutes)
  // Encapsulated: its body parser and verification hooks apply to /open/v1 only.
  await app.register(openRoutes)
  await app.register(pagesRoutes)

  return app as unknown as FastifyInstance
}
