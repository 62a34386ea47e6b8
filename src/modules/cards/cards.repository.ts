// Every statement on cards and card_activities: the card lookups other modules use, card
// selections (filters) for lists, exports and bulk actions, the bulk insert of new cards, and
// the one transition family that moves cards between states with their ledger rows.
import type { Knex } from 'knex'
import { affected, execute, insertRows, isMysql, selectRows, type Db } from '../../shared/db.js'
import type { Actor } from '../audit/audit.repository.js'
import type { MoveTo, ValidityGuard } from './card-rules.js'
import type { CardFilter, StatusCounts } from './cards.schemas.js'
import { findBatch, generatingBatchHoldsProduct, UNREADY_BATCH_SQL } from './batches.repository.js'
import { EXTENDABLE_SQL, extensionSql, loadVouchers, unloadVouchers } from './vouchers.repository.js'
import { addCardCounts, countsOfBatches, deleteBatchCounts, emptyCounts, type CountDelta } from './card-counts.repository.js'

// card_batches is batches.repository.ts's; these lookups stay importable from here for the
// modules that already call them.
export { batchNos, findBatch, findReadyBatch, unreadyBatchIds, type BatchRow } from './batches.repository.js'
export { insertCards } from './card-insert.repository.js'

/** Whether a merchant has any stored-value batch: a bulk activation without one skips the load's statements. */
async function hasVoucherBatches (db: Db, merchantId: number): Promise<boolean> {
  return (await selectRows(db, "SELECT 1 AS one FROM card_batches WHERE merchant_id = ? AND kind = 'stored_value' LIMIT 1", [merchantId])).length > 0
}

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
  kind?: 'pickup' | 'stored_value'
  /** Stored value: fen, null until loaded at the first activation. */
  balance?: number | string | null
  valid_days?: number | null
  extended_at?: number | null
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

/**
 * The cards a list, an export or a bulk action selects: a list filter with its batch number
 * resolved to an id (null: an unknown batch, nothing matches), or a set of card numbers.
 */
export type CardSelection = CardFilter & { batch_id?: number | null; card_nos?: string[] }

/**
 * "A card of an unfinished batch is invisible" (to lists, counts, exports, bulk actions,
 * redemption and the open platform), applied to a query on `cards`. One rule, `unreadyBatches`
 * (and its SQL, UNREADY_BATCH_SQL), in one of two forms. A selection of many cards takes the
 * merchant's unready batch ids, read once (`unreadyBatchIds`), and leaves them out: usually there
 * are none, and then no condition is added, so counts and pages keep to the covering indexes. A
 * lookup of one card (findUsableCard) checks the card's own batch in the same statement instead
 * (a primary-key probe on both databases).
 */
function visibleOnly (q: Knex.QueryBuilder, hiddenBatches: number[], col = (c: string) => c): Knex.QueryBuilder {
  return hiddenBatches.length ? q.whereNotIn(col('batch_id'), hiddenBatches) : q
}

/**
 * Applies a card filter to a query on `cards` (aliased or not). Cards of batches that are not
 * ready are never part of a list or a bulk action.
 */
export function applyCardFilter (q: Knex.QueryBuilder, merchantId: number, f: CardSelection, hiddenBatches: number[], col = (c: string) => c): Knex.QueryBuilder {
  q.where(col('merchant_id'), merchantId)
  visibleOnly(q, hiddenBatches, col)
  if (f.card_nos) q.whereIn(col('card_no'), f.card_nos)
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

export { emptyCounts }

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

/** Card numbers of `candidates` that already exist for this merchant. */
export async function existingCardNos (db: Db, merchantId: number, candidates: string[]): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < candidates.length; i += 5000) {
    const found = await db('cards').where({ merchant_id: merchantId }).whereIn('card_no', candidates.slice(i, i + 5000)).pluck('card_no')
    out.push(...found)
  }
  return out
}

