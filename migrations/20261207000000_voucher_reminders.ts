import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// The expiry reminder of a stored-value voucher (voucher.expiring and its text): sent once per
// voucher, claimed by the instance whose conditional update sets expiry_notified_at; the
// reminder's sweep finds the vouchers ending soon by kind, merchant, not reminded, and end date.
// Each step looks first: a start that crashed half-way runs this again.
export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasColumn('cards', 'expiry_notified_at')) {
    await knex.schema.alterTable('cards', (t) => { t.bigInteger('expiry_notified_at').nullable() })
  }
  // The reminder's query: equal on kind, merchant and "not reminded", a range on the last day.
  if (!await hasIndex(knex, 'cards', 'cards_voucher_expiry_index')) {
    await knex.schema.alterTable('cards', (t) => { t.index(['kind', 'merchant_id', 'expiry_notified_at', 'valid_to'], 'cards_voucher_expiry_index') })
  }
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.alterTable('cards', (t) => { t.dropIndex(['kind', 'merchant_id', 'expiry_notified_at', 'valid_to'], 'cards_voucher_expiry_index') })
  await knex.schema.alterTable('cards', (t) => { t.dropColumn('expiry_notified_at') })
}
