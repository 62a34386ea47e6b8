// The Kuaidi100 subscription (poll.kuaidi100.com/poll): what is sent (with parameters.phone),
// and every returnCode of its table classified as the document says. Answers as Kuaidi100
// documents them (https://cloud.tencent.com/developer/article/1828132, https://apifox.com/apidoc/project-514987/api-8567477).
import t from 'tap'
import nock from 'nock'
import { createVendorHttp } from '../vendor-endpoints.js'
import { IntegrationError, lookupCode } from '../errors.js'
import { KUAIDI100_POLL_CODES } from './kuaidi100-poll-codes.js'
import { kuaidi100Subscribe } from './kuaidi100-poll.js'

nock.disableNetConnect()
t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
const http = createVendorHttp({ hosts: [], allowPrivate: false })
const sub = { key: 'pollkey', salt: 'salt1', company: 'shunfeng', number: 'SF1400000001', callbackurl: 'https://kaquan.test/hooks/couriers/kuaidi100/default', phone: '13800138000' }

async function refusal (p: Promise<unknown>): Promise<IntegrationError> {
  try { await p } catch (err) { return err as IntegrationError }
  throw new Error('expected a refusal')
}

t.test('sends schema=json and param with the callback, the salt and the consignee\'s phone', async (t) => {
  let sent: Record<string, string> = {}
  nock('https://poll.kuaidi100.com').post('/poll', (b) => { sent = b as Record<string, string>; return true }).reply(200, { result: true, returnCode: '200', message: '提交成功' })
  t.same(await kuaidi100Subscribe(http, sub), { returnCode: '200' })
  t.equal(sent.schema, 'json')
  t.same(JSON.parse(sent.param), { company: 'shunfeng', number: 'SF1400000001', key: 'pollkey', parameters: { callbackurl: sub.callbackurl, salt: 'salt1', resultv2: '1', phone: '13800138000' } })
})

t.test('501 重复订阅 is a subscription in place', async (t) => {
  nock('https://poll.kuaidi100.com').post('/poll').reply(200, { result: false, returnCode: '501', message: 'POLL:重复订阅' })
  t.same(await kuaidi100Subscribe(http, sub), { returnCode: '501' })
})

t.test('every code of the table, as Kuaidi100 answers it (HTTP 200, code in the body)', async (t) => {
  const expected: Record<string, [string, boolean]> = {
    500: ['transient', true], 502: ['transient', true],
    503: ['misconfiguration', false], 600: ['misconfiguration', false], 601: ['misconfiguration', false],
    700: ['final', false], 701: ['final', false], 702: ['final', false],
  }
  t.same(Object.keys(KUAIDI100_POLL_CODES.codes).sort(), Object.keys(expected).sort(), 'the table is the one tested')
  for (const [code, [outcome, retryable]] of Object.entries(expected)) {
    nock('https://poll.kuaidi100.com').post('/poll').reply(200, { result: false, returnCode: code, message: `code ${code}` })
    const err = await refusal(kuaidi100Subscribe(http, sub))
    t.ok(err instanceof IntegrationError, code)
    t.match(err, { code, outcome, retryable, answered: true, vendor_message: `code ${code}`, message: `${code}: code ${code}` }, `${code} is ${outcome}`)
  }
  t.equal(lookupCode(KUAIDI100_POLL_CODES, '999').outcome, 'final', 'an unknown code is a refusal')
})

t.test('503 (签名认证失败) is not retried as a 5xx; a real HTTP 5xx is', async (t) => {
  nock('https://poll.kuaidi100.com').post('/poll').reply(200, { result: false, returnCode: '503', message: '' })
  const signature = await refusal(kuaidi100Subscribe(http, sub))
  t.match(signature, { retryable: false, outcome: 'misconfiguration', message: '503: 快递100签名认证失败：请检查授权 key 与 salt' }, 'the table\'s reason when the message is empty')
  nock('https://poll.kuaidi100.com').post('/poll').reply(503, 'busy')
  t.match(await refusal(kuaidi100Subscribe(http, sub)), { retryable: true, message: 'HTTP 503' })
})

t.test('no phone: none sent', async (t) => {
  let sent: Record<string, string> = {}
  nock('https://poll.kuaidi100.com').post('/poll', (b) => { sent = b as Record<string, string>; return true }).reply(200, { result: true, returnCode: '200', message: '提交成功' })
  await kuaidi100Subscribe(http, { ...sub, phone: null })
  t.notOk('phone' in JSON.parse(sent.param).parameters)
})
