// Kuaidi100 tracking subscription (订阅): POST poll.kuaidi100.com/poll, form `schema=json` and
// `param` = {company, number, key, parameters: {callbackurl, salt, resultv2, phone}}. Kuaidi100
// then pushes the trail to the callback URL, signed MD5(param + salt).
// https://apifox.com/apidoc/project-514987/api-8567477 (订阅接口; `parameters.phone`: 收、寄件人的电话号码，
// 顺丰单号必填).
import type { VendorHttp } from '../vendor-endpoints.js'
import { fromCode, integrationFailure } from '../errors.js'
import { KUAIDI100_POLL_CODES, KUAIDI100_POLL_OK } from './kuaidi100-poll-codes.js'

export const KUAIDI100_POLL = 'https://poll.kuaidi100.com/poll'

/** Our courier codes → Kuaidi100's company codes, for subscriptions. */
export const KUAIDI100_COMPANY: Record<string, string> = {
  SF: 'shunfeng', ZTO: 'zhongtong', YTO: 'yuantong', STO: 'shentong', YUNDA: 'yunda', EMS: 'ems', JD: 'jd', JTSD: 'jtexpress',
  DBL: 'debangkuaidi', YZPY: 'youzhengguonei', HTKY: 'huitongkuaidi', ZJS: 'zhaijisong', ANE: 'annengwuliu', KYSY: 'kuayue',
}

export interface Kuaidi100Subscription {
  endpoint?: string | null
  key: string
  salt: string
  company: string
  number: string
  callbackurl: string
  /** The consignee's phone: Kuaidi100 requires it for SF numbers, and it helps for the others. */
  phone?: string | null
}

/**
 * Subscribes one waybill. Resolves with the returnCode when a subscription is in place (200, or
 * 501 already subscribed); otherwise throws the IntegrationError the code table says.
 */
export async function kuaidi100Subscribe (http: VendorHttp, s: Kuaidi100Subscription): Promise<{ returnCode: string }> {
  const parameters: Record<string, string> = { callbackurl: s.callbackurl, salt: s.salt, resultv2: '1' }
  if (s.phone) parameters.phone = s.phone
  const param = JSON.stringify({ company: s.company, number: s.number, key: s.key, parameters })
  const { json } = await http.json('kuaidi100_poll', s.endpoint || KUAIDI100_POLL, { method: 'POST', form: { schema: 'json', param } }, integrationFailure)
  const code = json?.returnCode === undefined || json?.returnCode === null ? null : String(json.returnCode)
  if ((KUAIDI100_POLL_OK as readonly string[]).includes(code ?? '') || (json?.result === true && code === null)) return { returnCode: code ?? '200' }
  throw fromCode(KUAIDI100_POLL_CODES, code, json?.message)
}
