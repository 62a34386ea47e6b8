import t from 'tap'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

async function shippedOrder (f: RedeemFixture, i: number, courier: string, waybill: string): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  const orderNo = (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: courier, waybill_no: waybill } })
  return orderNo
}

function form (fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

t.test('Kuaidi100 push: verified, stored once, lines appended, signed-for → delivered', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const settings = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })
  t.equal(settings.statusCode, 200)
  t.equal(settings.json().kuaidi100_salt, '****k100')
  t.equal(settings.json().kuaidi100_callback_url, 'http://kaquan.test/hooks/couriers/kuaidi100/default')
  const orderNo = await shippedOrder(f, 0, 'YTO', 'YT1234567890')

  const transit = JSON.stringify({ status: 'polling', lastResult: { nu: 'YT1234567890', com: 'yuantong', state: '0', ischeck: '0', data: [{ ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' }] } })
  const push = (param: string, sign = kuaidi100PushSign(param, 'saltyk100')) => f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', ...form({ param, sign }) })

  const bad = await push(transit, 'ABCDEF')
  t.equal(bad.statusCode, 401)
  t.equal((await f.db('tracking_pushes')).length, 0, 'a bad signature stores nothing')

  const ok = await push(transit)
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { result: true, returnCode: '200', message: '成功' }, 'exactly the body Kuaidi100 expects')
  t.equal((await push(transit)).statusCode, 200, 'the same push again is answered')
  t.equal((await f.db('tracking_pushes')).length, 1, 'and stored once')
  t.equal((await f.db('order_tracking')).length, 1)

  const signed = JSON.stringify({ status: 'shutdown', lastResult: { nu: 'YT1234567890', com: 'yuantong', state: '3', ischeck: '1', data: [
    { ftime: '2026-11-24 10:00:00', context: '已签收，签收人：本人' }, { ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' },
  ] } })
  await push(signed)
  const order = await f.db('orders').where({ order_no: orderNo }).first()
  t.equal(order.status, 'delivered', 'signed for → delivered')
  t.equal((await f.db('outbox').where({ topic: 'order.delivered' })).length, 1, 'order.delivered emitted once')
  await push(signed)
  t.equal((await f.db('outbox').where({ topic: 'order.delivered' })).length, 1, 'the same push twice changes nothing twice')
  const detail = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}`, headers: f.auth(f.token) })
  t.same(detail.json().tracking, [{ time: '2026-11-23 18:00:00', text: '【杭州】已揽收' }, { time: '2026-11-24 10:00:00', text: '已签收，签收人：本人' }])

  const unknown = JSON.stringify({ status: 'polling', lastResult: { nu: 'NOSUCH123', state: '0', data: [] } })
  t.equal((await push(unknown)).statusCode, 200)
  t.equal((await f.db('tracking_pushes').orderBy('id', 'desc').first()).status, 'unmatched', 'kept, visible as unmatched')
})

t.test('SF route push: secret URL token, optional allowlist, opCode 80 → delivered', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const settings = (await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: {} })).json()
  const url = new URL(settings.sf_callback_url).pathname
  const orderNo = await shippedOrder(f, 0, 'SF', 'SF1400000001')
  const body = { Body: { WaybillRoute: [{ mailno: 'SF1400000001', acceptTime: '2026-11-24 09:00:00', acceptAddress: '北京', remark: '已签收', opCode: '80' }] } }
  const wrong = await f.app.inject({ method: 'POST', url: url.replace(/[^/]+$/, 'wrongtoken'), payload: body })
  t.equal(wrong.statusCode, 401)
  const ok = await f.app.inject({ method: 'POST', url, payload: body })
  t.same(ok.json(), { return_code: '0000', return_msg: '成功' })
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'delivered')
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { sf_ip_allowlist: ['10.0.0.0/8'] } })
  const outside = await f.app.inject({ method: 'POST', url, payload: { Body: { WaybillRoute: [] } }, remoteAddress: '192.168.9.9' })
  t.equal(outside.statusCode, 401, 'outside the allowlist')
})

t.test('a shipped order is subscribed at Kuaidi100 with our callback URL and salt', async (t) => {
  const nock = (await import('nock')).default
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100', kuaidi100_key: 'pollkey' } })
  let sent: Record<string, string> = {}
  nock('https://poll.kuaidi100.com').post('/poll', (b) => { sent = b as Record<string, string>; return true }).reply(200, { result: true, returnCode: '200', message: '提交成功' })
  await shippedOrder(f, 0, 'ZTO', 'ZT5550001')
  await f.app.services.worker.drainAll()
  t.equal(sent.schema, 'json')
  t.same(JSON.parse(sent.param), { company: 'zhongtong', number: 'ZT5550001', key: 'pollkey', parameters: { callbackurl: 'http://kaquan.test/hooks/couriers/kuaidi100/default', salt: 'saltyk100', resultv2: '1' } })
  t.equal((await f.db('outbox').where({ topic: 'tracking.subscribe' }).first()).status, 'done')
})
