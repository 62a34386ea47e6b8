import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { createTestDatabase, buildTestApp, onMysql } from '../../test-support/build-test-app.js'
import { CONSIGNEE, redeemFixture } from '../../test-support/redeem-fixture.js'
import { startServerProcess } from '../../test-support/processes.js'

t.test('the customer flow: config, verify, submit, look up', async (t) => {
  const f = await redeemFixture(t)
  const config = await f.app.inject({ method: 'GET', url: '/api/v1/redeem/default/config' })
  t.equal(config.statusCode, 200)
  t.equal(config.json().pickup.enabled, true)
  t.equal(config.json().reservation.mode, 'none')

  const [card] = f.cards
  const v = await f.verify(card.card_no, card.password)
  t.equal(v.statusCode, 200)
  t.same(v.json().card, { card_no: card.card_no, face_value: 38800, valid_from: null, valid_to: null })
  t.same(v.json().products.map((p: { name: string }) => p.name), ['苹果礼盒', '桃子礼盒'])
  const token = v.json().token

  const order = await f.submit({ token, product_id: f.apple, consignee: CONSIGNEE, remark: '周末送' })
  t.equal(order.statusCode, 201)
  const orderNo = order.json().order_no
  t.match(orderNo, /^\d{20}$/, 'time-sortable number with a random tail')
  t.equal((await f.db('cards').where({ card_no: card.card_no }).first()).status, 'redeemed')
  const outbox = await f.db('outbox').orderBy('id')
  t.same(outbox.map((o) => o.topic), ['order.created', 'card.redeemed'])
  t.equal(JSON.parse(outbox[0].payload).order.order_no, orderNo)
  t.notOk(outbox.some((o) => o.payload.includes(card.password)), 'no password in the outbox')

  const byToken = await f.app.inject({ method: 'GET', url: `/api/v1/redeem/default/orders/${orderNo}?token=${token}` })
  t.equal(byToken.statusCode, 200)
  t.match(byToken.json(), { order_no: orderNo, status: 'pending', channel: 'web', product: { name: '苹果礼盒', goods_no: 'G-APPLE' }, remark: '周末送' })
  const byPassword = await f.app.inject({ method: 'GET', url: `/api/v1/redeem/default/orders/${orderNo}?card_no=${card.card_no}&password=${card.password}` })
  t.equal(byPassword.json().order_no, orderNo)
  const otherCard = f.cards[1]
  const foreign = await f.app.inject({ method: 'GET', url: `/api/v1/redeem/default/orders/${orderNo}?card_no=${otherCard.card_no}&password=${otherCard.password}` })
  t.equal(foreign.statusCode, 422, 'another card cannot read the order')

  const again = await f.verify(card.card_no, card.password)
  t.equal(again.statusCode, 409)
  t.equal(again.json().code, 'card_redeemed')
  t.same(again.json().details, [{ path: '/order_no', message: orderNo }], 'the right password shows which order')
  const reuse = await f.submit({ token, product_id: f.peach, consignee: CONSIGNEE })
  t.equal(reuse.json().code, 'card_redeemed')

  const history = await f.app.inject({ method: 'GET', url: `/api/v1/cards/${card.card_no}`, headers: f.auth(f.token) })
  t.same(history.json().history.map((h: { type: string }) => h.type), ['issue', 'redeem'])
  t.notOk(f.logs.text().includes(card.password), 'the password never reaches the log')
  t.notOk(f.logs.text().includes(token), 'nor the token')
})

t.test('wrong number and wrong password give one answer', async (t) => {
  const f = await redeemFixture(t)
  const wrongPw = await f.verify(f.cards[0].card_no, '0000000000')
  const wrongNo = await f.verify('T999999', f.cards[0].password)
  t.equal(wrongPw.statusCode, 422)
  t.equal(wrongNo.statusCode, 422)
  t.same({ code: wrongPw.json().code, message: wrongPw.json().message }, { code: wrongNo.json().code, message: wrongNo.json().message })
  t.equal(wrongPw.json().code, 'card_invalid')
  t.same(Object.keys(wrongPw.headers).sort(), Object.keys(wrongNo.headers).sort(), 'same headers')
})

