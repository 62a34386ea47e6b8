// Every statement the overview runs is answered through an index (EXPLAIN on the database under
// test): it must answer as fast at a million cards and orders as at ten.
import type { Knex } from 'knex'
import t from 'tap'
import { isMysql } from '../../shared/db.js'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'

t.test('the overview reads indexes only, never a whole table', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果')
  await createBatch(ta, token, { prefix: 'A', number_length: 6, quantity: 200, product_ids: [apple], face_value: 1000 })
  const mysql = isMysql(ta.db)
  // Orders and outbox rows of another merchant, so the planner has something to skip.
  const other = (await ta.app.services.merchants.create({ code: 'other', name: '别家', admin_username: 'otherboss', admin_password: 'Other12345-kq#Pw' })).merchant_id
  const otherToken = await ta.login('otherboss', 'Other12345-kq#Pw', 'other')
  const pear = await createProduct(ta, otherToken, '梨')
  for (const prefix of ['P', 'Q', 'R']) await createBatch(ta, otherToken, { prefix, number_length: 6, quantity: 10, product_ids: [pear] })
  const now = Date.now()
  const orders = Array.from({ length: 300 }, (_, i) => ({
    merchant_id: other, order_no: `X${i}`, card_id: i, card_no: `X${i}`, batch_id: 1, product_id: 1, product_name: 'p', channel: 'web',
    status: i % 2 ? 'pending' : 'shipped', due_day: '2026-11-23', shipped_day: i % 2 ? null : '2026-11-23', created_at: now - i * 3_600_000, updated_at: now,
  }))
  await ta.db.batchInsert('orders', orders, 100)
  await ta.db.batchInsert('outbox', Array.from({ length: 300 }, (_, i) => ({
    merchant_id: other, topic: 'webhook.delivery', payload: '{}', idempotency_key: `ix-${i}`, status: 'done', attempts: 1, next_attempt_at: 0, created_at: 0, updated_at: 0,
  })), 100)
  if (mysql) {
    for (const table of ['orders', 'outbox', 'card_counts', 'card_batches']) await ta.db.raw(`ANALYZE TABLE ${table}`)
  } else await ta.db.raw('ANALYZE')

  const statements: Array<{ sql: string; bindings: unknown[] }> = []
  const listen = (q: { sql: string; bindings?: unknown[] }) => { if (/^\s*select/i.test(q.sql) && !/admin_sessions/.test(q.sql)) statements.push({ sql: q.sql, bindings: q.bindings ?? [] }) }
  ta.db.on('query', listen)
  const res = await ta.app.inject({ method: 'GET', url: '/api/v1/overview', headers: ta.auth(token) })
  ta.db.removeListener('query', listen)
  t.equal(res.statusCode, 200)
  t.equal(res.json().cards.inactive.face_value, 200 * 1000)

  const tables = ['orders', 'outbox', 'card_counts']
  for (const table of tables) t.ok(statements.some((s) => s.sql.includes(table)), `the overview reads ${table}`)
  for (const s of statements) {
    if (!tables.some((table) => s.sql.includes(table))) continue
    if (mysql) {
      const [rows] = await ta.db.raw(`EXPLAIN ${s.sql}`, s.bindings as Knex.RawBinding[]) as [Array<{ table: string; type: string; key: string | null }>]
      for (const r of rows) t.ok(r.type !== 'ALL' && r.key, `${s.sql.slice(0, 80)}…: ${r.table} through ${r.key} (${r.type})`)
    } else {
      const rows = await ta.db.raw(`EXPLAIN QUERY PLAN ${s.sql}`, s.bindings as Knex.RawBinding[]) as Array<{ detail: string }>
      for (const r of rows.filter((x) => /^(SCAN|SEARCH) /.test(x.detail))) {
        t.match(r.detail, /^SEARCH .* USING (COVERING )?(INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)/, `${s.sql.slice(0, 80)}…: ${r.detail}`)
      }
    }
  }
})
