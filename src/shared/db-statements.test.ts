import t from 'tap'
import type { Knex } from 'knex'
import { createTestDatabase } from '../test-support/build-test-app.js'
import { createDb, execute, insertRows, isUniqueViolation, selectRows } from './db.js'

// The hand-written statements of the hot paths (shared/db.ts) do what knex did, on both databases.

const outboxRow = (key: string, extra: Record<string, unknown> = {}) => ({
  merchant_id: 1, topic: 'order.created', destination: null, payload: '{}', idempotency_key: key, next_attempt_at: 1, created_at: 1, updated_at: 1, ...extra,
})

t.test('rows go in, come out and change as written; an insert answers with its new id', async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  t.teardown(() => db.destroy())
  const id = await insertRows(db, 'outbox', [outboxRow('k1')])
  t.equal(id, Number((await db('outbox').where({ idempotency_key: 'k1' }).first('id')).id))
  await insertRows(db, 'outbox', [outboxRow('k2', { status: 'done' }), outboxRow('k3', { status: 'pending' })])
  t.same(await selectRows(db, 'SELECT idempotency_key, status, attempts FROM outbox ORDER BY id', []), [
    { idempotency_key: 'k1', status: 'pending', attempts: 0 }, { idempotency_key: 'k2', status: 'done', attempts: 0 }, { idempotency_key: 'k3', status: 'pending', attempts: 0 },
  ], 'columns left out take their defaults')
  t.equal((await execute(db, 'UPDATE outbox SET attempts = attempts + 1 WHERE status = ?', ['pending'])).changes, 2, 'an update says how many rows it changed')
  await insertRows(db, 'outbox', [outboxRow('k4', { destination: undefined })])
  t.equal((await db('outbox').where({ idempotency_key: 'k4' }).first()).destination, null, 'undefined is stored as knex stores it (NULL; DEFAULT on MySQL)')
  t.ok(isUniqueViolation(await insertRows(db, 'outbox', [outboxRow('k1')]).catch((err: unknown) => err)), 'a duplicate key is the driver\'s unique violation')
  await t.rejects(selectRows(db, 'SELECT * FROM outbox WHERE idempotency_key = ?', [undefined]), /Undefined binding/, 'an undefined binding is refused, as knex refuses it')
})

t.test('inside a transaction they are the transaction\'s; outside one they wait for it', async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  t.teardown(() => db.destroy())
  let outside: Promise<number> | undefined
  await t.rejects(db.transaction(async (trx) => {
    await insertRows(trx, 'outbox', [outboxRow('in')])
    // SQLite: one connection, held by this transaction — the statement must not slip into it.
    outside = insertRows(db, 'outbox', [outboxRow('out')])
    t.same(await selectRows(trx, 'SELECT idempotency_key FROM outbox', []), [{ idempotency_key: 'in' }], 'the transaction sees its own row only')
    throw new Error('roll back')
  }), /roll back/)
  await outside
  t.same(await db('outbox').pluck('idempotency_key'), ['out'], 'the rollback took the transaction\'s row and nothing else')

  let ended: Knex.Transaction | undefined
  await db.transaction(async (trx) => { ended = trx })
  await t.rejects(execute(ended!, 'DELETE FROM outbox', []), /already complete/, 'nothing runs on a finished transaction')
  t.equal((await db('outbox').pluck('id')).length, 1)
})

t.test('knex\'s query listeners see them', async (t) => {
  const { config } = await createTestDatabase(t)
  const db = createDb(config)
  t.teardown(() => db.destroy())
  const seen: string[] = []
  const listen = (q: { sql: string }) => seen.push(q.sql)
  db.on('query', listen)
  await selectRows(db, 'SELECT id FROM outbox WHERE id = ?', [1])
  await db.transaction(async (trx) => { await execute(trx, 'DELETE FROM outbox WHERE id = ?', [1]) })
  db.off('query', listen)
  t.ok(seen.includes('SELECT id FROM outbox WHERE id = ?'))
  t.ok(seen.includes('DELETE FROM outbox WHERE id = ?'))
})
