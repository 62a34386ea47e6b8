import t from 'tap'
import nock from 'nock'
import { kuaidi100PrintSign, sfMsgDigest } from '../../integrations/courier/courier-signing.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }

async function pending (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
}

async function variant (f: RedeemFixture, base: string, account: object): Promise<{ id: number; code: string }> {
  const c = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: `${base} 电子面单`, base_code: base, product_type: '1', monthly_account: '7551234567' } })).json()
  const res = await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${c.id}/account`, headers: f.auth(f.token), payload: account })
  if (res.statusCode !== 200) throw new Error(res.body)
  return c
}

t.test('SF e-waybill: incomplete sender refused; the waybill ships the order once', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 3 })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: 'https://sfapi-sbox.sf-express.com/std/service' })
  const orderNo = await pending(f, 0)
  const ask = (no = orderNo) => f.app.inject({ method: 'POST', url: `/api/v1/orders/${no}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: sf.id } })

  const incomplete = await ask()
  t.equal(incomplete.statusCode, 422)
  t.equal(incomplete.json().code, 'sender_incomplete')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.request' })).length, 0, 'nobody is called')
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: { ...SENDER, district: '' } } })).statusCode, 422)
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })

  let form: Record<string, string> = {}
  nock('https://sfapi-sbox.sf-express.com').post('/std/service', (body) => { form = body as Record<string, string>; return true })
    .reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: true, errorCode: 'S0000', msgData: { waybillNoInfoList: [{ waybillNo: 'SF7444400000001' }] } }) })
  t.equal((await ask()).statusCode, 202)
  t.same((await ask()).json().queued, [orderNo], 'asking twice is accepted…')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.request' })).length, 1, '…but queues one request')
  await f.app.services.worker.drainAll()
  t.equal(form.serviceCode, 'EXP_RECE_CREATE_ORDER')
  t.equal(form.partnerID, 'KQTEST')
  t.equal(form.msgDigest, sfMsgDigest(form.msgData, form.timestamp, 'checkword123'), 'the digest verifies')
  const msg = JSON.parse(form.msgData)
  t.equal(msg.orderId, orderNo, 'our order number is SF\'s order id')
  t.equal(msg.monthlyCard, '7551234567')
  t.match(msg.contactInfoList, [{ contactType: 1, contact: '鲜果铺仓库', county: '余杭区' }, { contactType: 2, contact: '张三', mobile: '13800138000' }])
  const order = await f.db('orders').where({ order_no: orderNo }).first()
  t.match(order, { status: 'shipped', courier_code: sf.code, waybill_no: 'SF7444400000001' })
  t.equal((await f.db('outbox').where({ topic: 'order.shipped' })).length, 1, 'order.shipped emitted')

  // A refusal from SF is not retried and leaves the order pending, SF's reason on it.
  const second = await pending(f, 1)
  nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: false, errorCode: '20035', errorMsg: '托寄物违禁品不可收寄' }) })
  await ask(second)
  await f.app.services.worker.drainAll()
  const row = await f.db('outbox').where({ topic: 'ewaybill.request' }).orderBy('id', 'desc').first()
  t.equal(row.status, 'dead')
  t.match(row.last_error, /20035/)
  t.match(await f.db('orders').where({ order_no: second }).first(), { status: 'pending', e_waybill_error: '20035: 托寄物违禁品不可收寄' })
  const list = await f.app.inject({ method: 'GET', url: '/api/v1/couriers', headers: f.auth(f.token) })
  t.notOk(list.body.includes('checkword123'), 'credentials never returned')
})

t.test('Kuaidi100 e-waybill: documented form, sign, label kept', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const zto = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k100key', secret: 'k100secret', kuaidicom: 'zhongtong' })
  const orderNo = await pending(f, 0)
  let form: Record<string, string> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { form = body as Record<string, string>; return true }).reply(200, { code: 200, message: 'success', data: { kuaidinum: '7590000000001', label: 'https://k100.test/label.png' } })
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/orders/e-waybill', headers: f.auth(f.token), payload: { order_nos: [orderNo, '00000000000000000000'], courier_account_id: zto.id } })
  t.same(res.json(), { queued: [orderNo], refused: [{ order_no: '00000000000000000000', reason: 'order_not_found' }] })
  await f.app.services.worker.drainAll()
  t.equal(form.method, 'order')
  t.equal(form.key, 'k100key')
  t.equal(form.sign, kuaidi100PrintSign(form.param, form.t, 'k100key', 'k100secret'))
  t.match(JSON.parse(form.param), { kuaidicom: 'zhongtong', recMan: { name: '张三', mobile: '13800138000' }, sendMan: { name: '鲜果铺仓库' } })
  t.match(await f.db('orders').where({ order_no: orderNo }).first(), { status: 'shipped', waybill_no: '7590000000001', waybill_label: 'https://k100.test/label.png' })
})

t.test('courier vendors: 5xx is retried, the order stays pending until it works', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const { fixedClock } = await import('../../shared/clock.js')
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 2, clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: 'https://sfapi-sbox.sf-express.com/std/service' })
  const k100 = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k', secret: 's', kuaidicom: 'zhongtong' })
  const [a, b] = [await pending(f, 0), await pending(f, 1)]
  nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(503, 'busy')
  nock('https://api.kuaidi100.com').post('/label/order').reply(500, 'oops')
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${a}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: sf.id } })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${b}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: k100.id } })
  await f.app.services.worker.drainAll()
  const rows = await f.db('outbox').where({ topic: 'ewaybill.request' })
  t.ok(rows.every((r) => r.status === 'pending' && r.attempts === 1), 'both wait for a retry')
  t.ok((await f.db('orders').whereIn('order_no', [a, b])).every((o) => o.status === 'pending'))
  nock('https://sfapi-sbox.sf-express.com').post('/std/service').reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: true, msgData: { waybillNoInfoList: [{ waybillNo: 'SF7000000000009' }] } }) })
  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 200, data: { kuaidinum: '75000000009' } })
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.same((await f.db('orders').whereIn('order_no', [a, b]).orderBy('order_no')).map((o) => o.status), ['shipped', 'shipped'], 'the retry ships them')
})