/**
 * The merchant's card numbers in one same-length range [from, to] (within one length, string
 * order is numeric order, so the card_no index answers it), at most `limit`, highest first if asked.
 */
export async function cardNosInRange (db: Db, merchantId: number, r: { from: string; to: string; length: number }, opts: { limit: number; highestFirst?: boolean }): Promise<string[]> {
  const q = db('cards')
    .where({ merchant_id: merchantId })
    .andWhere('card_no', '>=', r.from)
    .andWhere('card_no', '<=', r.to)
    .andWhereRaw('length(card_no) = ?', [r.length])
  if (opts.highestFirst) q.orderBy('card_no', 'desc')
  return await q.limit(opts.limit).pluck('card_no') as string[]
}

/** True when any card (of any state), or a batch still generating its cards, points at a set holding the product. */
export async function productUsedByCards (db: Db, merchantId: number, productId: number): Promise<boolean> {
  const row = await db('product_set_items as i')
    .join('cards as c', function () { this.on('c.product_set_id', '=', 'i.set_id') })
    .where('i.product_id', productId)
    .andWhere('c.merchant_id', merchantId)
    .first('c.id')
  if (row) return true
  return generatingBatchHoldsProduct(db, merchantId, productId)
}

/** A batch's cards by state, from the counts the ledger keeps. */
export async function batchCounts (db: Db, merchantId: number, batchId: number): Promise<StatusCounts> {
  return countsOfBatches(db, merchantId, { batchId, hidden: [] })
}

/** How many cards a batch has so far (a generation job resumes after them). */
export async function countBatchCards (db: Db, batchId: number): Promise<number> {
  return Number((await db('cards').where({ batch_id: batchId }).count({ n: '*' }).first())?.n ?? 0)
}

/** Removes every card of a batch, in chunks of committed deletes (a failed batch leaves none). */
export async function deleteBatchCards (db: Db, merchantId: number, batchId: number): Promise<void> {
  for (;;) {
    const ids = await db('cards').where({ merchant_id: merchantId, batch_id: batchId }).limit(5000).pluck('id')
    if (ids.length === 0) break
    await db('cards').whereIn('id', ids).delete()
  }
  await deleteBatchCounts(db, merchantId, batchId)
}

export type CardStatus = CardRow['status']

/** One card to move, with what else changes on it and what its ledger row adds. */
export interface CardMove {
  id: number
  card_no: string
  /** The card's batch: its counts move with it. */
  batch_id: number
  set?: Partial<Pick<CardRow, 'phone' | 'issue_id' | 'issued_app_id' | 'distributor_id' | 'redeemed_at'>>
  detail?: Record<string, unknown> | null
}

/** Who moves cards, for what, and when: what every ledger row of a move records. */
interface LedgerRule {
  type: string
  actor: Actor
  ref: { type: string; id: string } | null
  at: Date
}

/** The rule of a move: from one state to another, recorded as `type`, by whom, for what. */
export interface MoveRule extends LedgerRule {
  from: CardStatus
  to: CardStatus
  /** Only cards no issue has taken yet (open-platform issues). */
  unissued?: boolean
  /** Only cards that are not a voucher spent from (a cancelled issue takes back unspent vouchers only). */
  unspent?: boolean
}

/** The rule of a set-based move (bulk actions): any of `from`, to `to` (see card-rules.ts). */
export interface SetMoveRule extends LedgerRule {
  from: readonly CardStatus[]
  to: MoveTo
  /** Other columns the move sets on every card (an edit's fields). */
  set?: Record<string, unknown>
  /** The ledger's detail, the same for every card. */
  detail: Record<string, unknown> | null
  /** The extension (延期): each card's last day this many days later, marked extended; the detail is per card. */
  extendDays?: number
}

const ledgerColumns = (rule: LedgerRule) => ({
  type: rule.type, actor_type: rule.actor.type, actor_id: rule.actor.id, actor_name: rule.actor.name.slice(0, 64),
  ref_type: rule.ref?.type ?? null, ref_id: rule.ref?.id ?? null, ip: rule.actor.ip, created_at: rule.at.getTime(),
})

