// Notifications (通知设置): the merchant's SMS provider and signature, templates per event,
// switches A (order submitted → customer), B (order submitted → admin phones), C (shipped →
// customer) and "card issued"; per-phone limits; the message log. Texts leave through the
// outbox ('sms.send' rows) like everything else.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { iso } from '../../shared/schemas.js'
import { maskPhone } from '../../shared/phone.js'
import { reserve, succeeded, type Guard } from '../../shared/guards.js'
import { REASON_CHARS } from '../../shared/outbound.js'
import type { Permission } from '../admins/permissions.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { cardPasswordKey, decryptCardPassword } from '../cards/card-secrets.js'
import { passwordCopy } from '../cards/cards.repository.js'
import type { Order } from '../orders/orders.schemas.js'
import { enqueue, enqueueOne } from '../outbox/outbox.repository.js'
import { HandlerError, type Effects, type Handler, type OutboxRow } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { smsProvider, type SmsProviderConfigs, type SmsProviderId } from '../../integrations/sms/registry.js'
import { consoleProvider } from '../../integrations/sms/console.js'
import { type SmsProvider } from '../../integrations/sms/port.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import * as errors from './notifications.errors.js'
import * as repo from './notifications.repository.js'
import type { SmsMessageRow } from './notifications.repository.js'
import { DEFAULT_NOTIFICATIONS, type DeliveryState, type NotificationsBody, type SmsEvent, type SmsMessageList, type StoredNotifications } from './notifications.schemas.js'
import { toHandlerError, toIntegrationError } from '../../integrations/errors.js'

const DEFAULT_TEXT: Record<SmsEvent, string> = {
  order_submitted_customer: 'order_submitted', order_submitted_admin: 'order_submitted_admin', shipped_customer: 'shipped', card_issued: 'card_issued', security_alert: 'security_alert', voucher_expiring: 'voucher_expiring', test: 'test',
}

/** Would these settings send the texts somewhere else: another provider, account, endpoint, or card-issued template? */
export function textsRerouted (old: StoredNotifications, body: NotificationsBody): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  if (body.provider !== old.provider || !same(body.templates.card_issued, old.templates.card_issued)) return true
  if (body.aliyun && (body.aliyun.access_key_secret || body.aliyun.access_key_id !== old.aliyun?.access_key_id || !same(body.aliyun.endpoint, old.aliyun?.endpoint))) return true
  if (body.tencent && (body.tencent.secret_key || body.tencent.secret_id !== old.tencent?.secret_id || body.tencent.sdk_app_id !== old.tencent?.sdk_app_id ||
    !same(body.tencent.endpoint, old.tencent?.endpoint) || !same(body.tencent.region, old.tencent?.region))) return true
  return false
}

/** The reason kept with a dropped text, in the merchant's words (both windows are rolling: the last 60 s, the last 24 h). */
export function dropReason (per: 'minute' | 'day', limit: number): string {
  return `超出发送频率限制：同一手机号同一模板${per === 'minute' ? ' 1 分钟' : ' 24 小时'}内最多 ${limit} 条，本条未发送`
}

function orderVars (o: Order): Record<string, string> {
  return { order_no: o.order_no, product: o.product.name, consignee_name: o.consignee?.name ?? '', courier: o.courier_name ?? '', waybill_no: o.waybill_no ?? '', card_no: o.card_no }
}

function toMessage (r: SmsMessageRow): SmsMessageList['items'][number] {
  return {
    id: Number(r.id), phone: maskPhone(r.phone)!, event: r.event, template_id: r.template_id, provider: r.provider,
    status: r.status, provider_message_id: r.provider_message_id, error: r.error,
    delivery_state: r.status === 'sent' ? r.delivery_state ?? 'pending' : null,
    delivery_code: r.delivery_code ?? null, delivery_reason: r.delivery_reason ?? null, delivered_at: iso(r.delivered_at),
    created_at: iso(r.created_at)!,
  }
}

/**
 * Receipts: texts sent in the last 72 h are asked about (Aliyun keeps details 30 days, but a
 * receipt days late tells the merchant nothing new); after that, or without a provider id to ask
 * with, a text's delivery is unknown. A text is asked about again at most every 2 minutes.
 */
