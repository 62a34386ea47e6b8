// The ERP connection (Wangdiantong classic): orders are pushed on order.created (and a
// cancellation pushed as a refund), through the outbox with its retries; the result stays on the
// order (erp_status, erp_error). A periodic pull syncs the ERP's shipments back: each record
// ships its order (order.shipped) and is acknowledged; unknown orders or couriers are
// acknowledged as failed with the reason, never dropped.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { validationFailed } from '../../shared/errors.js'
import { errorResponses, Nullable } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Handler, type OutboxRow } from '../outbox/outbox.types.js'
import { ErpError, wdtClassicAdapter, type WdtConfig } from '../../integrations/erp/wdt-classic.js'
import { wdtQjb } from '../../integrations/erp/wdt-qjb.js'
import type { ErpAdapter, ErpTrade } from '../../integrations/erp/port.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import { REASON_CHARS } from '../../shared/outbound.js'
import { courierCodeResolver } from './couriers.js'
import type { Order } from './orders.schemas.js'
import type { OrdersService } from './orders.service.js'

interface Stored { protocol: 'wdt_classic' | 'wdt_qjb'; sid: string; appkey: string; secret_enc: string; shop_no: string; endpoint: string | null }

const SYSTEM: Actor = { type: 'system', id: null, name: 'erp', ip: null }

export function createErpService ({ db, clock, masterKey, orders, http }: { db: Knex; clock: Clock; masterKey: Buffer; orders: OrdersService; http: VendorHttp }) {
  const key = deriveKey(masterKey, 'erp-credentials')
  async function stored (merchantId: number): Promise<Stored | null> {
    const row = await db('settings').where({ merchant_id: merchantId, section: 'erp' }).first('value')
    return row ? JSON.parse(row.value) : null
  }
  function client (merchantId: number, s: Stored): ErpAdapter {
    const secret = decrypt(key, s.secret_enc, `erp:${merchantId}`).toString('utf8')
    if (s.protocol === 'wdt_qjb') {
      // The 旗舰版 appsecret is issued as "secret:salt".
      const [signing, salt = ''] = secret.split(':')
      return wdtQjb({ sid: s.sid, key: s.appkey, secret: signing, salt, shop_no: s.shop_no, endpoint: s.endpoint }, http, () => clock.now())
    }
    const cfg: WdtConfig = { sid: s.sid, appkey: s.appkey, appsecret: secret, shop_no: s.shop_no, endpoint: s.endpoint }
    return wdtClassicAdapter(cfg, http, () => clock.now())
  }

  function trade (o: Order, refund: boolean): ErpTrade {
    return {
      tid: o.order_no, refund, created_at: new Date(o.created_at).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }), consignee: o.consignee, remark: o.remark,
      item: { oid: `${o.order_no}-1`, goods_id: String(o.product.product_id), goods_no: o.product.goods_no ?? '', spec_no: o.product.spec_no ?? '', goods_name: o.product.name },
    }
  }

  const push: Handler = async (row) => {
    const s = await stored(row.merchant_id)
    const p = JSON.parse(row.payload) as { order: Order; refund: boolean }
    if (!s) return { response_excerpt: 'no ERP configured' }
    const setStatus = (status: string, error: string | null) => db('orders').where({ merchant_id: row.merchant_id, order_no: p.order.order_no }).update({ erp_status: status, erp_error: error })
    try {
      await client(row.merchant_id, s).pushTrade(trade(p.order, p.refund))
    } catch (err) {
      const e = err instanceof ErpError ? err : new ErpError((err as Error).message, true)
      await setStatus(e.retryable ? 'retrying' : 'failed', e.message.slice(0, REASON_CHARS))
      throw new HandlerError(e.message, e.retryable, { error: e.message })
    }
    await setStatus(p.refund ? 'refunded' : 'pushed', null)
    return {}
  }

  return {
    handlers: { 'erp.push': push } as Record<string, Handler>,

    /** Effects for order.created / order.cancelled: an erp.push row when an ERP is configured. */
    async orderEventEffects (row: OutboxRow): Promise<((trx: Knex.Transaction) => Promise<void>) | undefined> {
      if (row.topic !== 'order.created' && row.topic !== 'order.cancelled') return undefined
      if (!await stored(row.merchant_id)) return undefined
      const { order } = JSON.parse(row.payload) as { order: Order }
      const refund = row.topic === 'order.cancelled'
      return async (trx) => {
        await trx('orders').where({ merchant_id: row.merchant_id, order_no: order.order_no }).update({ erp_status: 'pending' })
        await enqueue(trx, [{ merchant_id: row.merchant_id, topic: 'erp.push', idempotency_key: `erp:${order.order_no}:${refund ? 'refund' : 'push'}`, payload: { order, refund } }], clock.now())
      }
    },

    async get (merchantId: number) {
      const s = await stored(merchantId)
      return s ? { protocol: s.protocol, sid: s.sid, appkey: s.appkey, appsecret: `****${decrypt(key, s.secret_enc, `erp:${merchantId}`).toString('utf8').slice(-4)}`, shop_no: s.shop_no, endpoint: s.endpoint } : null
    },

    async put (merchantId: number, body: { protocol: 'wdt_classic' | 'wdt_qjb'; sid: string; appkey: string; appsecret?: string; shop_no: string; endpoint?: string | null }, actor: Actor) {
      const old = await stored(merchantId)
      const enc = body.appsecret ? encrypt(key, body.appsecret, `erp:${merchantId}`) : old?.secret_enc
      if (!enc) throw validationFailed({ details: [{ path: '/appsecret', message: '请填写 appsecret' }] })
      const endpoint = http.checkEndpoint(body.protocol, body.endpoint, '/endpoint')
      const s: Stored = { protocol: body.protocol, sid: body.sid, appkey: body.appkey, secret_enc: enc, shop_no: body.shop_no, endpoint }
      const now = clock.now()
      await db.transaction(async (trx) => {
        await trx('settings').insert({ merchant_id: merchantId, section: 'erp', value: JSON.stringify(s), updated_at: now.getTime() }).onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
        await insertAudit(trx, merchantId, actor, { action: 'settings.erp.update', target_type: 'settings', target_id: 'erp', summary: { protocol: s.protocol, sid: s.sid, shop_no: s.shop_no } }, now)
      })
      return this.get(merchantId)
    },

    /** Pulls shipped records from the ERP until none is left; each is applied and acknowledged. */
    async syncLogistics (merchantId: number): Promise<{ shipped: number; failed: number }> {
      const s = await stored(merchantId)
      if (!s) return { shipped: 0, failed: 0 }
      const erp = client(merchantId, s)
      const courierOf = await courierCodeResolver(db, merchantId)
      let shipped = 0
      let failed = 0
      for (let round = 0; round < 100; round++) {
        const list = await erp.pullShipments()
        if (list.length === 0) break
        const acks: Array<{ id: string; ok: boolean; message: string }> = []
        for (const tr of list) {
          const code = courierOf(tr.courier_code) ?? courierOf(tr.courier_name)
          const order = await db('orders').where({ merchant_id: merchantId, order_no: tr.tid }).first('status', 'waybill_no')
          let message = '成功'
          if (!order) message = '订单不存在'
          else if (!code) message = `未知物流公司 ${tr.courier_name ?? tr.courier_code ?? ''}`
          else if (order.status === 'pending') await orders.ship(merchantId, tr.tid, { courier_code: code, waybill_no: tr.logistics_no }, SYSTEM)
          else if (order.waybill_no !== tr.logistics_no) message = `订单状态为 ${order.status}`
          const ok = message === '成功'
          if (ok) shipped++
          else failed++
          acks.push({ id: tr.id, ok, message })
        }
        await erp.acknowledge(acks)
      }
      return { shipped, failed }
    },
  }
}