t.test('card rules: inactive, not yet valid, expired, product not allowed, pickup paused', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z') // 10:00 in Shanghai
  const f = await redeemFixture(t, { clock })
  const [a, b, c, d] = f.cards
  await f.db('cards').where({ card_no: a.card_no }).update({ status: 'inactive' })
  await f.db('cards').where({ card_no: b.card_no }).update({ valid_from: '2026-11-24' })
  await f.db('cards').where({ card_no: c.card_no }).update({ valid_to: '2026-11-22' })
  t.equal((await f.verify(a.card_no, a.password)).json().code, 'card_inactive')
  t.equal((await f.verify(b.card_no, b.password)).json().code, 'card_inactive')
  t.equal((await f.verify(c.card_no, c.password)).json().code, 'card_expired')
  clock.set('2026-11-23T16:30:00Z') // already the 24th in Shanghai, still the 23rd in UTC
  t.equal((await f.verify(b.card_no, b.password)).statusCode, 200, 'validity follows the merchant\'s time zone')

  const v = await f.verify(d.card_no, d.password)
  t.equal(v.statusCode, 200, v.body)
  const admin = await f.login() // the morning's session has ended by now
  const other = await f.app.inject({ method: 'POST', url: '/api/v1/products', headers: f.auth(admin), payload: { name: '别的商品' } })
  t.equal((await f.submit({ token: v.json().token, product_id: other.json().id, consignee: CONSIGNEE })).json().code, 'product_not_allowed')
  await f.app.inject({ method: 'PATCH', url: `/api/v1/products/${f.peach}`, headers: f.auth(admin), payload: { status: 'off' } })
  t.equal((await f.submit({ token: v.json().token, product_id: f.peach, consignee: CONSIGNEE })).json().code, 'product_not_allowed', 'a switched-off product is not offered')
  t.same((await f.verify(d.card_no, d.password)).json().products.map((p: { name: string }) => p.name), ['苹果礼盒'])
  for (const [patch, path] of [[{ phone: '12345' }, '/consignee/phone'], [{ district: '' }, '/consignee/district'], [{ address: undefined }, '/consignee/address']] as const) {
    const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: { ...CONSIGNEE, ...patch } })
    t.equal(res.statusCode, 422)
    t.equal(res.json().details[0].path, path)
  }
  t.equal((await f.submit({ token: 'forged.token.value', product_id: f.apple, consignee: CONSIGNEE })).json().code, 'token_invalid')

  const paused = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(admin), payload: {
    enabled: false, pause_message: '春节期间暂停提货', reservation: { mode: 'none', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] }, daily_cap: null, redirect_url: null,
  } })
  t.equal(paused.statusCode, 200)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })
  t.equal(res.statusCode, 503)
  t.same({ code: res.json().code, message: res.json().message }, { code: 'pickup_paused', message: '春节期间暂停提货' })
  t.equal((await f.db('orders')).length, 0)
  clock.advance(16 * 60_000)
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(admin), payload: { ...(paused.json() as object), enabled: true } })
  t.equal((await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().code, 'token_invalid', 'the token lasts 15 minutes')
})