export const RECEIPT_WINDOW_MS = 72 * 3_600_000
export const RECEIPT_RECHECK_MS = 2 * 60_000
export const RECEIPT_BATCH = 50

export interface ReceiptRound { asked: number; delivered: number; failed: number; unknown: number; failures: Array<{ merchant_id: number; error: string }> }

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void }; http: VendorHttp; provider?: SmsProvider }

export function createNotificationsService ({ db, clock, masterKey, log, http, provider: override }: Deps) {
  // Secrets sealed under 'sms-credentials', bound to `aliyun:<merchant>` / `tencent:<merchant>`.
  const section = createSectionStore<StoredNotifications>({ db, clock, masterKey }, { name: 'notifications', defaults: DEFAULT_NOTIFICATIONS, keyPurpose: 'sms-credentials' })
  const stored = (merchantId: number) => section.read(merchantId)

  function view (s: StoredNotifications, merchantId: number) {
    return {
      ...s,
      voucher_expiring_days: s.voucher_expiring_days ?? DEFAULT_NOTIFICATIONS.voucher_expiring_days!,
      aliyun: s.aliyun ? { access_key_id: s.aliyun.access_key_id, access_key_secret: section.mask(merchantId, 'aliyun', s.aliyun.secret_enc), endpoint: s.aliyun.endpoint } : null,
      tencent: s.tencent ? { secret_id: s.tencent.secret_id, secret_key: section.mask(merchantId, 'tencent', s.tencent.secret_enc), sdk_app_id: s.tencent.sdk_app_id, region: s.tencent.region, endpoint: s.tencent.endpoint } : null,
    }
  }

  /** Each provider's stored settings, opened; null when that provider is not filled in. */
  const opened: { [K in SmsProviderId]: (s: StoredNotifications, merchantId: number) => SmsProviderConfigs[K] | null } = {
    aliyun: (s, m) => s.aliyun && { access_key_id: s.aliyun.access_key_id, access_key_secret: section.open(m, 'aliyun', s.aliyun.secret_enc), endpoint: s.aliyun.endpoint },
    tencent: (s, m) => s.tencent && { secret_id: s.tencent.secret_id, secret_key: section.open(m, 'tencent', s.tencent.secret_enc), sdk_app_id: s.tencent.sdk_app_id, region: s.tencent.region, endpoint: s.tencent.endpoint },
  }

  function providerFor (s: StoredNotifications, merchantId: number): SmsProvider {
    if (override) return override
    const id = s.provider
    const cfg = id !== 'console' && Object.hasOwn(opened, id) ? opened[id](s, merchantId) : null
    return cfg ? smsProvider(id as SmsProviderId, cfg as never, http, () => clock.now()) : consoleProvider(log)
  }

  /** 'sms.send' rows for an order event, by the merchant's switches (written as the event completes). */
  async function eventMessages (row: OutboxRow): Promise<Array<{ event: SmsEvent; phone: string; vars: Record<string, string> }>> {
    const s = await stored(row.merchant_id)
    const payload = JSON.parse(row.payload) as { order?: Order }
    if (!payload.order) return []
    const o = payload.order
    const out: Array<{ event: SmsEvent; phone: string; vars: Record<string, string> }> = []
    if (row.topic === 'order.created') {
      if (s.switches.order_submitted_customer && o.consignee) out.push({ event: 'order_submitted_customer', phone: o.consignee.phone, vars: orderVars(o) })
      if (s.switches.order_submitted_admin) for (const phone of s.admin_phones) out.push({ event: 'order_submitted_admin', phone, vars: orderVars(o) })
    }
    if (row.topic === 'order.shipped' && s.switches.shipped_customer && o.consignee) out.push({ event: 'shipped_customer', phone: o.consignee.phone, vars: orderVars(o) })
    return out
  }

  async function record (merchantId: number, m: { phone: string; event: string; template_id: string; provider: string; status: SmsMessageRow['status']; provider_message_id?: string | null; error?: string | null; outbox_id?: number | null; order_no?: string | null }): Promise<void> {
    await repo.insertSmsMessage(db, { merchant_id: merchantId, ...m, provider_message_id: m.provider_message_id ?? null, error: m.error?.slice(0, REASON_CHARS) ?? null, outbox_id: m.outbox_id ?? null, order_no: m.order_no ?? null, created_at: clock.now().getTime() })
  }

  /**
   * The per-phone limits of one template, as shared counters (guard_counters): each counts the
   * text before it is sent, in one conditional statement, so texts sent at once by several
   * workers or instances cannot all pass a count read before any was logged.
   */
  function phoneLimits (merchantId: number, phone: string, templateId: string, limits: StoredNotifications['limits']) {
    const subject = `${merchantId}:${templateId}:${phone}`
    const minute: Guard = { kind: 'sms_phone_minute', max: limits.per_minute, windowMs: 60_000, lockMs: 0 }
    const day: Guard = { kind: 'sms_phone_day', max: limits.per_day, windowMs: 86_400_000, lockMs: 0 }
    return {
      /** Counts the text; why it would go over a limit instead, or null (then it was counted). */
      async take (at: Date): Promise<string | null> {
        if (!(await reserve(db, minute, subject, at)).allowed) return dropReason('minute', limits.per_minute)
        if (!(await reserve(db, day, subject, at)).allowed) {
          await succeeded(db, [{ guard: minute, subject, mode: 'refund' }])
          return dropReason('day', limits.per_day)
        }
        return null
      },
      /** The provider did not take it: it does not count (its retry is no second text). */
      async giveBack (): Promise<void> {
        await succeeded(db, [{ guard: minute, subject, mode: 'refund' }, { guard: day, subject, mode: 'refund' }])
      },
    }
  }

  /** Sends one text: limits first, then the provider; every outcome is logged. */
  async function sendNow (merchantId: number, outboxId: number | null, event: SmsEvent, phone: string, vars: Record<string, string>): Promise<void> {
    const s = await stored(merchantId)
    const template = event === 'test' ? (s.templates.order_submitted_customer ?? { template_id: 'test', params: {} }) : s.templates[event] ?? { template_id: DEFAULT_TEXT[event], params: {} }
    const provider = providerFor(s, merchantId)
    // Order texts carry their order number (orderVars): the order's timeline lists them. The
    // test text's order number is made up.
    const orderNo = event === 'test' ? null : vars.order_no ?? null
    // Providers ban senders that text one number too often: stop before they would. A text
    // stopped here is not retried; it stays in the log as dropped, with the limit it hit.
    const limits = phoneLimits(merchantId, phone, template.template_id, s.limits)
    const dropped = await limits.take(clock.now())
    if (dropped) {
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'dropped', error: dropped, outbox_id: outboxId, order_no: orderNo })
      log.info({ merchant_id: merchantId, event, template_id: template.template_id, phone: maskPhone(phone) }, 'sms.dropped')
      return
    }
    const params = Object.fromEntries(Object.entries(template.params).map(([name, variable]) => [name, vars[variable] ?? '']))
    let sent
    try {
      sent = await provider.send({ phone, sign_name: s.sign_name, template_id: template.template_id, params })
    } catch (err) {
      const e = toIntegrationError(err)
      await limits.giveBack()
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'failed', error: e.message, outbox_id: outboxId, order_no: orderNo })
      throw toHandlerError(e)
    }
    // The provider took it: whatever happens to our log now, the text is not sent twice (a
    // failed write here would otherwise have the outbox send it again).
    try {
      await record(merchantId, { phone, event, template_id: template.template_id, provider: provider.name, status: 'sent', provider_message_id: sent.provider_message_id, outbox_id: outboxId, order_no: orderNo })
    } catch (err) {
      log.warn({ merchant_id: merchantId, event, template_id: template.template_id, phone: maskPhone(phone), provider_message_id: sent.provider_message_id, err: { code: (err as { code?: string }).code } }, 'sms.sent_not_logged')
    }
  }

  const smsSend: Handler = async (row) => {
    const p = JSON.parse(row.payload) as { event: SmsEvent; phone: string; vars: Record<string, string> }
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

  /**
   * One round of delivery receipts: recent sent texts, a batch at a time, asked of the provider
   * each merchant has now (texts sent through another provider are not asked and end up unknown).
   * A merchant whose provider fails is reported and asked again next round; its texts are marked
   * asked so the batch moves on to others.
   */
  async function pollReceipts (opts: { batch?: number } = {}): Promise<ReceiptRound> {
    const now = clock.now().getTime()
    const round: ReceiptRound = { asked: 0, delivered: 0, failed: 0, unknown: 0, failures: [] }
    round.unknown = await repo.markReceiptsUnknown(db, now - RECEIPT_WINDOW_MS, 1000)
    const rows = await repo.textsAwaitingReceipt(db, { after: now - RECEIPT_WINDOW_MS, checkedBefore: now - RECEIPT_RECHECK_MS, limit: opts.batch ?? RECEIPT_BATCH })
    const byMerchant = new Map<number, SmsMessageRow[]>()
    for (const r of rows) byMerchant.set(Number(r.merchant_id), [...(byMerchant.get(Number(r.merchant_id)) ?? []), r])
    for (const [merchantId, texts] of byMerchant) {
      try {
        const provider = providerFor(await stored(merchantId), merchantId)
        const mine = texts.filter((r) => r.provider === provider.name)
        await repo.markReceiptsChecked(db, texts.map((r) => Number(r.id)), now)
        if (!provider.receipts || mine.length === 0) continue
        round.asked += mine.length
        const receipts = await provider.receipts(mine.map((r) => ({ provider_message_id: r.provider_message_id!, phone: r.phone, sent_at: Number(r.created_at) })))
        for (const receipt of receipts) {
          if (await repo.applyReceipt(db, merchantId, provider.name, receipt, now) > 0) round[receipt.state]++
        }
      } catch (err) {
        round.failures.push({ merchant_id: merchantId, error: toIntegrationError(err).message })
      }
    }
    return round
  }

  return {
    handlers: { 'sms.send': smsSend, 'sms.card_issued': cardIssued } as Record<string, Handler>,

    pollReceipts,

    /** Effects for an order event: the texts its switches ask for, queued with the event's completion. */
    async orderEventEffects (row: OutboxRow): Promise<Effects | undefined> {
      const messages = await eventMessages(row)
      if (messages.length === 0) return undefined
      return async (trx) => enqueue(trx, messages.map((m, i) => ({
        merchant_id: row.merchant_id, topic: 'sms.send' as const, idempotency_key: `sms:${row.id}:${m.event}:${i}`, payload: m,
      })), clock.now())
    },

    /** The guessing alert (security.guessing) as texts to the admin phones, unless switched off. */
    async securityAlertEffects (row: OutboxRow): Promise<Effects | undefined> {
      const s = await stored(row.merchant_id)
      if (s.switches.security_alert === false || s.admin_phones.length === 0) return undefined
      const p = JSON.parse(row.payload) as { failures: number }
      return async (trx) => enqueue(trx, s.admin_phones.map((phone, i) => ({
        merchant_id: row.merchant_id, topic: 'sms.send' as const, idempotency_key: `sms:${row.id}:security_alert:${i}`,
        payload: { event: 'security_alert', phone, vars: { failures: String(p.failures) } },
      })), clock.now())
    },

    /**
     * The reminder of a voucher ending soon (voucher.expiring) as a text to the phone it is bound
     * to, when switched on: the event is written once per voucher, so is its text.
     */
    async voucherExpiringEffects (row: OutboxRow): Promise<Effects | undefined> {
      const s = await stored(row.merchant_id)
      if (!s.switches.voucher_expiring) return undefined
      const p = JSON.parse(row.payload) as { card_no: string; balance: number; valid_to: string; days_left: number }
      const [card] = await db('cards').where({ merchant_id: row.merchant_id, card_no: p.card_no }).select('phone')
      if (!card?.phone) return undefined
      const vars = { card_no: p.card_no, balance: (p.balance / 100).toFixed(2), valid_to: p.valid_to, days_left: String(p.days_left) }
      return async (trx) => enqueue(trx, [{
        merchant_id: row.merchant_id, topic: 'sms.send' as const, idempotency_key: `sms:${row.id}:voucher_expiring`,
        payload: { event: 'voucher_expiring', phone: card.phone as string, vars },
      }], clock.now())
    },

    /** How many days before its last day a voucher is reminded of (the merchant's setting). */
    async voucherExpiringDays (merchantId: number): Promise<number> {
      return (await stored(merchantId)).voucher_expiring_days ?? DEFAULT_NOTIFICATIONS.voucher_expiring_days!
    },

    async get (merchantId: number) { return view(await stored(merchantId), merchantId) },

    /** `granter`: the permissions of the admin saving; the password in texts is a way to the password. */
    /** The stored section as a PUT body: the secrets omitted (a PUT without them keeps them). */
    async body (merchantId: number): Promise<NotificationsBody> {
      const s = await stored(merchantId)
      return {
        ...s,
        aliyun: s.aliyun ? { access_key_id: s.aliyun.access_key_id, endpoint: s.aliyun.endpoint } : null,
        tencent: s.tencent ? { secret_id: s.tencent.secret_id, sdk_app_id: s.tencent.sdk_app_id, region: s.tencent.region, endpoint: s.tencent.endpoint } : null,
      }
    },

    async put (merchantId: number, body: NotificationsBody, actor: Actor, granter: Permission[]) {
      const old = await stored(merchantId)
      // With the password in card-issued texts, whoever picks the provider, its account or the
      // template reads the passwords (in that provider's console): that needs cards.export_secrets.
      if (!granter.includes('cards.export_secrets')) {
        if (body.card_issued_include_password && !old.card_issued_include_password) throw errors.passwordInTextsForbidden()
        if ((body.card_issued_include_password || old.card_issued_include_password) && textsRerouted(old, body)) throw errors.rerouteWithPasswordForbidden()
      }
      const next: StoredNotifications = { ...body, aliyun: null, tencent: null }
      if (body.aliyun) {
        // Omitted (the schema refuses ''), the stored secret is kept.
        const enc = section.seal(merchantId, 'aliyun', body.aliyun.access_key_secret, old.aliyun?.secret_enc)
        if (!enc) throw errors.secretMissing('/aliyun/access_key_secret', '请填写 AccessKey Secret')
        next.aliyun = { access_key_id: body.aliyun.access_key_id, secret_enc: enc, endpoint: http.checkEndpoint('aliyun_sms', body.aliyun.endpoint, '/aliyun/endpoint') }
      }
      if (body.tencent) {
        const enc = section.seal(merchantId, 'tencent', body.tencent.secret_key, old.tencent?.secret_enc)
        if (!enc) throw errors.secretMissing('/tencent/secret_key', '请填写 SecretKey')
        next.tencent = { secret_id: body.tencent.secret_id, secret_enc: enc, sdk_app_id: body.tencent.sdk_app_id, region: body.tencent.region ?? null, endpoint: http.checkEndpoint('tencent_sms', body.tencent.endpoint, '/tencent/endpoint') }
      }
      if (next.provider !== 'console' && !next[next.provider]) throw errors.secretMissing(`/${next.provider}`, '请填写所选短信服务商的密钥')
      // Never the credentials in the audit: which provider, which switches.
      await section.save(merchantId, next, actor, { provider: next.provider, switches: next.switches, limits: next.limits })
      return view(next, merchantId)
    },

    /** Queues one test text to a phone. */
    async test (merchantId: number, phone: string) {
      const now = clock.now()
      const idem = `sms-test:${merchantId}:${now.getTime()}:${phone}`
      return { outbox_id: await enqueueOne(db, { merchant_id: merchantId, topic: 'sms.send', idempotency_key: idem, payload: { event: 'test', phone, vars: { order_no: 'TEST', product: '测试商品' } } }, now) }
    },

    async messages (merchantId: number, q: { phone?: string; status?: string; delivery?: DeliveryState | 'pending'; cursor?: string; limit?: number }): Promise<SmsMessageList> {
      const limit = q.limit ?? 50
      const rows = await repo.listSmsMessages(db, merchantId, { phone: q.phone, status: q.status, delivery: q.delivery, before: q.cursor ? Number(q.cursor) : undefined, limit })
      return {
        items: rows.map(toMessage),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