/**
 * The columns a move to `to` assigns on a card, in order, each as SQL over the card's row with
 * its bindings. Voiding remembers the state it voids (restore goes back to it), written first:
 * MySQL assigns left to right with the new values.
 */
function stateChange (to: Exclude<MoveTo, 'deleted'>): Array<[column: string, sql: string, bindings: string[]]> {
  switch (to) {
    case 'same': return []
    case 'before_void': return [['status', 'status_before_void', []], ['status_before_void', 'NULL', []]]
    case 'voided': return [['status_before_void', 'status', []], ['status', '?', ['voided']]]
    default: return [['status', '?', [to]]]
  }
}

/** stateChange as a knex update's values. */
function stateChangeValues (db: Db, to: Exclude<MoveTo, 'deleted'>): Record<string, unknown> {
  return Object.fromEntries(stateChange(to).map(([column, sql, bindings]) => [column, db.raw(sql, bindings)]))
}

/** The ledger's to_status of a move to `to`, as SQL over the card's row before it changes. */
function statusAfterSql (to: MoveTo): string {
  switch (to) {
    case 'same': return 'status'
    case 'before_void': return 'status_before_void'
    case 'deleted': return 'NULL'
    default: return `'${to}'`
  }
}

/**
 * The one way a card changes state one card at a time: per card a conditional update — it must
 * still be in `from` — and one ledger row for each card that moved, in the caller's transaction.
 * Redemption, order cancellation and open-platform issues all move cards through here (the bulk
 * actions use its set-based twin, moveWindowCards). Returns the ids that moved.
 */
export async function moveCards (trx: Db, merchantId: number, moves: CardMove[], rule: MoveRule): Promise<Set<number>> {
  const at = rule.at.getTime()
  const moved = new Set<number>()
  const change = stateChange(rule.to)
  for (const m of moves) {
    // Hand-written (a redemption's hottest statement); like knex, a column set to undefined is left alone.
    const set = Object.entries(m.set ?? {}).filter(([, v]) => v !== undefined)
    const assignments = [...change.map(([c, sql]) => `${c} = ${sql}`), ...set.map(([c]) => `${c} = ?`), 'updated_at = ?']
    const sql = `UPDATE cards SET ${assignments.join(', ')} WHERE merchant_id = ? AND id = ? AND status = ?${rule.unissued ? ' AND issue_id IS NULL' : ''}${rule.unspent ? ` AND ${UNSPENT_SQL}` : ''}`
    const bindings = [...change.flatMap(([, , b]) => b), ...set.map(([, v]) => v), at, merchantId, m.id, rule.from]
    if ((await execute(trx, sql, bindings)).changes === 1) moved.add(Number(m.id))
  }
  const ledger = ledgerColumns(rule)
  const rows = moves.filter((m) => moved.has(Number(m.id))).map((m) => ({
    merchant_id: merchantId, card_id: m.id, card_no: m.card_no, type: ledger.type, actor_type: ledger.actor_type, actor_id: ledger.actor_id,
    actor_name: ledger.actor_name, from_status: rule.from, to_status: rule.to, ref_type: ledger.ref_type, ref_id: ledger.ref_id,
    detail: m.detail ? JSON.stringify(m.detail) : null, ip: ledger.ip, created_at: ledger.created_at,
  }))
  for (let i = 0; i < rows.length; i += 500) await insertRows(trx, 'card_activities', rows.slice(i, i + 500))
  const deltas: CountDelta[] = []
  for (const m of moves) {
    if (!moved.has(Number(m.id))) continue
    deltas.push({ batch_id: m.batch_id, status: rule.from, n: -1 }, { batch_id: m.batch_id, status: rule.to, n: 1 })
  }
  await addCardCounts(trx, merchantId, deltas)
  // A stored-value voucher activated for the first time gets its balance (and its N days).
  if (moved.size && (rule.to === 'active' || rule.to === 'inactive')) {
    const scope = trx('cards').where('merchant_id', merchantId).whereIn('id', [...moved])
    await (rule.to === 'active' ? loadVouchers : unloadVouchers)(trx, merchantId, scope, rule)
  }
  return moved
}

