import t from 'tap'
import { isDatabaseUnavailable } from './db.js'

t.test('only the database drivers\' connection errors are "database unavailable"', async (t) => {
  const error = (props: object) => Object.assign(new Error('x'), props)
  t.ok(isDatabaseUnavailable(error({ code: 'ECONNREFUSED', fatal: true })), 'mysql2: refused')
  t.ok(isDatabaseUnavailable(error({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })), 'mysql2: lost')
  t.ok(isDatabaseUnavailable(error({ code: 'ER_CON_COUNT_ERROR', sqlState: '08004' })), 'MySQL: too many connections')
  t.ok(isDatabaseUnavailable(error({ name: 'KnexTimeoutError' })), 'no pooled connection in time')
  t.ok(isDatabaseUnavailable(error({ code: 'SQLITE_BUSY' })))
  // mysql2's own words (base/connection.js _addCommandClosedState), as knex prefixes them.
  t.ok(isDatabaseUnavailable(Object.assign(new Error("ROLLBACK - Can't add new command when connection is in closed state"), { fatal: true })), 'a ROLLBACK on a connection the outage closed')
  t.notOk(isDatabaseUnavailable(new Error("Can't add new command when connection is in closed state")), 'only mysql2\'s fatal error')
  t.notOk(isDatabaseUnavailable(error({ code: 'ECONNRESET' })), 'a client hanging up mid-upload')
  t.notOk(isDatabaseUnavailable(error({ code: 'EPIPE' })))
  t.notOk(isDatabaseUnavailable(error({ name: 'OutboundError', code: 'ECONNREFUSED' })), 'a vendor that refused')
  t.notOk(isDatabaseUnavailable(error({ code: 'ER_DUP_ENTRY', sqlState: '23000' })), 'a constraint is a bug or a race, not an outage')
  t.notOk(isDatabaseUnavailable(null))
})
