import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// The back office (商户后台): the merchant's contact on its profile, and the overview's counts of
// failing outbox rows per merchant, which would otherwise walk every delivery the merchant ever
// had (the outbox keeps finished rows). Every step checks first, so a run cut short (MySQL's
// schema changes are not transactional) can simply be run again.
export const config = { transaction: false }

export async function up (knex: Knex): Promise<void> {
  for (const [column, length] of [['contact_name', 50], ['contact_phone', 20]] as const) {
    if (!await knex.schema.hasColumn('merchants', column)) {
      await knex.schema.alterTable('merchants', (t) => { t.string(column, length).nullable() })
    }
  }
  if (!await hasIndex(knex, 'outbox', 'outbox_merchant_id_status_topic_index')) {
    await knex.schema.alterTable('outbox', (t) => { t.index(['merchant_id', 'status', 'topic']) })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, 'outbox', 'outbox_merchant_id_status_topic_index')) {
    await knex.schema.alterTable('outbox', (t) => { t.dropIndex(['merchant_id', 'status', 'topic']) })
  }
  for (const column of ['contact_name', 'contact_phone']) {
    if (await knex.schema.hasColumn('merchants', column)) await knex.schema.alterTable('merchants', (t) => { t.dropColumn(column) })
  }
}
