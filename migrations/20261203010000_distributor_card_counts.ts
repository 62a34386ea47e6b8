import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// The 券商 list shows every distributor's cards by state (assigned / activated / redeemed):
// one GROUP BY over this index answers it without reading a card row, however many cards
// there are. It starts with (merchant_id, distributor_id) like the index the card list's
// distributor filter uses, which stays for its serial order.
export const config = { transaction: false }

const NAME = 'cards_merchant_id_distributor_id_status_index'

export async function up (knex: Knex): Promise<void> {
  if (!await hasIndex(knex, 'cards', NAME)) {
    await knex.schema.alterTable('cards', (t) => { t.index(['merchant_id', 'distributor_id', 'status']) })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, 'cards', NAME)) {
    await knex.schema.alterTable('cards', (t) => { t.dropIndex(['merchant_id', 'distributor_id', 'status']) })
  }
}