/** A card a bulk action moves, as its window read it (locked): what its counts need. */
export interface MovableCard { id: number; card_no: string; batch_id: number; status: CardStatus; status_before_void: CardStatus | null; valid_to: string | null }

/**
 * The set-based twin of moveCards for the bulk actions: the eligible cards of one window, read
 * (and, on MySQL, locked) by windowCards in the caller's transaction, each in one of
 * `rule.from`, get one ledger row each, written by one INSERT … SELECT, are moved (or deleted)
 * by one statement, and their counts follow. Both statements name the cards by the window's
 * own conditions (a range on an index) rather than by a list of ids, which costs SQLite a third
 * less on a window of thousands. Returns how many changed.
 */
export async function moveWindowCards (trx: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], window: CardWindow, guard: ValidityGuard | null, cards: MovableCard[], rule: SetMoveRule): Promise<number> {
  if (cards.length === 0) return 0
  const movable = () => keepsValidity(windowQuery(trx, merchantId, f, hiddenBatches, window), guard).whereIn('status', rule.from)
  const l = ledgerColumns(rule)
  // An extension's row is a voucher's: no amount, the balance after, its own last days in the detail.
  const ext = rule.extendDays ? extensionSql(trx, rule.extendDays) : null
  const detailSql = ext ? ext.detail : '?'
  const ledger = movable().select(trx.raw(`merchant_id, id, card_no, ?, ?, ?, ?, status, ${statusAfterSql(rule.to)}, ?, ?, ${detailSql}, ?, ?${ext ? ', 0, balance' : ''}`,
    [l.type, l.actor_type, l.actor_id, l.actor_name, l.ref_type, l.ref_id, ...(ext ? [] : [rule.detail ? JSON.stringify(rule.detail) : null]), l.ip, l.created_at])).toSQL()
  await trx.raw(`INSERT INTO card_activities
      (merchant_id, card_id, card_no, type, actor_type, actor_id, actor_name, from_status, to_status, ref_type, ref_id, detail, ip, created_at${ext ? ', amount_delta, balance_after' : ''}) ${ledger.sql}`, ledger.bindings)
  const q = movable()
  const extended = ext ? { valid_to: trx.raw(ext.validTo), extended_at: rule.at.getTime(), expiry_notified_at: null } : {}
  const changed = affected(rule.to === 'deleted' ? await q.delete() : await q.update({ ...stateChangeValues(trx, rule.to), updated_at: rule.at.getTime(), ...rule.set, ...extended }))
  // The caller holds these cards: anything else means the ledger and the cards disagree.
  if (changed !== cards.length) throw new Error(`moveWindowCards: ${cards.length} cards read, ${changed} changed`)
  if ((rule.to === 'active' || rule.to === 'inactive') && await hasVoucherBatches(trx, merchantId)) {
    await (rule.to === 'active' ? loadVouchers : unloadVouchers)(trx, merchantId, windowQuery(trx, merchantId, f, hiddenBatches, window), rule)
  }
  const deltas: CountDelta[] = []
  for (const c of cards) {
    const after = rule.to === 'same' ? c.status : rule.to === 'before_void' ? c.status_before_void : rule.to === 'deleted' ? null : rule.to
    if (after === c.status) continue
    deltas.push({ batch_id: Number(c.batch_id), status: c.status, n: -1 })
    if (after) deltas.push({ batch_id: Number(c.batch_id), status: after, n: 1 })
  }
  await addCardCounts(trx, merchantId, deltas)
  return changed
}

