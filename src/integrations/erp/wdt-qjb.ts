// Wangdiantong 旗舰版 (QJB): method calls with positional JSON arguments as the body; sid, key,
// salt, method, v, timestamp (seconds since 2012-01-01 UTC+8 epoch offset) and sign in the query.
// Field names as in the API documents (https://open.wangdian.cn/qjb/open/apidoc/doc?path=<method>):
// sales.RawTrade.pushSelf2, sales.LogisticsSync.getSyncListExt / update, setting.Shop.queryShop,
// sales.StockSync.getSelfWaitSyncIdListOpen / batchCalcStock / syncSuccess.
import type { VendorHttp } from '../vendor-endpoints.js'
import { wdtQjbSign } from './wdt-signing.js'
import { IntegrationError, integrationFailure } from '../errors.js'
import { yuan, type AckFailure, type ErpAdapter, type ErpShipment, type ErpStockChange, type ErpTrade } from './port.js'
import { wdtQjbError } from './wdt-qjb-codes.js'
import { vendorReason } from '../../shared/outbound.js'

export const WDT_QJB_ENDPOINT = 'http://wdt.wangdian.cn/openapi'
const EPOCH = 1325347200

export interface QjbConfig { sid: string; key: string; secret: string; salt: string; shop_no: string; endpoint?: string | null }

/** The trade and its lines as sales.RawTrade.pushSelf2 takes them. */
export function qjbTrade (t: ErpTrade): { rawTrade: Record<string, unknown>; rawOrders: Array<Record<string, unknown>> } {
  const c = t.consignee
  // trade_status / status: 30待发货, 80已退款. refund_status differs by level: the trade's is
  // 0无退款 1申请退款 2部分退款 3全部退款; a line's is 0无退款 … 2已申请退款 … 5退款成功.
  const status = t.refund ? 80 : 30
  const goods = t.lines.reduce((n, l) => n + l.num, 0)
  const rawTrade = {
    tid: t.tid, process_status: 10, trade_status: status, refund_status: t.refund ? 3 : 0, pay_status: 2, order_count: t.lines.length, goods_count: goods, pay_method: 8,
    trade_time: t.created_at, pay_time: t.created_at, end_time: t.created_at, buyer_nick: c?.name ?? '', receiver_name: c?.name ?? '',
    receiver_area: c ? `${c.province} ${c.city} ${c.district}` : '', receiver_address: c?.address ?? '', receiver_mobile: c?.phone ?? '',
    // receivable: 应收金额 — the card's face value; paid likewise.
    post_amount: 0, discount: 0, receivable: yuan(t.amount_fen), paid: yuan(t.amount_fen), delivery_term: 1, is_auto_wms: false, warehouse_no: '', buyer_message: t.remark ?? '',
  }
  const rawOrders = t.lines.map((l) => {
    const total = l.price_fen * l.num + l.adjust_fen
    return {
      tid: t.tid, oid: l.oid, status, refund_status: t.refund ? 5 : 0, goods_id: l.goods_id, spec_id: l.spec_id, goods_no: l.goods_no,
      spec_no: l.spec_no, goods_name: l.goods_name, num: l.num, price: yuan(l.price_fen), discount: 0, share_discount: 0,
      // total_amount = price × num + adjust_amount − discount (the document's PHP example).
      total_amount: yuan(total), adjust_amount: yuan(l.adjust_fen), refund_amount: t.refund ? yuan(total) : 0, remark: '',
      // json: "json串，若无可传“”" — required.
      json: '',
    }
  })
  return { rawTrade, rawOrders }
}

/** LogisticsSync.update answers status 0 with the records it did not take in `data` (e.g. ["同步结果状态为空!"]). */
export function updateErrors (data: unknown): AckFailure[] {
  if (!Array.isArray(data)) return []
  return data.map((e) => {
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>
      const id = o.sync_id ?? o.rec_id ?? o.id ?? null
      return { id: id === null ? null : String(id), message: String(o.error_msg ?? o.error ?? o.message ?? JSON.stringify(o)) }
    }
    return { id: null, message: String(e) }
  })
}

