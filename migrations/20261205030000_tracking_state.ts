import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  // Per shipped order: when courier news last arrived (a push or a route query that matched it)
  // and when we last asked the courier ourselves (the SF route sweep), so the sweep asks only
  // about orders whose pushes have stopped, and each of them at most once per window.
  // Re-runnable after a crash: MySQL's schema changes are not transactional.
  if (await knex.schema.hasTable('order_tracking_state')) return
  await knex.schema.createTable('order_tracking_state', (t) => {
    t.bigInteger('order_id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.bigInteger('last_news_at').nullable()
    t.bigInteger('last_query_at').nullable()
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('order_tracking_state')
}
