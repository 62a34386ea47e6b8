// E-waybills (电子面单发货): the sender address, vendor accounts behind courier variants, and
// waybill requests that go through the outbox. The order number is the vendor's order id, and
// one outbox row per order, so a repeated request never creates a second waybill.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { validationFailed } from '../../shared/errors.js'
import { isDatabaseUnavailable, isDeadlock } from '../../shared/db.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findCourierAccount, setCourierAccount, type CourierRow } from '../couriers/couriers.repository.js'
import { eWaybillIssuedOf, findOrder, insertOrderEvent, releaseEWaybill, setEWaybillFailure, setEWaybillIssued, setWaybillLabel, type OrderRow } from '../orders/orders.repository.js'
import { orderNotFound, orderStateInvalid } from '../orders/orders.errors.js'
import { trackingLines } from '../tracking/tracking.repository.js'
import { RETRY_DELAYS_MS } from '../../workers/outbox-worker.js'
import type { OrdersService } from '../orders/orders.service.js'
import { enqueue, isQueued } from '../outbox/outbox.repository.js'
import { HandlerError, type Handler } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { courierVendor, isCourierVendor } from '../../integrations/courier/registry.js'
import { type CourierLabels, type CourierVendor, type IssuedWaybill, type Party } from '../../integrations/courier/port.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import { courierNotFound } from '../couriers/couriers.errors.js'
import { accountInvalid, cloudPrintUnavailable, courierDisabled, labelUnavailable, noEWaybill, senderIncomplete, waybillCollected } from './e-waybill.errors.js'
import { queueWaybillCancel, type WaybillCancelPayload } from './e-waybill.cancel.js'
import { mergeLabels } from './label-pdf.js'
import { VENDOR_SECRETS, type CourierAccount, type CourierAccountTest, type EWaybillSettings, type PutEWaybillSettings, type RequestResult, type VendorCredentials } from './e-waybill.schemas.js'
import { toHandlerError, toIntegrationError } from '../../integrations/errors.js'

/** A test's vendor: the order calls, and the label calls it fakes. */
export type VendorOverride = CourierVendor & Partial<CourierLabels>

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; orders: OrdersService; http: VendorHttp; vendorOverride?: VendorOverride }

/** At most this many labels in one PDF (the batch route's limit too). */
export const MAX_LABELS = 200

const SYSTEM: Actor = { type: 'system', id: null, name: 'e-waybill', ip: null }