t.test('reservation modes, blocked days, daily cap and redirect', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z') // Monday 23 November in Shanghai
  const f = await redeemFixture(t, { clock })
  const setPickup = (patch: object) => f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(f.token), payload: {
    enabled: true, pause_message: '', daily_cap: null, redirect_url: null,
    reservation: { mode: 'window', min_days_ahead: 1, max_days_ahead: 7, blocked_weekdays: [0], blocked_dates: ['2026-11-26'] }, ...patch,
  } })
  t.equal((await setPickup({ redirect_url: 'javascript:alert(1)' })).statusCode, 422, 'redirect must be http(s)')
  t.equal((await setPickup({ reservation: { mode: 'window', min_days_ahead: 5, max_days_ahead: 2, blocked_weekdays: [], blocked_dates: [] } })).statusCode, 422)
  t.equal((await setPickup({ daily_cap: 1, redirect_url: 'https://shop.example.com/thanks' })).statusCode, 200)
  let i = 0
  const order = async (reserve_date?: string) => {
    const c = f.cards[i++]
    const v = await f.verify(c.card_no, c.password)
    return f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE, ...(reserve_date ? { reserve_date } : {}) })
  }
  for (const [date, why] of [[undefined, 'required'], ['2026-11-23', 'today is before min'], ['2026-12-01', 'after max'], ['2026-11-29', 'Sunday'], ['2026-11-26', 'blocked date'], ['2026-02-30', 'not a day'], ['2026-13-01', 'no such month']] as const) {
    const res = await order(date)
    t.equal(res.statusCode, 422, why)
    t.equal(res.json().code, 'reserve_date_invalid', why)
  }
  const ok = await order('2026-11-24')
  t.equal(ok.statusCode, 201)
  t.equal(ok.json().redirect_url, 'https://shop.example.com/thanks')
  const full = await order('2026-11-24')
  t.equal(full.json().code, 'reserve_date_invalid', 'daily cap reached')
  t.equal((await f.db('cards').where({ card_no: f.cards[i - 1].card_no }).first()).status, 'active', 'a refused redemption changes nothing')
  t.equal((await f.db('outbox')).length, 2, 'outbox rows only for the committed redemption')
  const cancel = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${ok.json().order_no}/cancel`, headers: f.auth(f.token) })
  t.equal(cancel.statusCode, 200)
  t.equal((await order('2026-11-24')).statusCode, 201, 'a cancelled order frees its slot')

  await setPickup({ reservation: { mode: 'none', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] } })
  t.equal((await order('2026-11-25')).json().code, 'reserve_date_invalid', 'mode none refuses a date')
  t.equal((await order()).statusCode, 201)
  await setPickup({ reservation: { mode: 'any', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] } })
  t.equal((await order('2027-03-01')).statusCode, 201, 'mode any takes any future date')
  t.equal((await order('2026-11-22')).json().code, 'reserve_date_invalid', 'but not a past one')
})

t.test('five wrong passwords lock the card for 30 minutes for that caller, across restarts; 20 failures block an address', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { clock, database })
  const [card, other] = f.cards
  for (let n = 1; n <= 4; n++) t.equal((await f.verify(card.card_no, 'wrong' + n)).json().code, 'card_invalid')
  const fifth = await f.verify(card.card_no, 'wrong5')
  t.equal(fifth.statusCode, 423)
  t.equal(fifth.json().code, 'card_locked')
  t.equal((await f.verify(card.card_no, card.password)).statusCode, 423, 'the right password does not open it')
  const restarted = await buildTestApp(t, { clock, database })
  const after = await restarted.app.inject({ method: 'POST', url: '/api/v1/redeem/default/verify', payload: { card_no: card.card_no, password: card.password } })
  t.equal(after.statusCode, 423, 'still locked after a restart')
  // Staff attempts from the same address count toward the same lock.
  const store = await f.app.inject({ method: 'POST', url: '/api/v1/store-pickups', headers: f.auth(f.token), payload: { card_no: card.card_no, password: card.password, product_id: f.apple } })
  t.equal(store.statusCode, 423)
  const elsewhere = await f.verify(card.card_no, card.password, '198.51.100.7')
  t.equal(elsewhere.statusCode, 200, 'the holder, from another address, is not kept out by a stranger\'s lock')
  t.equal((await f.verify(other.card_no, other.password)).statusCode, 200, 'other cards are not affected')
  clock.advance(30 * 60_000 + 1000)
  t.equal((await f.verify(card.card_no, card.password)).statusCode, 200, 'open again after 30 minutes')

  for (let n = 0; n < 20; n++) await f.verify(f.cards[2 + (n % 10)].card_no, 'x' + n, '10.9.9.9')
  const blocked = await f.verify(other.card_no, other.password, '10.9.9.9')
  t.equal(blocked.statusCode, 429)
  t.equal(blocked.json().code, 'too_many_attempts')
  t.equal((await f.verify(other.card_no, other.password, '10.9.9.8')).statusCode, 200)
})

t.test('exactly once: 50 parallel redemptions of one card give one order', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database })
  // On MySQL a second instance with its own connection pool shares the database.
  const second = onMysql ? await buildTestApp(t, { database }) : f
  const [card] = f.cards
  const token = (await f.verify(card.card_no, card.password)).json().token
  const results = await Promise.all(Array.from({ length: 50 }, (_, k) => (k % 2 ? second : f).app.inject({
    method: 'POST', url: '/api/v1/redeem/default/orders', payload: { token, product_id: k % 3 ? f.apple : f.peach, consignee: CONSIGNEE },
  })))
  const codes = results.map((r) => r.statusCode)
  t.equal(codes.filter((c) => c === 201).length, 1, 'one 201')
  t.equal(codes.filter((c) => c === 409).length, 49, 'the rest 409')
  t.ok(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'card_redeemed'))
  t.equal((await f.db('orders')).length, 1)
  t.equal((await f.db('outbox')).length, 2)
  t.equal((await f.db('card_activities').where({ type: 'redeem' })).length, 1)
})

t.test('staff pickups: in store completes at once, by phone records the staff member', async (t) => {
  const f = await redeemFixture(t)
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'clerk1', name: '店员', password: 'Clerk1234-kq#Pw', permissions: ['redeem.store'] } })
  const clerk = await f.login('clerk1', 'Clerk1234-kq#Pw')
  const [a, b] = f.cards
  const store = await f.app.inject({ method: 'POST', url: '/api/v1/store-pickups', headers: f.auth(clerk), payload: { card_no: a.card_no, password: a.password, product_id: f.peach } })
  t.equal(store.statusCode, 201)
  t.match(store.json(), { status: 'completed', channel: 'store', consignee: null, staff: { name: '店员' } })
  t.ok(store.json().completed_at)
  const phoneDenied = await f.app.inject({ method: 'POST', url: '/api/v1/phone-pickups', headers: f.auth(clerk), payload: { card_no: b.card_no, password: b.password, product_id: f.apple, consignee: CONSIGNEE } })
  t.equal(phoneDenied.statusCode, 403)
  t.equal((await f.db('cards').where({ card_no: b.card_no }).first()).status, 'active', 'a forbidden attempt changes nothing')
  const phone = await f.app.inject({ method: 'POST', url: '/api/v1/phone-pickups', headers: f.auth(f.token), payload: { card_no: b.card_no, password: b.password, product_id: f.apple, consignee: CONSIGNEE } })
  t.equal(phone.statusCode, 201)
  t.match(phone.json(), { status: 'pending', channel: 'phone', consignee: CONSIGNEE, staff: { name: '管理员' } })
  const wrong = await f.app.inject({ method: 'POST', url: '/api/v1/store-pickups', headers: f.auth(clerk), payload: { card_no: f.cards[2].card_no, password: 'nope', product_id: f.apple } })
  t.equal(wrong.json().code, 'card_invalid')
})

t.test('exactly once across two server processes sharing the database', { skip: onMysql ? false : 'MySQL/MariaDB only (TEST_MYSQL_URL): SQLite is one writer per file' }, async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database })
  const [p1, p2] = await Promise.all([startServerProcess(t, database.config, database.dir), startServerProcess(t, database.config, database.dir)])
  const [card] = f.cards
  const token = (await f.verify(card.card_no, card.password)).json().token
  const results = await Promise.all(Array.from({ length: 50 }, async (_, k) => {
    const res = await fetch(`${(k % 2 ? p1 : p2).url}/api/v1/redeem/default/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, product_id: f.apple, consignee: CONSIGNEE }),
    })
    return { status: res.status, body: await res.json() as { code?: string } }
  }))
  t.equal(results.filter((r) => r.status === 201).length, 1, 'one order')
  t.equal(results.filter((r) => r.status === 409 && r.body.code === 'card_redeemed').length, 49)
  t.equal((await f.db('orders')).length, 1)
  t.equal((await f.db('outbox')).length, 2)
})