t.test('Kuaidi100 refusal: not retried, the reason visible', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const zto = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k', secret: 's', kuaidicom: 'zhongtong' })
  const orderNo = await pending(f, 0)
  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 30002, message: '面单余额不足' })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: zto.id } })
  await f.app.services.worker.drainAll()
  const row = await f.db('outbox').where({ topic: 'ewaybill.request' }).first()
  t.equal(row.status, 'dead')
  t.equal(row.last_error, '30002: 面单余额不足')
  const calls = await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?topic=ewaybill.request', headers: f.auth(f.token) })
  t.equal(calls.json().items[0].last_error, '30002: 面单余额不足', 'visible to the merchant')
})

t.test('one live request per order: a closed round retried is not sent; a dead row from before rounds is asked again', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const zto = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k100key-abcd', secret: 'k100secret-wxyz', kuaidicom: 'zhongtong' })
  const orderNo = await pending(f, 0)
  const ask = (no = orderNo) => f.app.inject({ method: 'POST', url: `/api/v1/orders/${no}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: zto.id } })
  let calls = 0
  nock('https://api.kuaidi100.com').post('/label/order').times(5).reply(() => { calls++; return [200, { code: 30002, message: '面单余额不足' }] })
  await ask()
  await f.app.services.worker.drainAll()
  t.equal(calls, 1)
  const first = await f.db('outbox').where({ topic: 'ewaybill.request' }).first()
  t.equal(first.status, 'dead')
  t.equal((await ask()).json().queued.length, 1, 'after the final refusal, asking again is a new request')
  // The old round's dead row retried from 集成调用 while the new one is queued: never sent.
  const retried = await f.app.inject({ method: 'POST', url: `/api/v1/integration-calls/${first.id}/retry`, headers: f.auth(f.token) })
  t.equal(retried.statusCode, 200)
  await f.app.services.worker.drainAll()
  t.equal(calls, 2, 'the new round asked the courier once; the retried old round did not')
  t.match((await f.db('outbox').where({ id: first.id }).first()), { status: 'done', last_error: null })

  // A row given up before rounds existed (round still 0): asking again queues a new round.
  const other = await pending(f, 1)
  await ask(other)
  await f.db('outbox').where('idempotency_key', 'like', `ewaybill:%:${other}`).update({ status: 'dead' })
  t.same((await ask(other)).json().queued, [other])
  t.equal((await f.db('orders').where({ order_no: other }).first()).e_waybill_round, 1)
  t.ok(await f.db('outbox').where('idempotency_key', 'like', `ewaybill:%:${other}:1`).andWhere({ status: 'pending' }).first(), 'the new round is queued')
  t.same((await ask(other)).json().queued, [other], 'asking twice…')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.request' }).andWhere('idempotency_key', 'like', `%${other}%`)).length, 2, '…queues no third row')

  // A 停用 variant takes no new manual shipment.
  const plain = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: '省外中通', base_code: 'ZTO' } })).json()
  await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${plain.id}`, headers: f.auth(f.token), payload: { disabled: true } })
  const ship = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: plain.code, waybill_no: '75100000000001' } })
  t.equal(ship.statusCode, 422)
  t.equal(ship.json().code, 'courier_disabled')
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'pending', 'nothing shipped')
})

t.test('Kuaidi100 account: tbNet kept and sent; shunfeng through Kuaidi100 without a template is not sent', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const account = { vendor: 'kuaidi100', key: 'k', secret: 's', kuaidicom: 'shunfeng', partner_id: '7551234567', partner_key: 'SFCUST', partner_secret: 'sfcheck', code: 'sf_secret', tb_net: '杭州余杭网点,571001' }
  const sf = await variant(f, 'SF', account)
  const [first, second] = [await pending(f, 0), await pending(f, 1)]
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${first}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: sf.id } })
  await f.app.services.worker.drainAll()
  t.match(await f.db('orders').where({ order_no: first }).first(), { status: 'pending', e_waybill_error: /^通过快递100下单顺丰时必须填写面单模板编码/ }, 'said on the order; Kuaidi100 was not called (net connect is off)')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.request' }).first()).status, 'dead', 'not retried')

  const saved = await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${sf.id}/account`, headers: f.auth(f.token), payload: { ...account, temp_id: 'fm_76130_standard_XYZ' } })
  t.match(saved.json().credentials, { tb_net: '杭州余杭网点,571001', temp_id: 'fm_76130_standard_XYZ', partner_key: '****', partner_secret: '****', code: 'sf_secret' })
  let param: Record<string, unknown> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { param = JSON.parse((body as Record<string, string>).param); return true }).reply(200, { code: 200, data: { kuaidinum: 'SF1400000000002' } })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${second}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: sf.id } })
  await f.app.services.worker.drainAll()
  t.match(param, { kuaidicom: 'shunfeng', partnerId: '7551234567', partnerKey: 'SFCUST', partnerSecret: 'sfcheck', code: 'sf_secret', tbNet: '杭州余杭网点,571001', tempId: 'fm_76130_standard_XYZ' })
  t.equal((await f.db('orders').where({ order_no: second }).first()).status, 'shipped')
})
