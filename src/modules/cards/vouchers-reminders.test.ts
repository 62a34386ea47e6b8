// The expiry reminder of stored-value vouchers (到期提醒): N days before its last day (the
// merchant's setting) every active voucher with balance left gets one voucher.expiring event,
// and a bound one a text to its phone when switched on; once per voucher, whatever the number
// of sweeps running at the same moment; never for a spent voucher.
import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { fakeProvider } from '../../integrations/sms/fake.js'
import { createApp, openRequest } from '../../test-support/open-fixture.js'
import { redeemFixture } from '../../test-support/redeem-fixture.js'

const PHONE = '13900000001'

const SETTINGS = {
  provider: 'console', sign_name: '鲜果铺', admin_phones: [],
  switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false, voucher_expiring: true },
  voucher_expiring_days: 7,
  templates: { voucher_expiring: { template_id: 'SMS_V', params: { no: 'card_no', left: 'balance', end: 'valid_to', days: 'days_left' } } },
  card_issued_include_password: false,
  limits: { per_minute: 1, per_day: 10 },
}

t.test('N days before the end: one event per voucher with balance left, one text to a bound one', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, quantity: 2, overrides: { smsProvider: sms } })
  const token = await f.login()
  const mall = await createApp(f, ['cards:issue', 'cards:read', 'vouchers:read', 'vouchers:pay'])
  const created = await f.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: f.auth(token),
    payload: { kind: 'stored_value', prefix: 'RV', number_length: 6, quantity: 10, face_value: 20000, valid_days: 30 },
  })
  t.equal(created.statusCode, 201, created.body)
  const batch = created.json()
  const issued = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { out_order_no: 'ORG-R', batch_no: batch.batch_no, items: [{ phone: PHONE, quantity: 2 }], send_sms: false })
  t.equal(issued.statusCode, 201, issued.body)
  const [bound, spent] = issued.json().cards as Array<{ card_no: string; valid_to: string }>
  t.equal(bound.valid_to, '2026-12-23', '30 days from the 24th')
  // One more, activated in the back office: nobody's phone.
  const loose = 'RV000003'
  const act = await f.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: f.auth(token), payload: { action: 'activate', target: { card_nos: [loose] } } })
  t.equal(act.json().changed, 1, act.body)
  const adjust = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${spent.card_no}/voucher/adjust`, headers: f.auth(token), payload: { delta: -20000, reason: '已线下消费' } })
  t.equal(adjust.statusCode, 200, adjust.body)

  const bad = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(token), payload: { ...SETTINGS, voucher_expiring_days: 0 } })
  t.equal(bad.statusCode, 422)
  t.match(bad.json(), { code: 'validation_failed', details: [{ path: '/voucher_expiring_days', message: /到期提醒提前天数应为 1 至 60/ }] })
  const put = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(token), payload: SETTINGS })
  t.equal(put.statusCode, 200, put.body)
  t.equal(put.json().voucher_expiring_days, 7)

  const remind = () => f.app.services.vouchers.remindExpiring()
  t.equal(await remind(), 0, 'a month before: nothing')
  clock.set('2026-12-16T02:00:00Z')
  t.equal(await remind(), 0, '8 days before the last day: not yet')
  clock.set('2026-12-17T02:00:00Z')
  // Three sweeps at the same moment (as three instances would): each voucher once.
  const rounds = await Promise.all([remind(), remind(), remind()])
  t.equal(rounds.reduce((a, b) => a + b, 0), 2, 'the two with balance left, once each')
  t.equal(await remind(), 0, 'and never again')
  clock.set('2026-12-20T02:00:00Z')
  t.equal(await remind(), 0, 'nor on a later day')

  const events = await f.db('outbox').where({ topic: 'voucher.expiring' }).orderBy('id')
  t.same(events.map((e) => JSON.parse(e.payload).card_no).sort(), [bound.card_no, loose].sort(), 'not the spent one')
  t.match(JSON.parse(events.find((e) => JSON.parse(e.payload).card_no === bound.card_no).payload),
    { card_no: bound.card_no, balance: 20000, valid_to: '2026-12-23', days_left: 7, bound: true })
  t.notMatch(events.map((e) => e.payload).join(), PHONE, 'the event carries no phone number')

  await f.app.services.worker.drainAll()
  t.equal(sms.sent.length, 1, 'one text: the bound voucher\'s')
  t.match(sms.sent[0], { phone: PHONE, template_id: 'SMS_V', params: { no: bound.card_no, left: '200.00', end: '2026-12-23', days: '7' } })
  const logged = await f.db('sms_messages').where({ event: 'voucher_expiring' })
  t.equal(logged.length, 1)
  t.equal(logged[0].status, 'sent')

  // Extended (to 2027-01-22), the new last day is reminded of in its turn, once.
  const ext = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${bound.card_no}/voucher/extend`, headers: f.auth(await f.login()), payload: {} })
  t.equal(ext.json().valid_to, '2027-01-22', ext.body)
  t.equal(await remind(), 0, 'not before its new N days')
  clock.set('2027-01-16T02:00:00Z')
  t.equal(await remind(), 1, 'seven days before the new last day')
  t.equal(await remind(), 0)
})

t.test('switched off, no text; the event still goes to the merchant\'s webhooks', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, quantity: 1, overrides: { smsProvider: sms } })
  const token = await f.login()
  const mall = await createApp(f, ['cards:issue'])
  const batch = (await f.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: f.auth(token),
    payload: { kind: 'stored_value', prefix: 'RW', number_length: 6, quantity: 2, face_value: 5000, valid_days: 30 },
  })).json()
  t.equal((await openRequest(f, mall, 'POST', '/open/v1/card-issues', { out_order_no: 'ORG-W', batch_no: batch.batch_no, items: [{ phone: PHONE, quantity: 1 }], send_sms: false })).statusCode, 201)
  const settings = await f.app.inject({ method: 'GET', url: '/api/v1/settings/notifications', headers: f.auth(token) })
  t.equal(settings.json().voucher_expiring_days, 7, 'seven days unless set')
  t.equal(settings.json().switches.voucher_expiring, false, 'the text is off unless switched on')
  clock.set('2026-12-20T02:00:00Z')
  t.equal(await f.app.services.vouchers.remindExpiring(), 1)
  await f.app.services.worker.drainAll()
  t.equal(sms.sent.length, 0)
  t.equal((await f.db('outbox').where({ topic: 'voucher.expiring' })).length, 1)
})
