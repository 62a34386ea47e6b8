import t from 'tap'
import { localDate } from './dates.js'

t.test('the local day turns at the zone\'s midnight, to the millisecond, whatever was asked just before', async (t) => {
  t.equal(localDate('Asia/Shanghai', new Date('2026-11-23T15:59:59.999Z')), '2026-11-23')
  t.equal(localDate('Asia/Shanghai', new Date('2026-11-23T16:00:00.000Z')), '2026-11-24', 'the next second is the next day')
  t.equal(localDate('Asia/Shanghai', new Date('2026-11-23T15:59:59.000Z')), '2026-11-23', 'and back')
  t.equal(localDate('UTC', new Date('2026-11-23T16:00:00.000Z')), '2026-11-23', 'each zone its own day in the same second')
  t.equal(localDate('Asia/Kolkata', new Date('2026-11-23T18:29:59.999Z')), '2026-11-23', 'a half-hour offset')
  t.equal(localDate('Asia/Kolkata', new Date('2026-11-23T18:30:00.000Z')), '2026-11-24')
  t.throws(() => localDate('Asia/Shanghai', new Date(NaN)), RangeError, 'an invalid date is still refused')
})