t.test('a locked card tells how long to wait', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const [card] = f.cards
  for (let n = 1; n <= 4; n++) await f.verify(card.card_no, 'wrong' + n)
  const fifth = await f.verify(card.card_no, 'wrong5')
  t.equal(fifth.statusCode, 423)
  t.equal(fifth.json().message, '密码错误次数过多，该卡已锁定，请 30 分钟后再试')
  t.equal(fifth.headers['retry-after'], '1800')
  clock.advance(10 * 60_000 + 30_000)
  const later = await f.verify(card.card_no, card.password)
  t.equal(later.json().message, '密码错误次数过多，该卡已锁定，请 20 分钟后再试', 'whole minutes, rounded up')
  t.equal(later.headers['retry-after'], '1170')
})

t.test('the config lists the dates a customer may pick', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z') // Monday 23 November in Shanghai
  const f = await redeemFixture(t, { clock })
  const setPickup = (reservation: object, daily_cap: number | null = null) => f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(f.token), payload: {
    enabled: true, pause_message: '', daily_cap, redirect_url: null, reservation: { min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [], ...reservation },
  } })
  const dates = async () => (await f.app.inject({ method: 'GET', url: '/api/v1/redeem/default/config' })).json().reservation

  t.same((await dates()).available_dates, [], 'mode none: no date to pick')
  await setPickup({ mode: 'window', min_days_ahead: 1, max_days_ahead: 7, blocked_weekdays: [0], blocked_dates: ['2026-11-26'] }, 1)
  const window = await dates()
  t.equal(window.today, '2026-11-23')
  t.same(window.available_dates, ['2026-11-24', '2026-11-25', '2026-11-27', '2026-11-28', '2026-11-30'], 'tomorrow to a week ahead, without Sunday 29th and the blocked 26th')

  const c = f.cards[0]
  const v = await f.verify(c.card_no, c.password)
  t.equal((await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE, reserve_date: '2026-11-25' })).statusCode, 201)
  t.same((await dates()).available_dates, ['2026-11-24', '2026-11-27', '2026-11-28', '2026-11-30'], 'a day whose cap is taken is left out')

  await setPickup({ mode: 'any' }, 1)
  const any = (await dates()).available_dates
  t.equal(any.length, 179, '180 days from today, without the full one')
  t.equal(any[0], '2026-11-23', 'mode any starts today')
  t.notOk(any.includes('2026-11-25'), 'the full day is still left out')
})

