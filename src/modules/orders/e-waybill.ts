// E-waybills (电子面单发货): the sender address, vendor accounts behind courier variants, and
// waybill requests that go through the outbox. The order number is the vendor's order id, and
// one outbox row per order, so a repeated request never creates a second waybill.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { appError } from '../../shared/errors.js'
import { errorResponses, MobilePhone, Nullable } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Handler } from '../outbox/outbox.types.js'
import { kuaidi100Vendor } from '../../integrations/courier/kuaidi100.js'
import { CourierError, type CourierVendor, type Party } from '../../integrations/courier/port.js'
import { sfVendor } from '../../integrations/courier/sf.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import type { OrdersService } from './orders.service.js'

export const senderIncomplete = appError('sender_incomplete', 422, '请先在全局设置中填写完整的电子面单寄件人信息（姓名、电话、省、市、区、地址）')
export const accountInvalid = appError('courier_account_invalid', 422, '该物流配置没有电子面单账号')

const SenderSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }), phone: Type.String({ minLength: 5, maxLength: 20 }), province: Type.String({ minLength: 1, maxLength: 50 }),
  city: Type.String({ minLength: 1, maxLength: 50 }), district: Type.String({ minLength: 1, maxLength: 50 }), address: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false })

export const VendorCredentialsSchema = Type.Union([
  Type.Object({ vendor: Type.Literal('sf'), partner_id: Type.String({ minLength: 1, maxLength: 64, description: '顾客编码' }), check_word: Type.String({ minLength: 1, maxLength: 128 }), endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))) }, { additionalProperties: false }),
  Type.Object({ vendor: Type.Literal('kuaidi100'), key: Type.String({ minLength: 1, maxLength: 64 }), secret: Type.String({ minLength: 1, maxLength: 128 }), kuaidicom: Type.String({ minLength: 1, maxLength: 32 }), partner_id: Type.Optional(Nullable(Type.String({ maxLength: 64 }))), endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200 }))) }, { additionalProperties: false }),
])

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; orders: OrdersService; http: VendorHttp; vendorOverride?: CourierVendor }

export function createEWaybillService ({ db, clock, masterKey, orders, http, vendorOverride }: Deps) {
  const key = deriveKey(masterKey, 'courier-credentials')

  async function sender (merchantId: number): Promise<Party | null> {
    const row = await db('settings').where({ merchant_id: merchantId, section: 'e_waybill' }).first('value')
    const s = row ? JSON.parse(row.value).sender as Party : null
    return s && s.name && s.phone && s.province && s.city && s.district && s.address ? s : null
  }

  function vendorOf (account: { id: number; vendor: string | null; credentials_enc: string | null; endpoint: string | null }): CourierVendor {
    if (vendorOverride) return vendorOverride
    if (!account.vendor || !account.credentials_enc) throw accountInvalid()
    const c = JSON.parse(decrypt(key, account.credentials_enc, `courier:${account.id}`).toString('utf8'))
    if (account.vendor === 'sf') return sfVendor({ partner_id: c.partner_id, check_word: c.check_word, endpoint: account.endpoint }, http, () => clock.now())
    return kuaidi100Vendor({ key: c.key, secret: c.secret, kuaidicom: c.kuaidicom, partner_id: c.partner_id, endpoint: account.endpoint }, http, () => clock.now())
  }

  async function account (merchantId: number, id: number) {
    const row = await db('merchant_couriers').where({ merchant_id: merchantId, id }).first()
    if (!row || !row.vendor) throw accountInvalid()
    return row
  }

  const request: Handler = async (row) => {
    const p = JSON.parse(row.payload) as { order_no: string; account_id: number }
    const order = await db('orders').where({ merchant_id: row.merchant_id, order_no: p.order_no }).first()
    if (!order || order.status !== 'pending') return { response_excerpt: 'order no longer pending' }
    const acc = await account(row.merchant_id, p.account_id)
    const from = await sender(row.merchant_id)
    if (!from) throw new HandlerError('sender incomplete', false)
    let waybill
    try {
      waybill = await vendorOf(acc).createWaybill({
        order_no: order.order_no, sender: from, cargo: order.product_name, monthly_account: acc.monthly_account, product_type: acc.product_type,
        receiver: { name: order.consignee_name, phone: order.consignee_phone, province: order.province, city: order.city, district: order.district, address: order.address },
      })
    } catch (err) {
      const e = err instanceof CourierError ? err : new CourierError((err as Error).message, true)
      throw new HandlerError(e.message, e.retryable, { error: e.message })
    }
    await orders.ship(row.merchant_id, order.order_no, { courier_code: acc.code, waybill_no: waybill.waybill_no }, { type: 'system', id: null, name: 'e-waybill', ip: null })
    await db('orders').where({ id: order.id }).update({ waybill_label: waybill.label })
    return { response_excerpt: waybill.waybill_no }
  }

  return {
    handlers: { 'ewaybill.request': request } as Record<string, Handler>,

    async getSettings (merchantId: number) {
      const row = await db('settings').where({ merchant_id: merchantId, section: 'e_waybill' }).first('value')
      return { sender: row ? JSON.parse(row.value).sender : null }
    },

    async putSettings (merchantId: number, body: { sender: Party }, actor: Actor) {
      const now = clock.now()
      await db.transaction(async (trx) => {
        await trx('settings').insert({ merchant_id: merchantId, section: 'e_waybill', value: JSON.stringify(body), updated_at: now.getTime() }).onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
        await insertAudit(trx, merchantId, actor, { action: 'settings.e_waybill.update', target_type: 'settings', target_id: 'e_waybill' }, now)
      })
      return body
    },

    /** Stores a vendor account (credentials encrypted) on a courier variant. */
    async setAccount (merchantId: number, courierId: number, creds: { vendor: 'sf' | 'kuaidi100'; endpoint?: string | null } & Record<string, unknown>, actor: Actor) {
      const row = await db('merchant_couriers').where({ merchant_id: merchantId, id: courierId }).first()
      if (!row) throw accountInvalid()
      const { vendor, endpoint: raw, ...secret } = creds
      const endpoint = http.checkEndpoint(vendor, raw, '/endpoint')
      await db('merchant_couriers').where({ id: courierId }).update({ vendor, endpoint, credentials_enc: encrypt(key, JSON.stringify(secret), `courier:${courierId}`) })
      await insertAudit(db, merchantId, actor, { action: 'couriers.set_account', target_type: 'courier', target_id: row.code, summary: { vendor } }, clock.now())
      return { id: courierId, code: row.code as string, vendor, has_credentials: true }
    },

    /** Queues a waybill request for each order; sender incomplete → 422 and nobody is called. */
    async request (merchantId: number, orderNos: string[], accountId: number) {
      if (!await sender(merchantId)) throw senderIncomplete()
      await account(merchantId, accountId)
      const queued: string[] = []
      const refused: Array<{ order_no: string; reason: string }> = []
      for (const orderNo of orderNos) {
        const order = await db('orders').where({ merchant_id: merchantId, order_no: orderNo }).first('status')
        if (!order) { refused.push({ order_no: orderNo, reason: 'order_not_found' }); continue }
        if (order.status !== 'pending') { refused.push({ order_no: orderNo, reason: order.status }); continue }
        // One row per order: asking twice queues nothing new.
        const key2 = `ewaybill:${merchantId}:${orderNo}`
        await enqueue(db, [{ merchant_id: merchantId, topic: 'ewaybill.request', idempotency_key: key2, payload: { order_no: orderNo, account_id: accountId } }], clock.now(), { ignoreDuplicates: true })
        queued.push(orderNo)
      }
      return { queued, refused }
    },
  }
}

