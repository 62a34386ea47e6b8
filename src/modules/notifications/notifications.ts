// Notifications (通知设置): the merchant's SMS provider and signature, templates per event,
// switches A (order submitted → customer), B (order submitted → admin phones), C (shipped →
// customer) and "card issued"; per-phone limits; the message log. Texts leave through the
// outbox ('sms.send' rows) like everything else.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { validationFailed } from '../../shared/errors.js'
import { missingPermission, type Permission } from '../admins/permissions.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import { errorResponses, iso, MobilePhone, Nullable, Timestamp } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { enqueue, enqueueOne } from '../outbox/outbox.repository.js'
import { maskPhone } from '../../shared/phone.js'
import type { Order } from '../orders/orders.schemas.js'
import { HandlerError, type Handler, type OutboxRow } from '../outbox/outbox.types.js'
import { aliyunProvider } from '../../integrations/sms/aliyun.js'
import { consoleProvider } from '../../integrations/sms/console.js'
import { SmsError, type SmsProvider } from '../../integrations/sms/port.js'
import { tencentProvider } from '../../integrations/sms/tencent.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import { REASON_CHARS } from '../../shared/outbound.js'
import { cardPasswordKey, decryptCardPassword } from '../cards/card-secrets.js'
import { passwordCopy } from '../cards/cards.repository.js'

export const EVENTS = ['order_submitted_customer', 'order_submitted_admin', 'shipped_customer', 'card_issued', 'security_alert'] as const
type Event = typeof EVENTS[number] | 'test'
/** What a template parameter can carry. The password only where the merchant allows it. */
const VARIABLES = ['order_no', 'product', 'consignee_name', 'courier', 'waybill_no', 'card_no', 'redeem_url', 'password', 'site_name', 'failures'] as const

const Template = Type.Object({
  template_id: Type.String({ maxLength: 64 }),
  params: Type.Record(Type.String({ maxLength: 32 }), Type.Union(VARIABLES.map((v) => Type.Literal(v))), { description: 'Template parameter → variable' }),
}, { additionalProperties: false })

export const NotificationsBodySchema = Type.Object({
  provider: Type.Union([Type.Literal('console'), Type.Literal('aliyun'), Type.Literal('tencent')]),
  aliyun: Type.Optional(Nullable(Type.Object({
    access_key_id: Type.String({ minLength: 1, maxLength: 64 }),
    access_key_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one' })),
    endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))),
  }, { additionalProperties: false }))),
  tencent: Type.Optional(Nullable(Type.Object({
    secret_id: Type.String({ minLength: 1, maxLength: 64 }),
    secret_key: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one' })),
    sdk_app_id: Type.String({ minLength: 1, maxLength: 32 }),
    region: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))),
  }, { additionalProperties: false }))),
  sign_name: Type.String({ maxLength: 32, description: '短信签名' }),
  admin_phones: Type.Array(MobilePhone, { maxItems: 10 }),
  switches: Type.Object({
    order_submitted_customer: Type.Boolean({ description: 'A' }), order_submitted_admin: Type.Boolean({ description: 'B' }),
    shipped_customer: Type.Boolean({ description: 'C' }), card_issued: Type.Boolean(),
    security_alert: Type.Optional(Type.Boolean({ description: 'Card passwords guessed across many cards → admin phones (default on)' })),
  }, { additionalProperties: false }),
  templates: Type.Partial(Type.Object(Object.fromEntries(EVENTS.map((e) => [e, Template])) as Record<typeof EVENTS[number], typeof Template>), { additionalProperties: false }),
  card_issued_include_password: Type.Boolean({ default: false }),
  limits: Type.Object({ per_minute: Type.Integer({ minimum: 1, maximum: 100 }), per_day: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }),
}, { additionalProperties: false })
type NotificationsBody = Static<typeof NotificationsBodySchema>

