// End to end per vendor, through the outbox, against local fake servers (no interception).
// Kuaidi100: the shipped order is subscribed (with the consignee's phone), its pushes deliver it,
// a refused subscription is dead and visible, an abort resubscribes once, a waybill change
// subscribes the new number. SF: the route sweep asks SF about an order whose pushes stopped and
// applies the answer as a push; a refusal is counted and the order waits for the next window; an
// application that fails once is retried and applied.
import t from 'tap'
import { createServer } from 'node:http'
import { kuaidi100PushSign, sfMsgDigest } from '../../integrations/courier/courier-signing.js'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { RESUBSCRIBE_AFTER_MS, SWEEP_STALE_MS } from './tracking.service.js'

interface Call { path: string; form: URLSearchParams }

async function fakeServer (t: { teardown (fn: () => unknown): void }, handle: (c: Call) => unknown) {
  const calls: Call[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const call = { path: req.url ?? '', form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) }
      calls.push(call)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(handle(call)))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls }
}

async function order (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
}
const ship = (f: RedeemFixture, no: string, courier: string, waybill: string) =>
  f.app.inject({ method: 'POST', url: `/api/v1/orders/${no}/ship`, headers: f.auth(f.token), payload: { courier_code: courier, waybill_no: waybill } })

t.test('Kuaidi100: subscribe on ship with the phone, push → delivered, a refusal is dead and visible, abort resubscribes once, a waybill change subscribes the new number', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 4, clock })
  const admin = f.auth(f.token)
  const answers: Record<string, object> = {}
  const poll = await fakeServer(t, (c) => answers[JSON.parse(c.form.get('param')!).number] ?? { result: true, returnCode: '200', message: '提交成功' })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: admin, payload: { kuaidi100_salt: 'salt1', kuaidi100_key: 'pollkey', kuaidi100_poll_endpoint: `${poll.url}/poll` } })
  const subscribed = () => poll.calls.map((c) => JSON.parse(c.form.get('param')!) as { number: string; parameters: Record<string, string> })

  // Success: shipped → subscribed (with the consignee's phone) → pushed → delivered.
  const a = await order(f, 0)
  await ship(f, a, 'ZTO', 'ZT1000000001')
  await f.app.services.worker.drainAll()
  t.match(subscribed(), [{ number: 'ZT1000000001', parameters: { phone: CONSIGNEE.phone, callbackurl: 'http://kaquan.test/hooks/couriers/kuaidi100/default', salt: 'salt1' } }])
  const push = (param: string) => f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ param, sign: kuaidi100PushSign(param, 'salt1') }).toString() })
  const signed = JSON.stringify({ status: 'shutdown', message: '', lastResult: { nu: 'ZT1000000001', com: 'zhongtong', state: '3', ischeck: '1', data: [{ ftime: '2026-11-25 09:00:00', context: '已签收' }] } })
  t.equal((await push(signed)).statusCode, 200)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: a }).first()).status, 'delivered')

  // Refusal: 700 is final, dead at once, its reason in 集成调用.
  answers.ZT1000000002 = { result: false, returnCode: '700', message: '订阅数据存在错误' }
  const b = await order(f, 1)
  await ship(f, b, 'ZTO', 'ZT1000000002')
  await f.app.services.worker.drainAll()
  const calls = (await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?topic=tracking.subscribe', headers: admin })).json().items
  t.match(calls.find((c: { order_no: string }) => c.order_no === b), { status: 'dead', attempts: 1, last_error: '700: 订阅数据存在错误', event: 'zhongtong' })
  // 503 (签名认证失败) likewise: not retried as a 5xx.
  answers.ZT1000000003 = { result: false, returnCode: '503', message: '签名认证失败' }
  const c = await order(f, 2)
  await ship(f, c, 'ZTO', 'ZT1000000003')
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'tracking.subscribe', idempotency_key: `k100sub:${(await f.db('merchants').first()).id}:ZT1000000003` }).first(), { status: 'dead', attempts: 1 })

  // Abort (3天查询无记录): one more subscription, half an hour later; a second abort adds none.
  const d = await order(f, 3)
  await ship(f, d, 'ZTO', 'ZT1000000004')
  await f.app.services.worker.drainAll()
  const before = subscribed().filter((s) => s.number === 'ZT1000000004').length
  const abort = JSON.stringify({ status: 'abort', message: '3天查询无记录', lastResult: { nu: 'ZT1000000004', com: 'zhongtong', state: '0', ischeck: '0', data: [] } })
  await push(abort)
  await f.app.services.worker.drainAll()
  t.equal(subscribed().filter((s) => s.number === 'ZT1000000004').length, before, 'not at once')
  clock.advance(RESUBSCRIBE_AFTER_MS)
  await f.app.services.worker.drainAll()
  t.equal(subscribed().filter((s) => s.number === 'ZT1000000004').length, before + 1, 'resubscribed after half an hour')
  await push(JSON.stringify({ status: 'abort', message: '3天查询无记录', lastResult: { nu: 'ZT1000000004', com: 'zhongtong', state: '0', ischeck: '0', data: [{ ftime: '2026-11-28 09:00:00', context: 'x' }] } }))
  clock.advance(RESUBSCRIBE_AFTER_MS)
  await f.app.services.worker.drainAll()
  t.equal(subscribed().filter((s) => s.number === 'ZT1000000004').length, before + 1, 'once only')

  // 修改运单: the new number is subscribed.
  t.equal((await ship(f, d, 'ZTO', 'ZT1000000005')).statusCode, 200)
  await f.app.services.worker.drainAll()
  t.match(subscribed().at(-1), { number: 'ZT1000000005', parameters: { phone: CONSIGNEE.phone } }, 'the changed waybill is subscribed')
})

