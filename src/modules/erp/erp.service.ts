// The ERP connection (Wangdiantong classic or 旗舰版): orders are pushed on order.created (and a
// cancellation pushed as a refund), through the outbox with its retries; the result stays on the
// order (erp_status, erp_error). A periodic pull syncs the ERP's shipments back: each record
// ships its order (order.shipped) and is acknowledged; unknown orders or couriers are
// acknowledged as failed with the reason, never dropped. The same pull stores the ERP's stock
// per ERP good and acknowledges it; records the ERP does not accept in an acknowledgement are
// kept on the sync's status.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { onOneInstance } from '../../shared/db.js'
import { AppError, validationFailed } from '../../shared/errors.js'
import { REASON_CHARS } from '../../shared/outbound.js'
import type { Actor } from '../audit/audit.repository.js'
import { courierCodeResolver } from '../couriers/couriers.repository.js'
import { findOrder, setErpStatus } from '../orders/orders.repository.js'
import { findCard } from '../cards/cards.repository.js'
import type { CatalogService } from '../catalog/catalog.service.js'
import type { Order } from '../orders/orders.schemas.js'
import type { OrdersService } from '../orders/orders.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { HandlerError, type Handler, type OutboxRow } from '../outbox/outbox.types.js'
import { createSectionStore } from '../settings/section-store.js'
import { erpAdapter } from '../../integrations/erp/registry.js'
import type { AckFailure, ErpAdapter, ErpStockChange } from '../../integrations/erp/port.js'
import type { VendorHttp } from '../../integrations/vendor-endpoints.js'
import { merchantsWithSection } from '../settings/settings.repository.js'
import { iso } from '../../shared/schemas.js'
import { erpCallFailed, erpNotConfigured, erpSyncBusy } from './erp.errors.js'
import { findSyncStatus, saveStock, saveSyncStatus, stockOf } from './erp.repository.js'
import { erpTrade, stockKey } from './erp-trade.js'
import type { ErpProtocol, ErpStockList, ErpTestBody, ErpTestResult, ErpView, LastSync, PutErpBody, SyncResult } from './erp.schemas.js'
import { IntegrationError, toHandlerError, toIntegrationError } from '../../integrations/errors.js'

const SECTION = 'erp'
/** The appsecret's field: it is sealed with the AAD `erp:<merchant id>`. */
const SECRET_FIELD = 'erp'

/** The section as stored; no secret_enc means no connection. */
interface ErpSection { protocol: ErpProtocol | null; sid: string; appkey: string; secret_enc: string | null; shop_no: string; endpoint: string | null }
type Connection = ErpSection & { protocol: ErpProtocol; secret_enc: string }

const NONE: ErpSection = { protocol: null, sid: '', appkey: '', secret_enc: null, shop_no: '', endpoint: null }

const SYSTEM: Actor = { type: 'system', id: null, name: 'erp', ip: null }

/** A failed ERP call as the merchant reads it: the vendor's own code and message when it answered. */
export function erpFailureText (err: unknown): string {
  // Our own rule errors are Chinese and safe to show; anything else is not shown.
  if (err instanceof AppError) return err.message
  if (!(err instanceof IntegrationError)) return '同步时出错，请稍后再试'
  const m = err.message
  if (err.answered) return `旺店通返回：${m}`
  if (m === 'timeout') return '连接旺店通超时（15 秒内没有应答）'
  if (m.startsWith('network: ')) return `无法连接旺店通接口（${m.slice('network: '.length)}）`
  if (/^HTTP \d+: not JSON$/.test(m)) return `旺店通接口的应答不是 JSON（${m.split(':')[0]}），请检查接口地址`
  if (/^HTTP \d+$/.test(m)) return `旺店通接口暂时不可用（${m}）`
  // The outbound guard's refusals carry their Chinese reason after the code.
  const i = m.indexOf(': ')
  return i > 0 ? m.slice(i + 2) : m
}

