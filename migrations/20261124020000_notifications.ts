import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  // Every text we tried to send, with its outcome: the merchant's message log and the per-phone limits.
  await knex.schema.createTable('sms_messages', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.string('phone', 20).notNullable()
    t.string('event', 40).notNullable()
    t.string('template_id', 64).notNullable()
    t.string('provider', 16).notNullable()
    t.string('status', 16).notNullable()
    t.string('provider_message_id', 100).nullable()
    t.string('error', 500).nullable()
    t.bigInteger('outbox_id').nullable()
    t.bigInteger('created_at').notNullable()
    t.index(['merchant_id', 'phone', 'template_id', 'created_at'])
    t.index(['merchant_id', 'id'])
  })
}

export async function down (knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sms_messages')
}
