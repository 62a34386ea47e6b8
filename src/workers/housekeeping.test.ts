// Housekeeping removes what has run out (used nonces, idempotency keys) and keeps what still guards a request.
import t from 'tap'
import { createDb } from '../shared/db.js'
import { createTestDatabase } from '../test-support/build-test-app.js'
import { runHousekeeping } from './housekeeping.js'

t.test('expired nonces and idempotency keys go; live ones stay', async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  t.teardown(() => db.destroy())
  const now = Date.parse('2026-11-23T02:00:00Z')
  await db('app_nonces').insert([
    { app_id: 1, nonce: 'nonce-expired-000001', expires_at: now - 1 },
    { app_id: 1, nonce: 'nonce-live-000000001', expires_at: now + 60_000 },
  ])
  await db('idempotency_keys').insert([
    { app_id: 1, key: 'expired', request_hash: 'h', status: 'done', created_at: now - 86_400_000, expires_at: now - 1 },
    { app_id: 1, key: 'live', request_hash: 'h', status: 'running', created_at: now, expires_at: now + 86_400_000 },
  ])
  await runHousekeeping(db, new Date(now))
  t.same(await db('app_nonces').pluck('nonce'), ['nonce-live-000000001'], 'a nonce is kept until it expires')
  t.same(await db('idempotency_keys').pluck('key'), ['live'], 'a key is kept for its 24 hours')
})
