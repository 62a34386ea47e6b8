// Courier tracking pushes (inbound webhooks): Kuaidi100 (sign = MD5(param + salt), upper case)
// and SF route push (no documented signature: a secret URL token per merchant plus an optional
// IP allowlist). Raw payloads are stored once; lines are appended to the order once; a signed-for
// state marks the order delivered and emits order.delivered.
import { createHash, randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { safeEqual } from '../../shared/crypto.js'
import { inCidr } from '../../shared/ip.js'
import { OutboundError, vendorReason, type OutboundResponse } from '../../shared/outbound.js'
import type { Actor } from '../audit/audit.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { findOrderByWaybill } from '../orders/orders.repository.js'
import type { OrdersService } from '../orders/orders.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Effects } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import * as errors from './tracking.errors.js'
import * as repo from './tracking.repository.js'
import {
  DEFAULT_TRACKING, type Kuaidi100Push, type SfRoutePush, type TrackingLine, type TrackingSettings, type TrackingSettingsBody, type TrackingSettingsView,
} from './tracking.schemas.js'

/** Our courier codes → Kuaidi100's company codes, for subscriptions. */
export const KUAIDI100_COMPANY: Record<string, string> = {
  SF: 'shunfeng', ZTO: 'zhongtong', YTO: 'yuantong', STO: 'shentong', YUNDA: 'yunda', EMS: 'ems', JD: 'jd', JTSD: 'jtexpress',
  DBL: 'debangkuaidi', YZPY: 'youzhengguonei', HTKY: 'huitongkuaidi', ZJS: 'zhaijisong', ANE: 'annengwuliu', KYSY: 'kuayue',
}
export const KUAIDI100_POLL = 'https://poll.kuaidi100.com/poll'

const SYSTEM: Actor = { type: 'system', id: null, name: 'courier', ip: null }
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export function createTrackingService ({ db, clock, masterKey, publicBaseUrl, merchants, orders, http }: { db: Knex; clock: Clock; masterKey: Buffer; publicBaseUrl: string; merchants: MerchantsService; orders: OrdersService; http: VendorHttp }) {
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

  /** Stores the raw push once; null when this exact push was already received. */
  async function storeOnce (merchantId: number, provider: string, raw: string): Promise<number | null> {
    return repo.insertPushOnce(db, { merchant_id: merchantId, provider, payload_hash: sha256(raw), raw, created_at: clock.now().getTime() })
  }

  /** Appends the lines to the order of this waybill; marks it delivered when signed for. */
  async function apply (merchantId: number, provider: string, waybill: string, lines: TrackingLine[], signed: boolean): Promise<string> {
    const order = await findOrderByWaybill(db, merchantId, waybill)
    if (!order) return `unmatched waybill ${waybill}`
    const now = clock.now().getTime()
    for (const l of lines) {
      await repo.appendTrackingLine(db, { merchant_id: merchantId, order_id: order.id, time: l.time.slice(0, 19), text: l.text.slice(0, 500), line_hash: sha256(`${l.time}|${l.text}`), provider, created_at: now })
    }
    if (signed && order.status === 'shipped') await orders.complete(merchantId, order.order_no, SYSTEM)
    return `order ${order.order_no}: ${lines.length} lines${signed ? ', signed' : ''}`
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

    /** Kuaidi100: form fields param + sign. 401 when the sign does not verify (nothing stored). */
    async kuaidi100 (code: string, form: URLSearchParams) {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw errors.pushUnauthorized()
      const s = await settingsOf(merchant.id)
      const param = form.get('param') ?? ''
      const sign = form.get('sign') ?? ''
      if (!s.kuaidi100_salt_enc || !param || !safeEqual(kuaidi100PushSign(param, section.open(merchant.id, 'k100', s.kuaidi100_salt_enc)), sign.toUpperCase())) throw errors.pushUnauthorized()
      const id = await storeOnce(merchant.id, 'kuaidi100', param)
      if (id === null) return
      let result: string
      try {
        const p = JSON.parse(param) as Kuaidi100Push
        const last = p.lastResult ?? {}
        const lines = (last.data ?? []).map((d) => ({ time: d.ftime ?? d.time ?? '', text: d.context }))
        // state 3 = signed (签收), 4 = returned and signed; ischeck 1 = the trail is complete and signed.
        result = last.nu ? await apply(merchant.id, 'kuaidi100', last.nu, lines, last.state === '3' || last.ischeck === '1') : 'no waybill'
      } catch (err) {
        result = `invalid: ${(err as Error).message}`
      }
      await repo.finishPush(db, id, result.startsWith('order') ? 'processed' : 'unmatched', result.slice(0, 500))
    },

    /** SF route push: the merchant's URL token (and allowlist) stands in for a signature. */
    async sf (code: string, token: string, ip: string, body: SfRoutePush, raw: string) {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw errors.pushUnauthorized()
      const s = await settingsOf(merchant.id)
      if (!s.sf_token || !safeEqual(s.sf_token, token)) throw errors.pushUnauthorized()
      if (s.sf_ip_allowlist.length && !s.sf_ip_allowlist.some((c) => inCidr(ip, c))) throw errors.pushUnauthorized()
      const id = await storeOnce(merchant.id, 'sf', raw)
      if (id === null) return
      const byWaybill = new Map<string, { lines: TrackingLine[]; signed: boolean }>()
      for (const r of body.Body?.WaybillRoute ?? []) {
        if (!r.mailno) continue
        const entry = byWaybill.get(r.mailno) ?? { lines: [], signed: false }
        entry.lines.push({ time: r.acceptTime ?? '', text: [r.acceptAddress, r.remark].filter(Boolean).join(' ') })
        // opCode 80 = 签收
        if (r.opCode === '80') entry.signed = true
        byWaybill.set(r.mailno, entry)
      }
      const results: string[] = []
      for (const [waybill, e] of byWaybill) results.push(await apply(merchant.id, 'sf', waybill, e.lines, e.signed))
      await repo.finishPush(db, id, results.some((r) => r.startsWith('order')) ? 'processed' : 'unmatched', results.join('; ').slice(0, 500))
    },

    /** On order.shipped: a Kuaidi100 subscription for the waybill, when the merchant has a poll key. */
    async shippedEffects (row: { merchant_id: number; id: number; topic: string; payload: string }): Promise<Effects | undefined> {
      if (row.topic !== 'order.shipped') return undefined
      const s = await settingsOf(row.merchant_id)
      const order = (JSON.parse(row.payload) as { order: { order_no: string; courier_code: string | null; waybill_no: string | null } }).order
      const company = order.courier_code ? KUAIDI100_COMPANY[order.courier_code.split('_')[0]] : undefined
      if (!s.kuaidi100_key_enc || !s.kuaidi100_salt_enc || !company || !order.waybill_no) return undefined
      return async (trx) => {
        await enqueue(trx, [{
          merchant_id: row.merchant_id, topic: 'tracking.subscribe', payload: { company, number: order.waybill_no, order_no: order.order_no },
          idempotency_key: `k100sub:${row.merchant_id}:${order.waybill_no}`,
        }], clock.now(), { ignoreDuplicates: true })
      }
    },

    /** The 'tracking.subscribe' handler: POST poll with the callback URL and the salt. */
    async subscribe (row: { merchant_id: number; payload: string }): Promise<void> {
      const s = await settingsOf(row.merchant_id)
      const m = (await merchants.findById(row.merchant_id))!
      if (!s.kuaidi100_key_enc || !s.kuaidi100_salt_enc) return
      const p = JSON.parse(row.payload) as { company: string; number: string }
      const param = JSON.stringify({
        company: p.company, number: p.number, key: section.open(row.merchant_id, 'k100key', s.kuaidi100_key_enc),
        parameters: { callbackurl: `${publicBaseUrl}/hooks/couriers/kuaidi100/${m.code}`, salt: section.open(row.merchant_id, 'k100', s.kuaidi100_salt_enc), resultv2: '1' },
      })
      let res: OutboundResponse
      try {
        res = await http.request('kuaidi100_poll', s.kuaidi100_poll_endpoint || KUAIDI100_POLL, { method: 'POST', form: { schema: 'json', param } })
      } catch (err) {
        if (err instanceof OutboundError) throw new HandlerError(err.message, !err.final)
        throw new HandlerError('network: ERR_NETWORK', true)
      }
      if (res.status >= 500) throw new HandlerError(`HTTP ${res.status}`, true)
      let json: { result?: boolean; returnCode?: string; message?: string }
      // JSON.parse's message quotes the answer: only say that it was not JSON (retried, as before).
      try { json = JSON.parse(res.body) } catch { throw new HandlerError(`HTTP ${res.status}: not JSON`, true) }
      // 501 = already subscribed: fine.
      if (!json.result && json.returnCode !== '501') {
        const reason = vendorReason(json.returnCode, json.message)
        throw new HandlerError(reason, json.returnCode === '500', { error: reason })
      }
    },
  }
}

export type TrackingService = ReturnType<typeof createTrackingService>
