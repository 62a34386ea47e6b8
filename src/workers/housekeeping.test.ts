// Housekeeping removes what has run out (used nonces, idempotency keys) and keeps what still guards a request.
import t from 'tap'
import { createDb, onOneInstance } from '../shared/db.js'
import { createTestDatabase, onMysql } from '../test-support/build-test-app.js'
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

t.test('retention: old attempts, finished outbox rows and raw pushes go in batches; pending rows and recent ones stay', async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  t.teardown(() => db.destroy())
  const now = Date.parse('2026-11-23T02:00:00Z')
  const day = 86_400_000
  const row = (key: string, status: string, age: number) => ({
    merchant_id: 1, topic: 'order.created', payload: '{}', idempotency_key: key, status, attempts: 1,
    next_attempt_at: now - age, created_at: now - age, updated_at: now - age,
  })
  // Ids grow with time, as they do in the table.
  await db('outbox').insert([row('old-done', 'done', 100 * day), row('old-dead', 'dead', 95 * day), row('old-pending', 'pending', 92 * day), row('mid-done', 'done', 30 * day), row('new-done', 'done', day)])
  const ids = Object.fromEntries((await db('outbox').select('id', 'idempotency_key')).map((r) => [r.idempotency_key, Number(r.id)]))
  const attempts = []
  for (let i = 0; i < 2500; i++) attempts.push({ outbox_id: ids['mid-done'], attempt: 1, started_at: now - 30 * day + i, status_code: 500, latency_ms: 3 })
  for (let i = 0; i < 3; i++) attempts.push({ outbox_id: ids['new-done'], attempt: i + 1, started_at: now - day + i, status_code: 200, latency_ms: 3 })
  for (let i = 0; i < attempts.length; i += 500) await db('outbox_attempts').insert(attempts.slice(i, i + 500))
  await db('tracking_pushes').insert([
    { merchant_id: 1, provider: 'sf', payload_hash: 'a'.repeat(64), raw: '{"old":1}', status: 'processed', created_at: now - 40 * day },
    { merchant_id: 1, provider: 'sf', payload_hash: 'b'.repeat(64), raw: '{"new":1}', status: 'processed', created_at: now - 2 * day },
    { merchant_id: 1, provider: 'sf', payload_hash: 'c'.repeat(64), raw: '{"unprocessed":1}', status: 'received', created_at: now - 45 * day },
  ])

  const report = await runHousekeeping(db, new Date(now), { attempts: 14, outbox: 90, tracking: 30 })
  t.match(report, { ran: true, outbox_attempts: 2500, outbox_rows: 2, tracking_pushes: 1 })
  t.same((await db('outbox').orderBy('id').pluck('idempotency_key')), ['old-pending', 'mid-done', 'new-done'], 'finished rows past 90 days go; a pending one stays whatever its age')
  t.equal(Number((await db('outbox_attempts').count({ n: '*' }).first())!.n), 3, 'attempts past 14 days go, across batches of 1,000')
  t.match(await db('outbox').where({ idempotency_key: 'mid-done' }).first(), { status: 'done', attempts: 1 }, 'the row keeps its outcome')
  t.same((await db('tracking_pushes').orderBy('id').pluck('raw')), ['{"new":1}', '{"unprocessed":1}'], 'processed pushes past 30 days go; one not processed yet stays')
  t.match(await runHousekeeping(db, new Date(now)), { ran: true, outbox_attempts: 0, outbox_rows: 0, tracking_pushes: 0 }, 'a second run finds nothing more')
})

t.test('retention runs on one instance at a time (MySQL: a named server lock)', { skip: !onMysql && 'MySQL only: SQLite serves one instance' }, async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  const other = createDb(config)
  t.teardown(async () => { await db.destroy(); await other.destroy() })
  let release!: () => void
  const held = onOneInstance(other, 'housekeeping', () => new Promise<void>((resolve) => { release = resolve }))
  while (!release) await new Promise((resolve) => setTimeout(resolve, 10))
  t.match(await runHousekeeping(db, new Date()), { ran: false }, 'another instance is at it: this one skips the round')
  release()
  t.equal(await held, true)
  t.match(await runHousekeeping(db, new Date()), { ran: true })
})
