import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  // E-waybills: the vendor account behind a courier variant, and the label of a requested waybill.
  await knex.schema.alterTable('merchant_couriers', (t) => {
    t.string('vendor', 16).nullable()
    t.text('credentials_enc').nullable()
    t.string('endpoint', 200).nullable()
  })
  await knex.schema.alterTable('orders', (t) => {
    t.text('waybill_label').nullable()
    // The ERP push result: pending, pushed, failed; and the last error.
    t.string('erp_status', 16).nullable()
    t.string('erp_error', 500).nullable()
  })

  // Inbound courier pushes, raw, once each (the hash makes a repeated push a no-op).
  await knex.schema.createTable('tracking_pushes', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.string('provider', 16).notNullable()
    t.string('payload_hash', 64).notNullable()
    t.text('raw', 'mediumtext').notNullable()
    t.string('status', 16).notNullable()
    t.string('result', 500).nullable()
    t.bigInteger('created_at').notNullable()
    t.unique(['merchant_id', 'provider', 'payload_hash'])
  })
  await knex.schema.createTable('order_tracking', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.bigInteger('order_id').notNullable()
    t.string('time', 19).notNullable()
    t.string('text', 500).notNullable()
    t.string('line_hash', 64).notNullable()
    t.string('provider', 16).notNullable()
    t.bigInteger('created_at').notNullable()
    t.unique(['order_id', 'line_hash'])
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('waybill_label')
    t.dropColumn('erp_status')
    t.dropColumn('erp_error')
  })
  await knex.schema.alterTable('merchant_couriers', (t) => {
    t.dropColumn('vendor')
    t.dropColumn('credentials_enc')
    t.dropColumn('endpoint')
  })
  await knex.schema.dropTableIfExists('order_tracking')
  await knex.schema.dropTableIfExists('tracking_pushes')
}
