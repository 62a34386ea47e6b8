// 概览 in one call: cards by state with face values (from card_counts), orders to ship and
// shipped by day in the merchant's time zone, redemptions per day with zeros, failing outbox
// rows, and the public address check.
import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { publicBaseUrlWarning } from './overview.service.js'

async function placeOrder (f: RedeemFixture, index: number, reserveDate?: string): Promise<string> {
  const c = f.cards[index]
  const v = await f.verify(c.card_no, c.password)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE, ...(reserveDate ? { reserve_date: reserveDate } : {}) })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().order_no
}

t.test('the overview counts cards, orders by day, redemptions per day and failures', async (t) => {
  // 2026-11-23 23:30 in Shanghai (UTC 15:30): "today" is the merchant's 23rd.
  const clock = fixedClock('2026-11-23T15:30:00Z')
  const f = await redeemFixture(t, { clock, quantity: 10 })
  const get = async (token = f.token) => {
    const res = await f.app.inject({ method: 'GET', url: '/api/v1/overview', headers: f.auth(token) })
    t.equal(res.statusCode, 200, res.body)
    return res.json()
  }
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(f.token), payload: {
    enabled: true, pause_message: '', daily_cap: null, redirect_url: null,
    reservation: { mode: 'any', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] },
  } })
  // A second, inactive batch without a face value.
  const products = [f.apple]
  await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: f.auth(f.token), payload: { prefix: 'Z', number_length: 6, quantity: 5, product_ids: products } })

  // Five days ago (the 18th in Shanghai) one redemption; today four.
  clock.set('2026-11-18T02:00:00Z')
  const old = await placeOrder(f, 0)
  clock.set('2026-11-23T15:30:00Z')
  const shipped = await placeOrder(f, 1)
  await placeOrder(f, 2, '2026-11-23')
  await placeOrder(f, 3, '2026-11-24')
  await placeOrder(f, 4, '2026-11-25')
  for (const no of [old, shipped]) {
    const r = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${no}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: `SF12345678${no.slice(-2)}` } })
    t.equal(r.statusCode, 200, r.body)
  }

  const o = await get()
  t.equal(o.today, '2026-11-23')
  t.equal(o.timezone, 'Asia/Shanghai')
  t.same(o.cards.active, { count: 5, face_value: 5 * 38800 })
  t.same(o.cards.redeemed, { count: 5, face_value: 5 * 38800 })
  t.same(o.cards.inactive, { count: 5, face_value: 0 }, 'a batch without a face value counts 0')
  t.same(o.cards.voided, { count: 0, face_value: 0 })
  t.same(o.cards.total, { count: 15, face_value: 10 * 38800 })
  t.equal(o.cards.unredeemed_face_value, 5 * 38800)
  t.match(o.orders, { pending_today: 1, pending_tomorrow: 1, pending_day_after: 1, shipped_today: 2, shipped_yesterday: 0 })
  t.equal(o.orders.redemptions_per_day.length, 30)
  t.same(o.orders.redemptions_per_day[0], { date: '2026-10-25', count: 0 }, 'oldest first, zeros filled')
  t.same(o.orders.redemptions_per_day.at(-1), { date: '2026-11-23', count: 4 }, 'today last')
  t.same(o.orders.redemptions_per_day.find((d: { date: string }) => d.date === '2026-11-18'), { date: '2026-11-18', count: 1 })
  t.equal(o.orders.redemptions_per_day.reduce((a: number, d: { count: number }) => a + d.count, 0), 5)
  t.same(o.failing, { webhook_deliveries: { dead: 0, retrying: 0 }, integration_calls: { dead: 0, retrying: 0 } })

  // Failures: a dead webhook delivery and a retrying SMS; a first try not yet made is not a failure.
  const merchant = await f.db('merchants').where({ code: 'default' }).first()
  const row = (topic: string, status: string, attempts: number, key: string) => ({
    merchant_id: merchant.id, topic, payload: '{}', idempotency_key: key, status, attempts, next_attempt_at: 0, created_at: 0, updated_at: 0,
  })
  await f.db('outbox').insert([
    row('webhook.delivery', 'dead', 8, 'ov-1'), row('webhook.delivery', 'pending', 0, 'ov-2'),
    row('sms.send', 'pending', 2, 'ov-3'), row('erp.push', 'done', 1, 'ov-4'),
  ])
  t.same((await get()).failing, { webhook_deliveries: { dead: 1, retrying: 0 }, integration_calls: { dead: 0, retrying: 1 } })

  // Sections follow the permissions that read them elsewhere.
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'clerk01', name: '店员', password: 'Clerk12345-kq#Pw', permissions: ['orders.read'] } })
  const clerk = await get(await f.login('clerk01', 'Clerk12345-kq#Pw'))
  t.equal(clerk.cards, null)
  t.equal(clerk.failing, null)
  t.equal(clerk.orders.pending_today, 1)
})

t.test('the public address check: local or plain http warns, https on a real host does not', async (t) => {
  t.match(publicBaseUrlWarning('http://localhost:8080'), /本机地址/)
  t.match(publicBaseUrlWarning('https://127.0.0.1'), /本机地址/)
  t.match(publicBaseUrlWarning('http://cards.example.com'), /不是 https/)
  t.equal(publicBaseUrlWarning('https://cards.example.com'), null)
  const ta = await buildTestApp(t, { config: { publicBaseUrl: 'http://localhost:8080' } })
  const res = await ta.app.inject({ method: 'GET', url: '/api/v1/overview', headers: ta.auth(await ta.login()) })
  t.equal(res.json().public_base_url, 'http://localhost:8080')
  t.match(res.json().public_base_url_warning, /二维码/)
  t.same(res.json().cards.total, { count: 0, face_value: 0 })
  t.equal(res.json().orders.redemptions_per_day.length, 30)
})
