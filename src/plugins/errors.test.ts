import t from 'tap'
import { toAppError } from './errors.js'

t.test('a deadlock\'s victim is answered 503 database_unavailable, to be sent again in a second', async (t) => {
  // mysql2's error as InnoDB raises it: the request's transaction was rolled back whole.
  const err = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213, sqlState: '40001' })
  const e = toAppError(err)
  t.match(e, { code: 'database_unavailable', statusCode: 503, message: '服务暂时不可用，请稍后再试', headers: { 'retry-after': '1' } })
  t.notMatch(e.message, /Deadlock/, 'nothing of the statement shown')
  t.match(toAppError(new Error('boom')), { code: 'internal_error', statusCode: 500 }, 'any other error stays a 500')
})
