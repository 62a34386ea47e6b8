// The Kuaidi100 e-waybill adapter (nock): every account field under Kuaidi100's own parameter
// name (label/order 参数, https://api.kuaidi100.com/document/dianzimiandanV2; java-demo
// OrderReq.java), and its codes classified (签名认证失败 is not a 5xx to retry).
import t from 'tap'
import nock from 'nock'
import { createVendorHttp } from '../vendor-endpoints.js'
import { IntegrationError } from '../errors.js'
import { kuaidi100PrintSign } from './courier-signing.js'
import { kuaidi100Vendor, type Kuaidi100Account } from './kuaidi100.js'
import type { WaybillRequest } from './port.js'

const party = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const REQ: WaybillRequest = { order_no: 'KQ20261202000002', sender: party, receiver: { ...party, name: '张三', phone: '13800138000' }, cargo: '苹果礼盒', monthly_account: null, product_type: null }
const k100 = (account: Partial<Kuaidi100Account> = {}) => kuaidi100Vendor({ key: 'k100key', secret: 'k100secret', kuaidicom: 'zhongtong', ...account }, createVendorHttp({ hosts: [], allowPrivate: false }), () => new Date(1_764_000_000_000))

t.beforeEach(() => { nock.disableNetConnect() })
t.afterEach(() => { nock.cleanAll(); nock.enableNetConnect() })

t.test('every e-waybill account field is sent under Kuaidi100\'s parameter name', async (t) => {
  let form = new URLSearchParams()
  nock('https://api.kuaidi100.com').post('/label/order').reply((_uri, body) => { form = new URLSearchParams(String(body)); return [200, { code: 200, message: 'success', data: { kuaidinum: 'SF1400000000001', label: 'https://k100.test/l.png' } }] })
  const waybill = await k100({
    kuaidicom: 'shunfeng', partner_id: '7551234567', partner_key: 'SFCUSTCODE', partner_secret: 'sfcheckword', partner_name: '鲜果铺', net: 'cainiao', code: 'sf_secret', check_man: '李师傅',
    tb_net: '杭州余杭网点,571001', temp_id: 'fm_76130_standard_XYZ', pay_type: 'MONTHLY',
  }).createWaybill(REQ)
  t.same(waybill, { waybill_no: 'SF1400000000001', label: 'https://k100.test/l.png', task_id: null, courier_order_no: null }, 'no print task or courier order number in this answer')
  t.equal(form.get('method'), 'order')
  t.equal(form.get('sign'), kuaidi100PrintSign(form.get('param')!, form.get('t')!, 'k100key', 'k100secret'))
  t.match(JSON.parse(form.get('param')!), {
    kuaidicom: 'shunfeng', partnerId: '7551234567', partnerKey: 'SFCUSTCODE', partnerSecret: 'sfcheckword', partnerName: '鲜果铺', net: 'cainiao', code: 'sf_secret',
    checkMan: '李师傅', tbNet: '杭州余杭网点,571001', tempId: 'fm_76130_standard_XYZ', payType: 'MONTHLY', orderId: REQ.order_no,
    recMan: { name: '张三', mobile: '13800138000', printAddr: '浙江省杭州市余杭区仓前街道 1 号' },
  })
  nock('https://api.kuaidi100.com').post('/label/order').reply((_uri, body) => { form = new URLSearchParams(String(body)); return [200, { code: 200, data: { kuaidinum: '1' } }] })
  await k100({ kuaidicom: 'zhongtong' }).createWaybill(REQ)
  const bare = JSON.parse(form.get('param')!)
  for (const k of ['partnerKey', 'partnerSecret', 'net', 'code', 'checkMan', 'tbNet', 'tempId', 'payType']) t.notOk(k in bare, `${k} left out when empty`)
})

t.test('Kuaidi100 codes: 签名认证失败 not retried, a server error retried, a refusal final', async (t) => {
  const cases: Array<[unknown, string, boolean, string]> = [
    [503, '签名认证失败', false, 'misconfiguration'], [601, 'KEY已过期', false, 'misconfiguration'], [400, '参数错误', false, 'final'],
    [500, '服务器错误', true, 'transient'], [502, '', true, 'transient'], ['30002', '面单余额不足', false, 'final'],
  ]
  for (const [code, message, retryable, outcome] of cases) {
    nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code, message, data: null })
    let e: unknown = null
    try { await k100().createWaybill(REQ) } catch (err) { e = err }
    t.ok(e instanceof IntegrationError)
    t.match(e, { retryable, outcome, code: String(code) }, `${String(code)} ${message}`)
  }
})

t.test('shunfeng through Kuaidi100 without a template is refused before any call', async (t) => {
  let e: unknown = null
  try { await k100({ kuaidicom: 'shunfeng', partner_id: '7551234567' }).createWaybill(REQ) } catch (err) { e = err }
  t.match(e, { retryable: false, outcome: 'misconfiguration', code: 'temp_id_required', message: /通过快递100下单顺丰时必须填写面单模板编码/ })
  t.ok(nock.isDone() && nock.pendingMocks().length === 0, 'nothing was sent (net connect is off)')
})
