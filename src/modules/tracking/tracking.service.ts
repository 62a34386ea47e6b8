// Courier tracking pushes (inbound webhooks): Kuaidi100 (sign = MD5(param + salt), upper case)
// and SF route push (no documented signature: a secret URL token per merchant plus an optional
// IP allowlist), JSON or XML. A push is verified, stored raw once, answered, and applied later
// by the outbox (topic tracking.apply, with its retries): a push answered 2xx is never lost, a
// failed application is retried and shows in 集成调用, and a push whose waybill matches no order
// yet is retried for a while before it is recorded as unmatched. Lines are appended to the order
// once; a sign (签收) marks it delivered. Kuaidi100 subscriptions go out when an order ships or its
// waybill changes; SF orders whose pushes stop are asked about (EXP_RECE_SEARCH_ROUTES).
import { createHash, randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { safeEqual } from '../../shared/crypto.js'
import { isDatabaseUnavailable, isDeadlock, onOneInstance } from '../../shared/db.js'
import { inCidr } from '../../shared/ip.js'
import type { Actor } from '../audit/audit.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { findOrder, findOrderByWaybill } from '../orders/orders.repository.js'
import type { OrdersService } from '../orders/orders.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Effects, type HandlerResult, type OutboxRow } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import { KUAIDI100_COMPANY, kuaidi100Subscribe } from '../../integrations/courier/kuaidi100-poll.js'
import { sfSearchRoutes } from '../../integrations/courier/sf-routes.js'
import { toHandlerError } from '../../integrations/errors.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import * as errors from './tracking.errors.js'
import * as repo from './tracking.repository.js'
import { KUAIDI100_ABORT_STALE, groupSfRoutes, parseKuaidi100, parseSfPush, type WaybillNews } from './tracking.parse.js'
import {
  DEFAULT_TRACKING, type TrackingSettings, type TrackingSettingsBody, type TrackingSettingsView,
} from './tracking.schemas.js'

export { KUAIDI100_COMPANY, KUAIDI100_POLL } from '../../integrations/courier/kuaidi100-poll.js'

const SYSTEM: Actor = { type: 'system', id: null, name: 'courier', ip: null }
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** A push whose waybill matches no order is retried this long (the order may be shipped just after). */
export const UNMATCHED_RETRY_MS = 6 * 3_600_000
/** Kuaidi100 asks for half an hour between a stop (abort) and a new subscription (501 otherwise). */
export const RESUBSCRIBE_AFTER_MS = 30 * 60_000
/** The SF route sweep: orders without news for this long are asked about, this many per run. */
export const SWEEP_STALE_MS = 12 * 3_600_000
/** Orders shipped longer ago than this are not asked about any more (30 days). */
const SWEEP_MAX_AGE_MS = 30 * 86_400_000
export const SWEEP_LIMIT = 50

export interface SfRouteAccounts { sfRouteAccount (merchantId: number, courierId: number): Promise<{ partner_id: string; check_word: string; endpoint: string | null } | null> }

export interface TrackingDeps {
  db: Knex; clock: Clock; masterKey: Buffer; publicBaseUrl: string; merchants: MerchantsService; orders: OrdersService; http: VendorHttp
  /** The SF accounts behind courier variants (the e-waybill module owns their credentials). */
  accounts?: SfRouteAccounts
  log?: { info: (o: object, m: string) => void; error: (o: object, m: string) => void }
}

export function createTrackingService ({ db, clock, masterKey, publicBaseUrl, merchants, orders, http, accounts, log }: TrackingDeps) {
  // Secrets sealed under 'tracking-secrets', bound to `k100:<merchant>` (salt) / `k100key:<merchant>` (poll key).
  const section = createSectionStore<TrackingSettings>({ db, clock, masterKey }, { name: 'tracking', defaults: DEFAULT_TRACKING, keyPurpose: 'tracking-secrets' })
  const settingsOf = (merchantId: number) => section.read(merchantId)

  function view (code: string, merchantId: number, s: TrackingSettings): TrackingSettingsView {
    return {
      kuaidi100_callback_url: `${publicBaseUrl}/hooks/couriers/kuaidi100/${code}`,
      kuaidi100_salt: section.mask(merchantId, 'k100', s.kuaidi100_salt_enc),
      kuaidi100_key: section.mask(merchantId, 'k100key', s.kuaidi100_key_enc),
      kuaidi100_poll_endpoint: s.kuaidi100_poll_endpoint ?? null,
      sf_callback_url: s.sf_token ? `${publicBaseUrl}/hooks/couriers/sf/${code}/${s.sf_token}` : null,
      sf_ip_allowlist: s.sf_ip_allowlist,
    }
  }

  /**
   * Stores the raw push once and queues its application, in one transaction: a push that is
   * stored is always applied. 'duplicate' when this exact push was stored before (its
   * application is queued or done already: answering OK loses nothing and changes nothing).
   */
  async function receive (merchantId: number, provider: 'kuaidi100' | 'sf', raw: string): Promise<'queued' | 'duplicate'> {
    const now = clock.now()
    return db.transaction(async (trx) => {
      const id = await repo.insertPushOnce(trx, { merchant_id: merchantId, provider, payload_hash: sha256(raw), raw, created_at: now.getTime() })
      if (id === null) return 'duplicate' as const
      await enqueue(trx, [{ merchant_id: merchantId, topic: 'tracking.apply', idempotency_key: `tracking.apply:${id}`, payload: { push_id: id, provider } }], now)
      return 'queued' as const
    })
  }

  /** Appends the lines to the order of this waybill; marks it delivered when signed for. */
  async function apply (merchantId: number, provider: string, news: WaybillNews): Promise<{ order_no: string; status: string } | null> {
    const order = await findOrderByWaybill(db, merchantId, news.waybill)
    if (!order) return null
    const now = clock.now().getTime()
    for (const l of news.lines) {
      await repo.appendTrackingLine(db, { merchant_id: merchantId, order_id: order.id, time: l.time.slice(0, 19), text: l.text.slice(0, 500), line_hash: sha256(`${l.time}|${l.text}`), provider, created_at: now })
    }
    await repo.touchNews(db, merchantId, order.id, now)
    let status: string = order.status
    if (news.signed && order.status === 'shipped') status = (await orders.complete(merchantId, order.order_no, SYSTEM)).status
    return { order_no: order.order_no, status }
  }

  /** The subscription of a waybill at Kuaidi100, queued (once per waybill, or once more with `again`). */
  function subscription (merchantId: number, p: { company: string; number: string; order_no: string }, at: Date, again = false): Effects {
    return async (trx) => {
      await enqueue(trx, [{
        merchant_id: merchantId, topic: 'tracking.subscribe', payload: p,
        idempotency_key: `k100sub:${merchantId}:${p.number}${again ? ':again' : ''}`,
      }], at, { ignoreDuplicates: true })
    }
  }

  /**
   * The 'tracking.apply' handler: one stored push, applied; thrown (and retried) when it cannot
   * be yet. An unexpected failure (the database) is retried under a short reason: the statement
   * and its values go to the log, not to 集成调用.
   */
  async function applyPush (row: OutboxRow): Promise<HandlerResult> {
    try {
      return await applyStored(row)
    } catch (err) {
      // Our database away, or a deadlock's victim: the worker tries again soon without using up the schedule.
      if (err instanceof HandlerError || isDatabaseUnavailable(err) || isDeadlock(err)) throw err
      log?.error({ err, outbox_id: row.id }, 'tracking.apply.failed')
      const code = (err as { code?: unknown }).code
      throw new HandlerError(`application failed: ${typeof code === 'string' ? code : 'error'}`, true)
    }
  }

  async function applyStored (row: OutboxRow): Promise<HandlerResult> {
    const { push_id: pushId } = JSON.parse(row.payload) as { push_id: number }
    const push = await repo.findPush(db, pushId)
    // Gone (retention) or applied already (an attempt whose completion was lost): nothing to do again.
    if (!push || push.status !== 'received') return { response_excerpt: push ? `already ${push.status}` : 'push pruned' }
    const now = clock.now()
    let news: WaybillNews[]
    let abort: { waybill: string; company: string | null } | null = null
    if (push.provider === 'kuaidi100') {
      const k = parseKuaidi100(push.raw)
      news = k ? [k] : []
      // status=abort: Kuaidi100 stopped tracking (3天查询无记录: no record yet; 60天无变化: no change for
      // 60 days). Subscribe once more, half an hour later as Kuaidi100 asks, unless the trail is simply stale.
      if (k && k.status === 'abort' && !k.message.includes(KUAIDI100_ABORT_STALE) && !k.signed) abort = { waybill: k.waybill, company: k.company }
    } else {
      const routes = parseSfPush(push.raw)
      news = routes ? groupSfRoutes(routes) : []
    }
    if (news.length === 0) {
      await repo.finishPush(db, push.id, 'invalid', 'no waybill in the push')
      return { response_excerpt: 'invalid: no waybill' }
    }
    const applied: string[] = []
    const unmatched: string[] = []
    let resubscribe: Effects | undefined
    for (const n of news) {
      const r = await apply(push.merchant_id, push.provider, n)
      if (!r) { unmatched.push(n.waybill); continue }
      applied.push(`order ${r.order_no}: ${n.lines.length} lines${n.signed ? ', signed' : ''}`)
      if (abort && abort.waybill === n.waybill && r.status === 'shipped') {
        const order = (await findOrderByWaybill(db, push.merchant_id, n.waybill))!
        const company = abort.company ?? (order.courier_code ? KUAIDI100_COMPANY[order.courier_code.split('_')[0]] : undefined)
        if (company) resubscribe = subscription(push.merchant_id, { company, number: n.waybill, order_no: order.order_no }, new Date(now.getTime() + RESUBSCRIBE_AFTER_MS), true)
      }
    }
    if (unmatched.length && now.getTime() - push.created_at < UNMATCHED_RETRY_MS) {
      // The matched waybills are applied already (again on the retry: lines are kept once).
      throw new HandlerError(`unmatched waybill ${unmatched.join(', ')}`.slice(0, 500), true)
    }
    const result = [...applied, ...unmatched.map((w) => `unmatched waybill ${w}`)].join('; ').slice(0, 500)
    await repo.finishPush(db, push.id, applied.length ? 'processed' : 'unmatched', result)
    return { response_excerpt: result, effects: resubscribe }
  }

  async function get (merchantId: number): Promise<TrackingSettingsView> {
    const m = (await merchants.findById(merchantId))!
    return view(m.code, merchantId, await settingsOf(merchantId))
  }

  return {
    get,

    async put (merchantId: number, body: TrackingSettingsBody, actor: Actor) {
      const s = await settingsOf(merchantId)
      if (body.kuaidi100_salt !== undefined) s.kuaidi100_salt_enc = section.seal(merchantId, 'k100', body.kuaidi100_salt, s.kuaidi100_salt_enc)
      if (body.kuaidi100_key !== undefined) s.kuaidi100_key_enc = section.seal(merchantId, 'k100key', body.kuaidi100_key, s.kuaidi100_key_enc)
      if (body.kuaidi100_poll_endpoint !== undefined) s.kuaidi100_poll_endpoint = http.checkEndpoint('kuaidi100_poll', body.kuaidi100_poll_endpoint, '/kuaidi100_poll_endpoint')
      if (body.sf_ip_allowlist !== undefined) s.sf_ip_allowlist = body.sf_ip_allowlist
      if (!s.sf_token || body.rotate_sf_token) s.sf_token = randomBytes(24).toString('base64url')
      await section.save(merchantId, s, actor, { kuaidi100_salt: body.kuaidi100_salt !== undefined, kuaidi100_key: body.kuaidi100_key !== undefined, sf_ip_allowlist: s.sf_ip_allowlist, rotated: Boolean(body.rotate_sf_token) })
      return get(merchantId)
    },

    /**
     * Kuaidi100: form fields param + sign. 401 when the sign does not verify (nothing stored);
     * otherwise stored and queued (or a duplicate of one stored), then answered.
     */
    async kuaidi100 (code: string, form: URLSearchParams): Promise<'queued' | 'duplicate'> {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw errors.pushUnauthorized()
      const s = await settingsOf(merchant.id)
      const param = form.get('param') ?? ''
      const sign = form.get('sign') ?? ''
      if (!s.kuaidi100_salt_enc || !param || !safeEqual(kuaidi100PushSign(param, section.open(merchant.id, 'k100', s.kuaidi100_salt_enc)), sign.toUpperCase())) throw errors.pushUnauthorized()
      return receive(merchant.id, 'kuaidi100', param)
    },

    /**
     * SF route push: the merchant's URL token (and allowlist) stands in for a signature. `raw`
     * is the JSON body or the XML text; a push that cannot be read is refused (pushRefused) and
     * nothing stored, so that SF sends it again.
     */
    async sf (code: string, token: string, ip: string, raw: string): Promise<'queued' | 'duplicate'> {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw errors.pushUnauthorized()
      const s = await settingsOf(merchant.id)
      if (!s.sf_token || !safeEqual(s.sf_token, token)) throw errors.pushUnauthorized()
      if (s.sf_ip_allowlist.length && !s.sf_ip_allowlist.some((c) => inCidr(ip, c))) throw errors.pushUnauthorized()
      if (parseSfPush(raw) === null) throw errors.pushUnreadable()
      return receive(merchant.id, 'sf', raw)
    },

    /** On order.shipped and order.waybill_changed: a Kuaidi100 subscription for the (new) waybill, when the merchant has a poll key. */
    async shippedEffects (row: { merchant_id: number; id: number; topic: string; payload: string }): Promise<Effects | undefined> {
      if (row.topic !== 'order.shipped' && row.topic !== 'order.waybill_changed') return undefined
      const s = await settingsOf(row.merchant_id)
      const order = (JSON.parse(row.payload) as { order: { order_no: string; courier_code: string | null; waybill_no: string | null } }).order
      const company = order.courier_code ? KUAIDI100_COMPANY[order.courier_code.split('_')[0]] : undefined
      if (!s.kuaidi100_key_enc || !s.kuaidi100_salt_enc || !company || !order.waybill_no) return undefined
      return subscription(row.merchant_id, { company, number: order.waybill_no, order_no: order.order_no }, clock.now())
    },

    /** The 'tracking.subscribe' handler: POST poll with the callback URL, the salt and the consignee's phone. */
    async subscribe (row: { merchant_id: number; payload: string }): Promise<HandlerResult> {
      const s = await settingsOf(row.merchant_id)
      const m = (await merchants.findById(row.merchant_id))!
      if (!s.kuaidi100_key_enc || !s.kuaidi100_salt_enc) return { response_excerpt: 'no poll key' }
      const p = JSON.parse(row.payload) as { company: string; number: string; order_no?: string }
      const order = p.order_no ? await findOrder(db, row.merchant_id, p.order_no) : undefined
      // The waybill changed since this was queued: the new one has its own subscription.
      if (order?.waybill_no && order.waybill_no !== p.number) return { response_excerpt: 'waybill changed' }
      try {
        const r = await kuaidi100Subscribe(http, {
          endpoint: s.kuaidi100_poll_endpoint, key: section.open(row.merchant_id, 'k100key', s.kuaidi100_key_enc), salt: section.open(row.merchant_id, 'k100', s.kuaidi100_salt_enc),
          company: p.company, number: p.number, callbackurl: `${publicBaseUrl}/hooks/couriers/kuaidi100/${m.code}`, phone: order?.consignee_phone ?? null,
        })
        return { response_excerpt: r.returnCode }
      } catch (err) {
        throw toHandlerError(err)
      }
    },

    /** The 'tracking.apply' handler. */
    applyPush,

    /**
     * The SF route sweep, one run: SF-shipped orders not delivered with no news for `staleMs`
     * are asked about (EXP_RECE_SEARCH_ROUTES), at most `limit`; what SF answers is stored and
     * applied as a push. One instance at a time; a failing call is logged and the order asked
     * again after another `staleMs`.
     */
    sweepSfRoutes,

    /** Runs the sweep every `everyMs` until the returned stop(); a failing run (the database) is logged and the next one runs. */
    startSweep (everyMs = 30 * 60_000): () => void {
      let running = false
      const timer = setInterval(() => {
        if (running) return
        running = true
        sweepSfRoutes().then((r) => { if (r.asked) log?.info(r, 'tracking.sweep.done') })
          .catch((err) => log?.error({ err }, 'tracking.sweep.failed'))
          .finally(() => { running = false })
      }, everyMs)
      timer.unref()
      return () => clearInterval(timer)
    },
  }

  async function sweepSfRoutes (opts: { staleMs?: number; limit?: number } = {}): Promise<{ ran: boolean; asked: number; failed: number; queued: number }> {
    const report = { ran: false, asked: 0, failed: 0, queued: 0 }
    if (!accounts) return report
    report.ran = await onOneInstance(db, 'tracking-sweep', async () => {
      const now = clock.now().getTime()
      for (const o of await repo.staleSfOrders(db, now - (opts.staleMs ?? SWEEP_STALE_MS), opts.limit ?? SWEEP_LIMIT, now - SWEEP_MAX_AGE_MS)) {
        // Marked first: an order whose query fails waits for the next window, not the next run.
        await repo.markQueried(db, o.merchant_id, o.order_id, now)
        const account = await accounts.sfRouteAccount(o.merchant_id, o.courier_id)
        if (!account || !o.consignee_phone) continue
        report.asked++
        try {
          const routes = await sfSearchRoutes(http, { ...account, waybill: o.waybill_no, phone: o.consignee_phone }, () => clock.now())
          if (routes.length && await receive(o.merchant_id, 'sf', JSON.stringify({ Body: { WaybillRoute: routes } })) === 'queued') report.queued++
        } catch (err) {
          report.failed++
          log?.info({ merchant_id: o.merchant_id, order_no: o.order_no, error: (err as Error).message }, 'tracking.sweep.failed')
        }
      }
    })
    return report
  }
}

export type TrackingService = ReturnType<typeof createTrackingService>
