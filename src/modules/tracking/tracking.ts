// Courier tracking pushes (inbound webhooks): Kuaidi100 (sign = MD5(param + salt), upper case)
// and SF route push (no documented signature: a secret URL token per merchant plus an optional
// IP allowlist). Raw payloads are stored once; lines are appended to the order once; a signed-for
// state marks the order delivered and emits order.delivered.
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt, safeEqual } from '../../shared/crypto.js'
import { isUniqueViolation } from '../../shared/db.js'
import { OutboundError, vendorReason, type OutboundResponse } from '../../shared/outbound.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError } from '../outbox/outbox.types.js'
import { signatureInvalid } from '../../shared/errors.js'
import { errorResponses, Nullable } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { inCidr } from '../../shared/ip.js'
import type { OrdersService } from '../orders/orders.service.js'

const pushUnauthorized = signatureInvalid

interface TrackingSettings { kuaidi100_salt_enc: string | null; kuaidi100_key_enc?: string | null; kuaidi100_poll_endpoint?: string | null; sf_token: string | null; sf_ip_allowlist: string[] }

/** Our courier codes → Kuaidi100's company codes, for subscriptions. */
export const KUAIDI100_COMPANY: Record<string, string> = {
  SF: 'shunfeng', ZTO: 'zhongtong', YTO: 'yuantong', STO: 'shentong', YUNDA: 'yunda', EMS: 'ems', JD: 'jd', JTSD: 'jtexpress',
  DBL: 'debangkuaidi', YZPY: 'youzhengguonei', HTKY: 'huitongkuaidi', ZJS: 'zhaijisong', ANE: 'annengwuliu', KYSY: 'kuayue',
}
export const KUAIDI100_POLL = 'https://poll.kuaidi100.com/poll'
interface Line { time: string; text: string }

