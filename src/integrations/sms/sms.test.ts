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
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发天级流控Permits:10' })
  const daily = await refusal(provider.send(message))
  t.equal(daily.retryable, false, 'the daily cap is final: tomorrow the text is stale')
  t.equal(daily.message, 'isv.BUSINESS_LIMIT_CONTROL: 触发天级流控Permits:10', 'the reason as Aliyun gave it')
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' })
  t.equal((await refusal(provider.send(message))).retryable, true, 'the minute limit is retried')
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'Throttling.Api', Message: 'Request was denied due to api flow control.' })
  t.equal((await refusal(provider.send(message))).retryable, true, 'API throttling is retried')
  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' })
  t.equal((await refusal(provider.send(message))).outcome, 'misconfiguration', 'a wrong AccessKey is the settings\' fault')
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
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { Error: { Code: 'RequestLimitExceeded.IPLimitExceeded', Message: 'ip limit' } } })
  t.equal((await refusal(provider.send(message))).retryable, true, 'the IP rate limit is retried')
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { Error: { Code: 'InternalError.SendAndRecvFail', Message: '接口超时或后包失败' } } })
  t.equal((await refusal(provider.send(message))).retryable, true, 'a timeout inside Tencent is retried')
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: '单个手机号日下发短信条数超过设定的上限' }] } })
  const capped = await refusal(provider.send(message))
  t.equal(capped.retryable, false, 'the per-phone daily cap is final')
  t.equal(capped.code, 'LimitExceeded.PhoneNumberDailyLimit')
  nock('https://sms.ap-guangzhou.tencentcloudapi.com').post('/').reply(200, { Response: { SendStatusSet: [{ Code: 'FailedOperation.TemplateIncorrectOrUnapproved', Message: '模板未审批或内容不匹配' }] } })
  t.equal((await refusal(provider.send(message))).outcome, 'misconfiguration', 'a per-number code goes through the same table')
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

t.test('Aliyun: the query is percent-encoded as the SDK sends it (%20, ~, %2A), and signed over exactly that', async (t) => {
  const provider = aliyunProvider({ access_key_id: 'LTAIkey', access_key_secret: 'topsecret' }, http, fixed)
  let raw = ''
  nock('https://dysmsapi.aliyuncs.com').get(() => true).reply(function (this: { req: { path: string } }, uri) {
    raw = uri
    return [200, { Code: 'OK', BizId: 'biz-2' }]
  })
  await provider.send({ ...message, params: { product: 'Fuji apple ~1kg *2' } })
  const query = raw.slice(raw.indexOf('?') + 1)
  t.match(query, 'TemplateParam=%7B%22product%22%3A%22Fuji%20apple%20~1kg%20%2A2%22%7D', 'space %20, ~ as is, * as %2A')
  t.notMatch(query, /\+|%7E|\*/, 'no form encoding: no +, no %7E, no raw *')
  const pairs = query.split('&').map((p) => p.split('='))
  t.same(pairs.slice(0, -1).map(([k]) => k), [...pairs.slice(0, -1).map(([k]) => k)].sort(), 'sorted as signed')
  t.equal(pairs.at(-1)![0], 'Signature', 'the signature last, as the SDK puts it')
  const params = Object.fromEntries(pairs.slice(0, -1).map(([k, v]) => [decodeURIComponent(k), decodeURIComponent(v)]))
  t.equal(decodeURIComponent(pairs.at(-1)![1]), rpcSignature('GET', params, 'topsecret').signature, 'the signature verifies over the bytes sent')
  t.equal(params.TemplateParam, '{"product":"Fuji apple ~1kg *2"}')
})