export function createEWaybillService ({ db, clock, masterKey, orders, http, vendorOverride }: Deps) {
  // Vendor credentials live on the courier variant, bound to it: `courier:<id>`.
  const key = deriveKey(masterKey, 'courier-credentials')
  const section = createSectionStore<EWaybillSettings>({ db, clock }, { name: 'e_waybill', defaults: { sender: null } })

  async function sender (merchantId: number): Promise<Party | null> {
    const s = (await section.read(merchantId)).sender
    return s && s.name && s.phone && s.province && s.city && s.district && s.address ? s : null
  }

  const credentialsOf = (account: CourierRow): Record<string, string | null> =>
    account.credentials_enc ? JSON.parse(decrypt(key, account.credentials_enc, `courier:${account.id}`).toString('utf8')) : {}

  function vendorOf (account: CourierRow): VendorOverride {
    if (vendorOverride) return vendorOverride
    if (!account.vendor || !account.credentials_enc) throw accountInvalid()
    const c = credentialsOf(account)
    if (!isCourierVendor(account.vendor)) throw accountInvalid()
    return courierVendor(account.vendor, { credentials: c, endpoint: account.endpoint }, http, () => clock.now())
  }

  async function account (merchantId: number, id: number): Promise<CourierRow> {
    const row = await findCourierAccount(db, merchantId, id)
    if (!row || !row.vendor) throw accountInvalid()
    return row
  }

  /** The account as admins read it: secrets as ****abcd, never in clear. */
  function view (row: CourierRow): CourierAccount {
    const c = credentialsOf(row)
    const secrets: readonly string[] = row.vendor ? VENDOR_SECRETS[row.vendor as keyof typeof VENDOR_SECRETS] ?? [] : []
    const credentials = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v && secrets.includes(k) ? masked(v) : v ?? null]))
    return { id: Number(row.id), code: row.code, vendor: row.vendor, has_credentials: Boolean(row.credentials_enc), endpoint: row.endpoint, credentials }
  }

  async function createWaybill (order: OrderRow, acc: CourierRow, merchantId: number): Promise<string> {
    const from = await sender(merchantId)
    if (!from) throw new HandlerError('寄件人信息不完整，请在全局设置中填写电子面单寄件人', false)
    let waybill
    // Each round is a new vendor order: SF never takes a cancelled order id again (订单取消之后，
    // 订单号也是不能重复利用的), and a refused one answers its refusal again.
    const round = Number(order.e_waybill_round ?? 0)
    const vendorOrderId = round ? `${order.order_no}-${round}` : order.order_no
    try {
      waybill = await vendorOf(acc).createWaybill({
        order_no: vendorOrderId, sender: from, cargo: order.product_name, monthly_account: acc.monthly_account, product_type: acc.product_type,
        receiver: { name: order.consignee_name!, phone: order.consignee_phone!, province: order.province!, city: order.city!, district: order.district!, address: order.address! },
      })
    } catch (err) {
      const e = toIntegrationError(err)
      throw toHandlerError(e)
    }
    await orders.ship(merchantId, order.order_no, { courier_code: acc.code, waybill_no: waybill.waybill_no }, SYSTEM)
    await setWaybillLabel(db, order.id, waybill.label)
    await setEWaybillIssued(db, order.id, { account_id: Number(acc.id), vendor: acc.vendor!, vendor_order_id: vendorOrderId, task_id: waybill.task_id ?? null, courier_order_no: waybill.courier_order_no ?? null })
    return waybill.waybill_no
  }

  const request: Handler = async (row) => {
    const p = JSON.parse(row.payload) as { order_no: string; account_id: number }
    const order = await findOrder(db, row.merchant_id, p.order_no)
    if (!order || order.status !== 'pending') return { response_excerpt: 'order no longer pending' }
    // A request of a closed round (a dead row retried from 集成调用 after the order was asked
    // again, or after its final failure) never reaches the courier: one live request per order.
    if (row.idempotency_key.startsWith(requestKey(row.merchant_id, order.order_no, 0)) && row.idempotency_key !== requestKey(row.merchant_id, order.order_no, Number(order.e_waybill_round ?? 0))) return { response_excerpt: '已有更新的电子面单申请，本次不再请求' }
    try {
      const acc = await account(row.merchant_id, p.account_id)
      return { response_excerpt: await createWaybill(order, acc, row.merchant_id) }
    } catch (err) {
      // Our own database failing (an outage, a deadlock's victim) is the worker's to retry, and no reason to show a merchant.
      if (isDatabaseUnavailable(err) || isDeadlock(err)) throw err
      const e = err instanceof HandlerError ? err : new HandlerError((err as Error).message, !(err as { statusCode?: number }).statusCode)
      // The failure is shown on the order (订单列表) as the merchant reads it (timeouts, network
      // and HTTP errors in Chinese; the vendor's own code and message as they are), recorded with
      // the attempt that failed; the last attempt of the schedule is final like a refusal. The
      // outbox keeps the raw reason, as for every vendor.
      const retrying = e.retryable && Number(row.attempts) + 1 <= RETRY_DELAYS_MS.length
      const reason = testFailure(e.message)
      throw new HandlerError(e.message, e.retryable, e.report, async (trx) => {
        const at = clock.now()
        await setEWaybillFailure(trx, order.id, { message: reason, at, retrying })
        if (!retrying) await insertOrderEvent(trx, { merchant_id: row.merchant_id, order_id: order.id, type: 'e_waybill_failed', actor_type: SYSTEM.type, actor_id: null, actor_name: SYSTEM.name, detail: { reason }, at })
      })
    }
  }

  function labelCalls (acc: CourierRow): CourierLabels {
    const v = vendorOf(acc)
    if (!v.labels || !v.cloudPrint || !v.cancelWaybill) throw accountInvalid()
    return v as CourierLabels
  }

  const issuedWaybill = (p: { waybill_no: string; label: string | null; issued: NonNullable<ReturnType<typeof eWaybillIssuedOf>> }): IssuedWaybill => ({
    vendor_order_id: p.issued.vendor_order_id, waybill_no: p.waybill_no, label: p.label, task_id: p.issued.task_id, courier_order_no: p.issued.courier_order_no,
  })

  /** An order whose current waybill is an e-waybill, with its account; 404 / 409 otherwise. */
  async function issuedOrder (merchantId: number, orderNo: string) {
    const order = await findOrder(db, merchantId, orderNo)
    if (!order) throw orderNotFound()
    const issued = eWaybillIssuedOf(order)
    if (!issued || !order.waybill_no) throw noEWaybill({ details: [{ path: '/order_no', message: `${orderNo} 没有电子面单` }] })
    const acc = await findCourierAccount(db, merchantId, issued.account_id)
    if (!acc || !acc.vendor) throw accountInvalid()
    return { order, issued, acc, waybill: issuedWaybill({ waybill_no: order.waybill_no, label: order.waybill_label ?? null, issued }) }
  }

  /** A vendor's failure at the admin's request (label, cloud print), said in Chinese with its reason. */
  function vendorRefusal (factory: typeof labelUnavailable, orderNo: string, err: unknown) {
    const e = toIntegrationError(err)
    return factory({ message: `${factory === labelUnavailable ? '取不到面单' : '云打印未成功'}：${testFailure(e.message)}`, details: [{ path: '/order_no', message: `${orderNo}${e.code ? `（${e.code}）` : ''}` }] })
  }

  // 取消电子面单 at the vendor. Success and the final failure are written on the order's timeline;
  // a transient one is retried on the schedule (集成调用 shows every attempt).
  const cancel: Handler = async (row) => {
    const p = JSON.parse(row.payload) as WaybillCancelPayload
    const order = await findOrder(db, row.merchant_id, p.order_no)
    const event = (type: string, detail: object) => async (trx: Knex.Transaction) => {
      if (order) await insertOrderEvent(trx, { merchant_id: row.merchant_id, order_id: order.id, type, actor_type: SYSTEM.type, actor_id: null, actor_name: SYSTEM.name, detail, at: clock.now() })
    }
    try {
      const acc = await findCourierAccount(db, row.merchant_id, p.issued.account_id)
      if (!acc || !acc.vendor) throw new HandlerError('该物流配置已没有电子面单账号，无法取消', false)
      await labelCalls(acc).cancelWaybill(issuedWaybill(p), p.reason)
    } catch (err) {
      if (isDatabaseUnavailable(err) || isDeadlock(err)) throw err
      // Our own refusals (an account gone, AppErrors) are final; a vendor's error is classified by its adapter.
      const e = err instanceof HandlerError ? err : (err as { statusCode?: number }).statusCode ? new HandlerError((err as Error).message, false) : toHandlerError(err)
      const final = !e.retryable || Number(row.attempts) + 1 > RETRY_DELAYS_MS.length
      throw new HandlerError(e.message, e.retryable, e.report, final ? event('e_waybill_cancel_failed', { waybill_no: p.waybill_no, reason: testFailure(e.message) }) : undefined)
    }
    return { response_excerpt: `已取消 ${p.waybill_no}`, effects: event('e_waybill_cancelled', { waybill_no: p.waybill_no }) }
  }

  return {
    handlers: { 'ewaybill.request': request, 'ewaybill.cancel': cancel } as Record<string, Handler>,

    /**
     * One PDF with the labels of the orders, in the order given: SF's cloud-print PDFs, Kuaidi100's
     * label images or PDFs. Fetched now, from the vendor (the admin waits; 15 s per call at most).
     */
    async labelsPdf (merchantId: number, orderNos: string[]): Promise<Buffer> {
      const wanted = [...new Set(orderNos)].slice(0, MAX_LABELS)
      const found = []
      for (const no of wanted) found.push(await issuedOrder(merchantId, no))
      // One call per account for SF (its print call takes a list); the pages keep the given order.
      const byAccount = new Map<number, typeof found>()
      for (const f of found) byAccount.set(Number(f.acc.id), [...(byAccount.get(Number(f.acc.id)) ?? []), f])
      const files = new Map<string, Awaited<ReturnType<CourierLabels['labels']>>>()
      for (const group of byAccount.values()) {
        let got
        try {
          got = await labelCalls(group[0].acc).labels(group.map((g) => g.waybill))
        } catch (err) {
          throw vendorRefusal(labelUnavailable, group.map((g) => g.order.order_no).join('、'), err)
        }
        for (const f of got) files.set(f.waybill_no, [...(files.get(f.waybill_no) ?? []), f])
      }
      return mergeLabels(found.flatMap((f) => files.get(f.waybill.waybill_no) ?? []))
    },

    /** The batch's orders all have an e-waybill (before a download link is made); no vendor call. */
    async checkLabels (merchantId: number, orderNos: string[]): Promise<void> {
      const missing: Array<{ path: string; message: string }> = []
      for (const [i, no] of orderNos.entries()) {
        const order = await findOrder(db, merchantId, no)
        if (!order || !order.waybill_no || !eWaybillIssuedOf(order)) missing.push({ path: `/order_nos/${i}`, message: order ? `${no} 没有电子面单` : `${no} 订单不存在` })
      }
      if (missing.length) throw noEWaybill({ details: missing })
    },

    /** 云打印 / 复打: the label sent to the Kuaidi100 cloud printer (siid) again; on the timeline. */
    async cloudPrint (merchantId: number, orderNo: string, actor: Actor): Promise<{ message: string }> {
      const { order, acc, waybill } = await issuedOrder(merchantId, orderNo)
      let r
      try {
        r = await labelCalls(acc).cloudPrint(waybill)
      } catch (err) {
        throw vendorRefusal(cloudPrintUnavailable, orderNo, err)
      }
      await insertOrderEvent(db, { merchant_id: merchantId, order_id: order.id, type: 'label_printed', actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: { waybill_no: waybill.waybill_no }, at: clock.now() })
      return r
    },

    /**
     * 取消电子面单 of an order whose waybill must be done again (a wrong address, another courier):
     * the waybill is given back at once (the order is pending, a new e-waybill can be asked for)
     * and cancelled at the courier through the outbox. Not once the courier has collected it.
     */
    async cancelEWaybill (merchantId: number, orderNo: string, actor: Actor): Promise<{ order_no: string; waybill_no: string; queued: boolean }> {
      const { order, issued } = await issuedOrder(merchantId, orderNo)
      if (order.status !== 'pending' && order.status !== 'shipped') throw orderStateInvalid({ details: [{ path: '/status', message: order.status }] })
      if ((await trackingLines(db, order.id)).length) throw waybillCollected()
      const waybillNo = order.waybill_no!
      const now = clock.now()
      await db.transaction(async (trx) => {
        if (!await releaseEWaybill(trx, order.id, waybillNo, now)) throw orderStateInvalid()
        await queueWaybillCancel(trx, merchantId, { order_no: orderNo, waybill_no: waybillNo, label: order.waybill_label ?? null, issued, reason: '面单需重新打印' }, now)
        await insertOrderEvent(trx, { merchant_id: merchantId, order_id: order.id, type: 'e_waybill_cancel_requested', actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: { waybill_no: waybillNo, courier_code: order.courier_code }, at: now })
        await insertAudit(trx, merchantId, actor, { action: 'orders.e_waybill_cancel', target_type: 'order', target_id: orderNo, summary: { waybill_no: waybillNo } }, now)
      })
      return { order_no: orderNo, waybill_no: waybillNo, queued: true }
    },

    async getSettings (merchantId: number): Promise<EWaybillSettings> {
      return { sender: (await section.read(merchantId)).sender }
    },

    async putSettings (merchantId: number, body: PutEWaybillSettings, actor: Actor): Promise<PutEWaybillSettings> {
      // No audit summary: the sender's phone and address stay out of the audit log.
      await section.save(merchantId, body, actor)
      return body
    },

    /** An SF account's opened credentials, for the tracking module's route query; null when the variant has no SF account. */
    async sfRouteAccount (merchantId: number, courierId: number): Promise<{ partner_id: string; check_word: string; endpoint: string | null } | null> {
      const row = await findCourierAccount(db, merchantId, courierId)
      if (!row || row.vendor !== 'sf' || !row.credentials_enc) return null
      const c = credentialsOf(row)
      return c.partner_id && c.check_word ? { partner_id: c.partner_id, check_word: c.check_word, endpoint: row.endpoint } : null
    },

    async getAccount (merchantId: number, courierId: number): Promise<CourierAccount> {
      const row = await findCourierAccount(db, merchantId, courierId)
      if (!row) throw courierNotFound()
      return view(row)
    },

    /**
     * Stores a vendor account (credentials encrypted) on a courier variant. A secret left out
     * keeps the stored one (the form cannot show it again); switching vendor needs them all.
     */
    async setAccount (merchantId: number, courierId: number, creds: VendorCredentials, actor: Actor): Promise<CourierAccount> {
      const row = await findCourierAccount(db, merchantId, courierId)
      if (!row) throw courierNotFound()
      const { vendor, endpoint: raw, ...fields } = creds
      const endpoint = http.checkEndpoint(vendor, raw, '/endpoint')
      const stored = row.vendor === vendor ? credentialsOf(row) : {}
      const merged: Record<string, string | null> = { ...fields }
      const missing: Array<{ path: string; message: string }> = []
      for (const k of VENDOR_SECRETS[vendor]) {
        const given = (fields as Record<string, string | undefined>)[k]
        merged[k] = given ?? stored[k] ?? null
        if (!merged[k] && (k === 'check_word' || k === 'key' || k === 'secret')) missing.push({ path: `/${k}`, message: `请填写${k === 'check_word' ? '校验码' : k === 'key' ? '授权 key' : '授权 secret'}` })
      }
      if (missing.length) throw validationFailed({ details: missing })
      const credentials_enc = encrypt(key, JSON.stringify(merged), `courier:${courierId}`)
      const now = clock.now()
      await db.transaction(async (trx) => {
        await setCourierAccount(trx, courierId, { vendor, endpoint, credentials_enc })
        await insertAudit(trx, merchantId, actor, { action: 'couriers.set_account', target_type: 'courier', target_id: row.code, summary: { vendor, secrets_changed: VENDOR_SECRETS[vendor].filter((k) => (fields as Record<string, unknown>)[k] !== undefined) } }, now)
      })
      return view({ ...row, vendor, endpoint, credentials_enc })
    },

    /**
     * 测试连接: one harmless call with the stored account (the adapter's URL, or the endpoint
     * checked when it was saved and again now), answered in Chinese. Never through the outbox:
     * the admin waits for it, 15 s at most (the vendor client's timeout).
     */
    async testAccount (merchantId: number, courierId: number): Promise<CourierAccountTest> {
      const row = await findCourierAccount(db, merchantId, courierId)
      if (!row) throw courierNotFound()
      if (!row.vendor || !row.credentials_enc) throw accountInvalid()
      const label = row.vendor === 'sf' ? '顺丰' : '快递100'
      try {
        const r = await vendorOf(row).checkCredentials()
        return { ok: true, message: r.message, vendor_code: null }
      } catch (err) {
        const e = toIntegrationError(err)
        return { ok: false, message: `${label}未通过：${testFailure(e.message)}`, vendor_code: e.code }
      }
    },

    /** Queues a waybill request for each order; sender incomplete → 422 and nobody is called. */
    async request (merchantId: number, orderNos: string[], accountId: number, actor: Actor): Promise<RequestResult> {
      if (!await sender(merchantId)) throw senderIncomplete()
      const acc = await account(merchantId, accountId)
      if (acc.disabled) throw courierDisabled()
      const queued: string[] = []
      const refused: Array<{ order_no: string; reason: string }> = []
      for (const orderNo of orderNos) {
        const order = await findOrder(db, merchantId, orderNo)
        if (!order) { refused.push({ order_no: orderNo, reason: 'order_not_found' }); continue }
        if (order.status !== 'pending') { refused.push({ order_no: orderNo, reason: order.status }); continue }
        // One row per order and round: asking twice queues nothing new; after a final failure
        // (the round closed) asking again is a new request, with the variant chosen now.
        // A round whose row is dead without the round closed (given up before rounds existed)
        // is closed here, atomically, so asking again is a new request.
        let round = Number(order.e_waybill_round ?? 0)
        const now = clock.now()
        await db.transaction(async (trx) => {
          const current = await trx('outbox').where({ idempotency_key: requestKey(merchantId, orderNo, round) }).first('status')
          if (current?.status === 'dead' && await trx('orders').where({ id: order.id, e_waybill_round: round }).update({ e_waybill_round: round + 1 })) round += 1
          else if (current) return
          const idempotencyKey = requestKey(merchantId, orderNo, round)
          if (await isQueued(trx, idempotencyKey)) return
          await enqueue(trx, [{ merchant_id: merchantId, topic: 'ewaybill.request', idempotency_key: idempotencyKey, payload: { order_no: orderNo, account_id: accountId } }], now, { ignoreDuplicates: true })
          await insertOrderEvent(trx, { merchant_id: merchantId, order_id: order.id, type: 'e_waybill_requested', actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: { courier_code: acc.code }, at: now })
        })
        queued.push(orderNo)
      }
      return { queued, refused }
    },
  }
}

