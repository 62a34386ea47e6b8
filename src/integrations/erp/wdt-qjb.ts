// Wangdiantong 旗舰版 (QJB): method calls with positional JSON arguments as the body; sid, key,
// salt, method, v, timestamp (seconds since 2012-01-01 UTC+8 epoch offset) and sign in the query.
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { wdtQjbSign } from './wdt-signing.js'
import { IntegrationError, integrationFailure } from '../errors.js'
import type { ErpAdapter, ErpShipment, ErpTrade } from './port.js'

export const WDT_QJB_ENDPOINT = 'http://wdt.wangdian.cn/openapi'
const EPOCH = 1325347200

export interface QjbConfig { sid: string; key: string; secret: string; salt: string; shop_no: string; endpoint?: string | null }

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
    if (Number(json.status) !== 0) {
      // 7 = timestamp out of window, 100 with the rate limit message: worth a later try.
      const retry = Number(json.status) === 7 || (Number(json.status) === 100 && /频率/.test(String(json.message ?? '')))
      throw new IntegrationError(vendorReason(json.status, json.message), retry, null, { answered: true })
    }
    return json.data
  }

  return {
    async pushTrade (t: ErpTrade) {
      const c = t.consignee
      const status = t.refund ? 80 : 30
      const rawTrade = {
        tid: t.tid, process_status: 10, trade_status: status, refund_status: t.refund ? 2 : 0, pay_status: 2, order_count: 1, goods_count: 1, pay_method: 8,
        trade_time: t.created_at, end_time: t.created_at, buyer_nick: c?.name ?? '', receiver_name: c?.name ?? '',
        receiver_area: c ? `${c.province} ${c.city} ${c.district}` : '', receiver_address: c?.address ?? '', receiver_mobile: c?.phone ?? '',
        post_amount: 0, discount: 0, receivable: 0, delivery_term: 1, is_auto_wms: false, warehouse_no: '', buyer_message: t.remark ?? '',
      }
      const rawOrder = {
        tid: t.tid, oid: t.item.oid, status, refund_status: t.refund ? 2 : 0, goods_id: t.item.goods_id, spec_id: '', goods_no: t.item.goods_no,
        spec_no: t.item.spec_no, goods_name: t.item.goods_name, num: 1, price: 0, discount: 0, share_discount: 0, total_amount: 0, adjust_amount: 0, refund_amount: 0, remark: '',
      }
      const data = await call('sales.RawTrade.pushSelf2', [cfg.shop_no, [rawTrade], [rawOrder]])
      const errors = data?.error_list as Array<{ no: string; error: string }> | undefined
      if (errors?.length) throw new IntegrationError(vendorReason(errors[0].no, errors[0].error), false, null, { answered: true })
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
      if (!shop) throw new IntegrationError(`旺店通中没有店铺编号为 ${cfg.shop_no} 的店铺`, false, null, { answered: true })
      return { shop_name: shop.shop_name ?? null }
    },

    async acknowledge (results) {
      await call('sales.LogisticsSync.update', [results.map((r) => ({ sync_id: r.id, status: r.ok ? 0 : 2, error_msg: r.ok ? '' : r.message }))])
    },
  }
}
