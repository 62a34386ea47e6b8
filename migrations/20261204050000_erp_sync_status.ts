import type { Knex } from 'knex'

// The last ERP back-sync of each merchant (物流回传): when it ran, what started it (the periodic
// pull or 立即同步), how it ended and what it did, so the console can show it. One row per
// merchant, overwritten by every sync.
export async function up (knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('erp_sync_status')) return
  await knex.schema.createTable('erp_sync_status', (t) => {
    t.integer('merchant_id').unsigned().primary().references('id').inTable('merchants')
    t.string('trigger', 16).notNullable()
    t.boolean('ok').notNullable()
    t.integer('shipped').notNullable()
    t.integer('failed').notNullable()
    t.string('error', 500).nullable()
    t.bigInteger('started_at').notNullable()
    t.bigInteger('finished_at').notNullable()
    t.bigInteger('last_ok_at').nullable()
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('erp_sync_status')
}
