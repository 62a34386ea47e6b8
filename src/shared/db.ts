// knex over better-sqlite3 (embedded default) or mysql2 (production). Everything dialect
// specific lives here, so the rest of the code speaks plain knex.
import knexFactory, { type Knex } from 'knex'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DatabaseConfig } from '../config.js'
import { migrationSource } from '../../migrations/index.js'

/** A knex instance or a transaction: repositories take this as their first argument. */
export type Db = Knex | Knex.Transaction

export function createDb (config: DatabaseConfig): Knex {
  if (config.client === 'sqlite') {
    if (config.filename !== ':memory:') ownerOnly(config.filename)
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: config.filename },
      useNullAsDefault: true,
      // better-sqlite3 is synchronous: one connection serialises every transaction, which is
      // what SQLite does anyway and keeps "database is locked" away.
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: any, done: (err: Error | null, conn: unknown) => void) => {
          try {
            conn.pragma('journal_mode = WAL')
            conn.pragma('foreign_keys = ON')
            conn.pragma('busy_timeout = 5000')
            conn.pragma('synchronous = NORMAL')
            done(null, conn)
          } catch (err) {
            done(err as Error, conn)
          }
        },
      },
    })
  }
  const bound = { ms: QUERY_TIMEOUT_MS }
  const db = knexFactory({
    client: 'mysql2',
    // A pool that cannot hand out a connection (the server away) fails the request in 10 s.
    acquireConnectionTimeout: 10_000,
    connection: {
      uri: config.url,
      timezone: 'Z',
      charset: 'utf8mb4',
      decimalNumbers: true,
      supportBigNumbers: true,
      dateStrings: true,
    } as Knex.MySql2ConnectionConfig,
    pool: {
      min: 0,
      max: 10,
      afterCreate: (conn: any, done: (err: Error | null, conn: unknown) => void) => {
        boundQueries(conn, bound)
        conn.query("SET time_zone = '+00:00', NAMES utf8mb4", (err: Error | null) => done(err, conn))
      },
    },
  })
  queryBounds.set(db, bound)
  return db
}

/**
 * How long one statement may wait for MySQL's answer: a server that froze (not one that went
 * away: that fails at once) would otherwise hold every request, and /readyz, for as long as it
 * is frozen. mysql2 then ends the connection (PROTOCOL_SEQUENCE_TIMEOUT: the request gets a 503
 * database_unavailable) and the pool makes a new one. Migrations run unbounded (an index on a
 * million cards may take minutes).
 */
export const QUERY_TIMEOUT_MS = 15_000
const queryBounds = new WeakMap<Knex, { ms: number }>()

/** Gives every statement on this connection the bound's timeout, unless the statement sets its own. */
function boundQueries (conn: { query: (...args: unknown[]) => unknown }, bound: { ms: number }): void {
  const query = conn.query.bind(conn)
  conn.query = (sql: unknown, ...rest: unknown[]) => {
    if (bound.ms > 0 && sql && typeof sql === 'object' && (sql as { timeout?: number }).timeout === undefined) {
      return query({ ...(sql as object), timeout: bound.ms }, ...rest)
    }
    return query(sql, ...rest)
  }
}

/** Runs `fn` with this database's statements unbounded (migrations). */
async function unbounded<T> (db: Knex, fn: () => Promise<T>): Promise<T> {
  const bound = queryBounds.get(db)
  if (!bound) return fn()
  const before = bound.ms
  bound.ms = 0
  try {
    return await fn()
  } finally {
    bound.ms = before
  }
}

/**
 * The database holds card hashes, encrypted passwords and personal data: readable by the owner
 * only, like the master key beside it. Created 0600 before SQLite opens it (its -wal and -shm
 * files take the same mode), and tightened if an older version left it wider.
 */
