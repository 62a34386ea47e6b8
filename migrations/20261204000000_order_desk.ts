import type { Knex } from 'knex'

// The order desk (订单列表): each order's last e-waybill failure, shown on the order itself
// (before, a refusal was visible only in the integration calls), and the round of e-waybill
// requests (a request after a final failure queues a new one; within a round, asking twice
// queues one). The ERP state becomes a filter of the list.
export async function up (knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('orders', 'e_waybill_error')) return
  await knex.schema.alterTable('orders', (t) => {
    t.string('e_waybill_error', 500).nullable()
    t.bigInteger('e_waybill_error_at').nullable()
    // True while the outbox will try again; false once the courier's answer is final.
    t.boolean('e_waybill_retrying').nullable()
    t.integer('e_waybill_round').notNullable().defaultTo(0)
    t.index(['merchant_id', 'erp_status'], 'orders_merchant_id_erp_status_index')
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['merchant_id', 'erp_status'], 'orders_merchant_id_erp_status_index')
    t.dropColumn('e_waybill_error')
    t.dropColumn('e_waybill_error_at')
    t.dropColumn('e_waybill_retrying')
    t.dropColumn('e_waybill_round')
  })
}
