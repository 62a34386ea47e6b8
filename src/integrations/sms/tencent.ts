// Tencent Cloud SMS (2021-01-11) with TC3-HMAC-SHA256: SendSms (success is per number) and
// PullSmsSendStatus for the delivery receipts.
//  SendSms: https://cloud.tencent.com/document/api/382/55981
//  PullSmsSendStatus: https://www.tencentcloud.com/document/api/382/40519 (answer fields: SerialNo,
//  ReportStatus SUCCESS/FAIL, Description, UserReceiveTime in unix seconds)
import { tc3Signature } from './tencent-signing.js'
import type { VendorHttp } from '../vendor-endpoints.js'
import type { SmsMessage, SmsProvider, SmsReceipt, SmsSent } from './port.js'
import { IntegrationError, fromCode, integrationFailure } from '../errors.js'
import { TENCENT_SMS_CODES } from './tencent-codes.js'

export const TENCENT_ENDPOINT = 'https://sms.tencentcloudapi.com/'
/** PullSmsSendStatus hands out at most 100 receipts a call; a round takes at most this many calls. */
const PULL_LIMIT = 100
const PULL_ROUNDS = 5

export function tencentProvider (cfg: { secret_id: string; secret_key: string; sdk_app_id: string; region?: string | null; endpoint?: string | null }, http: VendorHttp, now: () => Date = () => new Date()): SmsProvider {
  async function call (action: string, body: object): Promise<any> {
    const endpoint = cfg.endpoint || TENCENT_ENDPOINT
    // An unparsable stored endpoint is refused by the call below, as final.
    const host = URL.canParse(endpoint) ? new URL(endpoint).host : ''
    const timestamp = Math.floor(now().getTime() / 1000)
    const payload = JSON.stringify(body)
    const { authorization } = tc3Signature({ service: 'sms', host, timestamp, payload }, cfg.secret_id, cfg.secret_key)
    const { json } = await http.json('tencent_sms', endpoint, {
      method: 'POST', body: payload,
      headers: {
        authorization, 'content-type': 'application/json; charset=utf-8', host, 'x-tc-action': action,
        'x-tc-version': '2021-01-11', 'x-tc-timestamp': String(timestamp), 'x-tc-region': cfg.region || 'ap-guangzhou',
      },
    }, integrationFailure)
    const error = json?.Response?.Error
    if (error) throw fromCode(TENCENT_SMS_CODES, error.Code, error.Message)
    return json
  }

  return {
    name: 'tencent',
    async send (m: SmsMessage): Promise<SmsSent> {
      const json = await call('SendSms', {
        PhoneNumberSet: [`+86${m.phone}`], SmsSdkAppId: cfg.sdk_app_id, SignName: m.sign_name,
        TemplateId: m.template_id, TemplateParamSet: Object.values(m.params),
      })
      const status = json?.Response?.SendStatusSet?.[0]
      if (!status) throw new IntegrationError('no SendStatusSet in the answer', true)
      if (status.Code === 'Ok') return { provider_message_id: status.SerialNo ?? null }
      throw fromCode(TENCENT_SMS_CODES, status.Code, status.Message)
    },

    /**
     * The receipts Tencent has not handed out yet, for the whole SdkAppId (each is pulled once,
     * whichever text it is for): up to PULL_ROUNDS calls, until one comes back short.
     */
    async receipts (): Promise<SmsReceipt[]> {
      const out: SmsReceipt[] = []
      for (let round = 0; round < PULL_ROUNDS; round++) {
        const json = await call('PullSmsSendStatus', { SmsSdkAppId: cfg.sdk_app_id, Limit: PULL_LIMIT })
        const set: any[] = json?.Response?.PullSmsSendStatusSet ?? []
        for (const s of set) {
          if (!s?.SerialNo) continue
          const delivered = s.ReportStatus === 'SUCCESS'
          const at = Number(s.UserReceiveTime)
          out.push({
            provider_message_id: String(s.SerialNo), state: delivered ? 'delivered' : 'failed',
            code: delivered ? 'SUCCESS' : 'FAIL', reason: delivered ? null : `运营商回执：${s.Description || '发送失败'}`,
            at: Number.isFinite(at) && at > 0 ? at * 1000 : null,
          })
        }
        if (set.length < PULL_LIMIT) break
      }
      return out
    },
  }
}
