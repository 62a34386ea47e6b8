import type { Knex } from 'knex'

// Short-lived single-use download links (卡券导出): the console asks for one with its bearer
// token and then navigates to it, so a large export streams straight to disk instead of
// through the page's memory. Only the SHA-256 of the link's secret is kept.
export async function up (knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('download_links')) return
  await knex.schema.createTable('download_links', (t) => {
    t.string('id', 64).primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.integer('admin_id').unsigned().notNullable()
    t.string('kind', 32).notNullable()
    t.text('params').notNullable()
    t.bigInteger('expires_at').notNullable()
    t.bigInteger('created_at').notNullable()
    t.index(['expires_at'])
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('download_links')
}
