// Kuaidi100 e-waybill (label/order), sign = MD5(param + t + key + secret) upper case.
// https://api.kuaidi100.com/document/ (电子面单下单)
import { kuaidi100PrintSign } from './courier-signing.js'
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { CourierError, courierFailure, type CourierVendor, type Waybill, type WaybillRequest } from './port.js'

export const KUAIDI100_ENDPOINT = 'https://api.kuaidi100.com/label/order'

export function kuaidi100Vendor (cfg: { key: string; secret: string; kuaidicom: string; partner_id?: string | null; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): CourierVendor {
  return {
    name: 'kuaidi100',
    async createWaybill (req: WaybillRequest): Promise<Waybill> {
      const man = (p: WaybillRequest['sender']) => ({ name: p.name, mobile: p.phone, printAddr: `${p.province}${p.city}${p.district}${p.address}` })
      const param = JSON.stringify({
        kuaidicom: cfg.kuaidicom, partnerId: cfg.partner_id ?? req.monthly_account ?? undefined, recMan: man(req.receiver), sendMan: man(req.sender),
        cargo: req.cargo, count: 1, expType: req.product_type ?? undefined, printType: 'IMAGE', orderId: req.order_no,
      })
      const t = String(now().getTime())
      const { json } = await http.json('kuaidi100', cfg.endpoint || KUAIDI100_ENDPOINT, { method: 'POST', form: { key: cfg.key, method: 'order', t, param, sign: kuaidi100PrintSign(param, t, cfg.key, cfg.secret) } }, courierFailure)
      // Kuaidi100's own error codes (30002 …) are refusals; only a 5xx-style code is worth a retry.
      if (Number(json.code) !== 200) throw new CourierError(vendorReason(json.code, json.message), Number(json.code) >= 500 && Number(json.code) < 600, String(json.code))
      const waybill = json.data?.kuaidinum
      if (!waybill) throw new CourierError('no waybill number in the answer', false)
      return { waybill_no: waybill, label: json.data?.label ?? null }
    },
  }
}
