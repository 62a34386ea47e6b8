import type { Knex } from 'knex'
import { affected, isMysql, type Db } from '../../shared/db.js'
import type { Actor } from '../audit/audit.repository.js'
import type { CardFilter, StatusCounts } from './cards.schemas.js'

export interface CardRow {
  id: number
  merchant_id: number
  batch_id: number
  serial: number
  card_no: string
  password_hash: string
  password_enc: string
  product_set_id: number
  face_value: number | null
  valid_from: string | null
  valid_to: string | null
  status: 'inactive' | 'active' | 'redeemed' | 'voided'
  status_before_void: string | null
  distributor_id: number | null
  remark: string | null
  redeemed_at: number | null
  phone?: string | null
  issue_id?: number | null
  issued_app_id?: number | null
  created_at: number
  updated_at: number
}

export interface BatchRow {
  id: number
  merchant_id: number
  batch_no: string
  name: string
  source: 'generated' | 'imported'
  prefix: string
  number_length: number
  number_mode: 'sequential' | 'random'
  start_number: string | null
  number_first: string | null
  number_width: number
  password_length: number
  password_charset: 'digits' | 'letters' | 'alnum'
  quantity: number
  product_set_id: number
  face_value: number | null
  valid_from: string | null
  valid_to: string | null
  remark: string | null
  activate: number | boolean
  status: 'generating' | 'ready' | 'failed'
  generated: number
  error_code: string | null
  serial_from: number
  serial_to: number
  lease_until: number | null
  created_by: number | null
  created_at: number
  updated_at: number
}

/** Ids of batches whose cards are not usable yet (still generating, or failed and being removed). */
export async function unreadyBatchIds (db: Db, merchantId: number): Promise<number[]> {
  const ids = await db('card_batches').where({ merchant_id: merchantId }).whereNot('status', 'ready').pluck('id')
  return ids.map(Number)
}

/**
 * Applies a card filter to a query on `cards` (aliased or not). Cards of batches that are not
 * ready are never part of a list or a bulk action.
 */
export function applyCardFilter (q: Knex.QueryBuilder, merchantId: number, f: CardFilter & { batch_id?: number | null }, hiddenBatches: number[], col = (c: string) => c): Knex.QueryBuilder {
  q.where(col('merchant_id'), merchantId)
  if (hiddenBatches.length) q.whereNotIn(col('batch_id'), hiddenBatches)
  if (f.batch_id !== undefined) q.where(col('batch_id'), f.batch_id ?? -1)
  if (f.status) q.where(col('status'), f.status)
  if (f.redeemed === 'yes') q.where(col('status'), 'redeemed')
  if (f.redeemed === 'no') q.whereNot(col('status'), 'redeemed')
  if (f.serial_from !== undefined) q.where(col('serial'), '>=', f.serial_from)
  if (f.serial_to !== undefined) q.where(col('serial'), '<=', f.serial_to)
  if (f.card_no) q.where(col('card_no'), f.card_no)
  if (f.card_no_prefix) {
    // A range on the unique index instead of LIKE: letters and digits sort before '{'.
    q.where(col('card_no'), '>=', f.card_no_prefix).andWhere(col('card_no'), '<', `${f.card_no_prefix}{`)
  }
  if (f.distributor_id === 0) q.whereNull(col('distributor_id'))
  else if (f.distributor_id !== undefined) q.where(col('distributor_id'), f.distributor_id)
  if (f.valid_on) {
    const d = f.valid_on
    q.where((w) => w.whereNull(col('valid_from')).orWhere(col('valid_from'), '<=', d))
    q.where((w) => w.whereNull(col('valid_to')).orWhere(col('valid_to'), '>=', d))
  }
  if (f.created_from) q.where(col('created_at'), '>=', Date.parse(f.created_from))
  if (f.created_to) q.where(col('created_at'), '<', Date.parse(f.created_to))
  return q
}

export function emptyCounts (): StatusCounts {
  return { inactive: 0, active: 0, redeemed: 0, voided: 0, total: 0 }
}