export function createErpService ({ db, clock, masterKey, orders, catalog, http }: { db: Knex; clock: Clock; masterKey: Buffer; orders: OrdersService; catalog: Pick<CatalogService, 'erpGoods' | 'erpGoodsOfAll'>; http: VendorHttp }) {
  const section = createSectionStore<ErpSection>({ db, clock, masterKey }, { name: SECTION, defaults: NONE, keyPurpose: 'erp-credentials' })

  async function connection (merchantId: number): Promise<Connection | null> {
    const s = await section.read(merchantId)
    return s.protocol && s.secret_enc ? s as Connection : null
  }

  function client (merchantId: number, s: Connection, plainSecret?: string): ErpAdapter {
    const secret = plainSecret ?? section.open(merchantId, SECRET_FIELD, s.secret_enc)
    return erpAdapter(s.protocol, { sid: s.sid, appkey: s.appkey, secret, shop_no: s.shop_no, endpoint: s.endpoint }, http, () => clock.now())
  }

  /** The order's value: its card's face value (fen), 0 when the card has none. */
  async function faceValue (merchantId: number, orderNo: string): Promise<number> {
    const row = await findOrder(db, merchantId, orderNo)
    const card = row ? await findCard(db, merchantId, Number(row.card_id)) : undefined
    return Number(card?.face_value ?? 0)
  }

  const push: Handler = async (row) => {
    const s = await connection(row.merchant_id)
    const p = JSON.parse(row.payload) as { order: Order; refund: boolean }
    if (!s) return { response_excerpt: 'no ERP configured' }
    try {
      const goods = await catalog.erpGoods(row.merchant_id, p.order.product.product_id)
      const amount = await faceValue(row.merchant_id, p.order.order_no)
      await client(row.merchant_id, s).pushTrade(erpTrade(p.order, p.refund, goods, amount))
    } catch (err) {
      const e = toIntegrationError(err)
      await setErpStatus(db, row.merchant_id, p.order.order_no, e.retryable ? 'retrying' : 'failed', e.message.slice(0, REASON_CHARS))
      throw toHandlerError(e)
    }
    await setErpStatus(db, row.merchant_id, p.order.order_no, p.refund ? 'refunded' : 'pushed', null)
    return {}
  }

  async function syncOnce (merchantId: number, signal: AbortSignal | undefined, trigger: 'schedule' | 'manual'): Promise<SyncResult> {
    const s = await connection(merchantId)
    if (!s) return { shipped: 0, failed: 0, stock_updated: 0, ack_failed: 0 }
    const startedAt = clock.now().getTime()
    const counts: SyncResult = { shipped: 0, failed: 0, stock_updated: 0, ack_failed: 0 }
    const refused: AckFailure[] = []
    const status = (ok: boolean, error: string | null) => saveSyncStatus(db, {
      merchant_id: merchantId, trigger, ok, shipped: counts.shipped, failed: counts.failed, stock_updated: counts.stock_updated,
      ack_errors: refused.length ? refused.map((f) => (f.id ? `${f.id}: ${f.message}` : f.message)).join('\n').slice(0, 1000) : null,
      error, started_at: startedAt, finished_at: clock.now().getTime(),
    })
    try {
      const erp = client(merchantId, s)
      await pull(merchantId, erp, counts, refused, signal)
      await pullStock(merchantId, erp, counts, refused, signal)
    } catch (err) {
      await status(false, erpFailureText(err).slice(0, 500))
      throw err
    }
    await status(true, null)
    return counts
  }

  const service = {
    handlers: { 'erp.push': push } as Record<string, Handler>,

    /** Effects for order.created / order.cancelled: an erp.push row when an ERP is configured. */
    async orderEventEffects (row: OutboxRow): Promise<((trx: Knex.Transaction) => Promise<void>) | undefined> {
      if (row.topic !== 'order.created' && row.topic !== 'order.cancelled') return undefined
      if (!await connection(row.merchant_id)) return undefined
      const { order } = JSON.parse(row.payload) as { order: Order }
      const refund = row.topic === 'order.cancelled'
      return async (trx) => {
        await setErpStatus(trx, row.merchant_id, order.order_no, 'pending')
        await enqueue(trx, [{ merchant_id: row.merchant_id, topic: 'erp.push', idempotency_key: `erp:${order.order_no}:${refund ? 'refund' : 'push'}`, payload: { order, refund } }], clock.now())
      }
    },

    /**
     * 重试 of an erp.push from 集成调用, in the requeue's transaction: the order shows the push
     * as waiting again (not the failure being retried).
     */
    async requeued (trx: Knex.Transaction | Knex, row: OutboxRow): Promise<void> {
      let orderNo: unknown
      try { orderNo = (JSON.parse(row.payload) as { order?: Order }).order?.order_no } catch { orderNo = null }
      if (typeof orderNo === 'string') await setErpStatus(trx, row.merchant_id, orderNo, 'pending', null)
    },

    /** The merchants with an ERP connection (the back-sync visits each). */
    connectedMerchants: (): Promise<number[]> => merchantsWithSection(db, SECTION),

    async get (merchantId: number): Promise<ErpView> {
      const s = await connection(merchantId)
      return s ? { protocol: s.protocol, sid: s.sid, appkey: s.appkey, appsecret: section.mask(merchantId, SECRET_FIELD, s.secret_enc)!, shop_no: s.shop_no, endpoint: s.endpoint } : null
    },

    /** The stored connection as a PUT body, the appsecret omitted (kept); {} when there is none. */
    async body (merchantId: number): Promise<Partial<PutErpBody>> {
      const s = await connection(merchantId)
      return s ? { protocol: s.protocol, sid: s.sid, appkey: s.appkey, shop_no: s.shop_no, endpoint: s.endpoint } : {}
    },

    async put (merchantId: number, body: PutErpBody, actor: Actor): Promise<ErpView> {
      const old = await connection(merchantId)
      const enc = section.seal(merchantId, SECRET_FIELD, body.appsecret, old?.secret_enc)
      if (!enc) throw validationFailed({ details: [{ path: '/appsecret', message: '请填写 appsecret' }] })
      const endpoint = http.checkEndpoint(body.protocol, body.endpoint, '/endpoint')
      const s: Connection = { protocol: body.protocol, sid: body.sid, appkey: body.appkey, secret_enc: enc, shop_no: body.shop_no, endpoint }
      await section.save(merchantId, s, actor, { protocol: s.protocol, sid: s.sid, shop_no: s.shop_no })
      return service.get(merchantId)
    },

    /**
     * Pulls shipped records from the ERP until none is left; each is applied and acknowledged.
     * A `signal` that aborts (shutdown) ends it after the round in hand. One instance at a time
     * per merchant (a named lock on MySQL): two would pull and acknowledge the same records, and
     * the older stock figure could land last. `busy` when another instance is syncing it now.
     */
    async syncLogistics (merchantId: number, signal?: AbortSignal, trigger: 'schedule' | 'manual' = 'schedule'): Promise<SyncResult & { busy?: boolean }> {
      let result: SyncResult = { shipped: 0, failed: 0, stock_updated: 0, ack_failed: 0 }
      const ran = await onOneInstance(db, `erp-sync:${merchantId}`, async () => { result = await syncOnce(merchantId, signal, trigger) })
      return ran ? result : { ...result, busy: true }
    },

    /** 立即同步: the back-sync now; an ERP that fails is the merchant's to read (its reason, 502). */
    async syncNow (merchantId: number): Promise<SyncResult> {
      if (!await connection(merchantId)) throw erpNotConfigured()
      let r
      try {
        r = await service.syncLogistics(merchantId, undefined, 'manual')
      } catch (err) {
        if (err instanceof IntegrationError) throw erpCallFailed({ message: `同步失败：${erpFailureText(err)}` })
        throw err
      }
      if (r.busy) throw erpSyncBusy()
      const { busy: _busy, ...counts } = r
      return counts
    },

    /** The merchant's last back-sync, or null before the first. */
    async lastSync (merchantId: number): Promise<LastSync> {
      const r = await findSyncStatus(db, merchantId)
      return r
        ? {
            trigger: r.trigger, ok: Boolean(r.ok), shipped: Number(r.shipped), failed: Number(r.failed), stock_updated: Number(r.stock_updated ?? 0),
            ack_errors: r.ack_errors ? r.ack_errors.split('\n') : [], error: r.error, started_at: iso(r.started_at)!, finished_at: iso(r.finished_at)!, last_ok_at: iso(r.last_ok_at),
          }
        : null
    },

    /** The ERP's stock of each product that names ERP goods: per good, and how many of the product that makes. */
    async stock (merchantId: number): Promise<ErpStockList> {
      const products = (await catalog.erpGoodsOfAll(merchantId)).filter((p) => p.lines.length)
      const stored = await stockOf(db, merchantId, products.flatMap((p) => p.lines.map(stockKey)).filter((k): k is string => k !== null))
      return {
        items: products.map((p) => {
          const lines = p.lines.map((l) => {
            const st = stored.get(stockKey(l) ?? '')
            return { goods_no: l.goods_no, spec_no: l.spec_no, quantity: l.quantity, stock: st ? st.quantity : null, updated_at: st ? iso(st.updated_at)! : null }
          })
          // A gift box is there as many times as its scarcest good allows.
          const available = lines.every((l) => l.stock !== null) ? Math.min(...lines.map((l) => Math.floor(Math.max(0, l.stock!) / l.quantity))) : null
          const times = lines.map((l) => l.updated_at).filter((t): t is string => t !== null).sort()
          return { product_id: p.product_id, name: p.name, lines, available, updated_at: times.length ? times[times.length - 1] : null }
        }),
      }
    },

    /**
     * 测试连接: a read-only call (查询店铺) with the connection as the form has it — the stored
     * appsecret when the body omits it — through the adapter's own client. Nothing is saved.
     */
    async test (merchantId: number, body: ErpTestBody): Promise<ErpTestResult> {
      const stored = await connection(merchantId)
      if (body.appsecret === undefined && !stored) throw validationFailed({ details: [{ path: '/appsecret', message: '请填写 appsecret' }] })
      const endpoint = http.checkEndpoint(body.protocol, body.endpoint, '/endpoint')
      const s: Connection = { protocol: body.protocol, sid: body.sid, appkey: body.appkey, secret_enc: stored?.secret_enc ?? '', shop_no: body.shop_no, endpoint }
      const started = Date.now()
      try {
        const { shop_name: shopName } = await client(merchantId, s, body.appsecret).checkShop()
        return { ok: true, message: `连接成功：店铺 ${s.shop_no}${shopName ? `（${shopName}）` : ''} 可以使用`, shop_name: shopName, latency_ms: Date.now() - started }
      } catch (err) {
        if (!(err instanceof IntegrationError)) throw err
        return { ok: false, message: `连接失败：${erpFailureText(err)}`, shop_name: null, latency_ms: Date.now() - started }
      }
    },
  }

  /** Pulls shipped records until none is left; each is applied and acknowledged (counts as it goes). */
  async function pull (merchantId: number, erp: ErpAdapter, counts: SyncResult, refused: AckFailure[], signal?: AbortSignal): Promise<void> {
    const courierOf = await courierCodeResolver(db, merchantId)
    for (let round = 0; round < 100 && !signal?.aborted; round++) {
      const list = await erp.pullShipments()
      if (list.length === 0) break
      const acks: Array<{ id: string; ok: boolean; message: string }> = []
      for (const tr of list) {
        const code = courierOf.fromErp(tr.courier_code, tr.courier_name)
        const order = await findOrder(db, merchantId, tr.tid)
        let message = '成功'
        if (!order) message = '订单不存在'
        else if (!code) message = `未知物流公司 ${tr.courier_name ?? tr.courier_code ?? ''}`
        else if (order.status === 'pending') await orders.ship(merchantId, tr.tid, { courier_code: code, waybill_no: tr.logistics_no }, SYSTEM)
        else if (order.waybill_no !== tr.logistics_no) message = `订单状态为 ${order.status}`
        const ok = message === '成功'
        if (ok) counts.shipped++
        else counts.failed++
        acks.push({ id: tr.id, ok, message })
      }
      const notTaken = await erp.acknowledge(acks)
      counts.ack_failed += notTaken.length
      refused.push(...notTaken)
    }
  }

  /**
   * Pulls stock changes until none is left: each figure is stored under the ERP good it names
   * (matched against the merchant's products' spec_no / goods_no) and acknowledged; one that
   * names no good of ours, or that the ERP could not compute, is acknowledged as failed.
   */
  async function pullStock (merchantId: number, erp: ErpAdapter, counts: SyncResult, refused: AckFailure[], signal?: AbortSignal): Promise<void> {
    const known = new Set((await catalog.erpGoodsOfAll(merchantId)).flatMap((p) => p.lines.map(stockKey)).filter((k): k is string => k !== null))
    for (let round = 0; round < 100 && !signal?.aborted; round++) {
      const list = await erp.pullStock()
      if (list.length === 0) break
      const acks: Array<{ change: ErpStockChange; ok: boolean; message: string }> = []
      for (const change of list) {
        const key = change.keys.find((k) => known.has(k))
        let message = '成功'
        if (change.quantity === null) message = change.error ?? '库存数量无效'
        else if (!key) message = `没有对应的商品（${change.keys[0] ?? change.id}）`
        else await saveStock(db, merchantId, { spec_key: key, quantity: change.quantity, erp_rec_id: change.id, updated_at: clock.now().getTime() })
        const ok = message === '成功'
        if (ok) counts.stock_updated++
        else counts.failed++
        acks.push({ change, ok, message })
      }
      const notTaken = await erp.acknowledgeStock(acks)
      counts.ack_failed += notTaken.length
      refused.push(...notTaken)
    }
  }
  return service
}

export type ErpService = ReturnType<typeof createErpService>
