// E-waybills end to end through the outbox against local fake SF and Kuaidi100 servers on
// 127.0.0.1 (no interception): the waybill ships the order; a final refusal leaves it pending
// with the reason in Chinese on the order; a transient failure is retried on the schedule
// (RETRY_DELAYS_MS) and then ships; SF's 筛单结果 3 does not ship and says why.
import t from 'tap'
import { createServer } from 'node:http'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { kuaidi100PrintSign, sfMsgDigest } from './courier-signing.js'

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }

/** A fake vendor: `answer` gets the decoded form and returns the JSON to send (or a raw string). */
async function fakeVendor (t: { teardown (fn: () => unknown): void }, answer: (form: URLSearchParams) => object | string) {
  const calls: URLSearchParams[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      calls.push(form)
      const out = answer(form)
      res.setHeader('content-type', typeof out === 'string' ? 'text/html' : 'application/json')
      res.end(typeof out === 'string' ? out : JSON.stringify(out))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls }
}

async function setup (t: Parameters<typeof redeemFixture>[0], quantity: number) {
  const clock = fixedClock(new Date('2026-12-02T10:00:00Z'))
  const f = await redeemFixture(t, { quantity, clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const orders: string[] = []
  for (let i = 0; i < quantity; i++) {
    const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
    orders.push((await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no)
  }
  return { f, clock, orders }
}

async function variant (f: RedeemFixture, base: string, account: object): Promise<number> {
  const c = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: `${base} 电子面单`, base_code: base, product_type: '1', monthly_account: '7551234567' } })).json()
  const res = await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${c.id}/account`, headers: f.auth(f.token), payload: account })
  if (res.statusCode !== 200) throw new Error(res.body)
  return c.id
}

async function order (f: RedeemFixture, orderNo: string) {
  return (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}`, headers: f.auth(f.token) })).json()
}

const outboxRow = (f: RedeemFixture, orderNo: string) => f.db('outbox').where({ topic: 'ewaybill.request' }).andWhere('idempotency_key', 'like', `%:${orderNo}`).first()

