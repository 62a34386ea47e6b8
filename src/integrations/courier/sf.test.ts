// The SF adapter against SF's documented answers (nock): what the form and the digest carry for
// an address with * ~ and spaces, how each answer is classified, 筛单结果 and 重复下单.
// Answers follow EXP_RECE_CREATE_ORDER / EXP_RECE_SEARCH_ORDER_RESP 2.7 返回示例,
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER.
import t from 'tap'
import nock from 'nock'
import { createHash } from 'node:crypto'
import { createVendorHttp } from '../vendor-endpoints.js'
import { IntegrationError } from '../errors.js'
import { javaFormEncode, javaUrlEncode, sfMsgDigest } from './courier-signing.js'
import { sfVendor } from './sf.js'
import type { WaybillRequest } from './port.js'

const HOST = 'https://sfapi-sbox.sf-express.com'
const sf = () => sfVendor({ partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${HOST}/std/service` }, createVendorHttp({ hosts: [], allowPrivate: false }), () => new Date(1_764_000_000_000))
const party = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const REQ: WaybillRequest = { order_no: 'KQ20261202000001', sender: party, receiver: { ...party, name: '张三', phone: '13800138000', address: '文三路 100 号 A*座~3' }, cargo: '苹果礼盒', monthly_account: '7551234567', product_type: '2' }

const answer = (data: object) => ({ apiErrorMsg: '', apiResponseID: '0001727E2494543FEA449BF48D24123F', apiResultCode: 'A1000', apiResultData: JSON.stringify(data) })
const created = (msgData: object) => answer({ success: true, errorCode: 'S0000', errorMsg: null, msgData: { orderId: REQ.order_no, originCode: '571', destCode: '571', filterResult: 2, remark: '', waybillNoInfoList: [{ waybillType: 1, waybillNo: 'SF7444400043266' }], ...msgData } })

async function refusal (p: Promise<unknown>): Promise<IntegrationError> {
  try {
    await p
  } catch (err) {
    if (err instanceof IntegrationError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

t.beforeEach(() => { nock.disableNetConnect() })
t.afterEach(() => { nock.cleanAll(); nock.enableNetConnect() })

t.test('the digest is Java URLEncoder\'s over msgData with * ~ and spaces, and the body is encoded the same way', async (t) => {
  // Self-computed with the JDK (java.net.URLEncoder + MessageDigest) for this input; Python's
  // quote_plus (SF's Python demo) gives aMN+zwyH7PuNY7smHzFiGg== because it writes * as %2A
  // and keeps ~. The published vector (signing.test.ts) has neither character.
  const msgData = '{"language":"zh-CN","orderId":"QIAO-20200618-004","address":"文三路 100 号 A*座~3"}'
  t.equal(javaUrlEncode(`${msgData}12312334453453fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci`), '%7B%22language%22%3A%22zh-CN%22%2C%22orderId%22%3A%22QIAO-20200618-004%22%2C%22address%22%3A%22%E6%96%87%E4%B8%89%E8%B7%AF+100+%E5%8F%B7+A*%E5%BA%A7%7E3%22%7D12312334453453fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci')
  t.equal(sfMsgDigest(msgData, '12312334453453', 'fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci'), 'ylBnIS3HhoNxGNR2DIqYqw==', 'the JDK\'s value')
  const pythonStyle = encodeURIComponent(`${msgData}12312334453453fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci`).replace(/%20/g, '+').replace(/\*/g, '%2A')
  t.equal(createHash('md5').update(pythonStyle).digest('base64'), 'aMN+zwyH7PuNY7smHzFiGg==', 'quote_plus\'s value differs')
  t.equal(sfMsgDigest('{"language":"zh-CN","orderId":"QIAO-20200618-004"}', '12312334453453', 'fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci'), 'IIKJtuLVzoFTu4kHI8M8vA==', 'the published vector still holds')

  let raw = ''
  let type = ''
  nock(HOST).post('/std/service').reply(function (_uri, body) { raw = String(body); type = String(this.req.headers['content-type']); return [200, created({})] })
  t.same(await sf().createWaybill(REQ), { waybill_no: 'SF7444400043266', label: null })
  t.equal(type, 'application/x-www-form-urlencoded;charset=UTF-8')
  const form = new URLSearchParams(raw)
  const msg = form.get('msgData')!
  t.equal(JSON.parse(msg).contactInfoList[1].address, '文三路 100 号 A*座~3', 'the address travels as given')
  t.equal(form.get('msgDigest'), sfMsgDigest(msg, form.get('timestamp')!, 'checkword123'), 'SF verifies the digest over what it decodes')
  t.ok(raw.includes(`msgData=${javaUrlEncode(msg)}`), 'the body is URLEncoder\'s encoding')
  t.match(raw, /A\*%E5%BA%A7%7E3/, '* bare, ~ as %7E, as Java writes them')
  t.match(raw, /%E6%96%87%E4%B8%89%E8%B7%AF\+100\+/, 'a space as +')
  t.equal(javaFormEncode({ 'a b': '~*' }), 'a+b=%7E*')
})

t.test('SF answers classified', async (t) => {
  const cases: Array<[string, object | string, number, boolean, RegExp]> = [
    ['流量受控', { apiResultCode: 'A1005', apiErrorMsg: '流量受控' }, 200, true, /^A1005: 流量受控$/],
    ['目标服务异常或不可达', { apiResultCode: 'A1009', apiErrorMsg: '目标服务异常或不可达' }, 200, true, /^A1009/],
    ['系统异常', { apiResultCode: 'A1099', apiErrorMsg: '系统异常' }, 200, true, /^A1099/],
    ['数字签名无效', { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效' }, 200, false, /^A1006: 数字签名无效$/],
    ['a gateway page with 200', '<html><body>502 Bad Gateway</body></html>', 200, true, /^HTTP 200: not JSON$/],
    ['a business refusal', answer({ success: false, errorCode: '8119', errorMsg: '月结卡号不存在或已失效', msgData: null }), 200, false, /^8119: 月结卡号不存在或已失效$/],
    ['peak control', answer({ success: false, errorCode: '8177', errorMsg: '正值运力高峰期，寄件通道预约已满', msgData: null }), 200, true, /^8177/],
  ]
  for (const [name, body, status, retryable, message] of cases) {
    nock(HOST).post('/std/service').reply(status, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' })
    const e = await refusal(sf().createWaybill(REQ))
    t.equal(e.retryable, retryable, `${name}: ${retryable ? 'retried' : 'not retried'}`)
    t.match(e.message, message, name)
  }
  nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1004', apiErrorMsg: '' })
  t.match(await refusal(sf().createWaybill(REQ)), { outcome: 'misconfiguration', message: /^A1004: 无对应服务权限/ }, 'the table\'s reason when SF gives none')
})

t.test('筛单结果: 3 refused with SF\'s reason, 1 asked again through 订单结果查询', async (t) => {
  nock(HOST).post('/std/service').reply(200, created({ filterResult: 3, remark: '2', waybillNoInfoList: [{ waybillType: 1, waybillNo: 'SF7444400099999' }] }))
  const refused = await refusal(sf().createWaybill(REQ))
  t.match(refused, { retryable: false, outcome: 'final', code: 'filter_result_3', message: '顺丰不可以收派（派方超范围），订单未发货' }, 'a waybill number in the answer does not ship it')

  const services: string[] = []
  const search = (filterResult: string, waybill = 'SF7444400043266') => answer({ success: true, errorCode: 'S0000', msgData: { orderId: REQ.order_no, origincode: '571', destcode: '571', filterResult, waybillNoInfoList: [{ waybillNo: waybill, waybillType: 1 }] } })
  nock(HOST).post('/std/service').times(4).reply((_uri, body) => {
      const code = new URLSearchParams(String(body)).get('serviceCode')!
      services.push(code)
      if (code === 'EXP_RECE_CREATE_ORDER') return [200, created({ filterResult: 1 })]
      return [200, services.length <= 2 ? search('1') : search('2', 'SF7444400077777')]
    })
  const manual = await refusal(sf().createWaybill(REQ))
  t.match(manual, { retryable: true, outcome: 'transient', code: 'filter_result_1', message: /人工确认.*尚未发货/ }, '人工确认: not shipped, retried')
  t.same(await sf().createWaybill(REQ), { waybill_no: 'SF7444400077777', label: null }, 'once SF decides 可收派, the retry ships it')
  t.same(services.map((s) => s.replace(/^EXP_RECE_/, '')), ['CREATE_ORDER', 'SEARCH_ORDER_RESP', 'CREATE_ORDER', 'SEARCH_ORDER_RESP'])
})

t.test('重复下单: the existing order\'s waybill, or a clear refusal', async (t) => {
  const dup = answer({ success: false, errorCode: '8016', errorMsg: '重复下单', msgData: null })
  nock(HOST).post('/std/service').reply(200, dup)
    .post('/std/service').reply(200, answer({ success: true, errorCode: 'S0000', msgData: { orderId: REQ.order_no, filterResult: '2', waybillNoInfoList: [{ waybillNo: 'SF7444400011111', waybillType: 1 }] } }))
  t.same(await sf().createWaybill(REQ), { waybill_no: 'SF7444400011111', label: null }, 'the order SF already has')

  nock(HOST).post('/std/service').reply(200, dup)
    .post('/std/service').reply(200, answer({ success: false, errorCode: '8018', errorMsg: '未获取到订单信息', msgData: null }))
  t.match(await refusal(sf().createWaybill(REQ)), { retryable: false, code: '8016', message: `顺丰已有订单号 ${REQ.order_no} 的订单（8016 重复下单），但查不到它的运单号，请在顺丰后台核对该订单` })

  nock(HOST).post('/std/service').reply(200, dup)
    .post('/std/service').reply(200, { apiResultCode: 'A1009', apiErrorMsg: '目标服务异常或不可达' })
  t.match(await refusal(sf().createWaybill(REQ)), { retryable: true, code: 'A1009' }, 'a lookup that fails on the way is retried')

  nock(HOST).post('/std/service').reply(200, { apiResultCode: 'A1007', apiErrorMsg: '重复请求' })
    .post('/std/service').reply(200, answer({ success: true, errorCode: 'S0000', msgData: { orderId: REQ.order_no, filterResult: '3', remark: '1', waybillNoInfoList: [{ waybillNo: 'SF7444400022222', waybillType: 1 }] } }))
  t.match(await refusal(sf().createWaybill(REQ)), { retryable: false, message: '顺丰不可以收派（收方超范围），订单未发货' }, 'the existing order\'s 筛单结果 still counts')
})
