// The texts' delivery columns and their indexes: down, up, and a second run (as after one cut
// short: MySQL's schema changes are not transactional) that changes nothing; the texts stay.
import t from 'tap'
import { createDb, migrateLatest, migrationConfig } from '../../shared/db.js'
import { createTestDatabase } from '../../test-support/build-test-app.js'
import * as smsDelivery from '../../../migrations/20261205010000_sms_delivery.js'
import { hasIndex } from '../../../migrations/schema-helpers.js'

const NAME = '20261205010000_sms_delivery'
const COLUMNS = ['delivery_state', 'delivery_code', 'delivery_reason', 'delivered_at', 'receipt_checked_at']
const INDEXES = ['sms_messages_status_delivery_state_created_at_index', 'sms_messages_merchant_id_provider_message_id_index']

t.test('sms_messages delivery columns and indexes; down, up and up again', async (t) => {
  const database = await createTestDatabase(t)
  const db = createDb(database.config)
  t.teardown(() => db.destroy())
  await migrateLatest(db)
  const present = async () => ({
    columns: await Promise.all(COLUMNS.map((c) => db.schema.hasColumn('sms_messages', c))),
    indexes: await Promise.all(INDEXES.map((i) => hasIndex(db, 'sms_messages', i))),
  })
  t.same(await present(), { columns: COLUMNS.map(() => true), indexes: INDEXES.map(() => true) })
  await db('sms_messages').insert({ merchant_id: 1, phone: '13800138000', event: 'test', template_id: 'SMS_A', provider: 'aliyun', status: 'sent', provider_message_id: 'biz-1', delivery_state: 'delivered', created_at: 1 })

  await db.migrate.down({ ...migrationConfig, name: NAME })
  t.same(await present(), { columns: COLUMNS.map(() => false), indexes: INDEXES.map(() => false) }, 'down removes what up added')
  t.equal((await db('sms_messages')).length, 1, 'the texts stay')
  await db.migrate.up({ ...migrationConfig, name: NAME })
  await smsDelivery.up(db)
  t.pass('a second run changes nothing and does not fail')
  t.same(await present(), { columns: COLUMNS.map(() => true), indexes: INDEXES.map(() => true) })
  t.equal((await db('sms_messages').first()).delivery_state, null, 'an old text waits for its receipt like a new one')
})
