import type { Knex } from 'knex'

// Timestamps are integer milliseconds since the Unix epoch (UTC) on both dialects: one
// representation, compared and indexed the same way by SQLite and MySQL.

export async function up (knex: Knex): Promise<void> {
  await knex.schema.createTable('merchants', (t) => {
    t.increments('id').primary()
    t.string('code', 32).notNullable().unique()
    t.string('name', 100).notNullable()
    t.string('timezone', 64).notNullable().defaultTo('Asia/Shanghai')
    t.text('pepper_enc').notNullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
  })

  await knex.schema.createTable('admins', (t) => {
    t.increments('id').primary()
    t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
    // Usernames are unique across merchants, so login needs no merchant code.
    t.string('username', 32).notNullable().unique()
    t.string('name', 50).notNullable().defaultTo('')
    t.string('phone', 20).nullable()
    t.string('password_hash', 200).notNullable()
    t.text('permissions').notNullable()
    t.boolean('is_owner').notNullable().defaultTo(false)
    t.string('status', 16).notNullable().defaultTo('active')
    t.integer('failed_attempts').notNullable().defaultTo(0)
    t.bigInteger('locked_until').nullable()
    t.bigInteger('last_login_at').nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('updated_at').notNullable()
    t.index(['merchant_id'])
  })

  await knex.schema.createTable('admin_sessions', (t) => {
    t.string('id', 64).primary()
    t.integer('admin_id').unsigned().notNullable().references('id').inTable('admins').onDelete('CASCADE')
    t.integer('merchant_id').unsigned().notNullable()
    t.string('ip', 64).nullable()
    t.bigInteger('created_at').notNullable()
    t.bigInteger('expires_at').notNullable()
    t.bigInteger('revoked_at').nullable()
    t.index(['admin_id'])
    t.index(['expires_at'])
  })

  await knex.schema.createTable('captchas', (t) => {
    t.string('id', 64).primary()
    t.string('answer_hash', 64).notNullable()
    t.bigInteger('expires_at').notNullable()
    t.index(['expires_at'])
  })

  // Failed attempts per key (client address, card …) in time, shared by every instance.
  await knex.schema.createTable('attempt_events', (t) => {
    t.bigIncrements('id').primary()
    t.string('kind', 32).notNullable()
    t.string('key', 128).notNullable()
    t.bigInteger('created_at').notNullable()
    t.index(['kind', 'key', 'created_at'])
    t.index(['created_at'])
  })

  await knex.schema.createTable('audit_logs', (t) => {
    t.bigIncrements('id').primary()
    t.integer('merchant_id').unsigned().notNullable()
    t.string('actor_type', 16).notNullable()
    t.integer('actor_id').nullable()
    t.string('actor_name', 64).notNullable().defaultTo('')
    t.string('action', 64).notNullable()
    t.string('target_type', 32).nullable()
    t.string('target_id', 64).nullable()
    t.text('summary').nullable()
    t.string('ip', 64).nullable()
    t.bigInteger('created_at').notNullable()
    t.index(['merchant_id', 'created_at'])
    t.index(['merchant_id', 'action', 'created_at'])
    t.index(['merchant_id', 'actor_id', 'created_at'])
  })
}

export async function down (knex: Knex): Promise<void> {
  for (const table of ['audit_logs', 'attempt_events', 'captchas', 'admin_sessions', 'admins', 'merchants']) {
    await knex.schema.dropTableIfExists(table)
  }
}