t.test('SF through the outbox: shipped, refused, retried on the schedule, 不可以收派', async (t) => {
  const { f, clock, orders: [ok, refused, flaky, outOfRange] } = await setup(t, 4)
  let flakyCalls = 0
  const sf = await fakeVendor(t, (form) => {
    // SF checks the digest over what it decoded, with the check word it holds for KQTEST.
    if (form.get('partnerID') !== 'KQTEST' || form.get('msgDigest') !== sfMsgDigest(form.get('msgData')!, form.get('timestamp')!, 'checkword123')) return { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效' }
    const orderId = JSON.parse(form.get('msgData')!).orderId
    const data = (d: object) => ({ apiResultCode: 'A1000', apiErrorMsg: '', apiResultData: JSON.stringify(d) })
    const created = (filterResult: number, remark = '') => data({ success: true, errorCode: 'S0000', errorMsg: null, msgData: { orderId, filterResult, remark, waybillNoInfoList: [{ waybillType: 1, waybillNo: `SF${orderId.slice(-13)}` }] } })
    if (orderId === refused) return data({ success: false, errorCode: '8119', errorMsg: '月结卡号不存在或已失效', msgData: null })
    if (orderId === outOfRange) return created(3, '1')
    if (orderId === flaky && ++flakyCalls <= 2) return flakyCalls === 1 ? { apiResultCode: 'A1009', apiErrorMsg: '目标服务异常或不可达' } : '<html><body>Service Unavailable</body></html>'
    return created(2)
  })
  const id = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${sf.url}/std/service` })
  const r = await f.app.inject({ method: 'POST', url: '/api/v1/orders/e-waybill', headers: f.auth(f.token), payload: { order_nos: [ok, refused, flaky, outOfRange], courier_account_id: id } })
  t.equal(r.statusCode, 202)
  await f.app.services.worker.drainAll()

  t.match(await order(f, ok), { status: 'shipped', waybill_no: `SF${ok.slice(-13)}`, e_waybill_error: null }, 'success ships the order')

  t.match(await order(f, refused), { status: 'pending', e_waybill_error: { message: '8119: 月结卡号不存在或已失效', retrying: false } }, 'a final refusal: pending, SF\'s reason on the order')
  t.equal((await outboxRow(f, refused)).status, 'dead')

  t.match(await order(f, outOfRange), { status: 'pending', waybill_no: null, e_waybill_error: { message: '顺丰不可以收派（收方超范围），订单未发货', retrying: false } }, '筛单结果 3: not shipped, the reason shown')
  t.match(await outboxRow(f, outOfRange), { status: 'dead', attempts: 1 }, 'not retried')
  t.equal((await f.db('outbox').where({ topic: 'order.shipped' })).length, 1, 'only the served order emits order.shipped')

  // A1009, then SF's gateway page with 200: retried 5 s and then 5 min later (±10 %), then shipped.
  t.match(await order(f, flaky), { status: 'pending', e_waybill_error: { message: 'A1009: 目标服务异常或不可达', retrying: true } })
  clock.advance(4_000)
  await f.app.services.worker.drainAll()
  t.equal(flakyCalls, 1, 'not before the first delay')
  clock.advance(2_000)
  await f.app.services.worker.drainAll()
  t.equal(flakyCalls, 2, 'the first retry after 5 s')
  t.match(await order(f, flaky), { status: 'pending', e_waybill_error: { message: '应答不是服务商的接口格式（HTTP 200），请检查接口地址', retrying: true } }, 'an HTML page with 200 is retried')
  clock.advance(60_000)
  await f.app.services.worker.drainAll()
  t.equal(flakyCalls, 2, 'the second delay is 5 minutes')
  clock.advance(280_000)
  await f.app.services.worker.drainAll()
  t.equal(flakyCalls, 3)
  t.match(await order(f, flaky), { status: 'shipped', waybill_no: `SF${flaky.slice(-13)}`, e_waybill_error: null }, 'the retry ships it')
  t.match(await outboxRow(f, flaky), { status: 'done', attempts: 3 })
})

t.test('Kuaidi100 through the outbox: shipped, refused, 签名认证失败 not retried, retried on the schedule', async (t) => {
  const { f, clock, orders: [ok, refused, badSign, flaky] } = await setup(t, 4)
  let flakyCalls = 0
  let badSignCalls = 0
  const k100 = await fakeVendor(t, (form) => {
    const param = JSON.parse(form.get('param')!)
    if (param.orderId === badSign) { badSignCalls++; return { code: 503, message: '签名认证失败', data: null } }
    if (form.get('sign') !== kuaidi100PrintSign(form.get('param')!, form.get('t')!, 'k100key', 'k100secret')) return { code: 503, message: '签名认证失败' }
    if (param.orderId === refused) return { code: 30002, message: '面单余额不足', data: null }
    if (param.orderId === flaky && ++flakyCalls === 1) return { code: 500, message: '服务器错误', data: null }
    return { code: 200, message: 'success', data: { kuaidinum: `ZT${param.orderId.slice(-12)}`, label: 'https://k100.test/label.png' } }
  })
  const id = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k100key', secret: 'k100secret', kuaidicom: 'zhongtong', partner_id: 'ZTO-ACC', partner_key: 'zto-secret-key', code: 'ztoOpen', endpoint: `${k100.url}/label/order` })
  await f.app.inject({ method: 'POST', url: '/api/v1/orders/e-waybill', headers: f.auth(f.token), payload: { order_nos: [ok, refused, badSign, flaky], courier_account_id: id } })
  await f.app.services.worker.drainAll()

  t.match(await order(f, ok), { status: 'shipped', waybill_no: `ZT${ok.slice(-12)}` })
  t.match(JSON.parse(k100.calls[0].get('param')!), { kuaidicom: 'zhongtong', partnerId: 'ZTO-ACC', partnerKey: 'zto-secret-key', code: 'ztoOpen' })
  t.match(await order(f, refused), { status: 'pending', e_waybill_error: { message: '30002: 面单余额不足', retrying: false } }, 'a final refusal: the reason on the order')
  t.match(await order(f, badSign), { status: 'pending', e_waybill_error: { message: '503: 签名认证失败', retrying: false } })
  t.match(await order(f, flaky), { status: 'pending', e_waybill_error: { message: '500: 服务器错误', retrying: true } })

  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.equal(badSignCalls, 1, '签名认证失败 was not retried')
  t.equal(flakyCalls, 2, 'a server error is retried on the schedule')
  t.match(await order(f, flaky), { status: 'shipped', waybill_no: `ZT${flaky.slice(-12)}`, e_waybill_error: null })
  t.equal((await f.db('orders').where({ order_no: flaky }).first()).waybill_label, 'https://k100.test/label.png', 'the label link kept')
  t.match(await outboxRow(f, badSign), { status: 'dead', attempts: 1 })
})
