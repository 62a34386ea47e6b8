import t from 'tap'
import { dayStart } from './zoned.js'

t.test('a merchant day starts at midnight of its own zone', async (t) => {
  t.equal(dayStart('2026-12-01', 'Asia/Shanghai'), '2026-11-30T16:00:00.000Z')
  t.equal(dayStart('2026-12-01', 'Asia/Shanghai', 1), '2026-12-01T16:00:00.000Z', 'the next day\'s start ends the range')
  t.equal(dayStart('2026-12-31', 'Asia/Shanghai', 1), '2026-12-31T16:00:00.000Z', 'across the year end')
  t.equal(dayStart('2026-03-08', 'America/New_York'), '2026-03-08T05:00:00.000Z', 'the day the clocks go forward starts before the change')
  t.equal(dayStart('2026-03-09', 'America/New_York'), '2026-03-09T04:00:00.000Z')
  t.equal(dayStart('2026-07-01', 'UTC'), '2026-07-01T00:00:00.000Z')
})
