import type { Knex } from 'knex'
import { hasIndex, onMysql } from './schema-helpers.js'

// Guess counters reserved before a secret is checked (shared/guards.ts) replace the event log
// that was read first and written afterwards; ALTCHA proof-of-work replaces the image captcha;
// usernames become unique per merchant (they no longer tell one merchant about another's).
// Every step checks first, so a run cut short (MySQL's schema changes are not transactional)
// can simply be run again.

async function dropColumns (knex: Knex, table: string, columns: string[]): Promise<void> {
  for (const c of columns) {
    if (!await knex.schema.hasColumn(table, c)) continue
    // SQLite's own DROP COLUMN (3.35+): knex would copy the table, which on `cards` also means
    // juggling every foreign key that points at it.
    if (onMysql(knex)) await knex.schema.alterTable(table, (t) => { t.dropColumn(c) })
    else await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table, c])
  }
}

export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasTable('guard_counters')) {
    await knex.schema.createTable('guard_counters', (t) => {
      t.string('kind', 32).notNullable()
      t.string('subject', 160).notNullable().collate('utf8mb4_bin')
      t.integer('hits').notNullable().defaultTo(0)
      // When the window (or the lock) ends and the count starts over.
      t.bigInteger('reset_at').notNullable()
      t.integer('locked').notNullable().defaultTo(0)
      t.primary(['kind', 'subject'])
      t.index(['reset_at'])
    })
  }
  // Proof-of-work challenges already used to log in (each works once, on any instance).
  if (!await knex.schema.hasTable('used_challenges')) {
    await knex.schema.createTable('used_challenges', (t) => {
      t.string('id', 64).primary()
      t.bigInteger('expires_at').notNullable()
      t.index(['expires_at'])
    })
  }
  await knex.schema.dropTableIfExists('attempt_events')
  await knex.schema.dropTableIfExists('captchas')

  if (await hasIndex(knex, 'admins', 'admins_username_unique')) await knex.schema.alterTable('admins', (t) => { t.dropUnique(['username']) })
  if (!await hasIndex(knex, 'admins', 'admins_merchant_id_username_unique')) await knex.schema.alterTable('admins', (t) => { t.unique(['merchant_id', 'username']) })
  // Usernames are stored in lower case and found in any case. MySQL's collation compared them
  // that way already; on SQLite two admins of one merchant may differ only in case: the one
  // that is not lower-case already gets its id appended ("Boss" beside "boss" → "boss7").
  if (!onMysql(knex)) {
    await knex.raw(`UPDATE admins SET username = lower(username) || id WHERE username <> lower(username)
      AND EXISTS (SELECT 1 FROM admins a2 WHERE a2.merchant_id = admins.merchant_id AND a2.id <> admins.id AND lower(a2.username) = lower(admins.username))`)
    await knex.raw('UPDATE admins SET username = lower(username) WHERE username <> lower(username)')
  }
  await dropColumns(knex, 'admins', ['failed_attempts', 'locked_until'])
  await dropColumns(knex, 'cards', ['failed_attempts', 'locked_until'])

  // Stored open-API replies are encrypted from now on; the plaintext ones (which could hold
  // card passwords) go. They lived 24 hours, and repeated out_order_nos are still answered
  // from the issues and orders themselves.
  await knex('idempotency_keys').delete()
  if (onMysql(knex)) {
    // A reply of 5,000 issued cards is about a megabyte: more than TEXT's 64 KB.
    await knex.schema.alterTable('idempotency_keys', (t) => { t.text('response_body', 'mediumtext').nullable().alter() })
  }
}

export async function down (knex: Knex): Promise<void> {
  // The encrypted replies mean nothing to the version before.
  await knex('idempotency_keys').delete()
  await knex.schema.alterTable('cards', (t) => {
    t.integer('failed_attempts').notNullable().defaultTo(0)
    t.bigInteger('locked_until').nullable()
  })
  // Back to usernames unique across merchants: this fails while two merchants share one, and
  // must, since the version before could not tell them apart at login.
  await knex.schema.alterTable('admins', (t) => {
    t.integer('failed_attempts').notNullable().defaultTo(0)
    t.bigInteger('locked_until').nullable()
    t.dropUnique(['merchant_id', 'username'])
    t.unique(['username'])
  })
  await knex.schema.createTable('captchas', (t) => {
    t.string('id', 64).primary()
    t.string('answer_hash', 64).notNullable()
    t.bigInteger('expires_at').notNullable()
    t.index(['expires_at'])
  })
  await knex.schema.createTable('attempt_events', (t) => {
    t.bigIncrements('id').primary()
    t.string('kind', 32).notNullable()
    t.string('key', 128).notNullable()
    t.bigInteger('created_at').notNullable()
    t.index(['kind', 'key', 'created_at'])
    t.index(['created_at'])
  })
  await knex.schema.dropTable('used_challenges')
  await knex.schema.dropTable('guard_counters')
}
