import type { Knex } from 'knex'
import { hasIndex } from './schema-helpers.js'

// Cards counted per batch and state, kept up to date by the card ledger in the same transaction
// as every change, so lists, batch views and bulk plans read a few rows instead of counting a
// million; and bulk actions large enough to run in the background, resumable from their cursor.
// Every step checks first, so a run cut short (MySQL's schema changes are not transactional)
// can simply be run again.

// Not in one transaction: MySQL commits at every schema change anyway; the counts are rebuilt
// in a transaction of their own.
export const config = { transaction: false }

export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasTable('card_counts')) {
    await knex.schema.createTable('card_counts', (t) => {
      t.integer('merchant_id').unsigned().notNullable()
      t.integer('batch_id').unsigned().notNullable()
      t.string('status', 16).notNullable()
      t.bigInteger('n').notNullable().defaultTo(0)
      t.primary(['merchant_id', 'batch_id', 'status'])
    })
  }
  // The counts start from the cards as they are; rebuilt whole, so a second run is the same.
  await knex.transaction(async (trx) => {
    await trx('card_counts').delete()
    await trx.raw(`INSERT INTO card_counts (merchant_id, batch_id, status, n)
      SELECT merchant_id, batch_id, status, COUNT(*) FROM cards GROUP BY merchant_id, batch_id, status`)
  })

  // A batch's cards in one state, in serial order: the list's most common filter (a batch's
  // active cards) without walking the batch's other cards.
  if (!await hasIndex(knex, 'cards', 'cards_merchant_id_batch_id_status_serial_index')) {
    await knex.schema.alterTable('cards', (t) => { t.index(['merchant_id', 'batch_id', 'status', 'serial']) })
  }

  if (!await knex.schema.hasTable('card_bulk_jobs')) {
    await knex.schema.createTable('card_bulk_jobs', (t) => {
      t.increments('id').primary()
      t.integer('merchant_id').unsigned().notNullable().references('id').inTable('merchants')
      t.string('job_no', 36).notNullable()
      t.string('action', 16).notNullable()
      // The request as given (target and fields) and the plan it resolved to.
      t.text('request').notNullable()
      t.text('plan').notNullable()
      t.text('actor').notNullable()
      // Set while the job runs: one job per batch (or per merchant, for a target across
      // batches) at a time; null once it has ended.
      t.string('lock_key', 32).nullable()
      t.string('status', 16).notNullable()
      t.bigInteger('serial_from').notNullable()
      t.bigInteger('serial_to').notNullable()
      // The last serial worked through; the job resumes after it.
      t.bigInteger('cursor').notNullable()
      t.bigInteger('matched').notNullable().defaultTo(0)
      t.bigInteger('changed').notNullable().defaultTo(0)
      t.text('skipped').notNullable()
      t.string('error_code', 64).nullable()
      t.bigInteger('lease_until').nullable()
      // Who holds the lease: each progress step is written only by its holder.
      t.string('lease_token', 36).nullable()
      t.bigInteger('created_at').notNullable()
      t.bigInteger('updated_at').notNullable()
      t.bigInteger('finished_at').nullable()
      t.unique(['merchant_id', 'job_no'])
      t.unique(['merchant_id', 'lock_key'])
      t.index(['status', 'lease_until'])
      t.index(['merchant_id', 'id'])
    })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await hasIndex(knex, 'cards', 'cards_merchant_id_batch_id_status_serial_index')) {
    await knex.schema.alterTable('cards', (t) => { t.dropIndex(['merchant_id', 'batch_id', 'status', 'serial']) })
  }
  await knex.schema.dropTableIfExists('card_bulk_jobs')
  await knex.schema.dropTableIfExists('card_counts')
}
