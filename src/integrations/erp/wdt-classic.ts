// Wangdiantong (旺店通) classic openapi2: trade_push, logistics_sync_query/ack,
// api_goods_stock_change_query/ack, shop. Base https://api.wangdian.cn/openapi2/ (sandbox
// https://sandbox.wangdian.cn/openapi2/). Field names as in the API documents:
//   trade_push     https://open.wangdian.cn/qyb/open/apidoc/doc?path=trade_push.php
//   logistics ack  https://open.wangdian.cn/qyb/open/apidoc/doc?path=logistics_sync_ack.php
//   stock query    https://open.wangdian.cn/open/apidoc/doc?path=api_goods_stock_change_query.php
//   stock ack      https://open.wangdian.cn/Y/open/apidoc/doc?path=api_goods_stock_change_ack_Y
import type { VendorHttp } from '../vendor-endpoints.js'
import { wdtClassicSign } from './wdt-signing.js'
import { yuan, type AckFailure, type ErpAdapter, type ErpTrade } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'
import { wdtClassicError } from './wdt-classic-codes.js'

export const WDT_ENDPOINT = 'https://api.wangdian.cn/openapi2/'

export interface WdtConfig { sid: string; appkey: string; appsecret: string; shop_no: string; endpoint?: string | null }

/** `path` under the endpoint; an unparsable stored endpoint stays a string the guard refuses. */
function under (base: string, path: string): string {
  return URL.canParse(path, base) ? new URL(path, base).toString() : base
}

/**
 * The `errors[]` of an acknowledgement that answered code 0: "只列出同一批内有错误的记录" —
 * each names its record (rec_id) and why. Strings or objects, as answers vary.
 */
export function ackErrors (errors: unknown): AckFailure[] {
  if (!Array.isArray(errors)) return []
  return errors.map((e) => {
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>
      const id = o.rec_id ?? o.id ?? null
      const message = o.error ?? o.message ?? o.msg ?? JSON.stringify(o)
      return { id: id === null ? null : String(id), message: String(message) }
    }
    return { id: null, message: String(e) }
  })
}

export function wdtClassic (cfg: WdtConfig, http: VendorHttp, now: () => Date = () => new Date()) {
  async function post (path: string, params: Record<string, string>): Promise<any> {
    const all: Record<string, string> = { sid: cfg.sid, appkey: cfg.appkey, timestamp: String(Math.floor(now().getTime() / 1000)), ...params }
    all.sign = wdtClassicSign(all, cfg.appsecret)
    const { json } = await http.json('wdt_classic', under(cfg.endpoint || WDT_ENDPOINT, path), { method: 'POST', form: all }, integrationFailure)
    // code 0 is success; anything else is classified by the table beside this file.
    if (Number(json.code) !== 0) throw wdtClassicError(json.code, json.message)
    return json
  }
  return {
    pushTrades: (trades: object[]) => post('trade_push.php', { shop_no: cfg.shop_no, switch: '0', trade_list: JSON.stringify(trades) }),
    querySync: (limit = 100) => post('logistics_sync_query.php', { shop_no: cfg.shop_no, limit: String(limit) }),
    // shop.php (查询店铺): read only; answers the shop's record, or an empty list for an unknown shop_no.
    queryShop: () => post('shop.php', { shop_no: cfg.shop_no, page_size: '1', page_no: '0' }),
    ackSync: (list: Array<{ rec_id: string; status: 0 | 1; message: string }>) => post('logistics_sync_ack.php', { logistics_list: JSON.stringify(list) }),
    // limit: "limit大于等于100，小于等于2000".
    queryStock: (limit = 100) => post('api_goods_stock_change_query.php', { shop_no: cfg.shop_no, limit: String(limit) }),
    ackStock: (list: Array<{ rec_id: string; sync_stock: unknown; stock_change_count: unknown; syn_status: 0 | 1 }>) =>
      post('api_goods_stock_change_ack.php', { stock_sync_list: JSON.stringify(list) }),
  }
}

