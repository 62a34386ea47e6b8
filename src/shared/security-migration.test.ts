// The security migration on existing data, and run a second time (as after a run that was cut
// short: MySQL's schema changes are not transactional).
import t from 'tap'
import { createDb, migrateLatest, migrationConfig } from './db.js'
import { createTestDatabase, onMysql } from '../test-support/build-test-app.js'
import * as security from '../../migrations/20261201000000_security.js'
import { findAdminByUsername } from '../modules/admins/admins.repository.js'

t.test('usernames become lower case, plaintext replies go, and the migration can run again', async (t) => {
  const database = await createTestDatabase(t)
  const db = createDb(database.config)
  t.teardown(() => db.destroy())
  await migrateLatest(db)
  // Back to just before the security migration (undoing the ones after it too).
  const applied = async () => ((await db.migrate.list(migrationConfig))[0] as Array<{ name: string }>).map((m) => m.name)
  while ((await applied()).includes('20261201000000_security')) await db.migrate.down(migrationConfig)
  const now = Date.now()
  const [merchantId] = await db('merchants').insert({ code: 'm1', name: 'm', timezone: 'Asia/Shanghai', pepper_enc: 'x', created_at: now, updated_at: now })
  const admin = (username: string) => ({ merchant_id: merchantId, username, name: '', password_hash: 'x', permissions: '[]', created_at: now, updated_at: now })
  await db('admins').insert(admin('Clerk'))
  // Before: unique across merchants and compared as stored (SQLite) — "Boss" and "boss" could both exist there.
  if (!onMysql) await db('admins').insert([admin('boss'), admin('Boss')])
  await db('idempotency_keys').insert({ app_id: 1, key: 'k', request_hash: 'h', status: 'done', response_status: 201, response_body: '{"password":"1234567890"}', created_at: now, expires_at: now + 1000 })

  await db.migrate.up(migrationConfig)
  const names = (await db('admins').orderBy('id').pluck('username')) as string[]
  if (onMysql) t.same(names, ['Clerk'], 'MySQL keeps the spelling (its collation already ignores case)')
  else {
    const bossId = (await db('admins').where('username', 'like', 'boss%').orderBy('id')).map((r) => Number(r.id))
    t.same(names, ['clerk', 'boss', `boss${bossId[1]}`], 'lower case; the one that clashed gets its id appended')
  }
  t.equal((await findAdminByUsername(db, Number(merchantId), 'CLERK'))?.name, '', 'found in any case, on either database')
  t.equal((await db('idempotency_keys')).length, 0, 'the plaintext stored replies are gone')
  t.ok(await db.schema.hasTable('guard_counters'))
  t.notOk(await db.schema.hasColumn('cards', 'failed_attempts'))

  await security.up(db)
  t.pass('a second run changes nothing and does not fail')
  t.ok(await db.schema.hasTable('used_challenges'))
})