/** A card a customer, staff member or mall can use: its batch is finished (a batch still being made is invisible). */
export async function findUsableCard (db: Db, merchantId: number, cardNo: string): Promise<CardRow | undefined> {
  // The single-card form of visibleOnly's rule, hand-written: every verification runs it.
  const [card] = await selectRows<CardRow>(db, `SELECT * FROM cards WHERE cards.merchant_id = ? AND cards.card_no = ?
    AND NOT EXISTS (SELECT card_batches.id FROM card_batches WHERE ${UNREADY_BATCH_SQL} AND card_batches.id = cards.batch_id) LIMIT 1`, [merchantId, cardNo, merchantId])
  return card
}

export async function findCard (db: Db, merchantId: number, id: number): Promise<CardRow | undefined> {
  const [card] = await selectRows<CardRow>(db, 'SELECT * FROM cards WHERE merchant_id = ? AND id = ? LIMIT 1', [merchantId, id])
  return card
}

/** The first `n` cards of a batch that no issue has taken, in serial order, locked for the caller's transaction on MySQL. */
export async function pickUnissuedCards (trx: Db, merchantId: number, batchId: number, n: number): Promise<Array<{ id: number; card_no: string; batch_id: number }>> {
  const pick = trx('cards').where({ merchant_id: merchantId, batch_id: batchId, status: 'inactive' }).whereNull('issue_id').orderBy('serial').limit(n)
  // Row locks keep two concurrent issues from taking the same cards on MySQL.
  if (isMysql(trx)) pick.forUpdate()
  return await pick.select('id', 'card_no', 'batch_id') as Array<{ id: number; card_no: string; batch_id: number }>
}

export async function cardsOfIssue (db: Db, merchantId: number, issueId: number): Promise<Array<{ id: number; card_no: string; batch_id: number; status: CardStatus; kind: string; balance: number | string | null; face_value: number | null }>> {
  return db('cards').where({ merchant_id: merchantId, issue_id: issueId }).orderBy('serial').select('id', 'card_no', 'batch_id', 'status', 'kind', 'balance', 'face_value')
}

/** The cards of an open-API issue with the phone each went to, in serial order (password ciphertext included). */
export async function issuedCards (db: Db, issueId: number): Promise<Array<{ card_no: string; phone: string; face_value: number | null; valid_from: string | null; valid_to: string | null; password_enc: string }>> {
  return await db('card_issue_items as i').join('cards as c', 'c.id', 'i.card_id').where('i.issue_id', issueId).orderBy('c.serial')
    .select('c.card_no', 'i.phone', 'c.face_value', 'c.valid_from', 'c.valid_to', 'c.password_enc')
}

/** The encrypted password copy of a card (for an authorised use: a text the merchant allowed to carry it). */
export async function passwordCopy (db: Db, merchantId: number, cardNo: string): Promise<string | undefined> {
  return (await db('cards').where({ merchant_id: merchantId, card_no: cardNo }).first('password_enc'))?.password_enc
}

export async function distributorCounts (db: Db, merchantId: number, distributorId: number): Promise<StatusCounts> {
  return countByStatus(db('cards').where({ merchant_id: merchantId, distributor_id: distributorId }))
}

/**
 * Every distributor's cards by state in one grouped statement, read from the index on
 * (merchant_id, distributor_id, status) alone: the list of 券商 never counts per row nor reads
 * the cards themselves, and cards without a distributor are not walked.
 */
export async function countsByDistributor (db: Db, merchantId: number): Promise<Map<number, StatusCounts>> {
  const rows = await db('cards')
    .where({ merchant_id: merchantId }).whereNotNull('distributor_id')
    .groupBy('distributor_id', 'status').select('distributor_id', 'status').count({ n: '*' }) as Array<{ distributor_id: number; status: string; n: number | string }>
  const out = new Map<number, StatusCounts>()
  for (const r of rows) {
    const id = Number(r.distributor_id)
    let counts = out.get(id)
    if (!counts) out.set(id, counts = emptyCounts())
    const n = Number(r.n)
    if (r.status in counts) counts[r.status as keyof StatusCounts] = n
    counts.total += n
  }
  return out
}