export async function countByStatus (q: Knex.QueryBuilder): Promise<StatusCounts> {
  const rows = await q.clearSelect().clearOrder().select('status').count({ n: '*' }).groupBy('status') as Array<{ status: string; n: number | string }>
  const counts = emptyCounts()
  for (const r of rows) {
    const n = Number(r.n)
    if (r.status in counts) counts[r.status as keyof StatusCounts] = n
    counts.total += n
  }
  return counts
}

export async function findCardByNo (db: Db, merchantId: number, cardNo: string): Promise<CardRow | undefined> {
  return db<CardRow>('cards').where({ merchant_id: merchantId, card_no: cardNo }).first()
}

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
export async function insertCards (db: Db, rows: Array<Omit<CardRow, 'id'>>): Promise<void> {
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

/** Card numbers of `candidates` that already exist for this merchant. */
export async function existingCardNos (db: Db, merchantId: number, candidates: string[]): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < candidates.length; i += 5000) {
    const found = await db('cards').where({ merchant_id: merchantId }).whereIn('card_no', candidates.slice(i, i + 5000)).pluck('card_no')
    out.push(...found)
  }
  return out
}

export async function findBatch (db: Db, merchantId: number, batchNo: string): Promise<BatchRow | undefined> {
  return db<BatchRow>('card_batches').where({ merchant_id: merchantId, batch_no: batchNo }).first()
}

/** A batch of the merchant by number, only when its cards are all there (status ready). */
export async function findReadyBatch (db: Db, merchantId: number, batchNo: string): Promise<BatchRow | undefined> {
  return db<BatchRow>('card_batches').where({ merchant_id: merchantId, batch_no: batchNo, status: 'ready' }).first()
}

/** Batch numbers by batch id. */
export async function batchNos (db: Db, batchIds: number[]): Promise<Map<number, string>> {
  if (batchIds.length === 0) return new Map()
  return new Map((await db('card_batches').whereIn('id', batchIds).select('id', 'batch_no')).map((b) => [Number(b.id), b.batch_no as string]))
}

/** True when any card (of any state), or a batch still generating its cards, points at a set holding the product. */
export async function productUsedByCards (db: Db, merchantId: number, productId: number): Promise<boolean> {
  const row = await db('product_set_items as i')
    .join('cards as c', function () { this.on('c.product_set_id', '=', 'i.set_id') })
    .where('i.product_id', productId)
    .andWhere('c.merchant_id', merchantId)
    .first('c.id')
  if (row) return true
  const batch = await db('product_set_items as i')
    .join('card_batches as b', 'b.product_set_id', 'i.set_id')
    .where('i.product_id', productId).andWhere('b.merchant_id', merchantId).andWhere('b.status', 'generating')
    .first('b.id')
  return Boolean(batch)
}

export async function batchCounts (db: Db, merchantId: number, batchId: number): Promise<StatusCounts> {
  return countByStatus(db('cards').where({ merchant_id: merchantId, batch_id: batchId }))
}

export type CardStatus = CardRow['status']

/** One card to move, with what else changes on it and what its ledger row adds. */
export interface CardMove {
  id: number
  card_no: string
  set?: Partial<Pick<CardRow, 'phone' | 'issue_id' | 'issued_app_id' | 'distributor_id' | 'redeemed_at'>>
  detail?: Record<string, unknown> | null
}

/** The rule of a move: from one state to another, recorded as `type`, by whom, for what. */
export interface MoveRule {
  from: CardStatus
  to: CardStatus
  /** Only cards no issue has taken yet (open-platform issues). */
  unissued?: boolean
  type: string
  actor: Actor
  ref: { type: string; id: string } | null
  at: Date
}

/**
 * The one way a card changes state outside the set-based bulk jobs (which write the same ledger
 * in chunks): per card a conditional update — it must still be in `from` — and one ledger row for
 * each card that moved, in the caller's transaction. Redemption, order cancellation and
 * open-platform issues all move cards through here. Returns the ids that moved.
 */
