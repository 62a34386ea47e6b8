import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// Delivery receipts for the message log: a sent text becomes delivered, failed (the receipt's
// code and reason) or unknown (no receipt within the window). `receipt_checked_at` orders the
// receipt poller's batches (the least recently asked first). Texts sent before this migration
// are asked about like new ones while they are recent, and count as unknown after that.
export const config = { transaction: false }

const TABLE = 'sms_messages'
const INDEX = 'sms_messages_status_delivery_state_created_at_index'
// A receipt names its text by the provider's id (BizId, SerialNo).
const BY_PROVIDER_ID = 'sms_messages_merchant_id_provider_message_id_index'
const COLUMNS = ['delivery_state', 'delivery_code', 'delivery_reason', 'delivered_at', 'receipt_checked_at'] as const

export async function up (knex: Knex): Promise<void> {
  // Each column on its own, so a migration cut off half-way resumes.
  const add: Record<typeof COLUMNS[number], (t: Knex.AlterTableBuilder) => void> = {
    delivery_state: (t) => { t.string('delivery_state', 16).nullable() },
    delivery_code: (t) => { t.string('delivery_code', 64).nullable() },
    delivery_reason: (t) => { t.string('delivery_reason', 200).nullable() },
    delivered_at: (t) => { t.bigInteger('delivered_at').nullable() },
    receipt_checked_at: (t) => { t.bigInteger('receipt_checked_at').nullable() },
  }
  for (const c of COLUMNS) {
    if (!await knex.schema.hasColumn(TABLE, c)) await knex.schema.alterTable(TABLE, add[c])
  }
  if (!await hasIndex(knex, TABLE, INDEX)) {
    await knex.schema.alterTable(TABLE, (t) => { t.index(['status', 'delivery_state', 'created_at'], INDEX) })
  }
  if (!await hasIndex(knex, TABLE, BY_PROVIDER_ID)) {
    await knex.schema.alterTable(TABLE, (t) => { t.index(['merchant_id', 'provider_message_id'], BY_PROVIDER_ID) })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, TABLE, BY_PROVIDER_ID)) {
    await knex.schema.alterTable(TABLE, (t) => { t.dropIndex(['merchant_id', 'provider_message_id'], BY_PROVIDER_ID) })
  }
  if (await hasIndex(knex, TABLE, INDEX)) {
    await knex.schema.alterTable(TABLE, (t) => { t.dropIndex(['status', 'delivery_state', 'created_at'], INDEX) })
  }
  for (const c of COLUMNS) {
    if (await knex.schema.hasColumn(TABLE, c)) await knex.schema.alterTable(TABLE, (t) => { t.dropColumn(c) })
  }
}
