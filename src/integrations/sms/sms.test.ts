import t from 'tap'
import nock from 'nock'
import { aliyunProvider } from './aliyun.js'
import { rpcSignature } from './aliyun-signing.js'
import { tencentProvider } from './tencent.js'
import { consoleProvider } from './console.js'
import { createVendorHttp } from '../vendor-endpoints.js'
import { IntegrationError } from '../errors.js'

nock.disableNetConnect()
t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })

const message = { phone: '13800138000', sign_name: '鲜果铺', template_id: 'SMS_1001', params: { order_no: '20261123100000123456', product: '苹果礼盒' } }
const fixed = () => new Date('2026-11-23T02:00:00.000Z')
// The strict policy: the vendors' published hosts only (nock answers for them).
const http = createVendorHttp({ hosts: [], allowPrivate: false })

async function refusal (p: Promise<unknown>): Promise<IntegrationError> {
  try { await p } catch (err) { return err as IntegrationError }
  throw new Error('expected a refusal')
}

t.test('Aliyun SendSms: documented fields, a valid RPC signature, business vs transient errors', async (t) => {
  const provider = aliyunProvider({ access_key_id: 'LTAIkey', access_key_secret: 'topsecret' }, http, fixed)
  let seen: Record<string, string> = {}
  nock('https://dysmsapi.aliyuncs.com').get('/').query((q) => { seen = q as Record<string, string>; return true }).reply(200, { Code: 'OK', BizId: 'biz-1', Message: 'OK' })
  t.same(await provider.send(message), { provider_message_id: 'biz-1' })
  t.match(seen, { Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: '鲜果铺', TemplateCode: 'SMS_1001', Timestamp: '2026-11-23T02:00:00Z', SignatureMethod: 'HMAC-SHA1', Format: 'JSON' })
  t.same(JSON.parse(seen.TemplateParam), message.params)
  const { Signature, ...rest } = seen
  t.equal(Signature, rpcSignature('GET', rest, 'topsecret').signature, 'the signature verifies over what was sent')

  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'isv.INVALID_SIGN_NAME', Message: '签名不合法' })
  const business = await refusal(provider.send(message))
  t.equal(business.retryable, false, 'a business refusal is not retried')
  t.equal(business.code, 'isv.INVALID_SIGN_NAME')
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发流控' })
  t.equal((await refusal(provider.send(message))).retryable, true, 'throttling is retried')
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(503, 'down')
  t.equal((await refusal(provider.send(message))).retryable, true, '5xx is retried')
  // No interceptor and no network: the connection fails, as when the provider is unreachable.
  t.equal((await refusal(provider.send(message))).retryable, true, 'a network failure is retried')
})

t.test('Tencent SendSms 2021-01-11: TC3 headers, per-number status', async (t) => {
  const provider = tencentProvider({ secret_id: 'AKIDxx', secret_key: 'tsecret', sdk_app_id: '1400000000', endpoint: 'https://sms.ap-guangzhou.tencentcloudapi.com/' }, http, fixed)
  let body: any
  let headers: Record<string, string> = {}
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/', (b) => { body = b; return true }).reply(function (this: { req: { headers: Record<string, string> } }) {
    headers = this.req.headers as Record<string, string>
    return [200, { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: 'serial-1', PhoneNumber: '+8613800138000' }], RequestId: 'r1' } }]
  })
  t.same(await provider.send(message), { provider_message_id: 'serial-1' })
  t.same(body, { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400000000', SignName: '鲜果铺', TemplateId: 'SMS_1001', TemplateParamSet: ['20261123100000123456', '苹果礼盒'] })
  t.equal(headers['x-tc-action'], 'SendSms')
  t.equal(headers['x-tc-version'], '2021-01-11')
  t.match(headers.authorization, /^TC3-HMAC-SHA256 Credential=AKIDxx\/2026-11-23\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/)

  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { SendStatusSet: [{ Code: 'FailedOperation.PhoneNumberInBlacklist', Message: '黑名单' }] } })
  const blocked = await refusal(provider.send(message))
  t.equal(blocked.retryable, false)
  t.equal(blocked.code, 'FailedOperation.PhoneNumberInBlacklist')
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad' } } })
  t.equal((await refusal(provider.send(message))).retryable, false)
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { Error: { Code: 'RequestLimitExceeded', Message: 'slow down' } } })
  t.equal((await refusal(provider.send(message))).retryable, true)
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(502, 'bad gateway')
  t.equal((await refusal(provider.send(message))).retryable, true)
})

t.test('console provider: a card password in the parameters never reaches the log', async (t) => {
  const lines: object[] = []
  const provider = consoleProvider({ info: (o) => { lines.push(o) } })
  await provider.send({ phone: '13800138000', sign_name: '鲜果铺', template_id: 'SMS_CARD', params: { card: 'T000001', password: 'Pw9x7Kq2Lm', url: 'https://kaquan.test/r/default?c=T000001' } })
  t.same(lines, [{ provider: 'console', phone: '138****8000', sign_name: '鲜果铺', template_id: 'SMS_CARD', params: { card: '****', password: '****', url: '****' } }])
  t.notMatch(JSON.stringify(lines), /Pw9x7Kq2Lm|T000001/)
})
