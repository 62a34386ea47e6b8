import type { Knex } from 'knex'

export async function up (knex: Knex): Promise<void> {
  await knex.schema.createTable('apps', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('name', 50).notNullable()
    t.string('app_key', 32).notNullable().unique()
    t.string('secret_enc', 200).notNullable()
    // After a rotation the previous secret keeps working until old_secret_expires_at.
    t.string('old_secret_enc', 200).nullable()
    t.bigInteger('old_secret_expires_at').nullable()
    t.text('scopes').notNullable()
    t.text('ip_allowlist').notNullable()
    t.integer('rate_limit').notNullable().defaultTo(50)
    t.string('status', 16).notNullable().defaultTo('enabled')
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['merchant_id'])
  })

  // Used nonces per app: the primary key refuses a replay on every instance.
  await knex.schema.createTable('app_nonces', (t) => {
    t.integer('app_id').unsigned().notNullable()
    t.string('nonce', 64).notNullable()
    t.bigInteger('expires_at').notNullable()
    t.primary(['app_id', 'nonce'])
    t.index(['expires_at'])
  })

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.integer('app_id').unsigned().notNullable()
    t.string('key', 255).notNullable()
    t.string('request_hash', 64).notNullable()
    t.string('status', 16).notNullable()
    t.integer('response_status').nullable()
    t.text('response_body').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('expires_at').notNullable()
    t.primary(['app_id', 'key'])
    t.index(['expires_at'])
  })

  await knex.schema.createTable('card_issues', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    // null: issued by an admin from a phone list (批量发卡), not through an app.
    t.integer('app_id').unsigned().nullable()
    t.integer('admin_id').nullable()
    t.string('issue_no', 32).notNullable().unique()
    t.string('out_order_no', 64).notNullable()
    t.integer('batch_id').unsigned().notNullable()
    t.string('status', 16).notNullable()
    t.boolean('send_sms').notNullable().defaultTo(false)
    t.integer('distributor_id').nullable()
    t.text('cancel_result').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.unique(['app_id', 'out_order_no'])
  })

  await knex.schema.createTable('card_issue_items', (t) => {
    t.bigInteger('issue_id').notNullable()
    t.bigInteger('card_id').notNullable()
    t.string('card_no', 48).notNullable()
    t.string('phone', 20).notNullable()
    t.primary(['issue_id', 'card_id'])
  })

  await knex.schema.alterTable('cards', (t) => {
    // Bound by an open-platform issue (sold through that app); issue_id is never cleared, so
    // a card handed out once is never handed out again.
    t.string('phone', 20).nullable()
    t.bigInteger('issue_id').nullable()
    t.integer('issued_app_id').nullable()
  })

  await knex.schema.alterTable('orders', (t) => {
    t.unique(['app_id', 'out_order_no'])
  })

  await knex.schema.createTable('webhook_endpoints', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    t.string('url', 500).notNullable()
    t.string('description', 100).nullable()
    t.string('secret_enc', 200).notNullable()
    t.string('old_secret_enc', 200).nullable()
    t.bigInteger('old_secret_expires_at').nullable()
    t.text('event_types').notNullable()
    t.boolean('enabled').notNullable().defaultTo(true)
    t.string('disabled_reason', 100).nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['merchant_id'])
  })

  await knex.schema.alterTable('outbox', (t) => {
    t.string('event_type', 64).nullable()
    t.string('event_id', 64).nullable()
    t.integer('last_status_code').nullable()
    // Which claim holds the row: set by the claiming update, checked when the row is finished.
    t.string('claim_token', 32).nullable()
    t.index(['merchant_id', 'topic', 'destination', 'id'])
    t.index(['claim_token'])
  })

  // Row-level reports of refused imports, downloadable as xlsx.
  await knex.schema.createTable('import_reports', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.text('problems', 'longtext').notNullable()
    t.bigInteger('created_at').notNullable()
  })

  // Every delivery attempt: when, what came back, how long it took.
  await knex.schema.createTable('outbox_attempts', (t) => {
    t.bigIncrements('id').primary()
    t.bigInteger('outbox_id').notNullable()
    t.integer('attempt').notNullable()
    t.bigInteger('started_at').notNullable()
    t.integer('status_code').nullable()
    t.integer('latency_ms').notNullable()
    t.string('error', 500).nullable()
    t.text('response_excerpt').nullable()
    t.index(['outbox_id', 'id'])
  })
}

export async function down (knex: Knex): Promise<void> {
  for (const table of ['import_reports', 'outbox_attempts', 'webhook_endpoints', 'card_issue_items', 'card_issues', 'idempotency_keys', 'app_nonces', 'apps']) {
    await knex.schema.dropTableIfExists(table)
  }
  await knex.schema.alterTable('outbox', (t) => {
    t.dropIndex(['merchant_id', 'topic', 'destination', 'id'])
    t.dropIndex(['claim_token'])
    t.dropColumn('claim_token')
    t.dropColumn('event_type')
    t.dropColumn('event_id')
    t.dropColumn('last_status_code')
  })
  await knex.schema.alterTable('orders', (t) => { t.dropUnique(['app_id', 'out_order_no']) })
  await knex.schema.alterTable('cards', (t) => {
    t.dropColumn('phone')
    t.dropColumn('issue_id')
    t.dropColumn('issued_app_id')
  })
}