const SYSTEM: Actor = { type: 'system', id: null, name: 'courier', ip: null }
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export function createTrackingService ({ db, clock, masterKey, publicBaseUrl, merchants, orders, http }: { db: Knex; clock: Clock; masterKey: Buffer; publicBaseUrl: string; merchants: MerchantsService; orders: OrdersService; http: VendorHttp }) {
  const key = deriveKey(masterKey, 'tracking-secrets')

  async function settingsOf (merchantId: number): Promise<TrackingSettings> {
    const row = await db('settings').where({ merchant_id: merchantId, section: 'tracking' }).first('value')
    return row ? JSON.parse(row.value) : { kuaidi100_salt_enc: null, sf_token: null, sf_ip_allowlist: [] }
  }
  async function save (merchantId: number, s: TrackingSettings, actor: Actor, summary: object): Promise<void> {
    const now = clock.now()
    await db.transaction(async (trx) => {
      await trx('settings').insert({ merchant_id: merchantId, section: 'tracking', value: JSON.stringify(s), updated_at: now.getTime() }).onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
      await insertAudit(trx, merchantId, actor, { action: 'settings.tracking.update', target_type: 'settings', target_id: 'tracking', summary: summary as Record<string, unknown> }, now)
    })
  }
  function view (code: string, merchantId: number, s: TrackingSettings) {
    return {
      kuaidi100_callback_url: `${publicBaseUrl}/hooks/couriers/kuaidi100/${code}`,
      kuaidi100_salt: s.kuaidi100_salt_enc ? `****${decrypt(key, s.kuaidi100_salt_enc, `k100:${merchantId}`).toString('utf8').slice(-4)}` : null,
      sf_callback_url: s.sf_token ? `${publicBaseUrl}/hooks/couriers/sf/${code}/${s.sf_token}` : null,
      sf_ip_allowlist: s.sf_ip_allowlist,
    }
  }

  /** Stores the raw push once; false when this exact push was already received. */
  async function storeOnce (merchantId: number, provider: string, raw: string): Promise<number | null> {
    try {
      const [id] = await db('tracking_pushes').insert({ merchant_id: merchantId, provider, payload_hash: sha256(raw), raw, status: 'received', created_at: clock.now().getTime() })
      return Number(id)
    } catch (err) {
      if (isUniqueViolation(err)) return null
      throw err
    }
  }

  /** Appends the lines to the order of this waybill; marks it delivered when signed for. */
  async function apply (merchantId: number, provider: string, waybill: string, lines: Line[], signed: boolean): Promise<string> {
    const order = await db('orders').where({ merchant_id: merchantId, waybill_no: waybill }).orderBy('id', 'desc').first('id', 'order_no', 'status')
    if (!order) return `unmatched waybill ${waybill}`
    const now = clock.now().getTime()
    for (const l of lines) {
      await db('order_tracking').insert({ merchant_id: merchantId, order_id: order.id, time: l.time.slice(0, 19), text: l.text.slice(0, 500), line_hash: sha256(`${l.time}|${l.text}`), provider, created_at: now })
        .onConflict(['order_id', 'line_hash']).ignore()
    }
    if (signed && order.status === 'shipped') await orders.complete(merchantId, order.order_no, SYSTEM)
    return `order ${order.order_no}: ${lines.length} lines${signed ? ', signed' : ''}`
  }

  return {
    async get (merchantId: number) {
      const m = (await merchants.findById(merchantId))!
      return view(m.code, merchantId, await settingsOf(merchantId))
    },

    async put (merchantId: number, body: { kuaidi100_salt?: string | null; kuaidi100_key?: string | null; kuaidi100_poll_endpoint?: string | null; sf_ip_allowlist?: string[]; rotate_sf_token?: boolean }, actor: Actor) {
      const s = await settingsOf(merchantId)
      if (body.kuaidi100_salt !== undefined) s.kuaidi100_salt_enc = body.kuaidi100_salt ? encrypt(key, body.kuaidi100_salt, `k100:${merchantId}`) : null
      if (body.kuaidi100_key !== undefined) s.kuaidi100_key_enc = body.kuaidi100_key ? encrypt(key, body.kuaidi100_key, `k100key:${merchantId}`) : null
      if (body.kuaidi100_poll_endpoint !== undefined) s.kuaidi100_poll_endpoint = http.checkEndpoint('kuaidi100_poll', body.kuaidi100_poll_endpoint, '/kuaidi100_poll_endpoint')
      if (body.sf_ip_allowlist !== undefined) s.sf_ip_allowlist = body.sf_ip_allowlist
      if (!s.sf_token || body.rotate_sf_token) s.sf_token = randomBytes(24).toString('base64url')
      await save(merchantId, s, actor, { kuaidi100_salt: body.kuaidi100_salt !== undefined, sf_ip_allowlist: s.sf_ip_allowlist, rotated: Boolean(body.rotate_sf_token) })
      return this.get(merchantId)
    },

    /** Kuaidi100: form fields param + sign. 401 when the sign does not verify (nothing stored). */
    async kuaidi100 (code: string, form: URLSearchParams) {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw pushUnauthorized()
      const s = await settingsOf(merchant.id)
      const param = form.get('param') ?? ''
      const sign = form.get('sign') ?? ''
      if (!s.kuaidi100_salt_enc || !param || !safeEqual(kuaidi100PushSign(param, decrypt(key, s.kuaidi100_salt_enc, `k100:${merchant.id}`).toString('utf8')), sign.toUpperCase())) throw pushUnauthorized()
      const id = await storeOnce(merchant.id, 'kuaidi100', param)
      if (id === null) return
      let result: string
      try {
        const p = JSON.parse(param) as { lastResult?: { nu?: string; state?: string; ischeck?: string; data?: Array<{ context: string; time?: string; ftime?: string }> } }
        const last = p.lastResult ?? {}
        const lines = (last.data ?? []).map((d) => ({ time: d.ftime ?? d.time ?? '', text: d.context }))
        // state 3 = signed (签收), 4 = returned and signed; ischeck 1 = the trail is complete and signed.
        result = last.nu ? await apply(merchant.id, 'kuaidi100', last.nu, lines, last.state === '3' || last.ischeck === '1') : 'no waybill'
      } catch (err) {
        result = `invalid: ${(err as Error).message}`
      }
      await db('tracking_pushes').where({ id }).update({ status: result.startsWith('order') ? 'processed' : 'unmatched', result: result.slice(0, 500) })
    },

    /** SF route push: the merchant's URL token (and allowlist) stands in for a signature. */
    async sf (code: string, token: string, ip: string, body: { Body?: { WaybillRoute?: Array<{ mailno?: string; acceptTime?: string; acceptAddress?: string; remark?: string; opCode?: string }> } }, raw: string) {
      const merchant = await merchants.findByCode(code)
      if (!merchant) throw pushUnauthorized()
      const s = await settingsOf(merchant.id)
      if (!s.sf_token || !safeEqual(s.sf_token, token)) throw pushUnauthorized()
      if (s.sf_ip_allowlist.length && !s.sf_ip_allowlist.some((c) => inCidr(ip, c))) throw pushUnauthorized()
      const id = await storeOnce(merchant.id, 'sf', raw)
      if (id === null) return
      const byWaybill = new Map<string, { lines: Line[]; signed: boolean }>()
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
      await db('tracking_pushes').where({ id }).update({ status: results.some((r) => r.startsWith('order')) ? 'processed' : 'unmatched', result: results.join('; ').slice(0, 500) })
    },

    /** On order.shipped: a Kuaidi100 subscription for the waybill, when the merchant has a poll key. */
    async shippedEffects (row: { merchant_id: number; id: number; topic: string; payload: string }): Promise<((trx: Knex.Transaction) => Promise<void>) | undefined> {
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
        company: p.company, number: p.number, key: decrypt(key, s.kuaidi100_key_enc, `k100key:${row.merchant_id}`).toString('utf8'),
        parameters: { callbackurl: `${publicBaseUrl}/hooks/couriers/kuaidi100/${m.code}`, salt: decrypt(key, s.kuaidi100_salt_enc, `k100:${row.merchant_id}`).toString('utf8'), resultv2: '1' },
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

    /** Tracking lines of orders, oldest first. */
    async linesOf (orderIds: number[]): Promise<Map<number, Array<{ time: string; text: string }>>> {
      const out = new Map<number, Array<{ time: string; text: string }>>()
      if (!orderIds.length) return out
      for (const r of await db('order_tracking').whereIn('order_id', orderIds).orderBy([{ column: 'time' }, { column: 'id' }])) {
        out.set(Number(r.order_id), [...(out.get(Number(r.order_id)) ?? []), { time: r.time, text: r.text }])
      }
      return out
    },
  }
}

export type TrackingService = ReturnType<typeof createTrackingService>

const SettingsView = Type.Object({
  kuaidi100_callback_url: Type.String(), kuaidi100_salt: Nullable(Type.String()), sf_callback_url: Nullable(Type.String()), sf_ip_allowlist: Type.Array(Type.String()),
})

export const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/tracking', {
    schema: { operationId: 'getTrackingSettings', tags: ['settings'], security: [{ adminBearer: [] }], response: { 200: SettingsView, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.tracking.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/tracking', {
    schema: {
      operationId: 'putTrackingSettings', tags: ['settings'], security: [{ adminBearer: [] }], summary: 'Courier tracking pushes: the Kuaidi100 salt, the SF URL token and allowlist',
      body: Type.Object({ kuaidi100_salt: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))), kuaidi100_key: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'Kuaidi100 poll key: subscriptions are made when an order ships' }))), kuaidi100_poll_endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))), sf_ip_allowlist: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })), rotate_sf_token: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: SettingsView, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.tracking.put(sessionOf(req).merchant.id, req.body, actorOf(req)))

  await app.register(hookRoutes)
}

