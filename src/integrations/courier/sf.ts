// SF Express open platform (丰桥): EXP_RECE_CREATE_ORDER with msgDigest.
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER
import { randomUUID } from 'node:crypto'
import { sfMsgDigest } from './courier-signing.js'
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { type CourierVendor, type Waybill, type WaybillRequest } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'

export const SF_ENDPOINT = 'https://bspgw.sf-express.com/std/service'

/** SF's error codes that say the credentials themselves are wrong (丰桥 公共返回码). */
const SF_API_REASONS: Record<string, string> = {
  A1001: '必传参数不可为空', A1003: '顾客编码（partnerID）不存在或未启用', A1004: '无对应服务权限：请在丰桥为该顾客编码申请下单接口',
  A1006: '数字签名无效：校验码（checkWord）不对，或沙箱与生产环境混用',
}

export function sfVendor (cfg: { partner_id: string; check_word: string; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): CourierVendor {
  /** One signed call; A1000 or a IntegrationError. `apiResultData` parsed. */
  async function call (serviceCode: string, msgData: string) {
    const timestamp = String(now().getTime())
    const { json } = await http.json('sf', cfg.endpoint || SF_ENDPOINT, { method: 'POST', form: {
      partnerID: cfg.partner_id, requestID: randomUUID(), serviceCode, timestamp,
      msgDigest: sfMsgDigest(msgData, timestamp, cfg.check_word), msgData,
    } }, integrationFailure)
    // A1002 (timeout) and A1099 (system error) are transient; the other A1xxx are refusals.
    if (json.apiResultCode !== 'A1000') {
      const code = json.apiResultCode ?? null
      throw new IntegrationError(vendorReason(code, json.apiErrorMsg || SF_API_REASONS[code]), ['A1002', 'A1099'].includes(code), code)
    }
    try {
      return typeof json.apiResultData === 'string' ? JSON.parse(json.apiResultData) : json.apiResultData
    } catch {
      // JSON.parse's message quotes the text: say what failed, keep it retried as before.
      throw new IntegrationError('apiResultData: not JSON', true)
    }
  }

  return {
    name: 'sf',
    async createWaybill (req: WaybillRequest): Promise<Waybill> {
      const contact = (p: WaybillRequest['sender'], type: number) => ({ contactType: type, contact: p.name, mobile: p.phone, province: p.province, city: p.city, county: p.district, address: p.address, country: 'CN' })
      const data = await call('EXP_RECE_CREATE_ORDER', JSON.stringify({
        language: 'zh-CN', orderId: req.order_no, monthlyCard: req.monthly_account ?? undefined, expressTypeId: req.product_type ? Number(req.product_type) || 1 : 1,
        contactInfoList: [contact(req.sender, 1), contact(req.receiver, 2)], cargoDetails: [{ name: req.cargo }],
      }))
      if (!data?.success) throw new IntegrationError(vendorReason(data?.errorCode, data?.errorMsg), false, data?.errorCode ?? null)
      const waybill = data.msgData?.waybillNoInfoList?.[0]?.waybillNo
      if (!waybill) throw new IntegrationError('no waybill number in the answer', false)
      return { waybill_no: waybill, label: null }
    },

    // 订单结果查询 (EXP_RECE_SEARCH_ORDER_RESP) of an order id we never create: read-only, in the
    // same API group as 下单, so it needs exactly the permission waybills need. SF checks the
    // partner, the digest and the permission before the order (A1003/A1004/A1006); past them
    // the answer is "no such order" (success false), which is the expected outcome here.
    async checkCredentials () {
      await call('EXP_RECE_SEARCH_ORDER_RESP', JSON.stringify({ language: 'zh-CN', orderId: `KQCHECK${now().getTime()}`, searchType: '1' }))
      return { message: '顺丰已接受顾客编码和校验码（订单结果查询接口调用成功）' }
    },
  }
}
