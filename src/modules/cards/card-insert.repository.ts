// The bulk insert of new cards (generated batches, imports), with their counts. Kept apart from
// cards.repository.ts because its statement shapes are tuned per database.
import { isMysql, type Db } from '../../shared/db.js'
import { addCardCounts, type CountDelta } from './card-counts.repository.js'
import type { CardRow } from './cards.repository.js'

const CARD_COLUMNS = [
  'merchant_id', 'batch_id', 'serial', 'card_no', 'password_hash', 'password_enc', 'product_set_id', 'face_value',
  'valid_from', 'valid_to', 'status', 'status_before_void', 'distributor_id', 'remark', 'redeemed_at', 'created_at', 'updated_at',
  'kind', 'valid_days',
] as const
const SQLITE_ROWS = 50
const MYSQL_ROWS = 2000
// Outside a transaction (knex builds the text): the 1,000 rows a statement used before.
const KNEX_ROWS = 1000
// A prepared statement takes at most 65,535 placeholders (its parameter count is 2 bytes).
const MYSQL_MAX_PARAMS = 65_535

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

interface MysqlStatement { execute (params: unknown[], cb: (err: Error | null) => void): void }
interface MysqlConnection {
  prepare (sql: string, cb: (err: Error | null, stmt: MysqlStatement) => void): void
  unprepare (sql: string): void
  query (sql: string, cb: (err: Error | null, rows: Array<Record<string, unknown>>) => void): void
  escape (value: unknown): string
}
const packetLimits = new WeakMap<object, number>()

async function maxPacket (conn: MysqlConnection): Promise<number> {
  let bytes = packetLimits.get(conn)
  if (bytes === undefined) {
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
      conn.query('SELECT @@max_allowed_packet AS bytes', (err, r) => (err ? reject(err) : resolve(r))))
    packetLimits.set(conn, bytes = Number(rows[0].bytes))
  }
  return bytes
}

/** An upper bound of a value's size in an execute packet (a UTF-16 unit is at most 3 bytes of UTF-8). */
function paramBytes (v: unknown): number {
  return typeof v === 'string' ? 9 + 3 * v.length : 9
}

/**
 * MySQL: multi-row prepared inserts. The columns that hold the same value in every row (a
 * batch's merchant, product set, validity, state, times) are written into the statement as
 * literals, escaped as every text query is; only the others (number, serial, password hash
 * and copy) are bound per row, in the binary protocol. The server then neither parses values
 * nor converts text for 17 columns per card: measured, this is what the insert costs the
 * server most. Each statement stays well under max_allowed_packet, and the next statement's
 * parameters are built while the server runs the current one.
 */
async function mysqlInsert (conn: MysqlConnection, rows: Array<Omit<CardRow, 'id'>>): Promise<void> {
  const first = rows[0]
  const varying: Array<typeof CARD_COLUMNS[number]> = []
  for (const c of CARD_COLUMNS) {
    const v = first[c]
    for (let k = 1; k < rows.length; k++) {
      if (rows[k][c] !== v) {
        varying.push(c)
        break
      }
    }
  }
  let rowBytes = 0
  for (let k = 0; k < rows.length; k++) {
    let n = 0
    for (let j = 0; j < varying.length; j++) n += paramBytes(rows[k][varying[j]])
    if (n > rowBytes) rowBytes = n
  }
  const perStatement = Math.max(1, Math.min(MYSQL_ROWS, Math.floor(MYSQL_MAX_PARAMS / Math.max(1, varying.length)),
    Math.floor((await maxPacket(conn)) / 4 / Math.max(1, rowBytes))))
  const tuple = `(${CARD_COLUMNS.map((c) => (varying.includes(c) ? '?' : conn.escape(first[c]))).join(',')})`
  const sqlFor = (n: number) => `INSERT INTO cards (${CARD_COLUMNS.join(',')}) VALUES ${Array(n).fill(tuple).join(',')}`
  const sizes = [...new Set([Math.min(perStatement, rows.length), rows.length % perStatement].filter((n) => n > 0))]
  const prepared = new Map<number, MysqlStatement>()
  const execute = (stmt: MysqlStatement, params: unknown[]) =>
    new Promise<void>((resolve, reject) => stmt.execute(params, (err) => (err ? reject(err) : resolve())))
  let running: Promise<void> | null = null
  try {
    for (const n of sizes) {
      prepared.set(n, await new Promise<MysqlStatement>((resolve, reject) => conn.prepare(sqlFor(n), (err, stmt) => (err ? reject(err) : resolve(stmt)))))
    }
    for (let i = 0; i < rows.length; i += perStatement) {
      const end = Math.min(rows.length, i + perStatement)
      const params: unknown[] = []
      for (let k = i; k < end; k++) for (let j = 0; j < varying.length; j++) params.push(rows[k][varying[j]])
      if (running) await running
      running = execute(prepared.get(end - i)!, params)
      // Awaited in the next round; until then a failure must not count as unhandled.
      running.catch(() => undefined)
    }
    await running
  } finally {
    await running?.catch(() => undefined)
    for (const n of prepared.keys()) conn.unprepare(sqlFor(n))
  }
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
    await mysqlInsert(await db.client.acquireConnection() as MysqlConnection, rows)
    return
  }
  for (let i = 0; i < rows.length; i += KNEX_ROWS) await db('cards').insert(rows.slice(i, i + KNEX_ROWS))
}

/** Inserts many cards and counts them (by batch and state) in the same transaction. */
export async function insertCards (db: Db, rows: Array<Omit<CardRow, 'id'>>): Promise<void> {
  if (rows.length === 0) return
  // A pickup card unless its batch says otherwise (imports name no kind).
  for (const r of rows) {
    r.kind ??= 'pickup'
    r.valid_days ??= null
  }
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
