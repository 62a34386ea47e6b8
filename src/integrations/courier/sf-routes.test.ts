// SF route query (EXP_RECE_SEARCH_ROUTES): the signed form, the routes read from the answer,
// and the public codes classified code by code (A1005 流量受控 and A1009 目标服务异常 transient).
import t from 'tap'
import nock from 'nock'
import { createVendorHttp } from '../vendor-endpoints.js'
import { IntegrationError } from '../errors.js'
import { sfMsgDigest } from './courier-signing.js'
import { SF_API_CODES } from './sf-codes.js'
import { sfSearchRoutes } from './sf-routes.js'

nock.disableNetConnect()
t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
const http = createVendorHttp({ hosts: [], allowPrivate: false })
const now = () => new Date('2026-11-25T02:00:00.000Z')
const q = { partner_id: 'KQTEST', check_word: 'checkword123', endpoint: 'https://sfapi-sbox.sf-express.com/std/service', waybill: 'SF7444400031887', phone: '138-0013-8000' }

async function refusal (p: Promise<unknown>): Promise<IntegrationError> {
  try { await p } catch (err) { return err as IntegrationError }
  throw new Error('expected a refusal')
}

t.test('signed query by waybill with the phone\'s last 4 digits; the routes of the answer', async (t) => {
  let sent: Record<string, string> = {}
  // The answer as the document shows it: apiResultData is a JSON string.
  nock('https://sfapi-sbox.sf-express.com').post('/std/service', (b) => { sent = b as Record<string, string>; return true }).reply(200, {
    apiResultCode: 'A1000', apiErrorMsg: '', apiResponseID: '000175F1B8A23F3FCE9A2F1F6A1CE53F',
    apiResultData: JSON.stringify({ success: true, errorCode: 'S0000', errorMsg: null, msgData: { routeResps: [{ mailNo: 'SF7444400031887', routes: [
      { acceptAddress: '深圳市', acceptTime: '2026-11-24 16:56:54', remark: '顺丰速运 已收取快件', opCode: '50' },
      { acceptAddress: '北京市', acceptTime: '2026-11-25 09:10:00', remark: '已签收', opCode: '80' },
    ] }] } }),
  })
  const routes = await sfSearchRoutes(http, q, now)
  t.same(routes, [
    { mailno: 'SF7444400031887', acceptTime: '2026-11-24 16:56:54', acceptAddress: '深圳市', remark: '顺丰速运 已收取快件', opCode: '50' },
    { mailno: 'SF7444400031887', acceptTime: '2026-11-25 09:10:00', acceptAddress: '北京市', remark: '已签收', opCode: '80' },
  ])
  t.equal(sent.serviceCode, 'EXP_RECE_SEARCH_ROUTES')
  t.equal(sent.partnerID, 'KQTEST')
  t.equal(sent.timestamp, String(now().getTime()))
  t.same(JSON.parse(sent.msgData), { language: '0', trackingType: '1', trackingNumber: ['SF7444400031887'], methodType: '1', checkPhoneNo: '8000' })
  t.equal(sent.msgDigest, sfMsgDigest(sent.msgData, sent.timestamp, 'checkword123'))
})

t.test('every public code of SF\'s table, through the route query', async (t) => {
  const expected: Record<string, [string, boolean]> = {
    A1001: ['misconfiguration', false], A1002: ['transient', true], A1003: ['misconfiguration', false], A1004: ['misconfiguration', false],
    A1005: ['transient', true], A1006: ['misconfiguration', false], A1007: ['final', false], A1008: ['final', false], A1009: ['transient', true],
    A1010: ['misconfiguration', false], A1011: ['misconfiguration', false], A1099: ['transient', true],
  }
  t.same(Object.keys(SF_API_CODES.codes).sort(), Object.keys(expected).sort())
  for (const [code, [outcome, retryable]] of Object.entries(expected)) {
    nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(200, { apiResultCode: code, apiErrorMsg: `msg ${code}` })
    t.match(await refusal(sfSearchRoutes(http, q, now)), { code, outcome, retryable, message: `${code}: msg ${code}` }, `${code} is ${outcome}`)
  }
})

t.test('a business refusal (success false) is final; a 5xx is transient', async (t) => {
  nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: false, errorCode: '8152', errorMsg: '电话号码校验不通过' }) })
  t.match(await refusal(sfSearchRoutes(http, q, now)), { code: '8152', retryable: false, message: '8152: 电话号码校验不通过' })
  nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(502, 'bad gateway')
  t.match(await refusal(sfSearchRoutes(http, q, now)), { retryable: true, message: 'HTTP 502' })
})
