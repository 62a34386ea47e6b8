// Kuaidi100 e-waybill (label/order), sign = MD5(param + t + key + secret) upper case.
// https://api.kuaidi100.com/document/dianzimiandanV2 (电子面单下单接口); the order fields of a
// courier account are named as there and in the official SDK (kuaidi100-api/java-demo
// `request/labelV2/OrderReq.java`); which courier needs which is its 参数字典,
// https://api.kuaidi100.com/document/5f0ff6e82977d50a94e10237. Codes: kuaidi100-codes.ts.
import { kuaidi100PrintSign } from './courier-signing.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { type CourierVendor, type Waybill, type WaybillRequest } from './port.js'
import { IntegrationError, fromCode, integrationFailure } from '../errors.js'
import { KUAIDI100_CODES } from './kuaidi100-codes.js'

export const KUAIDI100_ENDPOINT = 'https://api.kuaidi100.com/label/order'

export const SF_TEMPLATE_REQUIRED = '通过快递100下单顺丰时必须填写面单模板编码（fm 开头的顺丰新模板），请在物流配置的电子面单账号中填写'

export interface Kuaidi100Account {
  /** 授权 key and secret of the Kuaidi100 enterprise account. */
  key: string
  secret: string
  /** Kuaidi100's company code (shunfeng, zhongtong …). */
  kuaidicom: string
  /** The courier's e-waybill account at Kuaidi100: 客户账户/月结账号, 密码, 密钥, 账户名称, 网点, 承载编号, 快递员. Each courier needs a different subset. */
  partner_id?: string | null
  partner_key?: string | null
  partner_secret?: string | null
  partner_name?: string | null
  net?: string | null
  code?: string | null
  check_man?: string | null
  /** 菜鸟/淘宝/拼多多 authorised accounts with several 网点: "网点名称,网点编号" (tbNet). */
  tb_net?: string | null
  /** 快递100 模板编码 (tempId, required for shunfeng); 支付方式 SHIPPER / CONSIGNEE / MONTHLY / THIRDPARTY. */
  temp_id?: string | null
  pay_type?: string | null
  endpoint?: string | null
  /** 快递100 云打印机 (siid): set, the label is printed there when the waybill is issued (printType CLOUD). */
  siid?: string | null
}

/** One signed call of Kuaidi100's label/order API (order, cancel, printOld …): code 200, or the refusal KUAIDI100_CODES says it is. */
export async function kuaidi100Call (cfg: { key: string; secret: string; endpoint?: string | null }, http: VendorHttp, now: () => Date, method: string, param: string): Promise<any> {
  const t = String(now().getTime())
  const { json } = await http.json('kuaidi100', cfg.endpoint || KUAIDI100_ENDPOINT, { method: 'POST', form: { key: cfg.key, method, t, param, sign: kuaidi100PrintSign(param, t, cfg.key, cfg.secret) } }, integrationFailure)
  if (Number(json.code) !== 200) throw fromCode(KUAIDI100_CODES, json.code ?? null, json.message)
  return json
}

export function kuaidi100Vendor (cfg: Kuaidi100Account, http: VendorHttp, now: () => Date = () => new Date()): CourierVendor {
  const call = (method: string, param: string) => kuaidi100Call(cfg, http, now, method, param)
  const opt = (v: string | null | undefined) => v || undefined

  return {
    name: 'kuaidi100',
    async createWaybill (req: WaybillRequest): Promise<Waybill> {
      // "应顺丰官方要求，下单顺丰时tempId需要传顺丰新模板" (https://api.kuaidi100.com/document/zidanhuidanchuanzhi):
      // without one Kuaidi100 refuses every SF order, so none is sent.
      if (cfg.kuaidicom === 'shunfeng' && !cfg.temp_id?.trim()) {
        throw new IntegrationError(SF_TEMPLATE_REQUIRED, false, 'temp_id_required', { outcome: 'misconfiguration' })
      }
      const man = (p: WaybillRequest['sender']) => ({ name: p.name, mobile: p.phone, printAddr: `${p.province}${p.city}${p.district}${p.address}` })
      const json = await call('order', JSON.stringify({
        kuaidicom: cfg.kuaidicom, partnerId: opt(cfg.partner_id) ?? req.monthly_account ?? undefined, partnerKey: opt(cfg.partner_key), partnerSecret: opt(cfg.partner_secret),
        partnerName: opt(cfg.partner_name), net: opt(cfg.net), code: opt(cfg.code), checkMan: opt(cfg.check_man), tbNet: opt(cfg.tb_net), tempId: opt(cfg.temp_id), payType: opt(cfg.pay_type),
        recMan: man(req.receiver), sendMan: man(req.sender), cargo: req.cargo, count: 1, expType: req.product_type ?? undefined, printType: cfg.siid ? 'CLOUD' : 'IMAGE', siid: opt(cfg.siid), orderId: req.order_no,
      }))
      const waybill = json.data?.kuaidinum
      if (!waybill) throw new IntegrationError('no waybill number in the answer', false)
      return { waybill_no: waybill, label: json.data?.label ?? null, task_id: json.data?.taskId ?? null, courier_order_no: json.data?.kdComOrderNum ?? null }
    },

    // 快递预估时效查询 (method=time) on the same signed endpoint: read-only, signed with the same
    // key and secret, so code 200 proves them (kuaidi100-api/php-demo, 快递预估时效查询).
    async checkCredentials () {
      const at = now()
      const pad = (n: number) => String(n).padStart(2, '0')
      const orderTime = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:00`
      await call('time', JSON.stringify({ kuaidicom: cfg.kuaidicom, from: '广东深圳市南山区', to: '北京北京市海淀区', orderTime }))
      return { message: '快递100 已接受授权 key 和 secret（时效查询接口调用成功）' }
    },
  }
}