/** The trade as trade_push takes it. */
export function classicTrade (t: ErpTrade): Record<string, unknown> {
  const c = t.consignee
  // 80 已退款 for a cancelled order; its lines 5 退款成功, as WDT's own loaders send
  // (order_list.refund_status: 0无退款 1取消退款 2已申请退款 3等待退货 4等待收货 5退款成功).
  const status = t.refund ? 80 : 30
  return {
    tid: t.tid, trade_status: status, pay_status: 2, delivery_term: 1, trade_time: t.created_at, pay_time: t.created_at,
    buyer_nick: c?.name ?? '', receiver_name: c?.name ?? '', receiver_mobile: c?.phone ?? '', receiver_province: c?.province ?? '',
    receiver_city: c?.city ?? '', receiver_district: c?.district ?? '', receiver_address: c?.address ?? '', logistics_type: '-1',
    buyer_message: t.remark ?? '', post_amount: 0, cod_amount: 0, ext_cod_fee: 0,
    // paid: "订单已付金额，即消费者实际付款金额。传参后，系统会自动分摊到子单上" — the card's face value.
    paid: yuan(t.amount_fen),
    order_list: t.lines.map((l) => ({
      oid: l.oid, num: l.num, price: yuan(l.price_fen), status, refund_status: t.refund ? 5 : 0,
      goods_id: l.goods_id, spec_id: l.spec_id, goods_no: l.goods_no, spec_no: l.spec_no, goods_name: l.goods_name, spec_name: '',
      // adjust_amount: "客服调整总金额(大于0加价，小于0减价)": the fen that do not split evenly.
      adjust_amount: yuan(l.adjust_fen), discount: 0, share_discount: 0,
    })),
  }
}

/** The classic client behind the ERP port. */
export function wdtClassicAdapter (cfg: WdtConfig, http: VendorHttp, now: () => Date = () => new Date()): ErpAdapter {
  const wdt = wdtClassic(cfg, http, now)
  return {
    async pushTrade (t: ErpTrade) {
      // One trade per call: a refusal of it is the answer's code (trade_push lists no per-trade errors).
      await wdt.pushTrades([classicTrade(t)])
    },
    async pullShipments () {
      const res = await wdt.querySync(100)
      return ((res.trades ?? []) as Array<{ rec_id: string | number; tid: string; logistics_no: string; logistics_code_erp?: string; logistics_name_erp?: string }>)
        .map((r) => ({ id: String(r.rec_id), tid: r.tid, logistics_no: r.logistics_no, courier_code: r.logistics_code_erp ?? null, courier_name: r.logistics_name_erp ?? null }))
    },
    async checkShop () {
      const res = await wdt.queryShop()
      const shop = ((res.shoplist ?? []) as Array<{ shop_no?: string; shop_name?: string }>)[0]
      if (!shop) throw new IntegrationError(`旺店通中没有店铺编号为 ${cfg.shop_no} 的店铺`, false, null, { answered: true, outcome: 'misconfiguration' })
      return { shop_name: shop.shop_name ?? null }
    },
    async acknowledge (results) {
      const res = await wdt.ackSync(results.map((r) => ({ rec_id: r.id, status: r.ok ? 0 : 1, message: r.message })))
      return ackErrors(res.errors)
    },
    async pullStock () {
      const res = await wdt.queryStock(100)
      return ((res.stock_change_list ?? []) as Array<{ rec_id: string | number; goods_id?: string; spec_id?: string; sync_stock: number | string; stock_change_count: number | string }>)
        .map((r) => ({
          id: String(r.rec_id),
          // spec_id / goods_id are ours, as trade_push sent them ("外部系统货品主键…erp只是保存了下外部系统的值").
          keys: [r.spec_id, r.goods_id].filter((k): k is string => typeof k === 'string' && k !== ''),
          quantity: Number.isFinite(Number(r.sync_stock)) ? Number(r.sync_stock) : null,
          ack: { sync_stock: r.sync_stock, stock_change_count: r.stock_change_count },
        }))
    },
    async acknowledgeStock (results) {
      if (results.length === 0) return []
      // syn_status: 0 失败 1 成功; sync_stock and stock_change_count "为 api_goods_stock_change_query 中的值回传即可".
      const res = await wdt.ackStock(results.map((r) => ({ rec_id: r.change.id, sync_stock: r.change.ack.sync_stock, stock_change_count: r.change.ack.stock_change_count, syn_status: r.ok ? 1 : 0 })))
      return ackErrors(res.errors)
    },
  }
}
