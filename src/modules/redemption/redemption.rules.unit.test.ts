// The redemption rule tables without a database: reservable dates, the reserve-date check, how
// a lock is told, and the lockout windows of the guess counters.
import t from 'tap'
import { DEFAULT_PICKUP, type Pickup } from '../settings/settings.schemas.js'
import { checkReserveDate, lockedFor, reservableDates, ANY_MODE_DAYS_OFFERED } from './redemption.rules.js'
import { ADDRESS_GUARD, APP_GUARD, CARD_CALLER_GUARD, CARD_GUARD, GUESSING_ALERT, NETWORK_GUARD } from './redemption.service.js'

const MINUTE = 60_000
// 2026-12-01 is a Tuesday; 2026-12-06 a Sunday.
const TODAY = '2026-12-01'
const pickup = (reservation: Partial<Pickup['reservation']>): Pickup => ({ ...DEFAULT_PICKUP, reservation: { ...DEFAULT_PICKUP.reservation, ...reservation } })

t.test('reservable dates by mode', async (t) => {
  t.same(reservableDates(pickup({ mode: 'none' }), TODAY), [], 'no reservation: no dates')

  const any = reservableDates(pickup({ mode: 'any' }), TODAY)
  t.equal(any.length, ANY_MODE_DAYS_OFFERED)
  t.equal(any[0], TODAY, 'any date: from today')
  t.equal(any[any.length - 1], '2027-05-29', 'and 180 days in all')

  const window = reservableDates(pickup({ mode: 'window', min_days_ahead: 2, max_days_ahead: 8, blocked_weekdays: [0], blocked_dates: ['2026-12-08'] }), TODAY)
  t.same(window, ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-07', '2026-12-09'],
    'the window from 2 to 8 days ahead without Sundays and the blocked date')

  t.same(reservableDates(pickup({ mode: 'window', min_days_ahead: 0, max_days_ahead: 0 }), '2028-02-29'), ['2028-02-29'], 'a leap day is a day')
})

t.test('the reserve-date check', async (t) => {
  const message = (p: Pickup, date: string | null) => {
    try {
      checkReserveDate(p, TODAY, date)
      return 'ok'
    } catch (err) {
      t.equal((err as { code: string }).code, 'reserve_date_invalid')
      return (err as Error).message
    }
  }
  const none = pickup({ mode: 'none' })
  t.equal(message(none, null), 'ok')
  t.equal(message(none, '2026-12-03'), '本商户不支持预约发货日期')

  const any = pickup({ mode: 'any' })
  t.equal(message(any, null), 'ok', 'a date is optional with any date')
  t.equal(message(any, TODAY), 'ok', 'today is allowed')
  t.equal(message(any, '2026-11-30'), '预约发货日期不能早于今天')
  t.equal(message(any, '2026-02-30'), '预约发货日期不可选', 'not a calendar day')

  const window = pickup({ mode: 'window', min_days_ahead: 2, max_days_ahead: 8, blocked_weekdays: [0], blocked_dates: ['2026-12-08'] })
  t.equal(message(window, null), '请选择预约发货日期', 'the window mode needs a date')
  t.equal(message(window, '2026-12-02'), '请选择 2026-12-03 至 2026-12-09 之间的日期')
  t.equal(message(window, '2026-12-10'), '请选择 2026-12-03 至 2026-12-09 之间的日期')
  t.equal(message(window, '2026-12-06'), '该日期不发货，请选择其他日期', 'a blocked weekday')
  t.equal(message(window, '2026-12-08'), '该日期不发货，请选择其他日期', 'a blocked date')
  t.equal(message(window, '2026-12-09'), 'ok')
  // The date picker lists exactly the dates the check lets through.
  const listed = reservableDates(window, TODAY)
  for (let n = -1; n <= 10; n++) {
    const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    t.equal(message(window, day) === 'ok', listed.includes(day), `${day}: listed if and only if allowed`)
  }
})

t.test('a lock is told in whole minutes, rounded up, with Retry-After in seconds', async (t) => {
  const cases: Array<[number, number, string]> = [[1, 1, '1'], [59_000, 1, '59'], [61_000, 2, '61'], [30 * MINUTE, 30, '1800'], [24 * 60 * MINUTE - 1, 1440, '86400']]
  for (const [ms, minutes, header] of cases) {
    const err = lockedFor(ms)
    t.equal(err.code, 'card_locked')
    t.equal(err.statusCode, 423)
    t.equal(err.message, `密码错误次数过多，该卡已锁定，请 ${minutes} 分钟后再试`, `${ms} ms`)
    t.equal(err.headers?.['retry-after'], header)
  }
})

t.test('the lockout windows', async (t) => {
  const table = [ADDRESS_GUARD, NETWORK_GUARD, APP_GUARD, CARD_CALLER_GUARD, CARD_GUARD, GUESSING_ALERT].map((g) => [g.kind, g.max, g.windowMs / MINUTE, g.lockMs / MINUTE])
  t.same(table, [
    ['redeem_addr', 20, 10, 10],
    ['redeem_net', 200, 10, 10],
    ['redeem_app', 1000, 10, 10],
    ['redeem_card_caller', 5, 30, 30],
    ['redeem_card', 20, 1440, 1440],
    ['redeem_merchant', 200, 60, 60],
  ], 'kind, failures allowed, window and lock in minutes')
  // What the table promises, as relations: a card locks for one caller before it locks for all,
  // one /64 runs out long before its /48, and a mall's budget outlasts any single address.
  t.ok(CARD_CALLER_GUARD.max < CARD_GUARD.max)
  t.ok(ADDRESS_GUARD.max * 10 <= NETWORK_GUARD.max)
  t.ok(APP_GUARD.max > ADDRESS_GUARD.max)
  t.ok([CARD_CALLER_GUARD, CARD_GUARD].every((g) => g.usuallyNew), 'card subjects are mostly new rows')
})
