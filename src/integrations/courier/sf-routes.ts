// SF route query (路由查询, EXP_RECE_SEARCH_ROUTES): the fallback when route pushes stop. By
// waybill (trackingType 1) with the last 4 digits of the consignee's or sender's phone
// (checkPhoneNo), as SF requires for a waybill query.
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_SEARCH_ROUTES
// The signed call is the one of sf.ts (msgDigest over msgData + timestamp + checkWord), copied
// here in a few lines so the e-waybill adapter stays as it is.
import { randomUUID } from 'node:crypto'
import { sfMsgDigest } from './courier-signing.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { fromCode, IntegrationError, integrationFailure, type CodeTable } from '../errors.js'

export const SF_ENDPOINT = 'https://bspgw.sf-express.com/std/service'

/**
 * 丰桥 公共返回码 (apiResultCode) as they concern a query: A1000 is success.
 * https://open.sf-express.com/developSupport/976720?authId=1 (公共返回码)
 */
export const SF_API_CODES: CodeTable = {
  codes: {
    A1001: { outcome: 'final', reason: '必传参数不可为空' },
    A1002: { outcome: 'transient', reason: '请求时效已过期' },
    A1003: { outcome: 'misconfiguration', reason: '顾客编码（partnerID）不存在或未启用' },
    A1004: { outcome: 'misconfiguration', reason: '无对应服务权限：请在丰桥为该顾客编码申请路由查询接口' },
    // 流量受控: SF is throttling; later is fine.
    A1005: { outcome: 'transient', reason: '流量受控' },
    A1006: { outcome: 'misconfiguration', reason: '数字签名无效：校验码（checkWord）不对，或沙箱与生产环境混用' },
    // 目标服务异常或不可达.
    A1009: { outcome: 'transient', reason: '目标服务异常或不可达' },
    A1099: { outcome: 'transient', reason: '系统异常' },
  },
  fallback: 'final',
}

/** One route of a waybill, as SF's push and query both name its fields. */
export interface SfRoute { mailno: string; acceptTime: string; acceptAddress: string; remark: string; opCode: string }

export interface SfRouteQuery {
  partner_id: string
  check_word: string
  endpoint?: string | null
  waybill: string
  /** The consignee's phone; its last 4 digits are sent. */
  phone: string
}

/** Routes of one waybill, oldest first as SF lists them; [] when SF has none yet. */
export async function sfSearchRoutes (http: VendorHttp, q: SfRouteQuery, now: () => Date = () => new Date()): Promise<SfRoute[]> {
  const msgData = JSON.stringify({ language: '0', trackingType: '1', trackingNumber: [q.waybill], methodType: '1', checkPhoneNo: q.phone.replace(/\D/g, '').slice(-4) })
  const timestamp = String(now().getTime())
  const { json } = await http.json('sf', q.endpoint || SF_ENDPOINT, { method: 'POST', form: {
    partnerID: q.partner_id, requestID: randomUUID(), serviceCode: 'EXP_RECE_SEARCH_ROUTES', timestamp,
    msgDigest: sfMsgDigest(msgData, timestamp, q.check_word), msgData,
  } }, integrationFailure)
  if (json?.apiResultCode !== 'A1000') throw fromCode(SF_API_CODES, json?.apiResultCode ?? null, json?.apiErrorMsg)
  let data: any
  try {
    data = typeof json.apiResultData === 'string' ? JSON.parse(json.apiResultData) : json.apiResultData
  } catch {
    throw new IntegrationError('apiResultData: not JSON', true)
  }
  if (!data?.success) throw fromCode({ codes: {}, fallback: 'final' }, data?.errorCode ?? null, data?.errorMsg)
  const out: SfRoute[] = []
  for (const r of data.msgData?.routeResps ?? []) {
    const mailno = String(r?.mailNo ?? '')
    if (!mailno) continue
    for (const x of r.routes ?? []) {
      out.push({ mailno, acceptTime: String(x?.acceptTime ?? ''), acceptAddress: String(x?.acceptAddress ?? ''), remark: String(x?.remark ?? ''), opCode: String(x?.opCode ?? '') })
    }
  }
  return out
}