interface Stored extends Omit<NotificationsBody, 'aliyun' | 'tencent'> {
  aliyun: { access_key_id: string; secret_enc: string; endpoint: string | null } | null
  tencent: { secret_id: string; secret_enc: string; sdk_app_id: string; region: string | null; endpoint: string | null } | null
}

const DEFAULTS: Stored = {
  provider: 'console', aliyun: null, tencent: null, sign_name: '', admin_phones: [],
  switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: true, security_alert: true },
  templates: {}, card_issued_include_password: false, limits: { per_minute: 1, per_day: 10 },
}

const DEFAULT_TEXT: Record<Event, string> = {
  order_submitted_customer: 'order_submitted', order_submitted_admin: 'order_submitted_admin', shipped_customer: 'shipped', card_issued: 'card_issued', security_alert: 'security_alert', test: 'test',
}

/** Would these settings send the texts somewhere else: another provider, account, endpoint, or card-issued template? */
function textsRerouted (old: Stored, body: NotificationsBody): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  if (body.provider !== old.provider || !same(body.templates.card_issued, old.templates.card_issued)) return true
  if (body.aliyun && (body.aliyun.access_key_secret || body.aliyun.access_key_id !== old.aliyun?.access_key_id || !same(body.aliyun.endpoint, old.aliyun?.endpoint))) return true
  if (body.tencent && (body.tencent.secret_key || body.tencent.secret_id !== old.tencent?.secret_id || body.tencent.sdk_app_id !== old.tencent?.sdk_app_id ||
    !same(body.tencent.endpoint, old.tencent?.endpoint) || !same(body.tencent.region, old.tencent?.region))) return true
  return false
}

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; log: { info: (o: object, m: string) => void }; http: VendorHttp; provider?: SmsProvider }

