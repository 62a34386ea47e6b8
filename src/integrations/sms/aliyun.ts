// Aliyun SMS (Dysmsapi 2017-05-25) with the RPC v1 signature: SendSms, and QuerySendDetails for
// the delivery receipts.
//  SendSms: https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
//  QuerySendDetails: https://help.aliyun.com/document_detail/419277.html
import { randomUUID } from 'node:crypto'
import { aliyunEncode, rpcCanonicalQuery, rpcSignature } from './aliyun-signing.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import type { SmsMessage, SmsProvider, SmsReceipt, SmsSent, SmsSentRef } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'
import { ALIYUN_SEND_STATUS, aliyunSmsError } from './aliyun-codes.js'

export const ALIYUN_ENDPOINT = 'https://dysmsapi.aliyuncs.com/'
const CHINA_MS = 8 * 3_600_000

/** Aliyun's dates are Beijing time: "yyyyMMdd" for SendDate, "yyyy-MM-dd HH:mm:ss" in answers. */
export const beijingDay = (ms: number) => new Date(ms + CHINA_MS).toISOString().slice(0, 10).replace(/-/g, '')
function beijingTime (s: unknown): number | null {
  const m = typeof s === 'string' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(s) : null
  return m ? Date.parse(`${m[1]}T${m[2]}+08:00`) : null
}

/**
 * The request URL as Aliyun's SDK (@alicloud/pop-core) builds it: the parameters sorted and
 * percent-encoded as in the signature (RFC 3986: space %20, `*` %2A, `~` kept), then the
 * Signature, encoded the same way. A form-encoded query (`+`, `%7E`, raw `*`) is another byte
 * string than the one signed.
 */
export function rpcUrl (endpoint: string, params: Record<string, string>, signature: string): string {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`
  return `${base}?${rpcCanonicalQuery(params)}&Signature=${aliyunEncode(signature)}`
}

export function aliyunProvider (cfg: { access_key_id: string; access_key_secret: string; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): SmsProvider {
  async function call (action: string, args: Record<string, string>): Promise<any> {
    const params: Record<string, string> = {
      AccessKeyId: cfg.access_key_id, Action: action, Format: 'JSON', RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(), SignatureVersion: '1.0',
      Timestamp: now().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2017-05-25', ...args,
    }
    const { signature } = rpcSignature('GET', params, cfg.access_key_secret)
    const { json } = await http.json('aliyun_sms', rpcUrl(cfg.endpoint || ALIYUN_ENDPOINT, params, signature), { method: 'GET' }, integrationFailure)
    if (json?.Code !== 'OK') throw aliyunSmsError(json?.Code ?? null, json?.Message)
    return json
  }

  return {
    name: 'aliyun',
    async send (m: SmsMessage): Promise<SmsSent> {
      const json = await call('SendSms', { PhoneNumbers: m.phone, SignName: m.sign_name, TemplateCode: m.template_id, TemplateParam: JSON.stringify(m.params) })
      return { provider_message_id: json.BizId ?? null }
    },

    /** One QuerySendDetails per text (by number, send date and BizId); SendStatus 1 is still waiting. */
    async receipts (texts: SmsSentRef[]): Promise<SmsReceipt[]> {
      const out: SmsReceipt[] = []
      for (const text of texts) {
        let json: any
        try {
          json = await call('QuerySendDetails', { PhoneNumber: text.phone, SendDate: beijingDay(text.sent_at), BizId: text.provider_message_id, PageSize: '10', CurrentPage: '1' })
        } catch (err) {
          // This text's query refused (a bad number): the others may still answer. Anything
          // else (the account, throttling, the network) stops the round.
          if (err instanceof IntegrationError && err.outcome === 'final') continue
          throw err
        }
        const details: any[] = json?.SmsSendDetailDTOs?.SmsSendDetailDTO ?? []
        const d = details.find((x) => Number(x?.SendStatus) !== ALIYUN_SEND_STATUS.waiting) ?? null
        if (!d) continue
        const status = Number(d.SendStatus)
        if (status === ALIYUN_SEND_STATUS.delivered) {
          out.push({ provider_message_id: text.provider_message_id, state: 'delivered', code: d.ErrCode ?? null, reason: null, at: beijingTime(d.ReceiveDate) })
        } else if (status === ALIYUN_SEND_STATUS.failed) {
          out.push({ provider_message_id: text.provider_message_id, state: 'failed', code: d.ErrCode ?? null, reason: d.ErrCode ? `运营商回执：${d.ErrCode}` : '运营商回执：发送失败', at: beijingTime(d.ReceiveDate) })
        }
      }
      return out
    },
  }
}
