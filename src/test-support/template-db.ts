// Test databases start from a migrated template instead of running every migration again:
// a copied file on SQLite, tables recreated from the template's own definitions on MariaDB.
// The template is named by a hash of the migrations, so a changed or added migration builds a
// new one; the first test process that needs it builds it (under a lock on MariaDB, by an
// atomic rename on SQLite) and every other process reuses it.
import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import knexFactory, { type Knex } from 'knex'
import { createDb, migrateLatest } from '../shared/db.js'

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations')

let hashed: string | undefined
/** A short hash of every migration file: the template's version. */
export function migrationsHash (): string {
  if (hashed) return hashed
  const h = createHash('sha256')
  for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.ts')).sort()) h.update(name).update('\0').update(readFileSync(join(MIGRATIONS, name))).update('\0')
  return (hashed = h.digest('hex').slice(0, 16))
}

/** The path of the migrated SQLite template, built on first use. */
export async function sqliteTemplate (): Promise<string> {
  const path = join(tmpdir(), `kaquan-test-template-${migrationsHash()}.sqlite`)
  if (existsSync(path)) return path
  const building = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
  const db = createDb({ client: 'sqlite', filename: building })
  try {
    await migrateLatest(db)
    // Everything into the main file, so the one file is the whole database.
    await db.raw('PRAGMA wal_checkpoint(TRUNCATE)')
  } catch (err) {
    await db.destroy()
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true })
    throw err
  }
  await db.destroy()
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true })
  // Several processes may build at once: each renames a complete file over the same name.
  renameSync(building, path)
  return path
}

/** A fresh SQLite database at `filename`, migrated (a copy of the template). */
export async function cloneSqlite (filename: string): Promise<void> {
  copyFileSync(await sqliteTemplate(), filename)
}

const LOCK = 'kaquan_test_template'
const q = (name: string) => `\`${name.replace(/`/g, '``')}\``

async function tablesOf (admin: Knex, schema: string): Promise<string[]> {
  const [rows] = await admin.raw('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = ? ORDER BY table_name', [schema, 'BASE TABLE']) as [Array<{ name: string }>]
  return rows.map((r) => r.name)
}

const expectedMigrations = () => readdirSync(MIGRATIONS).filter((n) => /^\d{14}_.*\.ts$/.test(n)).length

type Raw = (sql: string, bindings?: readonly unknown[]) => Promise<unknown>

async function migrationCount (raw: Raw, schema: string): Promise<number> {
  const [rows] = await raw('SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [schema, 'knex_migrations']) as [unknown[]]
  if (!rows.length) return 0
  const [[{ n }]] = await raw(`SELECT COUNT(*) AS n FROM ${q(schema)}.knex_migrations`) as [[{ n: number }]]
  return Number(n)
}

/**
 * The name of the migrated MariaDB template, built on first use. Built under a named lock held
 * by one pinned connection (a pooled one could be reaped while the migrations run, freeing the
 * lock early), and complete only when its knex_migrations lists every migration (a half-built
 * one from a killed run is dropped and built again). Templates of other migration sets are left
 * alone: another checkout's tests may be cloning them.
 */
async function mysqlTemplate (admin: Knex, url: string): Promise<string> {
  const name = `kq_template_${migrationsHash()}`
  const pooled: Raw = (sql, bindings = []) => admin.raw(sql, bindings as Knex.RawBinding[])
  if (await migrationCount(pooled, name) === expectedMigrations()) return name
  // The admin pool holds one connection: every statement under the lock goes through it.
  const conn = await admin.client.acquireConnection()
  const pinned: Raw = (sql, bindings = []) => admin.raw(sql, bindings as Knex.RawBinding[]).connection(conn)
  try {
    const [[{ got }]] = await pinned('SELECT GET_LOCK(?, 300) AS got', [LOCK]) as [[{ got: number | null }]]
    if (Number(got) !== 1) throw new Error('the test template lock was not granted in 300 s')
    try {
      if (await migrationCount(pinned, name) === expectedMigrations()) return name
      await pinned(`DROP DATABASE IF EXISTS ${q(name)}`)
      await pinned(`CREATE DATABASE ${q(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
      const target = new URL(url)
      target.pathname = `/${name}`
      const db = createDb({ client: 'mysql', url: target.toString() })
      try {
        await migrateLatest(db)
      } finally {
        await db.destroy()
      }
      return name
    } finally {
      await pinned('SELECT RELEASE_LOCK(?)', [LOCK])
    }
  } finally {
    await admin.client.releaseConnection(conn)
  }
}

/**
 * Creates the empty database `name` and gives it the template's tables, with their rows (the
 * migration log and anything a migration seeds), on the admin connection.
 */
export async function cloneMysql (admin: Knex, url: string, name: string): Promise<void> {
  const template = await mysqlTemplate(admin, url)
  await admin.raw(`CREATE DATABASE ${q(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  // One connection (the admin pool holds one): the session settings below apply to every statement.
  await admin.transaction(async (trx) => {
    await trx.raw('SET SESSION foreign_key_checks = 0')
    // Foreign keys name their tables without a schema: they resolve in the default database.
    await trx.raw(`USE ${q(name)}`)
    try {
      for (const table of await tablesOf(trx, template)) {
        const [[def]] = await trx.raw(`SHOW CREATE TABLE ${q(template)}.${q(table)}`) as [[Record<string, string>]]
        const create = def['Create Table'].replace(/^CREATE TABLE `[^`]+`/, `CREATE TABLE ${q(name)}.${q(table)}`)
        await trx.raw(create)
        await trx.raw(`INSERT INTO ${q(name)}.${q(table)} SELECT * FROM ${q(template)}.${q(table)}`)
      }
    } finally {
      await trx.raw('SET SESSION foreign_key_checks = 1')
    }
  })
  // A template dropped or rebuilt under us would leave a clone without tables: never hand that out.
  if (await migrationCount((sql, bindings = []) => admin.raw(sql, bindings as Knex.RawBinding[]), name) !== expectedMigrations()) throw new Error(`the test database ${name} did not come out migrated from ${template}`)
}

/** An admin connection for creating and dropping test databases. */
export function mysqlAdmin (url: string): Knex {
  return knexFactory({ client: 'mysql2', connection: { uri: url } as Knex.MySql2ConnectionConfig, pool: { min: 0, max: 1 } })
}
