import type { Knex } from 'knex'

// 物流配置: a merchant may stop using one of its courier variants (停用) without deleting it —
// shipped orders still name it. A disabled variant is not offered for new shipments.
export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasColumn('merchant_couriers', 'disabled')) {
    await knex.schema.alterTable('merchant_couriers', (t) => { t.boolean('disabled').notNullable().defaultTo(false) })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('merchant_couriers', 'disabled')) {
    await knex.schema.alterTable('merchant_couriers', (t) => { t.dropColumn('disabled') })
  }
}
