import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

async function placeOrder (f: RedeemFixture, index: number, reserveDate?: string): Promise<string> {
  const c = f.cards[index]
  const v = await f.verify(c.card_no, c.password)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: { ...CONSIGNEE, phone: `1390000${String(index).padStart(4, '0')}` }, ...(reserveDate ? { reserve_date: reserveDate } : {}) })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().order_no
}

t.test('tabs by due and shipping day in the merchant\'s time zone, with counts', async (t) => {
  // 2026-11-23 23:30 in Shanghai, still the 23rd; UTC is 15:30 the same day.
  const clock = fixedClock('2026-11-23T15:30:00Z')
  const f = await redeemFixture(t, { clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(f.token), payload: {
    enabled: true, pause_message: '', daily_cap: null, redirect_url: null,
    reservation: { mode: 'any', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] },
  } })
  const noDate = await placeOrder(f, 0)
  const today = await placeOrder(f, 1, '2026-11-23')
  const tomorrow = await placeOrder(f, 2, '2026-11-24')
  const dayAfter = await placeOrder(f, 3, '2026-11-25')
  const later = await placeOrder(f, 4, '2026-11-30')

  const tab = async (name: string, token = f.token) => {
    const res = await f.app.inject({ method: 'GET', url: `/api/v1/orders?tab=${name}`, headers: f.auth(token) })
    t.equal(res.statusCode, 200)
    return res.json()
  }
  const all = await tab('all')
  t.same(all.items.map((o: { order_no: string }) => o.order_no), [later, dayAfter, tomorrow, today, noDate], 'newest first')
  t.same(all.tab_counts, { pending_today: 2, pending_tomorrow: 1, pending_day_after: 1, shipped_today: 0, shipped_yesterday: 0, all: 5 })
  t.same((await tab('pending_today')).items.map((o: { order_no: string }) => o.order_no).sort(), [noDate, today].sort(), 'no date counts from its creation day')

  const ship = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${today}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: 'SF1234567890' } })
  t.equal(ship.statusCode, 200)
  t.match(ship.json(), { status: 'shipped', courier_code: 'SF', courier_name: '顺丰速运', waybill_no: 'SF1234567890' })
  t.same((await tab('shipped_today')).items.map((o: { order_no: string }) => o.order_no), [today])

  clock.advance(60 * 60_000) // 00:30 on the 24th in Shanghai
  const next = await f.login()
  const counts = (await tab('all', next)).tab_counts
  t.same(counts, { pending_today: 2, pending_tomorrow: 1, pending_day_after: 0, shipped_today: 0, shipped_yesterday: 1, all: 5 }, 'yesterday\'s backlog stays in today\'s tab')
  const filtered = await f.app.inject({ method: 'GET', url: `/api/v1/orders?phone=13900000002&created_from=2026-11-23&created_to=2026-11-23`, headers: f.auth(next) })
  t.same(filtered.json().items.map((o: { order_no: string }) => o.order_no), [tomorrow])
  const byBatch = await f.app.inject({ method: 'GET', url: `/api/v1/orders?batch_no=${f.batchNo}&status=pending&channel=web`, headers: f.auth(next) })
  t.equal(byBatch.json().items.length, 4)
  const byReserve = await f.app.inject({ method: 'GET', url: '/api/v1/orders?reserve_from=2026-11-25&reserve_to=2026-11-30', headers: f.auth(next) })
  t.equal(byReserve.json().items.length, 2)
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/orders?created_from=2026-11-24', headers: f.auth(next) })).json().items.length, 0)
})

