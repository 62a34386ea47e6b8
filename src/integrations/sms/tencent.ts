// Tencent Cloud SMS (SendSms 2021-01-11) with TC3-HMAC-SHA256. Success is per number.
// https://cloud.tencent.com/document/api/382/55981
import { tc3Signature } from './tencent-signing.js'
import { vendorReason } from '../../shared/outbound.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import { type SmsMessage, type SmsProvider, type SmsSent } from './port.js'
import { IntegrationError, integrationFailure } from '../errors.js'

export const TENCENT_ENDPOINT = 'https://sms.tencentcloudapi.com/'
const TRANSIENT = new Set(['InternalError', 'RequestLimitExceeded', 'LimitExceeded.PhoneNumberThirtySecondLimit', 'LimitExceeded.PhoneNumberOneHourLimit', 'InternalError.Timeout'])

export function tencentProvider (cfg: { secret_id: string; secret_key: string; sdk_app_id: string; region?: string | null; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): SmsProvider {
  return {
    name: 'tencent',
    async send (m: SmsMessage): Promise<SmsSent> {
      const endpoint = cfg.endpoint || TENCENT_ENDPOINT
      // An unparsable stored endpoint is refused by the call below, as final.
      const host = URL.canParse(endpoint) ? new URL(endpoint).host : ''
      const timestamp = Math.floor(now().getTime() / 1000)
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${m.phone}`], SmsSdkAppId: cfg.sdk_app_id, SignName: m.sign_name,
        TemplateId: m.template_id, TemplateParamSet: Object.values(m.params),
      })
      const { authorization } = tc3Signature({ service: 'sms', host, timestamp, payload }, cfg.secret_id, cfg.secret_key)
      const { json } = await http.json('tencent_sms', endpoint, {
        method: 'POST', body: payload,
        headers: {
          authorization, 'content-type': 'application/json; charset=utf-8', host, 'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11', 'x-tc-timestamp': String(timestamp), 'x-tc-region': cfg.region || 'ap-guangzhou',
        },
      }, integrationFailure)
      const error = json?.Response?.Error
      if (error) throw new IntegrationError(vendorReason(error.Code, error.Message), TRANSIENT.has(error.Code), error.Code)
      const status = json?.Response?.SendStatusSet?.[0]
      if (!status) throw new IntegrationError('no SendStatusSet in the answer', true)
      if (status.Code === 'Ok') return { provider_message_id: status.SerialNo ?? null }
      throw new IntegrationError(vendorReason(status.Code, status.Message), TRANSIENT.has(status.Code), status.Code)
    },
  }
}