t.test('"my order": the card\'s latest order by card number + password', async (t) => {
  const f = await redeemFixture(t)
  const [card, unused] = f.cards
  const lookup = (card_no: string, password: string) => f.app.inject({ method: 'POST', url: '/api/v1/redeem/default/order-lookup', payload: { card_no, password } })

  const none = await lookup(unused.card_no, unused.password)
  t.equal(none.statusCode, 404)
  t.same({ code: none.json().code, message: none.json().message }, { code: 'order_not_found', message: '该卡券还没有提货订单' })

  const v = await f.verify(card.card_no, card.password)
  const orderNo = (await f.submit({ token: v.json().token, product_id: f.peach, consignee: CONSIGNEE })).json().order_no
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: 'SF1234567890' } })
  const found = await lookup(card.card_no, card.password)
  t.equal(found.statusCode, 200)
  t.match(found.json(), { order_no: orderNo, status: 'shipped', product: { name: '桃子礼盒' }, courier_name: '顺丰速运', waybill_no: 'SF1234567890', consignee: CONSIGNEE })
  t.type(found.json().tracking, Array)

  const wrong = await lookup(card.card_no, 'wrong-password')
  t.same({ status: wrong.statusCode, code: wrong.json().code }, { status: 422, code: 'card_invalid' })
  const counted = await f.db('guard_counters').where({ kind: 'redeem_card_caller' }).first()
  t.same({ subject: counted.subject, hits: Number(counted.hits) }, { subject: `${(await f.db('merchants').first()).id}:${card.card_no}|127.0.0.1`, hits: 1 }, 'a wrong password counts toward the lock')
  t.notOk(f.logs.text().includes(card.password), 'the password stays out of the log')
})

t.test('staff verify a card before picking the product with the customer', async (t) => {
  const f = await redeemFixture(t)
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'phone1', name: '客服', password: 'Phone1234-kq#Pw', permissions: ['redeem.phone'] } })
  const phoneStaff = await f.login('phone1', 'Phone1234-kq#Pw')
  const [card, other] = f.cards
  const verify = (channel: string, token: string, card_no: string, password: string) =>
    f.app.inject({ method: 'POST', url: `/api/v1/${channel}-pickups/verify`, headers: f.auth(token), payload: { card_no, password } })

  const ok = await verify('phone', phoneStaff, card.card_no, card.password)
  t.equal(ok.statusCode, 200)
  t.same(ok.json().card, { card_no: card.card_no, face_value: 38800, valid_from: null, valid_to: null })
  t.same(ok.json().products.map((p: { name: string }) => p.name), ['苹果礼盒', '桃子礼盒'])
  t.notOk('token' in ok.json(), 'staff get no customer token')
  t.equal((await verify('store', phoneStaff, card.card_no, card.password)).statusCode, 403, 'store pickups need redeem.store')
  t.equal((await verify('store', f.token, card.card_no, card.password)).statusCode, 200, 'the owner holds every permission')
  t.equal((await verify('phone', phoneStaff, other.card_no, 'nope')).json().code, 'card_invalid')

  const store = await f.app.inject({ method: 'POST', url: '/api/v1/store-pickups', headers: f.auth(f.token), payload: { card_no: card.card_no, password: card.password, product_id: f.apple } })
  t.equal(store.statusCode, 201)
  const again = await verify('store', f.token, card.card_no, card.password)
  t.same({ status: again.statusCode, code: again.json().code }, { status: 409, code: 'card_redeemed' })
})