// Inbound pushes answer exactly what each courier expects. Encapsulated: the form parser is theirs.
const hookRoutes: FastifyPluginAsyncTypebox = async (hooks) => {
  hooks.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body))

  hooks.post('/hooks/couriers/kuaidi100/:merchant_code', {
    schema: { operationId: 'kuaidi100Push', tags: ['tracking'], params: Type.Object({ merchant_code: Type.String({ maxLength: 32 }) }), summary: 'Kuaidi100 tracking push (form fields param, sign = MD5(param + salt))' },
  }, async (req) => {
    await hooks.services.tracking.kuaidi100(req.params.merchant_code, new URLSearchParams(String(req.body ?? '')))
    return { result: true, returnCode: '200', message: '成功' }
  })

  hooks.post('/hooks/couriers/sf/:merchant_code/:token', {
    schema: { operationId: 'sfRoutePush', tags: ['tracking'], params: Type.Object({ merchant_code: Type.String({ maxLength: 32 }), token: Type.String({ maxLength: 64 }) }), summary: 'SF route push (secret URL token)' },
  }, async (req) => {
    await hooks.services.tracking.sf(req.params.merchant_code, req.params.token, req.ip, (req.body ?? {}) as never, JSON.stringify(req.body ?? {}))
    return { return_code: '0000', return_msg: '成功' }
  })
}
