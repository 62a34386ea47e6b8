import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  // Per-merchant settings, one JSON document per section (storefront, pickup, …).
  await knex.schema.createTable('settings', (t) => {
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('section', 32).notNullable()
    t.text('value').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.primary(['merchant_id', 'section'])
  })

  // Card guessing defence: wrong passwords in a row and the lock they cause.
  await knex.schema.alterTable('cards', (t) => {
    t.integer('failed_attempts').notNullable().defaultTo(0)
    t.bigInteger('locked_until').nullable()
  })

  await knex.schema.createTable('merchant_couriers', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('code', 32).notNullable()
    t.string('name', 50).notNullable()
    t.string('base_code', 16).notNullable()
    t.string('product_type', 50).nullable()
    t.string('monthly_account', 64).nullable()
    t.bigInteger('created_at').notNullable()
    t.unique(['merchant_id', 'code'])
  })

  await knex.schema.createTable('orders', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('order_no', 32).notNullable().unique()
    t.bigInteger('card_id').notNullable()
    t.string('card_no', 48).notNullable()
    t.integer('batch_id').unsigned().notNullable()
    t.integer('product_id').unsigned().notNullable()
    t.string('product_name', 100).notNullable()
    t.string('goods_no', 64).nullable()
    t.string('spec_no', 64).nullable()
    t.string('channel', 16).notNullable()
    t.string('status', 16).notNullable()
    t.string('consignee_name', 50).nullable()
    t.string('consignee_phone', 20).nullable()
    t.string('province', 50).nullable()
    t.string('city', 50).nullable()
    t.string('district', 50).nullable()
    t.string('address', 200).nullable()
    t.string('reserve_date', 10).nullable()
    // The day the order is due (reserve_date, or the creation day in the merchant's time
    // zone) and the day it shipped: what the order desk tabs are cut by.
    t.string('due_day', 10).notNullable()
    t.string('shipped_day', 10).nullable()
    t.string('remark', 500).nullable()
    t.string('courier_code', 32).nullable()
    t.string('waybill_no', 32).nullable()
    t.integer('staff_id').nullable()
    t.integer('app_id').nullable()
    t.string('out_order_no', 64).nullable()
    t.bigInteger('shipped_at').nullable()
    t.bigInteger('delivered_at').nullable()
    t.bigInteger('completed_at').nullable()
    t.bigInteger('cancelled_at').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['merchant_id', 'status', 'due_day'])
    t.index(['merchant_id', 'shipped_day'])
    t.index(['merchant_id', 'created_at'])
    t.index(['merchant_id', 'card_no'])
    t.index(['merchant_id', 'consignee_phone'])
    t.index(['merchant_id', 'updated_at'])
  })

  await knex.schema.createTable('order_events', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.bigInteger('order_id').notNullable()
    t.string('type', 32).notNullable()
    t.string('actor_type', 16).notNullable()
    t.integer('actor_id').nullable()
    t.string('actor_name', 64).notNullable().defaultTo('')
    t.text('detail').nullable()
    t.bigInteger('created_at').notNullable()
    t.index(['order_id', 'id'])
  })

  // Everything that must leave the building, written in the same transaction as the change
  // that causes it; a worker delivers it later.
  await knex.schema.createTable('outbox', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.string('topic', 64).notNullable()
    t.string('destination', 64).nullable()
    t.text('payload').notNullable()
    t.string('idempotency_key', 128).notNullable().unique()
    t.string('status', 16).notNullable().defaultTo('pending')
    t.integer('attempts').notNullable().defaultTo(0)
    t.bigInteger('next_attempt_at').notNullable()
    t.bigInteger('locked_until').nullable()
    t.text('last_error').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['status', 'next_attempt_at'])
  })
}

export async function down (knex: Knex): Promise<void> {
  for (const table of ['outbox', 'order_events', 'orders', 'merchant_couriers', 'settings']) await knex.schema.dropTableIfExists(table)
  await knex.schema.alterTable('cards', (t) => {
    t.dropColumn('failed_attempts')
    t.dropColumn('locked_until')
  })
}