t.test('manual shipping, waybill edits, cancel, complete — with events and audit', async (t) => {
  const f = await redeemFixture(t)
  const [o1, o2, o3] = [await placeOrder(f, 0), await placeOrder(f, 1), await placeOrder(f, 2)]
  const post = (orderNo: string, action: string, payload?: object) =>
    f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/${action}`, headers: f.auth(f.token), ...(payload ? { payload } : {}) })

  t.equal((await post(o1, 'ship', { courier_code: 'SF', waybill_no: 'SF12' })).statusCode, 422, 'waybill 6-32 letters/digits')
  t.equal((await post(o1, 'ship', { courier_code: 'SF', waybill_no: 'SF 1234567' })).statusCode, 422)
  t.equal((await post(o1, 'ship', { courier_code: 'NOPE', waybill_no: 'SF1234567' })).json().code, 'courier_invalid')
  t.equal((await post(o1, 'ship', { courier_code: 'ZTO', waybill_no: '7500001111' })).json().status, 'shipped')
  const edit = await post(o1, 'ship', { courier_code: 'YTO', waybill_no: 'YT9900001111' })
  t.match(edit.json(), { status: 'shipped', courier_code: 'YTO', waybill_no: 'YT9900001111' })
  const audit = await f.db('audit_logs').where({ action: 'orders.waybill_change' })
  t.equal(audit.length, 1, 'editing a waybill is audited')
  t.match(JSON.parse(audit[0].summary), { from: { courier_code: 'ZTO', waybill_no: '7500001111' }, to: { courier_code: 'YTO' } })

  t.equal((await post(o1, 'cancel')).json().code, 'order_state_invalid', 'only pending orders can be cancelled')
  const cancelled = await post(o2, 'cancel')
  t.equal(cancelled.json().status, 'cancelled')
  const card = await f.db('cards').where({ card_no: f.cards[1].card_no }).first()
  t.equal(card.status, 'active', 'the card goes back to active')
  t.ok(await placeOrder(f, 1), 'and can be redeemed again')

  t.equal((await post(o1, 'complete')).json().status, 'delivered')
  t.equal((await post(o3, 'complete')).json().status, 'completed')
  t.equal((await post(o3, 'complete')).json().code, 'order_state_invalid')

  const detail = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${o1}`, headers: f.auth(f.token) })
  t.same(detail.json().history.map((h: { type: string }) => h.type), ['created', 'shipped', 'waybill_changed', 'delivered'])
  const topics = (await f.db('outbox').orderBy('id')).map((o) => o.topic)
  t.same(topics.filter((x) => x !== 'order.created' && x !== 'card.redeemed'), ['order.shipped', 'order.waybill_changed', 'order.cancelled', 'order.delivered'], 'a waybill change is an event of its own (our modules only: the Kuaidi100 subscription of the new number)')
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/orders/00000000000000000000', headers: f.auth(f.token) })).json().code, 'order_not_found')
})

t.test('couriers: the catalogue and the merchant\'s variants', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const list = await f.app.inject({ method: 'GET', url: '/api/v1/couriers', headers: f.auth(f.token) })
  const codes = list.json().items.map((c: { code: string }) => c.code)
  for (const code of ['SF', 'ZTO', 'YTO', 'STO', 'YUNDA', 'EMS', 'JD', 'JTSD', 'DBL', 'YZPY']) t.ok(codes.includes(code), code)
  const variant = await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: '省外顺丰次晨', base_code: 'SF', product_type: '顺丰次晨', monthly_account: '7551234567' } })
  t.equal(variant.statusCode, 201)
  t.match(variant.json(), { name: '省外顺丰次晨', base_code: 'SF', custom: true })
  const orderNo = await placeOrder(f, 0)
  const shipped = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: variant.json().code, waybill_no: 'SF5550001' } })
  t.equal(shipped.json().courier_name, '省外顺丰次晨')
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: 'x', base_code: 'NOPE' } })).statusCode, 422)
})

t.test('order permissions', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const orderNo = await placeOrder(f, 0)
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'viewer1', name: '查看', password: 'Viewer123-kq#Pw', permissions: ['orders.read'] } })
  const viewer = await f.login('viewer1', 'Viewer123-kq#Pw')
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/orders', headers: f.auth(viewer) })).statusCode, 200)
  for (const action of ['ship', 'cancel', 'complete']) {
    const res = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/${action}`, headers: f.auth(viewer), payload: action === 'ship' ? { courier_code: 'SF', waybill_no: 'SF1234567' } : undefined })
    t.equal(res.statusCode, 403, action)
  }
  t.equal((await f.db('orders').first()).status, 'pending')
})
