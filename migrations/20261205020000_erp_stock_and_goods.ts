import type { Knex } from 'knex'

// Wangdiantong stock and gift boxes:
// - product_erp_goods: the ERP goods a product is made of (a gift box of several goods, each
//   spec_no × quantity). None means the product's own goods_no / spec_no, one of it, as before.
// - erp_stock: the stock the ERP last synced per ERP good (its spec_no, else its goods_no), and when.
// - erp_sync_status: what the last sync stored of stock, and the records the ERP did not accept
//   in its acknowledgements (per-item errors), so the console can show them.
export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasTable('product_erp_goods')) {
    await knex.schema.createTable('product_erp_goods', (t) => {
      t.increments('id').primary()
      t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
      t.integer('product_id').unsigned().notNullable().references('id').inTable('products')
      t.integer('line_no').notNullable()
      t.string('goods_no', 64).nullable()
      t.string('spec_no', 64).nullable()
      t.integer('quantity').notNullable()
      t.unique(['product_id', 'line_no'])
      t.index(['merchant_id', 'product_id'])
    })
  }
  if (!await knex.schema.hasTable('erp_stock')) {
    await knex.schema.createTable('erp_stock', (t) => {
      t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
      // Binary collation on MySQL: ERP codes compare byte for byte, as on SQLite.
      t.string('spec_key', 64).notNullable().collate('utf8mb4_bin')
      t.decimal('quantity', 19, 4).notNullable()
      t.string('erp_rec_id', 40).nullable()
      t.bigInteger('updated_at').notNullable()
      t.primary(['merchant_id', 'spec_key'])
    })
  }
  if (!await knex.schema.hasColumn('erp_sync_status', 'stock_updated')) {
    await knex.schema.alterTable('erp_sync_status', (t) => {
      t.integer('stock_updated').notNullable().defaultTo(0)
    })
  }
  if (!await knex.schema.hasColumn('erp_sync_status', 'ack_errors')) {
    await knex.schema.alterTable('erp_sync_status', (t) => {
      t.string('ack_errors', 1000).nullable()
    })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('erp_sync_status', 'ack_errors')) await knex.schema.alterTable('erp_sync_status', (t) => { t.dropColumn('ack_errors') })
  if (await knex.schema.hasColumn('erp_sync_status', 'stock_updated')) await knex.schema.alterTable('erp_sync_status', (t) => { t.dropColumn('stock_updated') })
  await knex.schema.dropTableIfExists('erp_stock')
  await knex.schema.dropTableIfExists('product_erp_goods')
}
