// The texts' order number (the order detail's timeline): the column and its index, down, up, and
// a second run (as after one cut short: MySQL's schema changes are not transactional) that changes nothing.
import t from 'tap'
import { createDb, migrateLatest, migrationConfig } from './db.js'
import { createTestDatabase } from '../test-support/build-test-app.js'
import * as smsOrderNo from '../../migrations/20261204010000_sms_order_no.js'
import { hasIndex } from '../../migrations/schema-helpers.js'

const INDEX = 'sms_messages_merchant_id_order_no_index'

t.test('sms_messages.order_no and its index; down, up and up again', async (t) => {
  const database = await createTestDatabase(t)
  const db = createDb(database.config)
  t.teardown(() => db.destroy())
  await migrateLatest(db)
  t.ok(await db.schema.hasColumn('sms_messages', 'order_no'))
  t.ok(await hasIndex(db, 'sms_messages', INDEX))
  await db('sms_messages').insert({ merchant_id: 1, phone: '13800138000', event: 'order_submitted_customer', template_id: 'SMS_A', provider: 'console', status: 'sent', order_no: '20261204000000000001', created_at: 1 })

  await db.migrate.down({ ...migrationConfig, name: '20261204010000_sms_order_no' })
  t.notOk(await db.schema.hasColumn('sms_messages', 'order_no'), 'down removes what up added')
  t.notOk(await hasIndex(db, 'sms_messages', INDEX))
  t.equal((await db('sms_messages')).length, 1, 'the texts stay')
  await db.migrate.up({ ...migrationConfig, name: '20261204010000_sms_order_no' })
  await smsOrderNo.up(db)
  t.pass('a second run changes nothing and does not fail')
  t.ok(await db.schema.hasColumn('sms_messages', 'order_no'))
  t.ok(await hasIndex(db, 'sms_messages', INDEX))
})
