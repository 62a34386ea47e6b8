// The back-office migration: the merchant's contact columns and the outbox index, and a second
// run (as after one cut short: MySQL's schema changes are not transactional) changes nothing.
import t from 'tap'
import { createDb, migrateLatest, migrationConfig } from './db.js'
import { createTestDatabase } from '../test-support/build-test-app.js'
import * as merchantConsole from '../../migrations/20261203000000_merchant_console.js'
import { hasIndex } from '../../migrations/schema-helpers.js'

t.test('the contact columns and the outbox index; down, up and up again', async (t) => {
  const database = await createTestDatabase(t)
  const db = createDb(database.config)
  t.teardown(() => db.destroy())
  await migrateLatest(db)
  t.ok(await db.schema.hasColumn('merchants', 'contact_name'))
  t.ok(await db.schema.hasColumn('merchants', 'contact_phone'))
  t.ok(await hasIndex(db, 'outbox', 'outbox_merchant_id_status_topic_index'))

  // By name: later migrations stay where they are.
  await db.migrate.down({ ...migrationConfig, name: '20261203000000_merchant_console' })
  t.notOk(await db.schema.hasColumn('merchants', 'contact_name'), 'down removes what up added')
  t.notOk(await hasIndex(db, 'outbox', 'outbox_merchant_id_status_topic_index'))
  await db.migrate.up({ ...migrationConfig, name: '20261203000000_merchant_console' })
  await merchantConsole.up(db)
  t.pass('a second run changes nothing and does not fail')
  t.ok(await db.schema.hasColumn('merchants', 'contact_phone'))
  t.ok(await hasIndex(db, 'outbox', 'outbox_merchant_id_status_topic_index'))
})
