// Every card list filter is answered through an index (EXPLAIN on the database under test), and
// on SQLite (whose planner does not follow row statistics) the common ones read their first
// page in serial order straight off it, with no sort of every matching card.
import type { Knex } from 'knex'
import t from 'tap'
import { isMysql } from '../../shared/db.js'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'
import { filteredCards, type CardSelection } from './cards.repository.js'

t.test('the list filters use an index', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果')
  for (const prefix of ['A', 'B', 'C']) await createBatch(ta, token, { prefix, number_length: 6, quantity: 1000, product_ids: [apple] })
  const merchantId = Number((await ta.db('cards').first('merchant_id'))!.merchant_id)
  const batchId = Number((await ta.db('card_batches').orderBy('id').first('id'))!.id)
  const mysql = isMysql(ta.db)
  if (mysql) await ta.db.raw('ANALYZE TABLE cards')
  else await ta.db.raw('ANALYZE')

  // Filter, and whether its first page must come in serial order without a sort.
  const filters: Array<[string, CardSelection, boolean]> = [
    ['none', {}, true],
    ['batch', { batch_id: batchId }, true],
    ['state', { status: 'active' }, true],
    ['batch and state', { batch_id: batchId, status: 'inactive' }, true],
    ['serial range', { serial_from: 100, serial_to: 600 }, true],
    ['distributor', { distributor_id: 3 }, true],
    ['no distributor', { distributor_id: 0 }, true],
    ['card number', { card_no: 'A000007' }, false],
    ['card number prefix', { card_no_prefix: 'B0001' }, false],
    ['redeemed', { redeemed: 'yes' }, true],
    ['valid on', { valid_on: '2026-12-01' }, false],
    ['created between', { created_from: '2026-01-01T00:00:00Z', created_to: '2027-01-01T00:00:00Z' }, false],
  ]
  for (const [name, filter, ordered] of filters) {
    const { sql, bindings } = filteredCards(ta.db, merchantId, filter, []).orderBy('serial').limit(50).toSQL()
    if (mysql) {
      const [rows] = await ta.db.raw(`EXPLAIN ${sql}`, bindings as Knex.RawBinding[]) as [Array<{ type: string; key: string | null; Extra: string | null }>]
      const plan = rows[0]
      t.not(plan.type, 'ALL', `${name}: no full table scan (${JSON.stringify(plan)})`)
      t.ok(plan.key, `${name}: an index (${plan.key})`)
      // Which index MySQL picks, and so whether it sorts, follows its statistics: on a few
      // thousand cards it may sort the one card it expects. bench:cards shows the plans at a
      // million cards.
    } else {
      const rows = await ta.db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.RawBinding[]) as Array<{ detail: string }>
      const details = rows.map((r) => r.detail)
      t.ok(details.some((d) => /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(d)), `${name}: an index (${details.join('; ')})`)
      t.notOk(details.some((d) => /^SCAN cards$/.test(d)), `${name}: no full table scan`)
      if (ordered) t.notOk(details.some((d) => /TEMP B-TREE/.test(d)), `${name}: first page without a sort (${details.join('; ')})`)
    }
  }
})
