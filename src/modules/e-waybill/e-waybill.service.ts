// E-waybills (电子面单发货): the sender address, vendor accounts behind courier variants, and
// waybill requests that go through the outbox. The order number is the vendor's order id, and
// one outbox row per order, so a repeated request never creates a second waybill.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findCourierAccount, setCourierAccount, type CourierRow } from '../couriers/couriers.repository.js'
import { findOrder, setWaybillLabel } from '../orders/orders.repository.js'
import type { OrdersService } from '../orders/orders.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Handler } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { kuaidi100Vendor } from '../../integrations/courier/kuaidi100.js'
import { CourierError, type CourierVendor, type Party } from '../../integrations/courier/port.js'
import { sfVendor } from '../../integrations/courier/sf.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import { accountInvalid, senderIncomplete } from './e-waybill.errors.js'
import type { EWaybillSettings, PutEWaybillSettings, RequestResult, VendorCredentials } from './e-waybill.schemas.js'

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; orders: OrdersService; http: VendorHttp; vendorOverride?: CourierVendor }

const SYSTEM: Actor = { type: 'system', id: null, name: 'e-waybill', ip: null }

export function createEWaybillService ({ db, clock, masterKey, orders, http, vendorOverride }: Deps) {
  // Vendor credentials live on the courier variant, bound to it: `courier:<id>`.
  const key = deriveKey(masterKey, 'courier-credentials')
  const section = createSectionStore<EWaybillSettings>({ db, clock }, { name: 'e_waybill', defaults: { sender: null } })

  async function sender (merchantId: number): Promise<Party | null> {
    const s = (await section.read(merchantId)).sender
    return s && s.name && s.phone && s.province && s.city && s.district && s.address ? s : null
  }

  function vendorOf (account: CourierRow): CourierVendor {
    if (vendorOverride) return vendorOverride
    if (!account.vendor || !account.credentials_enc) throw accountInvalid()
    const c = JSON.parse(decrypt(key, account.credentials_enc, `courier:${account.id}`).toString('utf8'))
    if (account.vendor === 'sf') return sfVendor({ partner_id: c.partner_id, check_word: c.check_word, endpoint: account.endpoint }, http, () => clock.now())
    return kuaidi100Vendor({ key: c.key, secret: c.secret, kuaidicom: c.kuaidicom, partner_id: c.partner_id, endpoint: account.endpoint }, http, () => clock.now())
  }

  async function account (merchantId: number, id: number): Promise<CourierRow> {
    const row = await findCourierAccount(db, merchantId, id)
    if (!row || !row.vendor) throw accountInvalid()
    return row
  }

  const request: Handler = async (row) => {
    const p = JSON.parse(row.payload) as { order_no: string; account_id: number }
    const order = await findOrder(db, row.merchant_id, p.order_no)
    if (!order || order.status !== 'pending') return { response_excerpt: 'order no longer pending' }
    const acc = await account(row.merchant_id, p.account_id)
    const from = await sender(row.merchant_id)
    if (!from) throw new HandlerError('sender incomplete', false)
    let waybill
    try {
      waybill = await vendorOf(acc).createWaybill({
        order_no: order.order_no, sender: from, cargo: order.product_name, monthly_account: acc.monthly_account, product_type: acc.product_type,
        receiver: { name: order.consignee_name!, phone: order.consignee_phone!, province: order.province!, city: order.city!, district: order.district!, address: order.address! },
      })
    } catch (err) {
      const e = err instanceof CourierError ? err : new CourierError((err as Error).message, true)
      throw new HandlerError(e.message, e.retryable, { error: e.message })
    }
    await orders.ship(row.merchant_id, order.order_no, { courier_code: acc.code, waybill_no: waybill.waybill_no }, SYSTEM)
    await setWaybillLabel(db, order.id, waybill.label)
    return { response_excerpt: waybill.waybill_no }
  }

  return {
    handlers: { 'ewaybill.request': request } as Record<string, Handler>,

    async getSettings (merchantId: number): Promise<EWaybillSettings> {
      return { sender: (await section.read(merchantId)).sender }
    },

    async putSettings (merchantId: number, body: PutEWaybillSettings, actor: Actor): Promise<PutEWaybillSettings> {
      // No audit summary: the sender's phone and address stay out of the audit log.
      await section.save(merchantId, body, actor)
      return body
    },

    /** Stores a vendor account (credentials encrypted) on a courier variant. */
    async setAccount (merchantId: number, courierId: number, creds: VendorCredentials, actor: Actor) {
      const row = await findCourierAccount(db, merchantId, courierId)
      if (!row) throw accountInvalid()
      const { vendor, endpoint: raw, ...secret } = creds
      const endpoint = http.checkEndpoint(vendor, raw, '/endpoint')
      await setCourierAccount(db, courierId, { vendor, endpoint, credentials_enc: encrypt(key, JSON.stringify(secret), `courier:${courierId}`) })
      await insertAudit(db, merchantId, actor, { action: 'couriers.set_account', target_type: 'courier', target_id: row.code, summary: { vendor } }, clock.now())
      return { id: courierId, code: row.code, vendor, has_credentials: true }
    },

    /** Queues a waybill request for each order; sender incomplete → 422 and nobody is called. */
    async request (merchantId: number, orderNos: string[], accountId: number): Promise<RequestResult> {
      if (!await sender(merchantId)) throw senderIncomplete()
      await account(merchantId, accountId)
      const queued: string[] = []
      const refused: Array<{ order_no: string; reason: string }> = []
      for (const orderNo of orderNos) {
        const order = await findOrder(db, merchantId, orderNo)
        if (!order) { refused.push({ order_no: orderNo, reason: 'order_not_found' }); continue }
        if (order.status !== 'pending') { refused.push({ order_no: orderNo, reason: order.status }); continue }
        // One row per order: asking twice queues nothing new.
        const idempotencyKey = `ewaybill:${merchantId}:${orderNo}`
        await enqueue(db, [{ merchant_id: merchantId, topic: 'ewaybill.request', idempotency_key: idempotencyKey, payload: { order_no: orderNo, account_id: accountId } }], clock.now(), { ignoreDuplicates: true })
        queued.push(orderNo)
      }
      return { queued, refused }
    },
  }
}

export type EWaybillService = ReturnType<typeof createEWaybillService>