export function createNotificationsService ({ db, clock, masterKey, log, http, provider: override }: Deps) {
  const key = deriveKey(masterKey, 'sms-credentials')
  const mask = (enc: string, aad: string) => `****${decrypt(key, enc, aad).toString('utf8').slice(-4)}`

  async function stored (merchantId: number): Promise<Stored> {
    const row = await db('settings').where({ merchant_id: merchantId, section: 'notifications' }).first('value')
    return row ? { ...DEFAULTS, ...JSON.parse(row.value) } : structuredClone(DEFAULTS)
  }

  function view (s: Stored, merchantId: number) {
    return {
      ...s,
      aliyun: s.aliyun ? { access_key_id: s.aliyun.access_key_id, access_key_secret: mask(s.aliyun.secret_enc, `aliyun:${merchantId}`), endpoint: s.aliyun.endpoint } : null,
      tencent: s.tencent ? { secret_id: s.tencent.secret_id, secret_key: mask(s.tencent.secret_enc, `tencent:${merchantId}`), sdk_app_id: s.tencent.sdk_app_id, region: s.tencent.region, endpoint: s.tencent.endpoint } : null,
    }
  }

  function providerFor (s: Stored, merchantId: number): SmsProvider {
    if (override) return override
    if (s.provider === 'aliyun' && s.aliyun) {
      return aliyunProvider({ access_key_id: s.aliyun.access_key_id, access_key_secret: decrypt(key, s.aliyun.secret_enc, `aliyun:${merchantId}`).toString('utf8'), endpoint: s.aliyun.endpoint }, http, () => clock.now())
    }
    if (s.provider === 'tencent' && s.tencent) {
      return tencentProvider({ secret_id: s.tencent.secret_id, secret_key: decrypt(key, s.tencent.secret_enc, `tencent:${merchantId}`).toString('utf8'), sdk_app_id: s.tencent.sdk_app_id, region: s.tencent.region, endpoint: s.tencent.endpoint }, http, () => clock.now())
    }
    return consoleProvider(log)
  }

  function orderVars (o: Order): Record<string, string> {
    return { order_no: o.order_no, product: o.product.name, consignee_name: o.consignee?.name ?? '', courier: o.courier_name ?? '', waybill_no: o.waybill_no ?? '', card_no: o.card_no }
  }

  /** 'sms.send' rows for an order event, by the merchant's switches (written as the event completes). */
  async function eventMessages (row: OutboxRow): Promise<Array<{ event: Event; phone: string; vars: Record<string, string> }>> {
    const s = await stored(row.merchant_id)
    const payload = JSON.parse(row.payload) as { order?: Order }
    if (!payload.order) return []
    const o = payload.order
    const out: Array<{ event: Event; phone: string; vars: Record<string, string> }> = []
    if (row.topic === 'order.created') {
      if (s.switches.order_submitted_customer && o.consignee) out.push({ event: 'order_submitted_customer', phone: o.consignee.phone, vars: orderVars(o) })
      if (s.switches.order_submitted_admin) for (const phone of s.admin_phones) out.push({ event: 'order_submitted_admin', phone, vars: orderVars(o) })
    }
    if (row.topic === 'order.shipped' && s.switches.shipped_customer && o.consignee) out.push({ event: 'shipped_customer', phone: o.consignee.phone, vars: orderVars(o) })
    return out
  }

  async function record (merchantId: number, m: { phone: string; event: string; template_id: string; provider: string; status: string; provider_message_id?: string | null; error?: string | null; outbox_id?: number | null }): Promise<void> {
    await db('sms_messages').insert({ merchant_id: merchantId, ...m, provider_message_id: m.provider_message_id ?? null, error: m.error?.slice(0, REASON_CHARS) ?? null, outbox_id: m.outbox_id ?? null, created_at: clock.now().getTime() })
  }

  /** Sends one text: limits first, then the provider; every outcome is logged. */
  async function sendNow (merchantId: number, outboxId: number | null, event: Event, phone: string, vars: Record<string, string>): Promise<void> {
    const s = await stored(merchantId)
    const template = event === 'test' ? (s.templates.order_submitted_customer ?? { template_id: 'test', params: {} }) : s.templates[event] ?? { template_id: DEFAULT_TEXT[event], params: {} }
    const provider = providerFor(s, merchantId)
    const now = clock.now().getTime()
    const count = async (sinceMs: number) => Number((await db('sms_messages').where({ merchant_id: merchantId, phone, template_id: template.template_id, status: 'sent' })
      .andWhere('created_at', '>', now - sinceMs).count({ n: '*' }).first())?.n ?? 0)
    // Providers ban senders that text one number too often: stop before they would.
    if (await count(60_000) >= s.limits.per_minute || await count(86_400_000) >= s.limits.per_day) {
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'limited', outbox_id: outboxId })
      return
    }
    const params = Object.fromEntries(Object.entries(template.params).map(([name, variable]) => [name, vars[variable] ?? '']))
    try {
      const sent = await provider.send({ phone, sign_name: s.sign_name, template_id: template.template_id, params })
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'sent', provider_message_id: sent.provider_message_id, outbox_id: outboxId })
    } catch (err) {
      const e = err instanceof SmsError ? err : new SmsError((err as Error).message, true)
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'failed', error: e.message, outbox_id: outboxId })
      throw new HandlerError(e.message, e.retryable, { error: e.message })
    }
  }

  const smsSend: Handler = async (row) => {
    const p = JSON.parse(row.payload) as { event: Event; phone: string; vars: Record<string, string> }
    await sendNow(row.merchant_id, Number(row.id), p.event, p.phone, p.vars)
    return {}
  }

  /** The open platform's "card issued" text (its own outbox rows): only when switched on; the password only if allowed. */
  const cardIssued: Handler = async (row) => {
    const s = await stored(row.merchant_id)
    if (!s.switches.card_issued) return {}
    const p = JSON.parse(row.payload) as { card_no: string; phone: string; redeem_url: string }
    const vars: Record<string, string> = { card_no: p.card_no, redeem_url: p.redeem_url }
    if (s.card_issued_include_password) {
      const enc = await passwordCopy(db, row.merchant_id, p.card_no)
      if (enc) {
        vars.password = decryptCardPassword(cardPasswordKey(masterKey, row.merchant_id), p.card_no, enc)
        // A password leaving in a text is a password leaving: on the record, like an export.
        await insertAudit(db, row.merchant_id, { type: 'system', id: null, name: 'sms', ip: null }, {
          action: 'cards.secrets_sent', target_type: 'card', target_id: p.card_no, summary: { via: 'sms', phone: maskPhone(p.phone) },
        }, clock.now())
      }
    }
    await sendNow(row.merchant_id, Number(row.id), 'card_issued', p.phone, vars)
    return {}
  }

  return {
    handlers: { 'sms.send': smsSend, 'sms.card_issued': cardIssued } as Record<string, Handler>,

    /** Effects for an order event: the texts its switches ask for, queued with the event's completion. */
    async orderEventEffects (row: OutboxRow): Promise<((trx: Knex.Transaction) => Promise<void>) | undefined> {
      const messages = await eventMessages(row)
      if (messages.length === 0) return undefined
      return async (trx) => enqueue(trx, messages.map((m, i) => ({
        merchant_id: row.merchant_id, topic: 'sms.send' as const, idempotency_key: `sms:${row.id}:${m.event}:${i}`, payload: m,
      })), clock.now())
    },

    /** The guessing alert (security.guessing) as texts to the admin phones, unless switched off. */
    async securityAlertEffects (row: OutboxRow): Promise<((trx: Knex.Transaction) => Promise<void>) | undefined> {
      const s = await stored(row.merchant_id)
      if (s.switches.security_alert === false || s.admin_phones.length === 0) return undefined
      const p = JSON.parse(row.payload) as { failures: number }
      return async (trx) => enqueue(trx, s.admin_phones.map((phone, i) => ({
        merchant_id: row.merchant_id, topic: 'sms.send' as const, idempotency_key: `sms:${row.id}:security_alert:${i}`,
        payload: { event: 'security_alert', phone, vars: { failures: String(p.failures) } },
      })), clock.now())
    },

    async get (merchantId: number) { return view(await stored(merchantId), merchantId) },

    /** `granter`: the permissions of the admin saving; the password in texts is a way to the password. */
    async put (merchantId: number, body: NotificationsBody, actor: Actor, granter: Permission[]) {
      const old = await stored(merchantId)
      // With the password in card-issued texts, whoever picks the provider, its account or the
      // template reads the passwords (in that provider's console): that needs cards.export_secrets.
      if (!granter.includes('cards.export_secrets')) {
        if (body.card_issued_include_password && !old.card_issued_include_password) throw missingPermission('cards.export_secrets', '在短信中发送卡密')
        if ((body.card_issued_include_password || old.card_issued_include_password) && textsRerouted(old, body)) {
          throw missingPermission('cards.export_secrets', '短信中含卡密时更改短信服务商、账号或发卡短信模板')
        }
      }
      const next: Stored = { ...body, aliyun: null, tencent: null }
      if (body.aliyun) {
        const secret = body.aliyun.access_key_secret
        const enc = secret ? encrypt(key, secret, `aliyun:${merchantId}`) : old.aliyun?.secret_enc
        if (!enc) throw validationFailed({ details: [{ path: '/aliyun/access_key_secret', message: '请填写 AccessKey Secret' }] })
        next.aliyun = { access_key_id: body.aliyun.access_key_id, secret_enc: enc, endpoint: http.checkEndpoint('aliyun_sms', body.aliyun.endpoint, '/aliyun/endpoint') }
      }
      if (body.tencent) {
        const secret = body.tencent.secret_key
        const enc = secret ? encrypt(key, secret, `tencent:${merchantId}`) : old.tencent?.secret_enc
        if (!enc) throw validationFailed({ details: [{ path: '/tencent/secret_key', message: '请填写 SecretKey' }] })
        next.tencent = { secret_id: body.tencent.secret_id, secret_enc: enc, sdk_app_id: body.tencent.sdk_app_id, region: body.tencent.region ?? null, endpoint: http.checkEndpoint('tencent_sms', body.tencent.endpoint, '/tencent/endpoint') }
      }
      if (next.provider !== 'console' && !next[next.provider]) throw validationFailed({ details: [{ path: `/${next.provider}`, message: '请填写所选短信服务商的密钥' }] })
      const now = clock.now()
      await db.transaction(async (trx) => {
        await trx('settings').insert({ merchant_id: merchantId, section: 'notifications', value: JSON.stringify(next), updated_at: now.getTime() })
          .onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
        // Never the credentials in the audit: which provider, which switches.
        await insertAudit(trx, merchantId, actor, { action: 'settings.notifications.update', target_type: 'settings', target_id: 'notifications', summary: { provider: next.provider, switches: next.switches, limits: next.limits } }, now)
      })
      return view(next, merchantId)
    },

    /** Queues one test text to a phone. */
    async test (merchantId: number, phone: string) {
      const now = clock.now()
      const idem = `sms-test:${merchantId}:${now.getTime()}:${phone}`
      return { outbox_id: await enqueueOne(db, { merchant_id: merchantId, topic: 'sms.send', idempotency_key: idem, payload: { event: 'test', phone, vars: { order_no: 'TEST', product: '测试商品' } } }, now) }
    },

    async messages (merchantId: number, q: { phone?: string; status?: string; cursor?: string; limit?: number }) {
      const limit = q.limit ?? 50
      const query = db('sms_messages').where({ merchant_id: merchantId })
      if (q.phone) query.where('phone', q.phone)
      if (q.status) query.where('status', q.status)
      if (q.cursor) query.where('id', '<', Number(q.cursor))
      const rows = await query.orderBy('id', 'desc').limit(limit)
      return {
        items: rows.map((r) => ({
          id: Number(r.id), phone: maskPhone(r.phone)!, event: r.event as string, template_id: r.template_id as string, provider: r.provider as string,
          status: r.status as string, provider_message_id: r.provider_message_id as string | null, error: r.error as string | null, created_at: iso(r.created_at)!,
        })),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>

const security = [{ adminBearer: [] }]
const tags = ['settings']
const Masked = Type.Object({}, { additionalProperties: true, description: 'The settings with credentials masked (****abcd)' })

export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('settings.write')
  app.get('/api/v1/settings/notifications', {
    schema: { operationId: 'getNotificationSettings', tags, security, response: { 200: Masked, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.notifications.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/notifications', {
    schema: { operationId: 'putNotificationSettings', tags, security, body: NotificationsBodySchema, summary: 'SMS provider, signature, templates, switches A/B/C and limits', response: { 200: Masked, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.notifications.put(sessionOf(req).merchant.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin)))

  app.post('/api/v1/settings/notifications/test', {
    schema: { operationId: 'testNotification', tags, security, body: Type.Object({ phone: MobilePhone }, { additionalProperties: false }), response: { 202: Type.Object({ outbox_id: Type.Integer() }), ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(202)
    const r = await app.services.notifications.test(sessionOf(req).merchant.id, req.body.phone)
    app.services.worker.kick()
    return r
  })

  app.get('/api/v1/sms-messages', {
    schema: {
      operationId: 'listSmsMessages', tags, security,
      querystring: Type.Object({ phone: Type.Optional(Type.String({ maxLength: 20 })), status: Type.Optional(Type.Union(['sent', 'failed', 'limited'].map((s) => Type.Literal(s)))), cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), phone: Type.String(), event: Type.String(), template_id: Type.String(), provider: Type.String(), status: Type.String(), provider_message_id: Nullable(Type.String()), error: Nullable(Type.String()), created_at: Timestamp })), next_cursor: Nullable(Type.String()) }), ...errorResponses },
    },
    onRequest: write,
  }, async (req) => app.services.notifications.messages(sessionOf(req).merchant.id, req.query))
}
