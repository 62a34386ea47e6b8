// SF route query (路由查询, EXP_RECE_SEARCH_ROUTES): the fallback when route pushes stop. By
// waybill (trackingType 1) with the last 4 digits of the consignee's or sender's phone
// (checkPhoneNo), as SF requires for a waybill query.
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_SEARCH_ROUTES
// The signed call and SF's codes are those of every SF call (sf.ts, sf-codes.ts).
import type { VendorHttp } from '../vendor-endpoints.js'
import { sfBusiness } from './sf.js'

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
  const data = await sfBusiness(q, http, now, 'EXP_RECE_SEARCH_ROUTES', msgData)
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