t.test('Aliyun QuerySendDetails: delivered, failed with its code, waiting; the number, its Beijing send date and BizId', async (t) => {
  const provider = aliyunProvider({ access_key_id: 'LTAIkey', access_key_secret: 'topsecret' }, http, fixed)
  const seen: Array<Record<string, string>> = []
  // The answer's shape as QuerySendDetails documents it (help.aliyun.com/document_detail/419277.html).
  const detail = (status: number, err: string) => ({
    Code: 'OK', Message: 'OK', RequestId: '819BE656-D2E0-4858-8B21-B2E477085AAF', TotalCount: 1,
    SmsSendDetailDTOs: { SmsSendDetailDTO: [{ ErrCode: err, TemplateCode: 'SMS_1001', OutId: '', ReceiveDate: '2026-11-23 10:00:05', SendDate: '2026-11-23 10:00:01', PhoneNum: '13800138000', Content: '【鲜果铺】…', SendStatus: status }] },
  })
  const answers = [detail(3, 'DELIVERED'), detail(2, 'MK:0001'), detail(1, '')]
  nock('https://dysmsapi.aliyuncs.com').get('/').query((q) => { seen.push(q as Record<string, string>); return true }).times(3).reply(() => [200, answers.shift()])
  // 2026-11-22T17:30Z is 01:30 on the 23rd in Beijing.
  const sentAt = Date.parse('2026-11-22T17:30:00Z')
  const receipts = await provider.receipts!([
    { provider_message_id: 'biz-1', phone: '13800138000', sent_at: sentAt },
    { provider_message_id: 'biz-2', phone: '13800138001', sent_at: sentAt },
    { provider_message_id: 'biz-3', phone: '13800138002', sent_at: sentAt },
  ])
  t.match(seen[0], { Action: 'QuerySendDetails', PhoneNumber: '13800138000', SendDate: '20261123', BizId: 'biz-1', PageSize: '10', CurrentPage: '1' })
  t.same(receipts, [
    { provider_message_id: 'biz-1', state: 'delivered', code: 'DELIVERED', reason: null, at: Date.parse('2026-11-23T02:00:05Z') },
    { provider_message_id: 'biz-2', state: 'failed', code: 'MK:0001', reason: '运营商回执：MK:0001', at: Date.parse('2026-11-23T02:00:05Z') },
  ], 'the third is still waiting: no receipt')

  nock('https://dysmsapi.aliyuncs.com').get('/').query(true).reply(200, { Code: 'isv.ACCOUNT_NOT_EXISTS', Message: '账户不存在' })
  t.equal((await refusal(provider.receipts!([{ provider_message_id: 'biz-1', phone: '13800138000', sent_at: sentAt }]))).outcome, 'misconfiguration', 'an account refusal stops the round')
})

t.test('Tencent PullSmsSendStatus: SUCCESS delivered, FAIL with its description; pulls again while full', async (t) => {
  const provider = tencentProvider({ secret_id: 'AKIDxx', secret_key: 'tsecret', sdk_app_id: '1400000000' }, http, fixed)
  const bodies: any[] = []
  // The answer's shape as PullSmsSendStatus documents it (tencentcloud.com/document/api/382/40519).
  const full = Array.from({ length: 100 }, (_, i) => ({ UserReceiveTime: 1795000000, CountryCode: '86', SubscriberNumber: '13800138000', PhoneNumber: '+8613800138000', SerialNo: `s-${i}`, ReportStatus: 'SUCCESS', Description: '用户短信接收成功', SessionContext: '' }))
  const last = [{ UserReceiveTime: 1795000100, CountryCode: '86', SubscriberNumber: '13800138001', PhoneNumber: '+8613800138001', SerialNo: 's-fail', ReportStatus: 'FAIL', Description: '用户关机', SessionContext: '' }]
  const answers = [full, last]
  nock('https://sms.tencentcloudapi.com').post('/', (b) => { bodies.push(b); return true }).times(2).reply(function (this: { req: { headers: Record<string, string> } }) {
    t.equal(this.req.headers['x-tc-action'], 'PullSmsSendStatus')
    return [200, { Response: { PullSmsSendStatusSet: answers.shift(), RequestId: 'r' } }]
  })
  const receipts = await provider.receipts!([])
  t.same(bodies, [{ SmsSdkAppId: '1400000000', Limit: 100 }, { SmsSdkAppId: '1400000000', Limit: 100 }])
  t.equal(receipts.length, 101)
  t.same(receipts[0], { provider_message_id: 's-0', state: 'delivered', code: 'SUCCESS', reason: null, at: 1795000000_000 })
  t.same(receipts[100], { provider_message_id: 's-fail', state: 'failed', code: 'FAIL', reason: '运营商回执：用户关机', at: 1795000100_000 })
})
