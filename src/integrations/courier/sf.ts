// SF Express open platform (丰桥): EXP_RECE_CREATE_ORDER with msgDigest.
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER
// Its codes (platform, business, 筛单结果) are in sf-codes.ts.
import { randomUUID } from 'node:crypto'
import { javaFormEncode, sfMsgDigest } from './courier-signing.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { type CourierVendor, type Waybill, type WaybillRequest } from './port.js'
import { IntegrationError, fromCode, integrationFailure } from '../errors.js'
import { SF_API_CODES, SF_BUSINESS_CODES, SF_DUPLICATE_ORDER_CODES, sfFilterVerdict } from './sf-codes.js'

export const SF_ENDPOINT = 'https://bspgw.sf-express.com/std/service'

/**
 * The vendor client's failure for SF. An answer that is not JSON with a 2xx status is retried:
 * SF's API answers JSON (apiResultCode) to everything it receives, even refusals, so an HTML page
 * with 200 is the gateway or a proxy in front of it (maintenance, a WAF challenge, an overloaded
 * edge) and says nothing about the request itself; the same call later reaches the API. The
 * endpoint can only be one of SF's published hosts, so it is not a wrong URL.
 */
const sfFailure = (message: string, retryable: boolean) =>
  integrationFailure(message, retryable || /^HTTP 2\d\d: not JSON$/.test(message))

interface SfOrderData {
  orderId?: string
  filterResult?: unknown
  remark?: unknown
  waybillNoInfoList?: Array<{ waybillType?: unknown; waybillNo?: string }>
}

export interface SfAccount { partner_id: string; check_word: string; endpoint?: string | null }

/**
 * One signed SF call (every 丰桥 service: orders, routes, print, cancel): the form in Java
 * URLEncoder's encoding with msgDigest, the platform code through SF's table. Resolves with
 * `apiResultData` parsed.
 */
export async function sfCall (cfg: SfAccount, http: VendorHttp, now: () => Date, serviceCode: string, msgData: string): Promise<any> {
  const timestamp = String(now().getTime())
  const { json } = await http.json('sf', cfg.endpoint || SF_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: javaFormEncode({ partnerID: cfg.partner_id, requestID: randomUUID(), serviceCode, timestamp, msgDigest: sfMsgDigest(msgData, timestamp, cfg.check_word), msgData }),
  }, sfFailure)
  if (json.apiResultCode !== 'A1000') throw fromCode(SF_API_CODES, json.apiResultCode ?? null, json.apiErrorMsg)
  try {
    return typeof json.apiResultData === 'string' ? JSON.parse(json.apiResultData) : json.apiResultData
  } catch {
    // JSON.parse's message quotes the text: say what failed, keep it retried as before.
    throw new IntegrationError('apiResultData: not JSON', true)
  }
}

/** A business call: apiResultData when `success`, or the refusal its errorCode means (SF_BUSINESS_CODES). */
export async function sfBusiness (cfg: SfAccount, http: VendorHttp, now: () => Date, serviceCode: string, msgData: string): Promise<any> {
  const data = await sfCall(cfg, http, now, serviceCode, msgData)
  if (!data?.success) throw fromCode(SF_BUSINESS_CODES, data?.errorCode ?? null, data?.errorMsg ?? data?.errorMessage)
  return data
}

export function sfVendor (cfg: SfAccount, http: VendorHttp, now: () => Date = () => new Date()): CourierVendor {
  const call = (serviceCode: string, msgData: string) => sfCall(cfg, http, now, serviceCode, msgData)

  /** A business answer: its msgData, or the refusal its errorCode means. */
  async function business (serviceCode: string, msgData: string): Promise<SfOrderData | null> {
    return (await sfBusiness(cfg, http, now, serviceCode, msgData)).msgData ?? null
  }

  /** 订单结果查询 of one of our orders: its current 筛单结果 and waybill numbers. */
  const searchOrder = (orderId: string) => business('EXP_RECE_SEARCH_ORDER_RESP', JSON.stringify({ language: 'zh-CN', orderId, searchType: '1' }))

  /** The waybill of an order answer, or why the order does not ship (yet). */
  function waybillOf (order: SfOrderData | null, orderId: string): Waybill {
    const verdict = sfFilterVerdict(order)
    if (verdict.kind === 'manual') {
      // 人工确认: SF has not decided whether it can serve the address; not shipped, asked again
      // on the retry schedule (订单结果查询 gives the decision once it is made).
      throw new IntegrationError('顺丰需人工确认能否收派（筛单结果 1），订单尚未发货，等待顺丰确认', true, 'filter_result_1', { outcome: 'transient', answered: true, vendor_message: '人工确认' })
    }
    if (verdict.kind === 'refused') {
      throw new IntegrationError(`${verdict.reason}，订单未发货`, false, `filter_result_${String(order?.filterResult)}`, { outcome: 'final', answered: true, vendor_message: String(order?.remark ?? '') || null })
    }
    // The parent waybill (waybillType 1) is the one the parcel travels under.
    const list = order?.waybillNoInfoList ?? []
    const waybill = (list.find((w) => Number(w.waybillType) === 1) ?? list[0])?.waybillNo
    if (!waybill) throw new IntegrationError(`顺丰未返回订单 ${orderId} 的运单号`, false)
    return { waybill_no: waybill, label: null }
  }

  return {
    name: 'sf',
    async createWaybill (req: WaybillRequest): Promise<Waybill> {
      const contact = (p: WaybillRequest['sender'], type: number) => ({ contactType: type, contact: p.name, mobile: p.phone, province: p.province, city: p.city, county: p.district, address: p.address, country: 'CN' })
      let order: SfOrderData | null
      try {
        order = await business('EXP_RECE_CREATE_ORDER', JSON.stringify({
          language: 'zh-CN', orderId: req.order_no, monthlyCard: req.monthly_account ?? undefined, expressTypeId: req.product_type ? Number(req.product_type) || 1 : 1,
          contactInfoList: [contact(req.sender, 1), contact(req.receiver, 2)], cargoDetails: [{ name: req.cargo }],
        }))
      } catch (err) {
        // 重复下单: SF already holds an order under our order number (an earlier attempt whose
        // answer was lost, or an earlier round). Its waybill is that order's, from 订单结果查询.
        if (!(err instanceof IntegrationError && err.code && SF_DUPLICATE_ORDER_CODES.includes(err.code))) throw err
        let existing: SfOrderData | null = null
        try {
          existing = await searchOrder(req.order_no)
        } catch (lookup) {
          if (lookup instanceof IntegrationError && lookup.retryable) throw lookup
        }
        if (!existing?.waybillNoInfoList?.length) {
          throw new IntegrationError(`顺丰已有订单号 ${req.order_no} 的订单（${err.code} 重复下单），但查不到它的运单号，请在顺丰后台核对该订单`, false, err.code, { outcome: 'final', answered: true, vendor_message: err.vendor_message })
        }
        return waybillOf(existing, req.order_no)
      }
      // 人工确认 in the create answer is checked against 订单结果查询: a repeated create returns
      // the first answer, while the query says what SF decided since.
      if (sfFilterVerdict(order).kind === 'manual') order = await searchOrder(req.order_no)
      return waybillOf(order, req.order_no)
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