export type ErpService = ReturnType<typeof createErpService>

const security = [{ adminBearer: [] }]
const ErpView = Nullable(Type.Object({ protocol: Type.String(), sid: Type.String(), appkey: Type.String(), appsecret: Type.String(), shop_no: Type.String(), endpoint: Nullable(Type.String()) }))

export const erpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/erp', {
    schema: { operationId: 'getErpSettings', tags: ['settings'], security, response: { 200: ErpView, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.erp.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/erp', {
    schema: {
      operationId: 'putErpSettings', tags: ['settings'], security, summary: 'Wangdiantong connection (classic openapi2 or 旗舰版); the appsecret is stored encrypted and shown masked',
      body: Type.Object({
        protocol: Type.Union([Type.Literal('wdt_classic'), Type.Literal('wdt_qjb')], { description: 'wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt")' }), sid: Type.String({ minLength: 1, maxLength: 64 }), appkey: Type.String({ minLength: 1, maxLength: 64 }),
        appsecret: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Omit to keep the stored one' })), shop_no: Type.String({ minLength: 1, maxLength: 64 }),
        endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, description: 'Default production; the sandbox or a local fake' }))),
      }, { additionalProperties: false }),
      response: { 200: ErpView, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.erp.put(sessionOf(req).merchant.id, req.body, actorOf(req)))

  app.post('/api/v1/erp/logistics-sync', {
    schema: { operationId: 'syncErpLogistics', tags: ['orders'], security, summary: 'Pull shipments from the ERP now (it also runs periodically)', response: { 200: Type.Object({ shipped: Type.Integer(), failed: Type.Integer() }), ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.erp.syncLogistics(sessionOf(req).merchant.id))
}
