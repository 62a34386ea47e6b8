import type { Knex } from 'knex'

// Stored-value vouchers (储值提货券): a batch's and a card's kind, the balance (fen) and the
// validity counted from activation, a voucher's one extension, what it may buy (restrictions, on
// the batch), products' price and supplier, and the holds a mall's checkout places on a balance.
// Each step looks first: a start that crashed half-way runs this again.
async function addColumn (knex: Knex, table: string, column: string, add: (t: Knex.AlterTableBuilder) => void): Promise<void> {
  if (!await knex.schema.hasColumn(table, column)) await knex.schema.alterTable(table, add)
}

export async function up (knex: Knex): Promise<void> {
  await addColumn(knex, 'card_batches', 'kind', (t) => { t.string('kind', 16).notNullable().defaultTo('pickup') })
  // N days counted from the day after activation (null: the fixed dates, or none).
  await addColumn(knex, 'card_batches', 'valid_days', (t) => { t.integer('valid_days').nullable() })
  // JSON { product_ids?, categories?, suppliers?, provinces? }; null: the whole catalogue, anywhere.
  await addColumn(knex, 'card_batches', 'restrictions', (t) => { t.text('restrictions').nullable() })
  await addColumn(knex, 'cards', 'kind', (t) => { t.string('kind', 16).notNullable().defaultTo('pickup') })
  // Null until the voucher is loaded at its first activation; then the sum of its ledger.
  await addColumn(knex, 'cards', 'balance', (t) => { t.bigInteger('balance').nullable() })
  await addColumn(knex, 'cards', 'valid_days', (t) => { t.integer('valid_days').nullable() })
  await addColumn(knex, 'cards', 'extended_at', (t) => { t.bigInteger('extended_at').nullable() })
  await addColumn(knex, 'products', 'price', (t) => { t.integer('price').nullable() })
  await addColumn(knex, 'products', 'supplier', (t) => { t.string('supplier', 64).nullable() })

  if (!await knex.schema.hasTable('voucher_holds')) {
    await knex.schema.createTable('voucher_holds', (t) => {
      t.bigIncrements('id').primary()
      t.integer('merchant_id').unsigned().notNullable()
      t.string('hold_no', 32).notNullable()
      t.bigInteger('card_id').notNullable()
      t.string('card_no', 48).notNullable()
      t.integer('app_id').nullable()
      t.string('out_trade_no', 64).nullable()
      t.bigInteger('amount').notNullable()
      t.bigInteger('refunded').notNullable().defaultTo(0)
      // held → captured | released (by the mall, or lapsed at expires_at)
      t.string('status', 16).notNullable()
      t.text('items').nullable()
      t.bigInteger('expires_at').notNullable()
      t.bigInteger('created_at').notNullable()
      t.bigInteger('updated_at').notNullable()
      t.unique(['merchant_id', 'hold_no'])
      // One hold per voucher of a mall's trade: a trade may be paid by several vouchers.
      t.unique(['app_id', 'out_trade_no', 'card_no'])
      t.index(['status', 'expires_at'])
      t.index(['card_id', 'id'])
    })
  }
  // A refund of a captured hold, once per out_refund_no: a mall that retries a refund refunds once.
  if (!await knex.schema.hasTable('voucher_refunds')) {
    await knex.schema.createTable('voucher_refunds', (t) => {
      t.bigIncrements('id').primary()
      t.integer('merchant_id').unsigned().notNullable()
      t.bigInteger('hold_id').notNullable()
      t.string('out_refund_no', 64).notNullable()
      t.bigInteger('amount').notNullable()
      t.bigInteger('created_at').notNullable()
      t.unique(['hold_id', 'out_refund_no'])
    })
  }
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('voucher_refunds')
  await knex.schema.dropTableIfExists('voucher_holds')
  for (const [table, column] of [['products', 'supplier'], ['products', 'price'], ['cards', 'extended_at'], ['cards', 'valid_days'], ['cards', 'balance'], ['cards', 'kind'], ['card_batches', 'restrictions'], ['card_batches', 'valid_days'], ['card_batches', 'kind']]) {
    if (await knex.schema.hasColumn(table, column)) await knex.schema.alterTable(table, (t) => { t.dropColumn(column) })
  }
}
