// A test database cloned from the template is the database the migrations make: the same
// tables, columns, indexes and foreign keys, the migration log, and foreign keys enforced.
import t from 'tap'
import type { Knex } from 'knex'
import { createDb, isForeignKeyViolation, migrateLatest, migrationsCurrent } from '../shared/db.js'
import { createTestDatabase, onMysql } from './build-test-app.js'

async function schemaOf (db: Knex): Promise<unknown> {
  if (!onMysql) return (await db.raw("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) as unknown
  const schema = (await db.raw('SELECT DATABASE() AS d'))[0][0].d as string
  const pick = async (sql: string) => (await db.raw(sql, [schema]))[0] as unknown
  return {
    columns: await pick('SELECT table_name, column_name, ordinal_position, column_default, is_nullable, column_type, collation_name, extra FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position'),
    indexes: await pick('SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part FROM information_schema.statistics WHERE table_schema = ? ORDER BY table_name, index_name, seq_in_index'),
    keys: await pick('SELECT table_name, constraint_name, column_name, referenced_table_schema = table_schema AS same_schema, referenced_table_name, referenced_column_name FROM information_schema.key_column_usage WHERE table_schema = ? AND referenced_table_name IS NOT NULL ORDER BY table_name, constraint_name, ordinal_position'),
  }
}

t.test('a cloned database is the migrated database', async (t) => {
  const cloned = createDb((await createTestDatabase(t)).config)
  const migrated = createDb((await createTestDatabase(t, { empty: true })).config)
  t.teardown(async () => { await cloned.destroy(); await migrated.destroy() })
  t.notOk(await migrated.schema.hasTable('cards'), 'empty: no tables')
  await migrateLatest(migrated)
  t.ok(await migrationsCurrent(cloned), 'the clone lists every migration as run')
  t.same(await schemaOf(cloned), await schemaOf(migrated), 'tables, columns, indexes and foreign keys match')
  t.same(await cloned('knex_migrations').orderBy('id').pluck('name'), await migrated('knex_migrations').orderBy('id').pluck('name'))

  const now = Date.now()
  try {
    await cloned('admins').insert({ merchant_id: 987654, username: 'x', name: '', password_hash: 'x', permissions: '[]', created_at: now, updated_at: now })
    t.fail('an admin of no merchant was accepted')
  } catch (err) {
    t.ok(isForeignKeyViolation(err), 'foreign keys are enforced in the clone')
  }
})
