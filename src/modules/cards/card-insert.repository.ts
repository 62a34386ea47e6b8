// The bulk insert of new cards (generated batches, imports), with their counts. Kept apart from
// cards.repository.ts because its statement shapes are tuned per database.
import { isMysql, type Db } from '../../shared/db.js'
import { addCardCounts, type CountDelta } from './card-counts.repository.js'
import type { CardRow } from './cards.repository.js'

const CARD_COLUMNS = [
  'merchant_id', 'batch_id', 'serial', 'card_no', 'password_hash', 'password_enc', 'product_set_id', 'face_value',
  'valid_from', 'valid_to', 'status', 'status_before_void', 'distributor_id', 'remark', 'redeemed_at', 'created_at', 'updated_at',
] as const
const SQLITE_ROWS = 50
const MYSQL_ROWS = 1000

interface SqliteStatement { run (...params: unknown[]): unknown }
interface SqliteConnection { prepare (sql: string): SqliteStatement }
const statements = new WeakMap<object, Map<number, SqliteStatement>>()

function sqliteInsert (conn: SqliteConnection, rows: number): SqliteStatement {
  let byRows = statements.get(conn)
  if (!byRows) statements.set(conn, byRows = new Map())
  let stmt = byRows.get(rows)
  if (!stmt) {
    const one = `(${CARD_COLUMNS.map(() => '?').join(',')})`
    stmt = conn.prepare(`INSERT INTO cards (${CARD_COLUMNS.join(',')}) VALUES ${Array(rows).fill(one).join(',')}`)
    byRows.set(rows, stmt)
  }
  return stmt
}

/**
 * Inserts many cards. On SQLite inside a transaction the rows go through cached prepared
 * statements on the transaction's own connection (knex would compile and prepare a new
 * statement for every multi-row insert, several times the cost of the insert itself).
 */
async function insertRows (db: Db, rows: Array<Omit<CardRow, 'id'>>): Promise<void> {
  if (!isMysql(db) && db.isTransaction) {
    const conn = await db.client.acquireConnection() as SqliteConnection
    let i = 0
    for (; i + SQLITE_ROWS <= rows.length; i += SQLITE_ROWS) {
      const params: unknown[] = []
      for (let k = i; k < i + SQLITE_ROWS; k++) for (const c of CARD_COLUMNS) params.push(rows[k][c])
      sqliteInsert(conn, SQLITE_ROWS).run(...params)
    }
    for (; i < rows.length; i++) sqliteInsert(conn, 1).run(...CARD_COLUMNS.map((c) => rows[i][c]))
    return
  }
  if (isMysql(db) && db.isTransaction) {
    // mysql2's own bulk form (VALUES ?) skips knex's per-statement compilation.
    const conn = await db.client.acquireConnection() as { query (sql: string, values: unknown[], cb: (err: Error | null) => void): void }
    const sql = `INSERT INTO cards (${CARD_COLUMNS.join(',')}) VALUES ?`
    for (let i = 0; i < rows.length; i += MYSQL_ROWS) {
      const values = rows.slice(i, i + MYSQL_ROWS).map((r) => CARD_COLUMNS.map((c) => r[c]))
      await new Promise<void>((resolve, reject) => conn.query(sql, [values], (err) => (err ? reject(err) : resolve())))
    }
    return
  }
  for (let i = 0; i < rows.length; i += MYSQL_ROWS) await db('cards').insert(rows.slice(i, i + MYSQL_ROWS))
}

/** Inserts many cards and counts them (by batch and state) in the same transaction. */
export async function insertCards (db: Db, rows: Array<Omit<CardRow, 'id'>>): Promise<void> {
  if (rows.length === 0) return
  await insertRows(db, rows)
  const merchantId = Number(rows[0].merchant_id)
  const deltas: CountDelta[] = []
  let last: CountDelta | undefined
  for (const r of rows) {
    if (Number(r.merchant_id) !== merchantId) throw new Error('insertCards: one merchant per call')
    if (last && last.batch_id === Number(r.batch_id) && last.status === r.status) last.n++
    else deltas.push(last = { batch_id: Number(r.batch_id), status: r.status, n: 1 })
  }
  await addCardCounts(db, merchantId, deltas)
}
