import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  await knex.schema.createTable('products', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('name', 100).notNullable()
    t.text('images').notNullable()
    t.text('description').nullable()
    t.string('goods_no', 64).nullable()
    t.string('spec_no', 64).nullable()
    t.string('category', 64).nullable()
    t.text('attributes').notNullable()
    t.string('status', 8).notNullable().defaultTo('on')
    t.integer('sort_order').notNullable().defaultTo(0)
    // Deleted products stay as rows (old product sets and batches still name them) but
    // vanish from every list and lookup.
    t.bigInteger('deleted_at').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['merchant_id', 'sort_order', 'id'])
  })

  // Cards point at an immutable set of products (一卡多提: redeem any one of them), so
  // changing the products of a million cards writes one new set, not a million rows.
  await knex.schema.createTable('product_sets', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('signature', 64).notNullable()
    t.bigInteger('created_at').notNullable()
    t.unique(['merchant_id', 'signature'])
  })
  await knex.schema.createTable('product_set_items', (t) => {
    t.integer('set_id').unsigned().notNullable().references('id').inTable('product_sets').onDelete('CASCADE')
    t.integer('product_id').unsigned().notNullable().references('id').inTable('products')
    t.primary(['set_id', 'product_id'])
    t.index(['product_id'])
  })

  await knex.schema.createTable('distributors', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('name', 100).notNullable()
    t.string('contact', 50).nullable()
    t.string('phone', 20).nullable()
    t.string('remark', 500).nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.unique(['merchant_id', 'name'])
  })

  // Per-merchant sequences (card serial numbers 卡序号). The row is also the lock that
  // serialises batch creation within one merchant.
  await knex.schema.createTable('merchant_counters', (t) => {
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('name', 32).notNullable()
    t.bigInteger('value').notNullable().defaultTo(0)
    t.primary(['merchant_id', 'name'])
  })

  await knex.schema.createTable('card_batches', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('batch_no', 32).notNullable()
    t.string('name', 50).notNullable()
    t.string('source', 16).notNullable().defaultTo('generated')
    t.string('prefix', 16).notNullable().defaultTo('')
    t.integer('number_length').notNullable()
    t.string('number_mode', 16).notNullable()
    t.string('start_number', 20).nullable()
    // Sequential numbers are prefix + (number_first + i), zero-padded to number_width
    // (0 = no padding, the start_number mode).
    t.string('number_first', 20).nullable()
    t.integer('number_width').notNullable().defaultTo(0)
    t.integer('password_length').notNullable()
    t.string('password_charset', 16).notNullable()
    t.integer('quantity').notNullable()
    t.integer('product_set_id').unsigned().notNullable().references('id').inTable('product_sets')
    t.integer('face_value').nullable()
    t.string('valid_from', 10).nullable()
    t.string('valid_to', 10).nullable()
    t.string('remark', 500).nullable()
    t.boolean('activate').notNullable().defaultTo(false)
    t.string('status', 16).notNullable()
    t.integer('generated').notNullable().defaultTo(0)
    t.string('error_code', 64).nullable()
    t.bigInteger('serial_from').notNullable()
    t.bigInteger('serial_to').notNullable()
    t.bigInteger('lease_until').nullable()
    t.integer('created_by').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.unique(['merchant_id', 'batch_no'])
    t.index(['status', 'lease_until'])
  })

  await knex.schema.createTable('cards', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.integer('batch_id').unsigned().notNullable().references('id').inTable('card_batches')
    t.bigInteger('serial').notNullable()
    // Binary collation on MySQL: card numbers compare byte for byte, as on SQLite.
    t.string('card_no', 48).notNullable().collate('utf8mb4_bin')
    // HMAC-SHA256(merchant pepper, card_no + password), hex: verification only.
    t.string('password_hash', 64).notNullable()
    // AES-256-GCM under a key derived from the master key, card number as associated data:
    // only for an authorised export.
    t.string('password_enc', 160).notNullable()
    t.integer('product_set_id').unsigned().notNullable().references('id').inTable('product_sets')
    t.integer('face_value').nullable()
    t.string('valid_from', 10).nullable()
    t.string('valid_to', 10).nullable()
    t.string('status', 16).notNullable()
    t.string('status_before_void', 16).nullable()
    t.integer('distributor_id').unsigned().nullable().references('id').inTable('distributors')
    t.string('remark', 500).nullable()
    t.bigInteger('redeemed_at').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.unique(['merchant_id', 'card_no'])
    t.unique(['merchant_id', 'serial'])
    t.index(['merchant_id', 'batch_id', 'serial'])
    t.index(['merchant_id', 'status', 'serial'])
    t.index(['merchant_id', 'distributor_id', 'serial'])
    t.index(['merchant_id', 'product_set_id'])
  })

  // The append-only ledger of everything that happened to a card.
  await knex.schema.createTable('card_activities', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.bigInteger('card_id').notNullable()
    t.string('card_no', 48).notNullable()
    t.string('type', 32).notNullable()
    t.string('actor_type', 16).notNullable()
    t.integer('actor_id').nullable()
    t.string('actor_name', 64).notNullable().defaultTo('')
    t.string('from_status', 16).nullable()
    t.string('to_status', 16).nullable()
    t.integer('amount_delta').nullable()
    t.integer('balance_after').nullable()
    t.string('ref_type', 16).nullable()
    t.string('ref_id', 64).nullable()
    t.text('detail').nullable()
    t.string('ip', 64).nullable()
    t.bigInteger('created_at').notNullable()
    t.index(['merchant_id', 'card_id', 'id'])
  })
}

export async function down (knex: Knex): Promise<void> {
  for (const table of ['card_activities', 'cards', 'card_batches', 'merchant_counters', 'distributors', 'product_set_items', 'product_sets', 'products']) {
    await knex.schema.dropTableIfExists(table)
  }
}