export async function distributorHasCards (db: Db, merchantId: number, distributorId: number): Promise<boolean> {
  return Boolean(await db('cards').where({ merchant_id: merchantId, distributor_id: distributorId }).first('id'))
}

export interface ActivityRow {
  id: number
  merchant_id: number
  card_id: number
  card_no: string
  type: string
  actor_type: string
  actor_id: number | null
  actor_name: string
  from_status: string | null
  to_status: string | null
  amount_delta: number | string | null
  balance_after: number | string | null
  ref_type: string | null
  ref_id: string | null
  detail: string | null
  ip: string | null
  created_at: number
}

/** A card's ledger, oldest first. */
export async function cardActivities (db: Db, merchantId: number, cardId: number): Promise<ActivityRow[]> {
  return db('card_activities').where({ merchant_id: merchantId, card_id: cardId }).orderBy('id')
}

/** A list filter ready to run: its batch number turned into the batch id (an unknown batch selects nothing). */
export async function resolveCardFilter (db: Db, merchantId: number, f: CardFilter): Promise<CardSelection> {
  if (!f.batch_no) return f
  const batch = await findBatch(db, merchantId, f.batch_no)
  return { ...f, batch_id: batch ? Number(batch.id) : null }
}

/** The merchant's cards that a list filter selects (unfinished batches hidden), to page, count or export. */
export function filteredCards (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[]): Knex.QueryBuilder {
  return applyCardFilter(db('cards'), merchantId, f, hiddenBatches)
}

/** One keyset page of a selection in serial order: the cards after serial `after` (all from the first when undefined). */
export async function cardsPage (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], page: { after?: number; limit: number; columns?: readonly string[] }): Promise<CardRow[]> {
  const q = filteredCards(db, merchantId, f, hiddenBatches)
  if (page.after !== undefined) q.andWhere('serial', '>', page.after)
  q.orderBy('serial').limit(page.limit)
  return await (page.columns ? q.select(...page.columns) : q) as CardRow[]
}

/** How many cards a selection holds. */
export async function countCards (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[]): Promise<number> {
  const row = await filteredCards(db, merchantId, f, hiddenBatches).count({ n: '*' }).first()
  return Number((row as { n?: number | string } | undefined)?.n ?? 0)
}

/**
 * A selection's cards counted by state; with `cap`, at most `cap` of them are read (in whatever
 * order the index the database picks gives: no sort), so a total of `cap` means "at least".
 */
export async function countCardsByStatus (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], cap?: number): Promise<StatusCounts> {
  if (cap === undefined) return countByStatus(filteredCards(db, merchantId, f, hiddenBatches))
  const first = filteredCards(db, merchantId, f, hiddenBatches).select('status').limit(cap).as('first')
  return countByStatus(db.from(first))
}

/** The SQL of a guard: every one of its conditions (see ValidityGuard). */
function validitySql (guard: ValidityGuard): [string, string[]] {
  const parts: string[] = []
  const bindings: string[] = []
  if (guard.unspent) parts.push(UNSPENT_SQL)
  if (guard.extendable_since) { parts.push(EXTENDABLE_SQL); bindings.push(guard.extendable_since) }
  if (guard.valid_from) { parts.push('(valid_to IS NULL OR valid_to >= ?)'); bindings.push(guard.valid_from) }
  if (guard.valid_to) { parts.push('(valid_from IS NULL OR valid_from <= ?)'); bindings.push(guard.valid_to) }
  if (guard.unloaded) parts.push(unloadedSql(guard.unloaded))
  return [parts.length ? parts.join(' AND ') : '1 = 1', bindings]
}

/** Not a stored-value voucher loaded at activation (its face value and dates are the voucher rules'). */
export const UNLOADED_SQL = "(kind <> 'stored_value' OR balance IS NULL)"
const unloadedSql = (u: true | 'any') => (u === 'any' ? "(kind <> 'stored_value')" : UNLOADED_SQL)

