import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { fakeProvider } from '../../integrations/sms/fake.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import * as smsDropped from '../../../migrations/20261204030000_sms_dropped.js'
import { IntegrationError } from '../../integrations/errors.js'

const SETTINGS = {
  provider: 'console', sign_name: '鲜果铺', admin_phones: ['13900000001'],
  switches: { order_submitted_customer: true, order_submitted_admin: true, shipped_customer: true, card_issued: true },
  templates: {
    order_submitted_customer: { template_id: 'SMS_A', params: { no: 'order_no', goods: 'product' } },
    order_submitted_admin: { template_id: 'SMS_B', params: { no: 'order_no' } },
    shipped_customer: { template_id: 'SMS_C', params: { no: 'order_no', courier: 'courier', waybill: 'waybill_no' } },
  },
  card_issued_include_password: false,
  limits: { per_minute: 1, per_day: 10 },
}

async function redeem (f: RedeemFixture, i: number, phone = CONSIGNEE.phone): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: { ...CONSIGNEE, phone } })).json().order_no
}

t.test('switches A, B and C send the merchant\'s templates; per-phone limits stop floods', async (t) => {
  const clock = fixedClock(new Date())
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, overrides: { smsProvider: sms } })
  const put = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: SETTINGS })
  t.equal(put.statusCode, 200, put.body)
  const orderNo = await redeem(f, 0)
  await f.app.services.worker.drainAll()
  // The two texts leave side by side (different phones): in either order.
  sms.sent.sort((a, b) => a.template_id.localeCompare(b.template_id))
  t.same(sms.sent.map((m) => [m.template_id, m.phone]), [['SMS_A', '13800138000'], ['SMS_B', '13900000001']], 'A to the customer, B to the admin phone')
  t.same(sms.sent[0].params, { no: orderNo, goods: '苹果礼盒' })
  t.equal(sms.sent[0].sign_name, '鲜果铺')

  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: 'SF1234567890' } })
  await f.app.services.worker.drainAll()
  t.same(sms.sent[2], { phone: '13800138000', sign_name: '鲜果铺', template_id: 'SMS_C', params: { no: orderNo, courier: '顺丰速运', waybill: 'SF1234567890' } }, 'C when shipped')

  // A second order for the same phone within the minute: the customer's text is dropped, and so
  // is the admin's second order notice (B) — with the default of one a minute, on the record.
  await redeem(f, 1)
  await f.app.services.worker.drainAll()
  const log = await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages', headers: f.auth(f.token) })
  t.same(log.json().items.map((m: { template_id: string; status: string }) => `${m.template_id}:${m.status}`).sort(), ['SMS_A:dropped', 'SMS_A:sent', 'SMS_B:dropped', 'SMS_B:sent', 'SMS_C:sent'])
  t.equal(log.json().items.find((m: { template_id: string }) => m.template_id === 'SMS_B').phone, '139****0001', 'phones masked in the log')
  const dropped = await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages?status=dropped&phone=13900000001', headers: f.auth(f.token) })
  t.same(dropped.json().items.map((m: { event: string; status: string; error: string }) => [m.event, m.status, m.error]),
    [['order_submitted_admin', 'dropped', '超出发送频率限制：同一手机号同一模板 1 分钟内最多 1 条，本条未发送']], 'the admin\'s dropped notice, with the limit it hit')
  t.equal(sms.sent.length, 3, 'nothing dropped reached the provider')
  t.equal((await f.db('outbox').where({ topic: 'sms.send', status: 'done' })).length, 5, 'a dropped text is finished, not retried')
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages?status=limited', headers: f.auth(f.token) })).statusCode, 422, 'the states are sent, failed and dropped')
  clock.advance(61_000)
  await redeem(f, 2)
  await f.app.services.worker.drainAll()
  t.equal(sms.sent.filter((m) => m.template_id === 'SMS_A').length, 2, 'a minute later the next one goes out')

  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false } } })
  const before = sms.sent.length
  clock.advance(61_000)
  await redeem(f, 3)
  await f.app.services.worker.drainAll()
  t.equal(sms.sent.length, before, 'switched off, nothing is sent')
})

t.test('texts to one phone sent at the same moment: the limit counts each before it goes, so one of five is sent', async (t) => {
  const clock = fixedClock(new Date())
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, quantity: 5, overrides: { smsProvider: sms } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, switches: { ...SETTINGS.switches, order_submitted_admin: false } } })
  // Five orders before the worker runs: their five texts are taken in one batch and sent side by
  // side (a count of the log, read by each before any was logged, let all five through).
  for (const i of [0, 1, 2, 3, 4]) await redeem(f, i)
  await f.app.services.worker.drainAll()
  t.equal(sms.sent.length, 1, 'one text reached the provider')
  t.same((await f.db('sms_messages').orderBy('id')).map((m) => m.status).sort(), ['dropped', 'dropped', 'dropped', 'dropped', 'sent'])
})

