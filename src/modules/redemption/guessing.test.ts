// Guessing card passwords, as an attacker would: concurrent guesses on one card and from one
// address, unknown numbers, locks caused by a stranger, many addresses on one card, IPv6
// rotation inside one /64, guessing spread over many cards, and the work each answer costs.
import t from 'tap'
import type { Knex } from 'knex'
import { fixedClock } from '../../shared/clock.js'
import { createTestDatabase, onMysql } from '../../test-support/build-test-app.js'
import { redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { startServerProcess } from '../../test-support/processes.js'
import { startReceiver } from '../../test-support/receiver.js'
import { fakeProvider } from '../../integrations/sms/fake.js'
import { createApp, openRequest } from '../../test-support/open-fixture.js'

type Answer = { status: number; code?: string }

/** Sends guesses at once: in this process, and on MariaDB half of them through a second server process. */
async function storm (f: RedeemFixture, t: Tap, database: Database, guesses: Array<{ card_no: string; password: string; ip?: string }>): Promise<Answer[]> {
  const other = onMysql ? await startServerProcess(t, database.config, database.dir) : null
  return Promise.all(guesses.map(async (g, k) => {
    if (other && k % 2) {
      const res = await fetch(`${other.url}/api/v1/redeem/default/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card_no: g.card_no, password: g.password }) })
      return { status: res.status, code: ((await res.json()) as { code?: string }).code }
    }
    const res = await f.verify(g.card_no, g.password, g.ip ?? '127.0.0.1')
    return { status: res.statusCode, code: res.json().code }
  }))
}
type Tap = { teardown (fn: () => unknown): void }
type Database = Awaited<ReturnType<typeof createTestDatabase>>

const hits = async (db: Knex, kind: string, subject: string) => Number((await db('guard_counters').where({ kind, subject }).first())?.hits ?? 0)

t.test('1,000 concurrent guesses on one card from one address: five are checked, the right one is never accepted once locked', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database })
  const [card] = f.cards
  const merchantId = (await f.db('merchants').first()).id
  // The right password among the late ones: it must meet the lock, not the check.
  const guesses = Array.from({ length: 1000 }, (_, k) => ({ card_no: card.card_no, password: [199, 500, 900].includes(k) ? card.password : `guess${k}` }))
  const answers = await storm(f, t, database, guesses)
  const checkedWrong = answers.filter((a) => a.code === 'card_invalid').length
  t.ok(checkedWrong <= 4, `at most four answered card_invalid (${checkedWrong}); the fifth wrong one locks`)
  t.equal(answers.filter((a) => a.status === 200).length, 0, 'the right password, sent 200th, 501st and 901st, was not accepted')
  t.equal(answers.filter((a) => a.code === 'card_locked' || a.code === 'too_many_attempts').length + checkedWrong, 1000,
    'every other guess: card_locked, or too_many_attempts once the address has used its 20')
  t.equal(await hits(f.db, 'redeem_card_caller', `${merchantId}:${card.card_no}|127.0.0.1`), 5, 'five guesses were let through to the password check')
  t.equal(await hits(f.db, 'redeem_merchant', String(merchantId)), 5, 'and five failed it (the merchant-wide failure count counts each check that failed)')
  // On MariaDB the second process's guesses arrive from 127.0.0.1 as well: one caller.
  t.equal(await hits(f.db, 'redeem_addr', '127.0.0.1'), 20, 'the address used its twenty, no more')
  t.equal((await f.verify(card.card_no, card.password, '198.51.100.1')).statusCode, 200, 'the holder, from another address, still gets in')
})

t.test('200 concurrent guesses over 200 cards from one address: twenty are checked', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database, quantity: 200 })
  const answers = await storm(f, t, database, f.cards.map((c, k) => ({ card_no: c.card_no, password: `wrong${k}` })))
  t.equal(answers.filter((a) => a.code === 'card_invalid').length, 20, 'twenty checked')
  t.equal(answers.filter((a) => a.code === 'too_many_attempts').length, 180, 'the rest refused before any check')
  t.equal(await hits(f.db, 'redeem_addr', '127.0.0.1'), 20)
})

t.test('an unknown number behaves like a real one: the same answers, the same lock, the same headers', async (t) => {
  const f = await redeemFixture(t, { clock: fixedClock('2026-11-23T02:00:00Z') })
  const real = f.cards[0].card_no
  const unknown = 'T999999'
  const run = async (cardNo: string) => {
    const out = []
    for (let n = 1; n <= 6; n++) {
      const r = await f.verify(cardNo, `wrong${n}`)
      out.push({ status: r.statusCode, code: r.json().code, message: r.json().message, retry: r.headers['retry-after'] ?? null, headers: Object.keys(r.headers).sort() })
    }
    return out
  }
  const a = await run(real)
  const b = await run(unknown)
  t.same(b, a, 'five card_invalid-or-locked answers in the same order for both')
  t.same(a.map((x) => x.status), [422, 422, 422, 422, 423, 423])
})

t.test('a stranger\'s lock does not keep the holder out; guessing one card from many addresses stops at 20 a day', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const [card, second] = f.cards
  for (let n = 0; n < 5; n++) await f.verify(card.card_no, `x${n}`, '203.0.113.10')
  t.equal((await f.verify(card.card_no, card.password, '203.0.113.10')).json().code, 'card_locked', 'locked for the guesser')
  t.equal((await f.verify(card.card_no, card.password, '198.51.100.20')).statusCode, 200, 'the holder from elsewhere gets in')

  // Four addresses, five guesses each: the card is locked for everyone.
  for (const ip of ['203.0.113.21', '203.0.113.22', '203.0.113.23', '203.0.113.24']) {
    for (let n = 0; n < 5; n++) await f.verify(second.card_no, `y${n}`, ip)
  }
  const holder = await f.verify(second.card_no, second.password, '198.51.100.30')
  t.equal(holder.json().code, 'card_locked', '20 wrong passwords from anywhere lock the number for the day')
  t.ok(Number(holder.headers['retry-after']) > 20 * 3600, 'until the day\'s window ends')
  clock.advance(24 * 3600_000 + 1000)
  t.equal((await f.verify(second.card_no, second.password, '198.51.100.30')).statusCode, 200, 'open again the next day')
})

t.test('IPv6: the address limit counts a /64, so rotating inside it buys nothing', async (t) => {
  const f = await redeemFixture(t, { quantity: 30 })
  for (let n = 0; n < 20; n++) await f.verify(f.cards[n].card_no, 'wrong', `2001:db8:42:1::${(n + 1).toString(16)}`)
  t.equal((await f.verify(f.cards[25].card_no, f.cards[25].password, '2001:db8:42:1:abcd::9')).json().code, 'too_many_attempts')
  t.equal((await f.verify(f.cards[25].card_no, f.cards[25].password, '2001:db8:42:2::1')).statusCode, 200, 'another /64')
})

t.test('guessing spread over many cards alerts the merchant once an hour', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock, quantity: 60 })
  // 210 failures from 21 addresses (10 each: under every per-address and per-card limit).
  for (let a = 0; a < 21; a++) {
    for (let n = 0; n < 10; n++) await f.verify(f.cards[(a * 10 + n) % 60].card_no, `guess-${a}-${n}`, `192.0.2.${a + 1}`)
  }
  const alerts = await f.db('outbox').where({ topic: 'security.guessing' })
  t.equal(alerts.length, 1, 'one alert for the hour')
  t.match(JSON.parse(alerts[0].payload), { failures: 200, window_minutes: 60 })
  clock.advance(61 * 60_000)
  for (let n = 0; n < 200; n++) await f.verify(f.cards[n % 60].card_no, `later-${n}`, `192.0.2.${100 + (n % 20)}`)
  t.equal((await f.db('outbox').where({ topic: 'security.guessing' })).length, 2, 'the next hour can alert again')
})

t.test('the work behind each answer does not depend on whether the number exists', async (t) => {
  const f = await redeemFixture(t)
  const statements = async (cardNo: string, password: string, ip: string) => {
    const seen: string[] = []
    const listen = (q: { sql: string }) => seen.push(q.sql)
    f.db.on('query', listen)
    const res = await f.verify(cardNo, password, ip)
    f.db.off('query', listen)
    return { status: res.statusCode, seen }
  }
  // Warm the caches and the merchant-wide counter both runs share.
  await f.verify(f.cards[1].card_no, 'warm-up', '192.0.2.70')
  // First guesses (no counter rows yet), then repeat guesses, then locked ones.
  const realRuns = []
  const unknownRuns = []
  for (let n = 0; n < 6; n++) {
    realRuns.push(await statements(f.cards[0].card_no, `w${n}`, '192.0.2.50'))
    unknownRuns.push(await statements('T999998', `w${n}`, '192.0.2.60'))
  }
  t.same(unknownRuns.map((r) => r.status), realRuns.map((r) => r.status))
  t.same(unknownRuns.map((r) => r.seen), realRuns.map((r) => r.seen), 'the same statements, in the same order, for a real and an unknown number — wrong and locked alike')
})

t.test('the guessing alert reaches the endpoints that list it, and the admin phones', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, quantity: 20, overrides: { smsProvider: sms } })
  const receiver = await startReceiver(t)
  const endpoint = (event_types: string[]) => f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url: receiver.url, event_types } })
  const all = await endpoint([])
  const listed = await endpoint(['security.guessing'])
  t.equal(listed.statusCode, 201, listed.body)
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: {
    provider: 'console', sign_name: '鲜果铺', admin_phones: ['13900000001', '13900000002'], templates: { security_alert: { template_id: 'SMS_ALERT', params: { n: 'failures' } } },
    switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false }, card_issued_include_password: false, limits: { per_minute: 1, per_day: 10 },
  } })
  for (let a = 0; a < 20; a++) {
    for (let n = 0; n < 10; n++) await f.verify(f.cards[(a + n) % 20].card_no, `g-${a}-${n}`, `192.0.2.${a + 1}`)
  }
  await f.app.services.worker.drainAll()
  const deliveries = await f.db('outbox').where({ topic: 'webhook.delivery', event_type: 'security.guessing' })
  t.same(deliveries.map((d) => Number(d.destination)), [listed.json().id], 'only the endpoint that asked for it')
  t.not(Number(deliveries[0].destination), all.json().id)
  const body = JSON.parse(receiver.received.find((r) => r.body.includes('security.guessing'))!.body)
  t.match(body, { type: 'security.guessing', data: { failures: 200, window_minutes: 60 } })
  // The two texts leave side by side: which is first is not part of the rule.
  t.same(sms.sent.map((m) => [m.phone, m.template_id, m.params]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [['13900000001', 'SMS_ALERT', { n: '200' }], ['13900000002', 'SMS_ALERT', { n: '200' }]])
})

t.test('IPv6: one /48 has a budget of its own, so 65,536 /64s buy no more than 200 failures', async (t) => {
  const f = await redeemFixture(t, { quantity: 220 })
  // Ten /64s of one /48, twenty failures each (each /64 at its own limit), over 200 different cards.
  for (let n = 0; n < 200; n++) await f.verify(f.cards[n].card_no, 'wrong', `2001:db8:77:${Math.floor(n / 20).toString(16)}::1`)
  const next = await f.verify(f.cards[210].card_no, f.cards[210].password, '2001:db8:77:ff::1')
  t.equal(next.json().code, 'too_many_attempts', 'a fresh /64 of the same /48 is refused')
  t.equal((await f.verify(f.cards[211].card_no, f.cards[211].password, '2001:db8:78:1::1')).statusCode, 200, 'another /48 is not')
})

t.test('tries at a locked number do not spend an open-platform app\'s budget', async (t) => {
  const f = await redeemFixture(t, { quantity: 5 })
  const app = await createApp(f, ['redeem'])
  const redeem = (card: { card_no: string }, password: string, n: number) => openRequest(f, app, 'POST', '/open/v1/redemptions', {
    out_order_no: `OUT-${n}`, card_no: card.card_no, password, product_id: f.apple, consignee: { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' },
  })
  for (let n = 0; n < 5; n++) await redeem(f.cards[0], `wrong-${n}`, n)
  const answers = []
  for (let n = 5; n < 60; n++) answers.push((await redeem(f.cards[0], `wrong-${n}`, n)).json().code)
  t.ok(answers.every((c) => c === 'card_locked'), 'a customer hammering a locked card gets card_locked')
  t.equal(Number((await f.db('guard_counters').where({ kind: 'redeem_app' }).first()).hits), 5, 'and only the five checked passwords spent the app\'s budget')
  t.equal((await redeem(f.cards[1], f.cards[1].password, 99)).statusCode, 201, 'the mall\'s other customers still redeem')
})