function ownerOnly (filename: string): void {
  mkdirSync(dirname(filename), { recursive: true, mode: 0o700 })
  if (!existsSync(filename)) closeSync(openSync(filename, 'a', 0o600))
  for (const f of [filename, `${filename}-wal`, `${filename}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600)
  }
}

export function isMysql (db: Db): boolean {
  return db.client.config.client === 'mysql2'
}

/** A unique index was violated (MySQL ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation (err: unknown): boolean {
  const e = err as { code?: string; errno?: number }
  return e?.code === 'ER_DUP_ENTRY' || e?.errno === 1062 ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN',
  'ER_NORMAL_SHUTDOWN', 'ER_SERVER_GONE_ERROR', 'ER_SERVER_LOST',
])

/**
 * The database cannot be reached or is too busy to answer (refused or lost connections, a
 * server shutting down, no pooled connection in time): the request may succeed later. Only the
 * drivers' own errors count — mysql2 marks connection errors `fatal` and server errors with a
 * sqlState — so a socket error elsewhere (a client hanging up, a vendor call) is not taken for
 * the database.
 */
export function isDatabaseUnavailable (err: unknown): boolean {
  const e = err as { code?: string; name?: string; fatal?: boolean; sqlState?: string }
  if (!e || typeof e !== 'object') return false
  if (e.name === 'KnexTimeoutError') return true
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED') return true
  // A statement (often knex's ROLLBACK after the statement that lost the connection) sent on a
  // connection mysql2 has already closed: fatal, with no code.
  if (e.fatal === true && e.code === undefined && /connection is in closed state/.test((err as Error).message ?? '')) return true
  return (e.fatal === true || typeof e.sqlState === 'string') && typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)
}

/** InnoDB chose this transaction as a deadlock's victim (MySQL 1213) and rolled it back: it may simply run again. */
export function isDeadlock (err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ER_LOCK_DEADLOCK'
}

/** A foreign key still points at the row (MySQL 1451, SQLite SQLITE_CONSTRAINT_FOREIGNKEY). */
export function isForeignKeyViolation (err: unknown): boolean {
  const e = err as { code?: string; errno?: number }
  return e?.errno === 1451 || e?.errno === 1452 || e?.code === 'ER_ROW_IS_REFERENCED_2' ||
    e?.code === 'ER_NO_REFERENCED_ROW_2' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

export const migrationConfig: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migrations' }

// Named locks are server-wide: the database's name keeps each database's migrators to themselves.
const MIGRATION_LOCK = "LEFT(CONCAT('kaquan_migrate:', DATABASE()), 64)"
const LOCK_TABLE = `${migrationConfig.tableName}_lock`

/**
 * Runs the pending migrations. Instances started together wait for one another instead of
 * failing with knex's MigrationLocked, and a start after a killed one is not blocked by what it
 * left. One migrator at a time holds a lock that cannot outlive it: on MySQL a named server lock
 * (GET_LOCK; the server frees it when its connection ends), on SQLite (one machine) a lock file
 * beside the database naming its process (taken over when that process is gone). Inside it
 * nobody else can be migrating, so knex's own lock row, when it is set or doubled (left by a
 * killed run, or by two first starts that each made it), is a leftover and is put right first.
 */
export async function migrateLatest (db: Knex, opts: { waitMs?: number } = {}): Promise<void> {
  await unbounded(db, () => withMigrationLock(db, opts.waitMs ?? 600_000, async () => {
    if (await db.schema.hasTable(LOCK_TABLE)) {
      const rows = await db(LOCK_TABLE).select('is_locked') as Array<{ is_locked: number }>
      if (rows.length !== 1 || Number(rows[0].is_locked) !== 0) {
        await db(LOCK_TABLE).delete()
        await db(LOCK_TABLE).insert({ is_locked: 0 })
      }
    }
    await db.migrate.latest(migrationConfig)
  }))
}

async function withMigrationLock (db: Knex, waitMs: number, fn: () => Promise<void>): Promise<void> {
  if (isMysql(db)) {
    const conn = await db.client.acquireConnection()
    try {
      const [[{ got }]] = await db.raw(`SELECT GET_LOCK(${MIGRATION_LOCK}, ?) AS got`, [Math.ceil(waitMs / 1000)]).connection(conn) as [[{ got: number | null }]]
      if (Number(got) !== 1) throw new Error(`another instance has held the migration lock for more than ${Math.ceil(waitMs / 1000)} s`)
      try {
        await fn()
      } finally {
        await db.raw(`SELECT RELEASE_LOCK(${MIGRATION_LOCK})`).connection(conn)
      }
    } finally {
      await db.client.releaseConnection(conn)
    }
    return
  }
  const filename = (db.client.config.connection as { filename: string }).filename
  if (filename === ':memory:') return fn()
  const lockFile = `${filename}.migrating`
  const until = Date.now() + waitMs
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 })
      break
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err
      if (!processAlive(readLockPid(lockFile))) {
        // Its migrator is gone: take the lock over. (Two waiters seeing the same dead migrator
        // at the same instant could both take it; SQLite serves one instance, so this is the
        // rare case of two processes started by hand at once after a crash.)
        rmSync(lockFile, { force: true })
        continue
      }
      if (Date.now() >= until) throw new Error(`another process has held the migration lock (${lockFile}) for more than ${Math.ceil(waitMs / 1000)} s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    await fn()
  } finally {
    rmSync(lockFile, { force: true })
  }
}

function readLockPid (file: string): number {
  try {
    return Number(readFileSync(file, 'utf8')) || 0
  } catch {
    return 0
  }
}

function processAlive (pid: number): boolean {
  if (!pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM'
  }
}

/** True when every migration this build knows has run. */
export async function migrationsCurrent (db: Knex): Promise<boolean> {
  const [, pending] = await db.migrate.list(migrationConfig) as [unknown[], unknown[]]
  return pending.length === 0
}

/**
 * Inserts the row unless one with the same key exists; true when it was inserted. (knex's own
 * insert answers with the last row id on SQLite even when nothing was inserted, so the
 * statement runs raw to read the driver's change count.)
 */
export async function insertIgnored (db: Db, table: string, row: Record<string, unknown>, key: string[]): Promise<boolean> {
  const { sql, bindings } = db(table).insert(row).onConflict(key).ignore().toSQL()
  const res = await db.raw(sql, bindings as Knex.RawBinding[])
  return isMysql(db) ? (res as Array<{ affectedRows: number }>)[0].affectedRows === 1 : (res as { changes: number }).changes === 1
}

/** The affected-row count of an update or delete, whatever the driver returns. */
export function affected (result: unknown): number {
  if (typeof result === 'number') return result
  if (Array.isArray(result) && typeof result[0] === 'object' && result[0] !== null && 'affectedRows' in result[0]) {
    return (result[0] as { affectedRows: number }).affectedRows
  }
  return Number(result)
}

/** The id of a row just inserted (knex returns [id] on both dialects for auto-increment). */
export function insertedId (result: unknown): number {
  const first = Array.isArray(result) ? result[0] : result
  if (typeof first === 'object' && first !== null && 'id' in first) return Number((first as { id: unknown }).id)
  return Number(first)
}

// Hand-written statements for the hottest paths (a redemption runs a dozen). Through knex each
// costs its query building and compilation and, on SQLite, a fresh prepare of the statement —
// together four times what SQLite then spends running it. These run the SQL as written: on
// SQLite through a statement prepared once per connection, on MySQL through knex.raw (mysql2
// escapes the bindings as it does for built queries). The SQL must read the same on both.

interface SqliteStatement {
  all (bindings: unknown[]): unknown[]
  run (bindings: unknown[]): { changes: number; lastInsertRowid: number | bigint }
}
interface SqliteConnection { prepare (sql: string): SqliteStatement; __knexUid?: string; __knexTxId?: string }

/** Per connection; texts are a fixed few (a shape per caller), the bound only guards against a caller that is not. */
const STATEMENTS_PER_CONNECTION = 500
const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>()

function sqliteStatement (conn: SqliteConnection, sql: string): SqliteStatement {
  let cache = sqliteStatements.get(conn)
  if (!cache) sqliteStatements.set(conn, cache = new Map())
  let stmt = cache.get(sql)
  if (!stmt) {
    stmt = conn.prepare(sql)
    if (cache.size < STATEMENTS_PER_CONNECTION) cache.set(sql, stmt)
  }
  return stmt
}

/** knex's better-sqlite3 conversions (dates as milliseconds, booleans as 0/1); undefined is refused, as knex refuses it. */
function sqliteBindings (sql: string, bindings: readonly unknown[]): unknown[] {
  return bindings.map((b) => {
    if (b === undefined) throw new Error(`Undefined binding(s) detected for: ${sql}`)
    if (b instanceof Date) return b.valueOf()
    if (typeof b === 'boolean') return Number(b)
    return b
  })
}

/**
 * Runs `fn` on the SQLite connection the statement belongs to: a transaction's own (refused
 * once the transaction has ended, as knex refuses it), or the pool's, taken and given back
 * like knex does — the pool holds one connection, so this waits while a transaction has it.
 */
async function onSqlite<T> (db: Db, sql: string, bindings: readonly unknown[], fn: (stmt: SqliteStatement, values: unknown[]) => T): Promise<T> {
  const values = sqliteBindings(sql, bindings)
  if (db.isTransaction && (db as Knex.Transaction).isCompleted()) throw new Error(`Transaction query already complete: ${sql}`)
  const conn = await db.client.acquireConnection() as SqliteConnection
  try {
    // Seen by knex's query listeners like any other statement.
    db.client.emit('query', { __knexUid: conn.__knexUid, __knexTxId: conn.__knexTxId, sql, bindings: values })
    return fn(sqliteStatement(conn, sql), values)
  } finally {
    // A transaction's client gives back nothing (its connection stays with it).
    await db.client.releaseConnection(conn)
  }
}

/** The rows of one hand-written SELECT. */
export async function selectRows<T> (db: Db, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  if (isMysql(db)) return (await db.raw(sql, bindings as Knex.RawBinding[]) as unknown as [T[]])[0]
  return onSqlite(db, sql, bindings, (stmt, values) => stmt.all(values) as T[])
}

/** One hand-written INSERT, UPDATE or DELETE: how many rows it changed, and an insert's (first) new id. */
export async function execute (db: Db, sql: string, bindings: readonly unknown[]): Promise<{ changes: number; insertId: number }> {
  if (isMysql(db)) {
    const [res] = await db.raw(sql, bindings as Knex.RawBinding[]) as unknown as [{ affectedRows: number; insertId: number }]
    return { changes: res.affectedRows, insertId: Number(res.insertId) }
  }
  return onSqlite(db, sql, bindings, (stmt, values) => {
    const res = stmt.run(values)
    return { changes: res.changes, insertId: Number(res.lastInsertRowid) }
  })
}

const insertTexts = new Map<string, string>()
const HAND_WRITTEN_ROWS = 10

/**
 * Inserts rows that all have the first row's columns, in one statement; returns the (first)
 * new id, as knex's insert does. An undefined value is stored as NULL, as knex stores it here
 * (useNullAsDefault); on MySQL, where knex writes DEFAULT for it, such rows go through knex.
 */
export async function insertRows (db: Db, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const columns = Object.keys(rows[0])
  // Many rows at once are bulk work, not a hot statement: knex, without a prepared statement kept for each count.
  const handWritten = rows.length <= HAND_WRITTEN_ROWS && rows.every((r) => Object.keys(r).length === columns.length && columns.every((c) => c in r)) &&
    !(isMysql(db) && rows.some((r) => columns.some((c) => r[c] === undefined)))
  if (!handWritten) return insertedId(await db(table).insert(rows))
  const key = `${table}|${rows.length}|${columns.join(',')}`
  let sql = insertTexts.get(key)
  if (!sql) {
    const one = `(${columns.map(() => '?').join(', ')})`
    // Backticks quote a name on both databases (SQLite takes them for MySQL's sake).
    sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${Array(rows.length).fill(one).join(', ')}`
    if (insertTexts.size < STATEMENTS_PER_CONNECTION) insertTexts.set(key, sql)
  }
  const bindings: unknown[] = []
  for (const r of rows) for (const c of columns) bindings.push(r[c] ?? null)
  return (await execute(db, sql, bindings)).insertId
}

/**
 * Deletes a growing table's oldest rows, walking its primary key upwards in batches: rows
 * before `cutoff` (by `timeColumn`) that `keep` does not hold back are deleted, one statement
 * per batch (no long lock), and the walk stops at the first row at or after the cutoff, so a
 * run reads only what is old plus one batch. Ids grow with time in these tables (append-only
 * logs). Returns how many rows went. For the repositories that own such tables.
 */
export async function pruneOldest (db: Db, table: string, timeColumn: string, cutoff: number, opts: { batch?: number; keep?: (row: Record<string, unknown>) => boolean; columns?: string[] } = {}): Promise<number> {
  const batch = opts.batch ?? 1000
  let cursor = 0
  let deleted = 0
  for (;;) {
    const rows = await db(table).where('id', '>', cursor).orderBy('id').limit(batch).select('id', timeColumn, ...(opts.columns ?? [])) as Array<Record<string, unknown>>
    if (rows.length === 0) return deleted
    const old = rows.filter((r) => Number(r[timeColumn]) < cutoff)
    const ids = old.filter((r) => !opts.keep?.(r)).map((r) => Number(r.id))
    if (ids.length) deleted += await db(table).whereIn('id', ids).delete()
    if (old.length < rows.length || rows.length < batch) return deleted
    cursor = Number(rows[rows.length - 1].id)
    // Other requests go between batches.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/**
 * Runs `fn` unless another instance is running it (MySQL: a named server lock, not waited for;
 * the server frees it if this instance dies). SQLite serves one instance: it just runs.
 * Returns whether it ran.
 */
export async function onOneInstance (db: Knex, name: string, fn: () => Promise<void>): Promise<boolean> {
  if (!isMysql(db)) {
    await fn()
    return true
  }
  const conn = await db.client.acquireConnection()
  try {
    const [[{ got }]] = await db.raw('SELECT GET_LOCK(?, 0) AS got', [`kaquan:${name}`]).connection(conn) as [[{ got: number | null }]]
    if (Number(got) !== 1) return false
    try {
      await fn()
    } finally {
      await db.raw('SELECT RELEASE_LOCK(?)', [`kaquan:${name}`]).connection(conn)
    }
    return true
  } finally {
    await db.client.releaseConnection(conn)
  }
}