t.test('SF: the route sweep asks about orders whose pushes stopped and applies the answer; refusals wait; a failing application is retried', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 3, clock })
  const admin = f.auth(f.token)
  const routes: Record<string, object[]> = {}
  let refuse = false
  const sf = await fakeServer(t, (c) => {
    const msgData = c.form.get('msgData')!
    if (refuse || c.form.get('msgDigest') !== sfMsgDigest(msgData, c.form.get('timestamp')!, 'checkword123')) return { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效' }
    const q = JSON.parse(msgData) as { trackingNumber: string[]; checkPhoneNo: string; trackingType: string }
    if (q.trackingType !== '1' || q.checkPhoneNo !== CONSIGNEE.phone.slice(-4)) return { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: false, errorCode: '8152', errorMsg: '电话号码校验不通过' }) }
    return { apiResultCode: 'A1000', apiErrorMsg: '', apiResultData: JSON.stringify({ success: true, errorCode: 'S0000', errorMsg: null, msgData: { routeResps: q.trackingNumber.map((n) => ({ mailNo: n, routes: routes[n] ?? [] })) } }) }
  })
  const variant = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: admin, payload: { name: '顺丰 电子面单', base_code: 'SF', product_type: '1', monthly_account: '7551234567' } })).json()
  t.equal((await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${variant.id}/account`, headers: admin, payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${sf.url}/std/service` } })).statusCode, 200)
  const a = await order(f, 0)
  const b = await order(f, 1)
  await ship(f, a, variant.code, 'SF7000000001')
  await ship(f, b, variant.code, 'SF7000000002')
  await f.app.services.worker.drainAll()
  routes.SF7000000001 = [
    { acceptAddress: '深圳市', acceptTime: '2026-11-24 08:00:00', remark: '顺丰速运 已收取快件', opCode: '50' },
    { acceptAddress: '北京市', acceptTime: '2026-11-25 10:00:00', remark: '已签收,感谢使用顺丰', opCode: '80' },
  ]
  const sweep = () => f.app.services.tracking.sweepSfRoutes()

  t.match(await sweep(), { ran: true, asked: 0 }, 'nothing is stale yet')
  // Order b had news an hour ago (a push): it is not asked about.
  const url = new URL((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: admin, payload: {} })).json().sf_callback_url).pathname
  clock.advance(SWEEP_STALE_MS - 3_600_000)
  await f.app.inject({ method: 'POST', url, payload: { Body: { WaybillRoute: [{ mailno: 'SF7000000002', acceptTime: '2026-11-24 09:00:00', remark: '已揽收', opCode: '50' }] } } })
  await f.app.services.worker.drainAll()
  clock.advance(3_600_000 + 1)

  // Success: asked once, applied through the outbox like a push → delivered.
  t.match(await sweep(), { ran: true, asked: 1, queued: 1, failed: 0 })
  t.equal(sf.calls.length, 1)
  t.same(JSON.parse(sf.calls[0].form.get('msgData')!), { language: '0', trackingType: '1', trackingNumber: ['SF7000000001'], methodType: '1', checkPhoneNo: '8000' })
  t.equal(sf.calls[0].form.get('serviceCode'), 'EXP_RECE_SEARCH_ROUTES')
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: a }).first()).status, 'delivered')
  // (Read from the table: the admin's session has run out on this clock.)
  t.same(await f.db('order_tracking').where({ order_id: (await f.db('orders').where({ order_no: a }).first()).id }).orderBy('time').pluck('text'), ['深圳市 顺丰速运 已收取快件', '北京市 已签收,感谢使用顺丰'])
  t.match(await sweep(), { asked: 0 }, 'asked once per window')

  // Refusal: counted, logged, nothing stored; the order waits for the next window.
  clock.advance(SWEEP_STALE_MS + 1)
  refuse = true
  t.match(await sweep(), { asked: 1, failed: 1, queued: 0 }, 'order b, stale now, is refused by SF')
  t.match(await sweep(), { asked: 0 }, 'not asked again in the same window')

  // An application that fails once: the sweep's answer is stored, the outbox retries it.
  refuse = false
  routes.SF7000000002 = [{ acceptAddress: '上海市', acceptTime: '2026-11-26 10:00:00', remark: '已签收', opCode: '80' }]
  clock.advance(SWEEP_STALE_MS + 1)
  await f.db.schema.renameTable('order_tracking', 'order_tracking_away')
  t.match(await sweep(), { asked: 1, queued: 1 })
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'tracking.apply' }).orderBy('id', 'desc').first(), { status: 'pending', attempts: 1 })
  await f.db.schema.renameTable('order_tracking_away', 'order_tracking')
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'tracking.apply' }).orderBy('id', 'desc').first(), { status: 'done', attempts: 2 })
  t.equal((await f.db('orders').where({ order_no: b }).first()).status, 'delivered')
})

t.test('the sweep survives a database error: the run fails, the next one works', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  await f.db.schema.renameTable('order_tracking_state', 'order_tracking_state_away')
  await t.rejects(f.app.services.tracking.sweepSfRoutes())
  await f.db.schema.renameTable('order_tracking_state_away', 'order_tracking_state')
  t.match(await f.app.services.tracking.sweepSfRoutes(), { ran: true, asked: 0 })
  const stop = f.app.services.tracking.startSweep(5)
  await new Promise((resolve) => setTimeout(resolve, 30))
  stop()
  t.pass('the timer runs and stops')
})
