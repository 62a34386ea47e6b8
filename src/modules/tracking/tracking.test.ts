// Courier pushes: verified, stored raw once, answered, and applied by the outbox (tracking.apply)
// with its retries. A push answered 2xx is never lost: an application that fails is retried and
// visible in 集成调用, a waybill that matches no order yet is retried for a while, a duplicate of
// an applied push changes nothing. Only a sign delivers an order.
import t from 'tap'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { UNMATCHED_RETRY_MS } from './tracking.service.js'

async function shippedOrder (f: RedeemFixture, i: number, courier: string, waybill: string): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  const orderNo = (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: courier, waybill_no: waybill } })
  return orderNo
}

function form (fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

const k100 = (nu: string, state: string, data: Array<{ ftime: string; context: string }>, extra: object = {}) =>
  JSON.stringify({ status: state === '3' ? 'shutdown' : 'polling', message: '', ...extra, lastResult: { nu, com: 'yuantong', state, ischeck: state === '3' || state === '4' ? '1' : '0', data } })

t.test('Kuaidi100 push: verified, stored once, answered, applied by the outbox; signed for → delivered', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const settings = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })
  t.equal(settings.statusCode, 200)
  t.equal(settings.json().kuaidi100_salt, '****k100')
  t.equal(settings.json().kuaidi100_callback_url, 'http://kaquan.test/hooks/couriers/kuaidi100/default')
  const orderNo = await shippedOrder(f, 0, 'YTO', 'YT1234567890')

  const transit = k100('YT1234567890', '0', [{ ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' }])
  const push = (param: string, sign = kuaidi100PushSign(param, 'saltyk100')) => f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign }) })

  const bad = await push(transit, 'ABCDEF')
  t.equal(bad.statusCode, 401)
  t.equal((await f.db('tracking_pushes')).length, 0, 'a bad signature stores nothing')
  t.equal((await f.db('outbox').where({ topic: 'tracking.apply' })).length, 0, 'and queues nothing')

  const ok = await push(transit)
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { result: true, returnCode: '200', message: '成功' }, 'exactly the body Kuaidi100 expects')
  t.match(await f.db('tracking_pushes'), [{ status: 'received' }], 'stored raw, its application queued')
  t.equal((await f.db('outbox').where({ topic: 'tracking.apply', status: 'pending' })).length, 1)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('order_tracking')).length, 1, 'applied by the outbox')
  t.match(await f.db('tracking_pushes'), [{ status: 'processed', result: `order ${orderNo}: 1 lines` }])

  t.equal((await push(transit)).statusCode, 200, 'the same push again is answered')
  await f.app.services.worker.drainAll()
  t.equal((await f.db('tracking_pushes')).length, 1, 'and stored once')
  t.equal((await f.db('outbox').where({ topic: 'tracking.apply' })).length, 1, 'and applied once')

  const signed = k100('YT1234567890', '3', [{ ftime: '2026-11-24 10:00:00', context: '已签收，签收人：本人' }, { ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' }])
  await push(signed)
  await f.app.services.worker.drainAll()
  const order = await f.db('orders').where({ order_no: orderNo }).first()
  t.equal(order.status, 'delivered', 'signed for → delivered')
  t.equal((await f.db('outbox').where({ topic: 'order.delivered' })).length, 1, 'order.delivered emitted once')
  await push(signed)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('outbox').where({ topic: 'order.delivered' })).length, 1, 'the same push twice changes nothing twice')
  const detail = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}`, headers: f.auth(f.token) })
  t.same(detail.json().tracking, [{ time: '2026-11-23 18:00:00', text: '【杭州】已揽收' }, { time: '2026-11-24 10:00:00', text: '已签收，签收人：本人' }])
})

t.test('ischeck=1 on a return (4 退签, 6 退回, 14 拒签) adds the lines but does not deliver', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })
  const orderNo = await shippedOrder(f, 0, 'YTO', 'YT1000000004')
  for (const [state, context] of [['4', '已退签'], ['6', '退回中'], ['14', '收件人拒签']]) {
    const param = JSON.stringify({ status: 'shutdown', message: '', lastResult: { nu: 'YT1000000004', state, ischeck: '1', data: [{ ftime: `2026-11-24 1${state.length}:0${state.slice(-1)}:00`, context }] } })
    t.equal((await f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign: kuaidi100PushSign(param, 'saltyk100') }) })).statusCode, 200)
  }
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'shipped', 'still shipped, not delivered')
  t.equal((await f.db('order_tracking')).length, 3, 'the lines are kept')
  t.equal((await f.db('outbox').where({ topic: 'order.delivered' })).length, 0)
})

t.test('an application that fails is retried on the schedule, visible in 集成调用, and then applied: the push is not lost', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 1, clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })
  const orderNo = await shippedOrder(f, 0, 'YTO', 'YT2000000001')
  const param = k100('YT2000000001', '3', [{ ftime: '2026-11-24 10:00:00', context: '已签收' }])

  // The failure: the trail's table is not there for the first application.
  await f.db.schema.renameTable('order_tracking', 'order_tracking_away')
  const res = await f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign: kuaidi100PushSign(param, 'saltyk100') }) })
  t.equal(res.statusCode, 200, 'answered: the push is stored')
  await f.app.services.worker.drainAll()
  const failed = await f.db('outbox').where({ topic: 'tracking.apply' }).first()
  t.match(failed, { status: 'pending', attempts: 1 }, 'failed once, waiting for its retry')
  t.match(failed.last_error, /^application failed: (SQLITE_ERROR|ER_NO_SUCH_TABLE)$/, 'with a short reason (the statement goes to the log)')
  const calls = (await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?status=failing', headers: f.auth(f.token) })).json().items
  t.match(calls, [{ topic: 'tracking.apply', event: 'kuaidi100', attempts: 1 }], 'shown in 集成调用 as failing')
  t.equal((await f.db('tracking_pushes').first()).status, 'received', 'the push is not marked unmatched')
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'shipped')

  // Kuaidi100 sends it again meanwhile: answered, still one push, still one application.
  t.equal((await f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign: kuaidi100PushSign(param, 'saltyk100') }) })).statusCode, 200)
  t.equal((await f.db('outbox').where({ topic: 'tracking.apply' })).length, 1)

  await f.db.schema.renameTable('order_tracking_away', 'order_tracking')
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'tracking.apply' }).first(), { status: 'done', attempts: 2 }, 'the retry applied it')
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'delivered')
  t.same((await f.db('order_tracking')).map((r) => r.text), ['已签收'])
  t.equal((await f.db('tracking_pushes').first()).status, 'processed')
})

t.test('a waybill that matches no order yet is retried (the order ships just after); past the window it is recorded unmatched', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 2, clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })
  const push = (param: string) => f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign: kuaidi100PushSign(param, 'saltyk100') }) })
  t.equal((await push(k100('YT3000000001', '1', [{ ftime: '2026-11-24 08:00:00', context: '已揽收' }]))).statusCode, 200)
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'tracking.apply' }).first(), { status: 'pending', attempts: 1, last_error: 'unmatched waybill YT3000000001' })
  const orderNo = await shippedOrder(f, 0, 'YTO', 'YT3000000001')
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('order_tracking')).length, 1, 'the order shipped meanwhile: its line arrived')
  t.match(await f.db('tracking_pushes').first(), { status: 'processed', result: `order ${orderNo}: 1 lines` })

  t.equal((await push(k100('NOSUCH123', '0', []))).statusCode, 200)
  await f.app.services.worker.drainAll()
  const row = () => f.db('outbox').where({ topic: 'tracking.apply' }).orderBy('id', 'desc').first()
  t.match(await row(), { status: 'pending', attempts: 1 })
  clock.advance(UNMATCHED_RETRY_MS)
  await f.db('outbox').where({ topic: 'tracking.apply', status: 'pending' }).update({ next_attempt_at: clock.now().getTime() })
  await f.app.services.worker.drainAll()
  t.match(await row(), { status: 'done', attempts: 2 })
  t.match(await f.db('tracking_pushes').orderBy('id', 'desc').first(), { status: 'unmatched', result: 'unmatched waybill NOSUCH123' }, 'kept, visible as unmatched')
})

t.test('SF route push: secret URL token, optional allowlist, JSON, XML in a form and text/xml; opCode 80 → delivered', async (t) => {
  const f = await redeemFixture(t, { quantity: 3 })
  const settings = (await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: {} })).json()
  const url = new URL(settings.sf_callback_url).pathname
  const a = await shippedOrder(f, 0, 'SF', 'SF1400000001')
  const b = await shippedOrder(f, 1, 'SF', 'SF1400000002')
  const c = await shippedOrder(f, 2, 'SF', 'SF1400000003')
  const body = { Body: { WaybillRoute: [{ mailno: 'SF1400000001', acceptTime: '2026-11-24 09:00:00', acceptAddress: '北京', remark: '已签收', opCode: '80' }] } }
  const wrong = await f.app.inject({ method: 'POST', url: url.replace(/[^/]+$/, 'wrongtoken'), payload: body })
  t.equal(wrong.statusCode, 401)
  const ok = await f.app.inject({ method: 'POST', url, payload: body })
  t.same(ok.json(), { return_code: '0000', return_msg: '成功' })
  const again = await f.app.inject({ method: 'POST', url, payload: body })
  t.same(again.json(), { return_code: '0000', return_msg: '成功' }, 'SF\'s retry of a stored push is answered, not dropped')

  // RoutePushService as XML (https://www.showdoc.com.cn/hnqiao/9157102515696868).
  const xml = (mailno: string, op: string) => `<?xml version="1.0" encoding="UTF-8"?><Request service="RoutePushService" lang="zh-CN"><Body><WaybillRoute id="1" mailno="${mailno}" orderid="x" acceptTime="2026-11-24 10:00:00" acceptAddress="上海" remark="已签收" opCode="${op}"/></Body></Request>`
  const inForm = await f.app.inject({ method: 'POST', url, ...form({ content: xml('SF1400000002', '80') }) })
  t.equal(inForm.statusCode, 200)
  t.match(inForm.headers['content-type'], /^text\/xml/)
  t.equal(inForm.body, '<?xml version="1.0" encoding="UTF-8"?><Response service="RoutePushService"><Head>OK</Head></Response>', 'answered as SF expects an XML push')
  const asXml = await f.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/xml; charset=utf-8' }, payload: xml('SF1400000003', '50') })
  t.equal(asXml.statusCode, 200)
  t.match(asXml.body, /<Head>OK<\/Head>/)
  const unreadable = await f.app.inject({ method: 'POST', url, ...form({ content: '<Request><Body>' }) })
  t.equal(unreadable.statusCode, 400, 'an XML push we cannot read is refused, so SF sends it again')
  t.match(unreadable.body, /<Head>ERR<\/Head><ERROR code="4001">/)
  const unreadableJson = await f.app.inject({ method: 'POST', url, payload: { nothing: 1 } })
  t.match(unreadableJson.json(), { return_code: '1000' })
  t.equal((await f.db('tracking_pushes')).length, 3, 'refused pushes are not stored')

  await f.app.services.worker.drainAll()
  const status = async (no: string) => (await f.db('orders').where({ order_no: no }).first()).status
  t.equal(await status(a), 'delivered')
  t.equal(await status(b), 'delivered', 'the XML push in a form delivered its order')
  t.equal(await status(c), 'shipped', 'opCode 50 is not a sign')
  t.equal((await f.db('order_tracking').where({ order_id: (await f.db('orders').where({ order_no: c }).first()).id })).length, 1, 'its line is kept')

  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { sf_ip_allowlist: ['10.0.0.0/8'] } })
  const outside = await f.app.inject({ method: 'POST', url, payload: { Body: { WaybillRoute: [] } }, remoteAddress: '192.168.9.9' })
  t.equal(outside.statusCode, 401, 'outside the allowlist')
})