/** Not a stored-value voucher spent from (its balance below its face value, or a hold on it held or captured): only such cards may be voided or deactivated. */
export const UNSPENT_SQL = "(kind <> 'stored_value' OR balance IS NULL OR (balance = face_value AND NOT EXISTS (SELECT 1 FROM voucher_holds h WHERE h.card_id = cards.id AND h.status IN ('held', 'captured'))))"

/** Cards of a bulk edit of one validity end whose other end keeps from ≤ to (or another guard's condition). */
function keepsValidity (q: Knex.QueryBuilder, guard: ValidityGuard | null): Knex.QueryBuilder {
  if (!guard) return q
  const [sql, bindings] = validitySql(guard)
  return q.whereRaw(sql, bindings)
}

/** How many of a selection's cards in one of `from` a bulk action may change (the validity guard applied). */
export async function countMovable (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], from: readonly CardStatus[], guard: ValidityGuard | null): Promise<number> {
  const q = keepsValidity(filteredCards(db, merchantId, f, hiddenBatches).whereIn('status', from), guard)
  return Number((await q.count({ n: '*' }).first())?.n ?? 0)
}

/** How many of a selection's cards in one of `from` are loaded vouchers (an edit of face value or validity skips them). */
export async function countLoadedVouchers (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], from: readonly CardStatus[], u: true | 'any'): Promise<number> {
  const q = filteredCards(db, merchantId, f, hiddenBatches).whereIn('status', from).whereRaw(`NOT ${unloadedSql(u)}`)
  return Number((await q.count({ n: '*' }).first())?.n ?? 0)
}

/** The lowest and highest serial of the merchant's cards (null without cards): where a walk by serial starts and ends. */
export async function serialBounds (db: Db, merchantId: number): Promise<{ min: number; max: number } | null> {
  const row = await db('cards').where({ merchant_id: merchantId }).min({ lo: 'serial' }).max({ hi: 'serial' }).first() as { lo: number | string | null; hi: number | string | null } | undefined
  return row?.lo === null || row?.lo === undefined ? null : { min: Number(row.lo), max: Number(row.hi) }
}

/** One window of a bulk action: a range of serials, or a slice of the card numbers it names. */
export type CardWindow = { serial_from: number; serial_to: number } | { card_nos: string[] }

function windowQuery (db: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], window: CardWindow): Knex.QueryBuilder {
  const q = filteredCards(db, merchantId, f, hiddenBatches)
  if ('card_nos' in window) return q.whereIn('card_no', window.card_nos)
  return q.andWhere('serial', '>=', window.serial_from).andWhere('serial', '<=', window.serial_to)
}

export interface WindowCard extends MovableCard {
  /** 1 when the card meets the action's guard (always 1 without a guard). */
  keeps: number
  /** 1 for a stored-value voucher loaded at activation. */
  loaded: number
}

/**
 * Every card of a selection within one window — at most a window's worth whatever the filter,
 * so each costs the same however far the walk has gone — locked for the caller's transaction
 * on MySQL (a redemption cannot slip between the count, the ledger and the update).
 */
export async function windowCards (trx: Db, merchantId: number, f: CardSelection, hiddenBatches: number[], window: CardWindow, guard: ValidityGuard | null): Promise<WindowCard[]> {
  const q = windowQuery(trx, merchantId, f, hiddenBatches, window)
  const [sql, bindings] = guard ? validitySql(guard) : ['1 = 1', []]
  q.select('id', 'card_no', 'batch_id', 'status', 'status_before_void', 'valid_to', trx.raw(`CASE WHEN ${sql} THEN 1 ELSE 0 END AS keeps`, bindings),
    trx.raw(`CASE WHEN ${unloadedSql(guard?.unloaded ?? true)} THEN 0 ELSE 1 END AS loaded`))
  if (isMysql(trx)) q.forUpdate()
  return await q as WindowCard[]
}