export type EWaybillService = ReturnType<typeof createEWaybillService>

const security = [{ adminBearer: [] }]

export const eWaybillRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/e-waybill', {
    schema: { operationId: 'getEWaybillSettings', tags: ['settings'], security, response: { 200: Type.Object({ sender: Nullable(SenderSchema) }), ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.eWaybill.getSettings(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/e-waybill', {
    schema: { operationId: 'putEWaybillSettings', tags: ['settings'], security, summary: 'The e-waybill sender (寄件人): every field required', body: Type.Object({ sender: SenderSchema }, { additionalProperties: false }), response: { 200: Type.Object({ sender: SenderSchema }), ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.putSettings(sessionOf(req).merchant.id, req.body, actorOf(req)))

  app.put('/api/v1/couriers/:id/account', {
    schema: {
      operationId: 'setCourierAccount', tags: ['orders'], security, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: VendorCredentialsSchema,
      summary: 'The e-waybill vendor account of a courier variant (SF open platform or Kuaidi100); credentials are stored encrypted and never returned',
      response: { 200: Type.Object({ id: Type.Integer(), code: Type.String(), vendor: Type.String(), has_credentials: Type.Boolean() }), ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.setAccount(sessionOf(req).merchant.id, req.params.id, req.body as never, actorOf(req)))

  const Result = Type.Object({ queued: Type.Array(Type.String()), refused: Type.Array(Type.Object({ order_no: Type.String(), reason: Type.String() })) })
  app.post('/api/v1/orders/:order_no/e-waybill', {
    schema: { operationId: 'requestEWaybill', tags: ['orders'], security, params: Type.Object({ order_no: Type.String({ maxLength: 32 }) }), body: Type.Object({ courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), summary: 'Request an e-waybill; the order ships when the courier answers', response: { 202: Result, ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const r = await app.services.eWaybill.request(sessionOf(req).merchant.id, [req.params.order_no], req.body.courier_account_id)
    app.services.worker.kick()
    reply.code(202)
    return r
  })

  app.post('/api/v1/orders/e-waybill', {
    schema: { operationId: 'requestEWaybills', tags: ['orders'], security, body: Type.Object({ order_nos: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 500 }), courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 202: Result, ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const r = await app.services.eWaybill.request(sessionOf(req).merchant.id, req.body.order_nos, req.body.courier_account_id)
    app.services.worker.kick()
    reply.code(202)
    return r
  })
}