export function wdtQjb (cfg: QjbConfig, http: VendorHttp, now: () => Date = () => new Date()): ErpAdapter {
  async function call (method: string, args: unknown[], pager?: { page_size: number; page_no: number }): Promise<any> {
    const body = JSON.stringify(args)
    const params: Record<string, string> = {
      sid: cfg.sid, key: cfg.key, salt: cfg.salt, method, v: '1.0', timestamp: String(Math.floor(now().getTime() / 1000) - EPOCH),
      ...(pager ? { page_size: String(pager.page_size), page_no: String(pager.page_no), calc_total: '0' } : {}),
    }
    // The body is signed as one opaque string with the query parameters, then sent as the POST body.
    const sign = wdtQjbSign({ ...params, body }, cfg.secret)
    const { json } = await http.json('wdt_qjb', cfg.endpoint || WDT_QJB_ENDPOINT, {
      method: 'POST', searchParams: { ...params, sign }, body, headers: { 'content-type': 'application/json' },
    }, integrationFailure)
    if (Number(json.status) !== 0) throw wdtQjbError(json.status, json.message)
    return json.data
  }

  // getSelfWaitSyncIdListOpen pages by `position`: 0 first, then the one the last call answered.
  let position = 0

  return {
    async pushTrade (t: ErpTrade) {
      const { rawTrade, rawOrders } = qjbTrade(t)
      const data = await call('sales.RawTrade.pushSelf2', [cfg.shop_no, [rawTrade], rawOrders])
      // error_list: [{no, error}] — the trades it refused (ours is the only one): a refusal of this trade.
      const errors = data?.error_list as Array<{ no: string; error: string }> | undefined
      if (errors?.length) throw new IntegrationError(vendorReason(errors[0].no, errors[0].error), false, null, { answered: true, vendor_message: errors[0].error })
    },

    async pullShipments (): Promise<ErpShipment[]> {
      const data = await call('sales.LogisticsSync.getSyncListExt', [{ shop_no: cfg.shop_no, is_own_platform: true }], { page_size: 100, page_no: 0 })
      const list = (Array.isArray(data) ? data : data?.order ?? data?.list ?? []) as Array<{ sync_id: string | number; tid: string; logistics_no: string; logistics_code?: string; logistics_name?: string }>
      return list.map((r) => ({ id: String(r.sync_id), tid: r.tid, logistics_no: r.logistics_no, courier_code: r.logistics_code ?? null, courier_name: r.logistics_name ?? null }))
    },

    async checkShop () {
      // setting.Shop.queryShop (查询店铺): read only; `details` is empty for an unknown shop_no.
      const data = await call('setting.Shop.queryShop', [{ shop_no: cfg.shop_no }], { page_size: 1, page_no: 0 })
      const shop = ((data?.details ?? []) as Array<{ shop_no?: string; shop_name?: string }>)[0]
      if (!shop) throw new IntegrationError(`旺店通中没有店铺编号为 ${cfg.shop_no} 的店铺`, false, null, { answered: true, outcome: 'misconfiguration' })
      return { shop_name: shop.shop_name ?? null }
    },

    async acknowledge (results) {
      // status: 0 成功, 2 失败 (-100 would ask WDT to offer it again).
      const data = await call('sales.LogisticsSync.update', [results.map((r) => ({ sync_id: r.id, status: r.ok ? 0 : 2, error_msg: r.ok ? '' : r.message }))])
      return updateErrors(data)
    },

    async pullStock (): Promise<ErpStockChange[]> {
      // count: 最小值10, 最大值5000.
      const wait = await call('sales.StockSync.getSelfWaitSyncIdListOpen', [100, position])
      const ids = ((wait?.id_list ?? []) as Array<number | string>).map(Number).filter(Number.isFinite)
      if (ids.length === 0) return []
      if (wait?.position !== undefined && wait?.position !== null) position = Number(wait.position)
      const calc = await call('sales.StockSync.batchCalcStock', [ids.map((id) => ({ api_goods_id: id, force_sync: false }))])
      const ok = ((calc?.success_date ?? []) as Array<Record<string, any>>).filter((r) => r && r.rec_id !== undefined)
      const failed = (calc?.error_date ?? []) as Array<{ rec_id: number | string; err_msg?: string }>
      return [
        ...ok.map((r): ErpStockChange => ({
          id: String(r.rec_id),
          // spec_id / goods_id are ours (as pushed); spec_outer_id / match_code the 商家编码 WDT matched.
          keys: [r.spec_id, r.spec_outer_id, r.match_code, r.goods_id, r.outer_id].filter((k): k is string => typeof k === 'string' && k !== '' && k !== '0'),
          quantity: Number.isFinite(Number(r.syn_stock)) ? Number(r.syn_stock) : null,
          ack: r,
        })),
        ...failed.map((r): ErpStockChange => ({ id: String(r.rec_id), keys: [], quantity: null, error: `旺店通未能计算库存：${r.err_msg ?? '未知原因'}`, ack: {} })),
      ]
    },

    async acknowledgeStock (results) {
      const failures: AckFailure[] = []
      // syncSuccess takes one record: its rec_id and the calculation it was synced with. A
      // record that failed here is left waiting (WDT offers it again), so only successes are sent.
      for (const r of results.filter((x) => x.ok && x.change.quantity !== null)) {
        const c = r.change.ack
        const info = {
          syn_stock: c.syn_stock, stock_change_count: c.stock_change_count, stock_syn_rule_id: c.stock_syn_rule_id ?? 0, stock_syn_rule_no: c.stock_syn_rule_no ?? '',
          stock_syn_other: '', stock_syn_warehouses: c.stock_syn_warehouses ?? '', stock_syn_mask: c.stock_syn_mask ?? 0, stock_syn_percent: c.stock_syn_percent ?? 100,
          stock_syn_plus: c.stock_syn_plus ?? 0, stock_syn_min: c.stock_syn_min ?? 0, stock_syn_max: c.stock_syn_max ?? 0,
          is_auto_listing: Boolean(c.is_auto_listing), is_auto_delisting: Boolean(c.is_auto_delisting), is_syn_success: true, is_manual: false, syn_result: '成功',
        }
        try {
          await call('sales.StockSync.syncSuccess', [Number(r.change.id), info])
        } catch (err) {
          // A refusal of this record is reported with it; a call that failed on the way ends the sync.
          if (!(err instanceof IntegrationError) || !err.answered || err.retryable) throw err
          failures.push({ id: r.change.id, message: err.message })
        }
      }
      return failures
    },
  }
}
