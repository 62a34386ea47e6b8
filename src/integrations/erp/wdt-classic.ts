// Wangdiantong (旺店通) classic openapi2: trade_push, logistics_sync_query, logistics_sync_ack.
// Base https://api.wangdian.cn/openapi2/ (sandbox https://sandbox.wangdian.cn/openapi2/).
import { vendorReason } from '../../shared/outbound.js'
import type { Vendor, VendorHttp } from '../vendor-endpoints.js'
import { wdtClassicSign } from './wdt-signing.js'
import type { ErpAdapter, ErpTrade } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'

export const WDT_ENDPOINT = 'https://api.wangdian.cn/openapi2/'

export interface WdtConfig { sid: string; appkey: string; appsecret: string; shop_no: string; endpoint?: string | null }

/** `path` under the endpoint; an unparsable stored endpoint stays a string the guard refuses. */
function under (base: string, path: string): string {
  return URL.canParse(path, base) ? new URL(path, base).toString() : base
}

export function wdtClassic (cfg: WdtConfig, http: VendorHttp, now: () => Date = () => new Date()) {
  async function post (path: string, params: Record<string, string>): Promise<any> {
    const all: Record<string, string> = { sid: cfg.sid, appkey: cfg.appkey, timestamp: String(Math.floor(now().getTime() / 1000)), ...params }
    all.sign = wdtClassicSign(all, cfg.appsecret)
    const { json } = await http.json('wdt_classic', under(cfg.endpoint || WDT_ENDPOINT, path), { method: 'POST', form: all }, integrationFailure)
    // code 0 is success; anything else is the ERP refusing this request.
    if (Number(json.code) !== 0) throw new IntegrationError(vendorReason(json.code, json.message), false, null, { answered: true })
    return json
  }
  return {
    pushTrades: (trades: object[]) => post('trade_push.php', { shop_no: cfg.shop_no, switch: '0', trade_list: JSON.stringify(trades) }),
    querySync: (limit = 100) => post('logistics_sync_query.php', { shop_no: cfg.shop_no, limit: String(limit) }),
    // shop.php (查询店铺): read only; answers the shop's record, or an empty list for an unknown shop_no.
    queryShop: () => post('shop.php', { shop_no: cfg.shop_no, page_size: '1', page_no: '0' }),
    ackSync: (list: Array<{ rec_id: string; status: 0 | 1; message: string }>) => post('logistics_sync_ack.php', { logistics_list: JSON.stringify(list) }),
  }
}

/** The classic client behind the ERP port. */
export function wdtClassicAdapter (cfg: WdtConfig, http: VendorHttp, now: () => Date = () => new Date()): ErpAdapter {
  const wdt = wdtClassic(cfg, http, now)
  return {
    async pushTrade (t: ErpTrade) {
      const c = t.consignee
      const status = t.refund ? 80 : 30
      await wdt.pushTrades([{
        tid: t.tid, trade_status: status, pay_status: 2, delivery_term: 1, trade_time: t.created_at, pay_time: t.created_at,
        buyer_nick: c?.name ?? '', receiver_name: c?.name ?? '', receiver_mobile: c?.phone ?? '', receiver_province: c?.province ?? '',
        receiver_city: c?.city ?? '', receiver_district: c?.district ?? '', receiver_address: c?.address ?? '', logistics_type: '-1',
        buyer_message: t.remark ?? '', post_amount: 0, cod_amount: 0, ext_cod_fee: 0, paid: 0,
        order_list: [{
          oid: t.item.oid, num: 1, price: 0, status, refund_status: t.refund ? 2 : 0, goods_id: t.item.goods_id, spec_id: '', goods_no: t.item.goods_no,
          spec_no: t.item.spec_no, goods_name: t.item.goods_name, spec_name: '', adjust_amount: 0, discount: 0, share_discount: 0,
        }],
      }])
    },
    async pullShipments () {
      const res = await wdt.querySync(100)
      return ((res.trades ?? []) as Array<{ rec_id: string | number; tid: string; logistics_no: string; logistics_code_erp?: string; logistics_name_erp?: string }>)
        .map((r) => ({ id: String(r.rec_id), tid: r.tid, logistics_no: r.logistics_no, courier_code: r.logistics_code_erp ?? null, courier_name: r.logistics_name_erp ?? null }))
    },
    async checkShop () {
      const res = await wdt.queryShop()
      const shop = ((res.shoplist ?? []) as Array<{ shop_no?: string; shop_name?: string }>)[0]
      if (!shop) throw new IntegrationError(`旺店通中没有店铺编号为 ${cfg.shop_no} 的店铺`, false, null, { answered: true })
      return { shop_name: shop.shop_name ?? null }
    },
    async acknowledge (results) {
      await wdt.ackSync(results.map((r) => ({ rec_id: r.id, status: r.ok ? 0 : 1, message: r.message })))
    },
  }
}
