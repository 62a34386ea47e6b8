// SF Express open platform (丰桥): EXP_RECE_CREATE_ORDER with msgDigest.
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER
import { randomUUID } from 'node:crypto'
import { sfMsgDigest } from './courier-signing.js'
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { CourierError, courierFailure, type CourierVendor, type Waybill, type WaybillRequest } from './port.js'

export const SF_ENDPOINT = 'https://bspgw.sf-express.com/std/service'

export function sfVendor (cfg: { partner_id: string; check_word: string; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): CourierVendor {
  return {
    name: 'sf',
    async createWaybill (req: WaybillRequest): Promise<Waybill> {
      const contact = (p: WaybillRequest['sender'], type: number) => ({ contactType: type, contact: p.name, mobile: p.phone, province: p.province, city: p.city, county: p.district, address: p.address, country: 'CN' })
      const msgData = JSON.stringify({
        language: 'zh-CN', orderId: req.order_no, monthlyCard: req.monthly_account ?? undefined, expressTypeId: req.product_type ? Number(req.product_type) || 1 : 1,
        contactInfoList: [contact(req.sender, 1), contact(req.receiver, 2)], cargoDetails: [{ name: req.cargo }],
      })
      const timestamp = String(now().getTime())
      const { json } = await http.json('sf', cfg.endpoint || SF_ENDPOINT, { method: 'POST', form: {
        partnerID: cfg.partner_id, requestID: randomUUID(), serviceCode: 'EXP_RECE_CREATE_ORDER', timestamp,
        msgDigest: sfMsgDigest(msgData, timestamp, cfg.check_word), msgData,
      } }, courierFailure)
      // A1002 (timeout) and A1099 (system error) are transient; the other A1xxx are refusals.
      if (json.apiResultCode !== 'A1000') throw new CourierError(vendorReason(json.apiResultCode, json.apiErrorMsg), ['A1002', 'A1099'].includes(json.apiResultCode), json.apiResultCode ?? null)
      let data
      try {
        data = typeof json.apiResultData === 'string' ? JSON.parse(json.apiResultData) : json.apiResultData
      } catch {
        // JSON.parse's message quotes the text: say what failed, keep it retried as before.
        throw new CourierError('apiResultData: not JSON', true)
      }
      if (!data?.success) throw new CourierError(vendorReason(data?.errorCode, data?.errorMsg), false, data?.errorCode ?? null)
      const waybill = data.msgData?.waybillNoInfoList?.[0]?.waybillNo
      if (!waybill) throw new CourierError('no waybill number in the answer', false)
      return { waybill_no: waybill, label: null }
    },
  }
}
