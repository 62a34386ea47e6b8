import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// The order detail's timeline lists the texts sent about an order (下单短信, 管理员通知, 发货短信):
// each text row names its order, read through (merchant_id, order_no). Texts logged before this
// migration name none (the outbox rows that linked them are pruned with time).
export const config = { transaction: false }

const NAME = 'sms_messages_merchant_id_order_no_index'

export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasColumn('sms_messages', 'order_no')) {
    await knex.schema.alterTable('sms_messages', (t) => { t.string('order_no', 32).nullable() })
  }
  if (!await hasIndex(knex, 'sms_messages', NAME)) {
    await knex.schema.alterTable('sms_messages', (t) => { t.index(['merchant_id', 'order_no']) })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, 'sms_messages', NAME)) {
    await knex.schema.alterTable('sms_messages', (t) => { t.dropIndex(['merchant_id', 'order_no']) })
  }
  if (await knex.schema.hasColumn('sms_messages', 'order_no')) {
    await knex.schema.alterTable('sms_messages', (t) => { t.dropColumn('order_no') })
  }
}
