import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// The expiry reminder of a stored-value voucher (voucher.expiring and its text): sent once per
// voucher, claimed by the instance whose conditional update sets expiry_notified_at; the
// reminder's sweep finds the vouchers ending soon by kind and end date.
// Each step looks first: a start that crashed half-way runs this again.
export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasColumn('cards', 'expiry_notified_at')) {
    await knex.schema.alterTable('cards', (t) => { t.bigInteger('expiry_notified_at').nullable() })
  }
  if (!await hasIndex(knex, 'cards', 'cards_kind_valid_to_index')) await knex.schema.alterTable('cards', (t) => { t.index(['kind', 'valid_to'], 'cards_kind_valid_to_index') })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.alterTable('cards', (t) => { t.dropIndex(['kind', 'valid_to'], 'cards_kind_valid_to_index') })
  await knex.schema.alterTable('cards', (t) => { t.dropColumn('expiry_notified_at') })
}
