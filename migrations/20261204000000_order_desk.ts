import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

const INDEX = 'orders_merchant_id_erp_status_index'

// The order desk (订单列表): each order's last e-waybill failure, shown on the order itself
// (before, a refusal was visible only in the integration calls), and the round of e-waybill
// requests (a request after a final failure queues a new one; within a round, asking twice
// queues one). The ERP state becomes a filter of the list.
export async function up (knex: Knex): Promise<void> {
  // Each part guarded: MySQL's DDL is not transactional, so a run stopped half-way is resumed.
  const columns: Array<[string, (t: Knex.AlterTableBuilder) => void]> = [
    ['e_waybill_error', (t) => { t.string('e_waybill_error', 500).nullable() }],
    ['e_waybill_error_at', (t) => { t.bigInteger('e_waybill_error_at').nullable() }],
    // True while the outbox will try again; false once the courier's answer is final.
    ['e_waybill_retrying', (t) => { t.boolean('e_waybill_retrying').nullable() }],
    ['e_waybill_round', (t) => { t.integer('e_waybill_round').notNullable().defaultTo(0) }],
  ]
  for (const [name, add] of columns) {
    if (!await knex.schema.hasColumn('orders', name)) await knex.schema.alterTable('orders', add)
  }
  if (!await hasIndex(knex, 'orders', INDEX)) await knex.schema.alterTable('orders', (t) => { t.index(['merchant_id', 'erp_status'], INDEX) })
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, 'orders', INDEX)) await knex.schema.alterTable('orders', (t) => { t.dropIndex(['merchant_id', 'erp_status'], INDEX) })
  for (const name of ['e_waybill_error', 'e_waybill_error_at', 'e_waybill_retrying', 'e_waybill_round']) {
    if (await knex.schema.hasColumn('orders', name)) await knex.schema.alterTable('orders', (t) => { t.dropColumn(name) })
  }
}