/** A secret as admins read it: its last 4 characters only when that leaves 8 or more unseen (a 6-digit 电子面单密码 shows none). */
function masked (v: string): string {
  return v.length >= 12 ? `****${v.slice(-4)}` : '****'
}

/** The outbox key of an order's e-waybill request of one round (round 0 keeps the key of before rounds). */
function requestKey (merchantId: number, orderNo: string, round: number): string {
  return `ewaybill:${merchantId}:${orderNo}${round ? `:${round}` : ''}`
}

/** The vendor client's failure messages (network, timeout, HTTP status) as a merchant reads them. */
export function testFailure (message: string): string {
  if (/^timeout/.test(message)) return '15 秒内没有应答，请稍后再试'
  const net = /^network: (\S+)/.exec(message)
  if (net) return `无法连接到服务商（${net[1]}），请检查接口地址或稍后再试`
  const notJson = /^HTTP (\d+): not JSON/.exec(message)
  if (notJson) return `应答不是服务商的接口格式（HTTP ${notJson[1]}），请检查接口地址`
  const status = /^HTTP (\d+)$/.exec(message)
  if (status) return `服务商返回 HTTP ${status[1]}，请稍后再试`
  // address_refused: … / endpoint_not_allowed: … carry their Chinese text after the code.
  const coded = /^(address_refused|endpoint_not_allowed): (.*)$/.exec(message)
  return coded ? coded[2] : message
}

export type EWaybillService = ReturnType<typeof createEWaybillService>
