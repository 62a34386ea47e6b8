// Instances started together on an empty database: the migrations run once and every start
// succeeds; a knex lock left set (or doubled) by a killed run does not block the next, and a
// migration lock file whose process is gone is taken over.
import t from 'tap'
import { createDb, migrateLatest, migrationConfig, migrationsCurrent } from './db.js'
import { writeFileSync } from 'node:fs'
import { createTestDatabase, onMysql } from '../test-support/build-test-app.js'
import { migrationSource } from '../../migrations/index.js'

t.test('three instances migrating one empty database at once all start, and each migration runs once', async (t) => {
  const { config } = await createTestDatabase(t, { empty: true })
  const dbs = [createDb(config), createDb(config), createDb(config)]
  t.teardown(() => Promise.all(dbs.map((db) => db.destroy())))
  const results = await Promise.allSettled(dbs.map((db) => migrateLatest(db)))
  t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled'], results.map((r) => r.status === 'rejected' ? String(r.reason) : 'ok').join('; '))
  const names = await dbs[0]('knex_migrations').orderBy('id').pluck('name')
  t.same(names, await migrationSource.getMigrations([]), 'every migration once, in order')
  t.same((await dbs[0]('knex_migrations_lock').select('is_locked')).map((r) => Number(r.is_locked)), [0], 'one lock row, free')
  for (const db of dbs) t.ok(await migrationsCurrent(db))
})

t.test('a knex lock left behind by a killed run', async (t) => {
  const { config } = await createTestDatabase(t, { empty: true })
  const db = createDb(config)
  t.teardown(() => db.destroy())
  await db.migrate.up(migrationConfig)
  // What a run killed mid-migration leaves (set), or two first starts that each made the row (doubled).
  await db('knex_migrations_lock').update({ is_locked: 1 })
  await db('knex_migrations_lock').insert({ is_locked: 1 })
  await migrateLatest(db)
  t.ok(await migrationsCurrent(db), 'nobody holds the migration lock, so the leftover is freed and the rest runs')
  t.same((await db('knex_migrations_lock').select('is_locked')).map((r) => Number(r.is_locked)), [0])
})

t.test('SQLite: a lock file of a live process is waited for; of a dead one, taken over', { skip: onMysql ? 'SQLite only' : false }, async (t) => {
  const { config } = await createTestDatabase(t, { empty: true })
  const db = createDb(config)
  t.teardown(() => db.destroy())
  const lockFile = `${(config as { filename: string }).filename}.migrating`
  writeFileSync(lockFile, String(process.pid))
  await t.rejects(migrateLatest(db, { waitMs: 300 }), /held the migration lock/, 'a live holder (this process) is waited for, then refused')
  t.notOk(await db.schema.hasTable('cards'))
  writeFileSync(lockFile, '999999999')
  await migrateLatest(db, { waitMs: 300 })
  t.ok(await migrationsCurrent(db), 'a dead holder\'s lock is taken over')
})