export async function moveCards (trx: Db, merchantId: number, moves: CardMove[], rule: MoveRule): Promise<Set<number>> {
  const at = rule.at.getTime()
  const moved = new Set<number>()
  for (const m of moves) {
    const q = trx('cards').where({ merchant_id: merchantId, id: m.id, status: rule.from })
    if (rule.unissued) q.whereNull('issue_id')
    if (affected(await q.update({ status: rule.to, ...m.set, updated_at: at })) === 1) moved.add(Number(m.id))
  }
  const rows = moves.filter((m) => moved.has(Number(m.id))).map((m) => ({
    merchant_id: merchantId, card_id: m.id, card_no: m.card_no, type: rule.type, actor_type: rule.actor.type, actor_id: rule.actor.id,
    actor_name: rule.actor.name.slice(0, 64), from_status: rule.from, to_status: rule.to, ref_type: rule.ref?.type ?? null, ref_id: rule.ref?.id ?? null,
    detail: m.detail ? JSON.stringify(m.detail) : null, ip: rule.actor.ip, created_at: at,
  }))
  for (let i = 0; i < rows.length; i += 500) await trx('card_activities').insert(rows.slice(i, i + 500))
  return moved
}

/** A card a customer, staff member or mall can use: its batch is finished (a batch still being made is invisible). */
export async function findUsableCard (db: Db, merchantId: number, cardNo: string): Promise<CardRow | undefined> {
  return await db<CardRow>('cards as c').join('card_batches as b', 'b.id', 'c.batch_id')
    .where({ 'c.merchant_id': merchantId, 'c.card_no': cardNo, 'b.status': 'ready' }).first('c.*') as CardRow | undefined
}

export async function findCard (db: Db, merchantId: number, id: number): Promise<CardRow | undefined> {
  return db<CardRow>('cards').where({ merchant_id: merchantId, id }).first()
}

/** The first `n` cards of a batch that no issue has taken, in serial order, locked for the caller's transaction on MySQL. */
export async function pickUnissuedCards (trx: Db, merchantId: number, batchId: number, n: number): Promise<Array<{ id: number; card_no: string }>> {
  const pick = trx('cards').where({ merchant_id: merchantId, batch_id: batchId, status: 'inactive' }).whereNull('issue_id').orderBy('serial').limit(n)
  // Row locks keep two concurrent issues from taking the same cards on MySQL.
  if (isMysql(trx)) pick.forUpdate()
  return await pick.select('id', 'card_no') as Array<{ id: number; card_no: string }>
}

export async function cardsOfIssue (db: Db, merchantId: number, issueId: number): Promise<Array<{ id: number; card_no: string; status: CardStatus }>> {
  return db('cards').where({ merchant_id: merchantId, issue_id: issueId }).orderBy('serial').select('id', 'card_no', 'status')
}

/** The encrypted password copy of a card (for an authorised use: a text the merchant allowed to carry it). */
/** The cards of an open-API issue with the phone each went to, in serial order (password ciphertext included). */
export async function issuedCards (db: Db, issueId: number): Promise<Array<{ card_no: string; phone: string; face_value: number | null; valid_from: string | null; valid_to: string | null; password_enc: string }>> {
  return await db('card_issue_items as i').join('cards as c', 'c.id', 'i.card_id').where('i.issue_id', issueId).orderBy('c.serial')
    .select('c.card_no', 'i.phone', 'c.face_value', 'c.valid_from', 'c.valid_to', 'c.password_enc')
}

export async function passwordCopy (db: Db, merchantId: number, cardNo: string): Promise<string | undefined> {
  return (await db('cards').where({ merchant_id: merchantId, card_no: cardNo }).first('password_enc'))?.password_enc
}

export async function distributorCounts (db: Db, merchantId: number, distributorId: number): Promise<StatusCounts> {
  return countByStatus(db('cards').where({ merchant_id: merchantId, distributor_id: distributorId }))
}

export async function distributorHasCards (db: Db, merchantId: number, distributorId: number): Promise<boolean> {
  return Boolean(await db('cards').where({ merchant_id: merchantId, distributor_id: distributorId }).first('id'))
}

/** The merchant's cards that a list filter selects (unfinished batches hidden), to page, count or export. */
export function filteredCards (db: Db, merchantId: number, f: CardFilter & { batch_id?: number | null }, hiddenBatches: number[]): Knex.QueryBuilder {
  return applyCardFilter(db('cards'), merchantId, f, hiddenBatches)
}
