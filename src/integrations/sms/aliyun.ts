// Aliyun SMS (Dysmsapi SendSms 2017-05-25) with the RPC v1 signature.
// https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
import { randomUUID } from 'node:crypto'
import { rpcSignature } from './aliyun-signing.js'
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { type SmsMessage, type SmsProvider, type SmsSent } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'

export const ALIYUN_ENDPOINT = 'https://dysmsapi.aliyuncs.com/'
// Throttling answers: worth another try later.
const TRANSIENT = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'SignatureNonceUsed', 'Throttling.User', 'isp.SYSTEM_ERROR', 'ServiceUnavailable'])

export function aliyunProvider (cfg: { access_key_id: string; access_key_secret: string; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): SmsProvider {
  return {
    name: 'aliyun',
    async send (m: SmsMessage): Promise<SmsSent> {
      const params: Record<string, string> = {
        AccessKeyId: cfg.access_key_id, Action: 'SendSms', Format: 'JSON', PhoneNumbers: m.phone, RegionId: 'cn-hangzhou',
        SignName: m.sign_name, SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(), SignatureVersion: '1.0',
        TemplateCode: m.template_id, TemplateParam: JSON.stringify(m.params), Timestamp: now().toISOString().replace(/\.\d{3}Z$/, 'Z'), Version: '2017-05-25',
      }
      const { signature } = rpcSignature('GET', params, cfg.access_key_secret)
      const { json } = await http.json('aliyun_sms', cfg.endpoint || ALIYUN_ENDPOINT, { method: 'GET', searchParams: { Signature: signature, ...params } }, integrationFailure)
      if (json.Code === 'OK') return { provider_message_id: json.BizId ?? null }
      throw new IntegrationError(vendorReason(json.Code, json.Message), TRANSIENT.has(json.Code), json.Code ?? null)
    },
  }
}