t.test('provider errors: a business refusal is not retried, a transient one is', async (t) => {
  const clock = fixedClock(new Date())
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, overrides: { smsProvider: sms } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, switches: { ...SETTINGS.switches, order_submitted_admin: false } } })
  sms.failNext(new IntegrationError('isv.INVALID_SIGN_NAME: 签名不合法', false, 'isv.INVALID_SIGN_NAME'))
  await redeem(f, 0)
  await f.app.services.worker.drainAll()
  const [dead] = await f.db('outbox').where({ topic: 'sms.send' })
  t.equal(dead.status, 'dead', 'no retry for a business error')
  t.match(dead.last_error, /INVALID_SIGN_NAME/)

  clock.advance(61_000)
  sms.failNext(new IntegrationError('HTTP 503', true))
  await redeem(f, 1, '13700137000')
  await f.app.services.worker.drainAll()
  const retry = (await f.db('outbox').where({ topic: 'sms.send' }).orderBy('id'))[1]
  t.equal(retry.status, 'pending', 'a transient failure waits for its retry')
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('outbox').where({ id: retry.id }).first()).status, 'done')
  t.equal(sms.sent.length, 1)
  const statuses = (await f.db('sms_messages').orderBy('id')).map((m) => m.status)
  t.same(statuses, ['failed', 'failed', 'sent'], 'every outcome is visible to the merchant')
})

t.test('credentials are stored encrypted and never returned or logged; test text', async (t) => {
  const sms = fakeProvider()
  const f = await redeemFixture(t, { quantity: 1, overrides: { smsProvider: sms } })
  const secret = 'AliyunSecretValue9876'
  const put = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, provider: 'aliyun', aliyun: { access_key_id: 'LTAI5tKey', access_key_secret: secret } } })
  t.equal(put.statusCode, 200, put.body)
  t.equal(put.json().aliyun.access_key_secret, '****9876')
  const kept = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, provider: 'aliyun', aliyun: { access_key_id: 'LTAI5tKey' } } })
  t.equal(kept.json().aliyun.access_key_secret, '****9876', 'omitted, the stored secret is kept')
  const missing = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, provider: 'tencent' } })
  t.equal(missing.statusCode, 422)
  const get = await f.app.inject({ method: 'GET', url: '/api/v1/settings/notifications', headers: f.auth(f.token) })
  const stored = await f.db('settings').where({ section: 'notifications' }).first()
  for (const text of [get.body, stored.value, f.logs.text(), JSON.stringify(await f.db('audit_logs'))]) t.notOk(text.includes(secret), 'the secret appears nowhere')
  const test = await f.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: f.auth(f.token), payload: { phone: '13600136000' } })
  t.equal(test.statusCode, 202)
  await f.app.services.worker.drainAll()
  t.equal(sms.sent.at(-1)?.phone, '13600136000')
})

t.test('the console provider logs parameter names, never their values', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const settings = { ...SETTINGS, templates: { ...SETTINGS.templates, order_submitted_customer: { template_id: 'SMS_A', params: { who: 'consignee_name', goods: 'product', no: 'order_no' } } } }
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: settings })).statusCode, 200)
  await redeem(f, 0)
  await f.app.services.worker.drainAll()
  const sent = f.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'sms.sent')
  t.ok(sent.length >= 1, 'the texts were logged')
  const a = sent.find((l) => l.template_id === 'SMS_A')
  t.same(a.params, { who: '****', goods: '****', no: '****' }, 'names kept, values masked')
  t.equal(a.phone, '138****8000')
  t.notOk(sent.some((l) => JSON.stringify(l).includes(CONSIGNEE.name) || JSON.stringify(l).includes('苹果礼盒')), 'no value reaches the log')
})

t.test('the daily limit drops with its own reason; the log pages by cursor, newest first', async (t) => {
  const clock = fixedClock(new Date())
  const sms = fakeProvider()
  const f = await redeemFixture(t, { quantity: 1, clock, overrides: { smsProvider: sms } })
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: { ...SETTINGS, limits: { per_minute: 5, per_day: 2 } } })).statusCode, 200)
  for (let i = 0; i < 3; i++) {
    t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: f.auth(f.token), payload: { phone: '13600136000' } })).statusCode, 202)
    await f.app.services.worker.drainAll()
    clock.advance(61_000)
  }
  t.equal(sms.sent.length, 2)
  const first = (await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages?limit=2', headers: f.auth(f.token) })).json()
  t.same(first.items.map((m: { status: string }) => m.status), ['dropped', 'sent'], 'newest first')
  t.equal(first.items[0].error, '超出发送频率限制：同一手机号同一模板 24 小时内最多 2 条，本条未发送')
  t.equal(first.items[0].event, 'test')
  t.ok(first.next_cursor)
  const second = (await f.app.inject({ method: 'GET', url: `/api/v1/sms-messages?limit=2&cursor=${first.next_cursor}`, headers: f.auth(f.token) })).json()
  t.same(second.items.map((m: { status: string }) => m.status), ['sent'])
  t.equal(second.next_cursor, null)
  t.same((await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages?phone=13600136001', headers: f.auth(f.token) })).json().items, [], 'another phone: none')
})

t.test('the migration: texts logged as limited before are dropped, with a reason', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const merchant = (await f.db('merchants').where({ code: 'default' }).first('id')).id
  const row = { merchant_id: merchant, phone: '13900000001', event: 'order_submitted_admin', template_id: 'SMS_B', provider: 'console', provider_message_id: null, outbox_id: null, created_at: Date.now() }
  await f.db('sms_messages').insert([{ ...row, status: 'limited', error: null }, { ...row, status: 'sent', error: null }])
  await smsDropped.up(f.db)
  t.same((await f.db('sms_messages').orderBy('id')).map((m) => [m.status, m.error]), [['dropped', '超出发送频率限制（同一手机号同一模板），本条未发送'], ['sent', null]])
  await smsDropped.down(f.db)
  t.same((await f.db('sms_messages').orderBy('id')).map((m) => [m.status, m.error]), [['limited', null], ['sent', null]], 'down puts them back')
})
