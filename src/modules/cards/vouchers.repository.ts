// Every statement on a stored-value voucher's balance (储值提货券) and on voucher_holds: the load
// at activation, the one balance transition every debit, hold, release, refund and adjustment
// goes through (a conditional update and its ledger row with the balance after), the extension
// and the holds a mall's checkout places. A card's balance is always the sum of its ledger.
import type { Knex } from 'knex'
import { execute, isMysql, selectRows, type Db } from '../../shared/db.js'
import { addDays, localDate } from '../../shared/dates.js'
import type { Actor } from '../audit/audit.repository.js'

interface LedgerRule {
  type: string
  actor: Actor
  ref: { type: string; id: string } | null
  at: Date
}

/** `valid_to` of a voucher counted in days from `from` (its first day), as SQL over its row. */
function lastDaySql (db: Db): string {
  return isMysql(db)
    ? "DATE_FORMAT(DATE_ADD(?, INTERVAL valid_days - 1 DAY), '%Y-%m-%d')"
    : "date(?, '+' || (valid_days - 1) || ' days')"
}

/**
 * Loads the vouchers among `scope` (a query on `cards`) that were just activated and never
 * loaded: balance = face value, with a `load` ledger row each; a voucher valid for N days gets
 * its dates, from the day after activation in the merchant's time zone (有效期自激活次日起生效).
 * Both statements are set-based: a bulk activation's window loads its vouchers in two. Returns
 * how many were loaded.
 */
export async function loadVouchers (trx: Db, merchantId: number, scope: Knex.QueryBuilder, rule: LedgerRule): Promise<number> {
  const loadable = () => scope.clone().where('kind', 'stored_value').where('status', 'active').whereNull('balance')
  const a = rule.actor
  const ledger = loadable().select(trx.raw("merchant_id, id, card_no, 'load', ?, ?, ?, 'active', 'active', face_value, face_value, ?, ?, NULL, ?, ?",
    [a.type, a.id, a.name.slice(0, 64), rule.ref?.type ?? null, rule.ref?.id ?? null, a.ip, rule.at.getTime()])).toSQL()
  const inserted = await execute(trx, `INSERT INTO card_activities
      (merchant_id, card_id, card_no, type, actor_type, actor_id, actor_name, from_status, to_status, amount_delta, balance_after, ref_type, ref_id, detail, ip, created_at) ${ledger.sql}`, ledger.bindings)
  if (inserted.changes === 0) return 0
  const [merchant] = await selectRows<{ timezone: string }>(trx, 'SELECT timezone FROM merchants WHERE id = ?', [merchantId])
  const first = addDays(localDate(merchant.timezone, rule.at), 1)
  const changed = await loadable().update({
    balance: trx.raw('face_value'),
    valid_from: trx.raw('CASE WHEN valid_days IS NULL THEN valid_from ELSE ? END', [first]),
    valid_to: trx.raw(`CASE WHEN valid_days IS NULL THEN valid_to ELSE ${lastDaySql(trx)} END`, [first]),
    updated_at: rule.at.getTime(),
  })
  if (Number(changed) !== inserted.changes) throw new Error(`loadVouchers: ${inserted.changes} ledger rows, ${String(changed)} cards loaded`)
  return inserted.changes
}

/**
 * The reverse of loadVouchers for vouchers among `scope` just deactivated (never spent from:
 * the move's guard saw to it): the balance goes (an `unload` row of minus the face value) and
 * N-day dates are cleared, so activating again loads it afresh and counts its days from then.
 */
export async function unloadVouchers (trx: Db, merchantId: number, scope: Knex.QueryBuilder, rule: LedgerRule): Promise<number> {
  const loaded = () => scope.clone().where('kind', 'stored_value').where('status', 'inactive').whereNotNull('balance')
  const a = rule.actor
  const ledger = loaded().select(trx.raw("merchant_id, id, card_no, 'unload', ?, ?, ?, 'inactive', 'inactive', -balance, 0, ?, ?, NULL, ?, ?",
    [a.type, a.id, a.name.slice(0, 64), rule.ref?.type ?? null, rule.ref?.id ?? null, a.ip, rule.at.getTime()])).toSQL()
  const inserted = await execute(trx, `INSERT INTO card_activities
      (merchant_id, card_id, card_no, type, actor_type, actor_id, actor_name, from_status, to_status, amount_delta, balance_after, ref_type, ref_id, detail, ip, created_at) ${ledger.sql}`, ledger.bindings)
  if (inserted.changes === 0) return 0
  await loaded().update({
    balance: null,
    valid_from: trx.raw('CASE WHEN valid_days IS NULL THEN valid_from ELSE NULL END'),
    valid_to: trx.raw('CASE WHEN valid_days IS NULL THEN valid_to ELSE NULL END'),
    updated_at: rule.at.getTime(),
  })
  return inserted.changes
}

export interface VoucherCard {
  id: number
  card_no: string
}

/** One balance movement: its ledger name, the amount (negative takes from the balance), by whom, for what. */
export interface BalanceMove extends LedgerRule {
  delta: number
  detail?: Record<string, unknown> | null
  /**
   * A movement that takes from the balance for a purchase (hold, debit) also needs the voucher
   * active and inside its validity on this day; a refund, a release or an adjustment does not
   * (a refund reaches a voucher that expired meanwhile).
   */
  usableOn?: string
}

/**
 * The one way a voucher's balance changes: one conditional update — enough balance for what it
 * takes, never below zero, so any number of concurrent debits can only take what is there —
 * then the balance after, read in the same transaction (the update holds the row), and the
 * ledger row with both. Null when the condition failed (the caller says why); nothing changed.
 */
export async function moveBalance (trx: Db, merchantId: number, card: VoucherCard, move: BalanceMove): Promise<{ balance: number; status: string } | null> {
  const at = move.at.getTime()
  const conditions = ["merchant_id = ? AND id = ? AND kind = 'stored_value' AND balance IS NOT NULL AND balance + ? >= 0"]
  const bindings: unknown[] = [move.delta, at, merchantId, card.id, move.delta]
  if (move.usableOn) {
    conditions.push("status = 'active' AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)")
    bindings.push(move.usableOn, move.usableOn)
  }
  const moved = await execute(trx, `UPDATE cards SET balance = balance + ?, updated_at = ? WHERE ${conditions.join(' AND ')}`, bindings)
  if (moved.changes !== 1) return null
  const [row] = await selectRows<{ balance: number | string; status: string }>(trx, 'SELECT balance, status FROM cards WHERE id = ?', [card.id])
  const balance = Number(row.balance)
  await insertActivity(trx, merchantId, card, move, { delta: move.delta, balance, status: row.status })
  return { balance, status: row.status }
}

/** A ledger row of a voucher that moves no money (capture, extend, bind, unbind), with its balance at that moment. */
export async function recordVoucherActivity (trx: Db, merchantId: number, card: VoucherCard, rule: LedgerRule & { detail?: Record<string, unknown> | null }): Promise<void> {
  // Locked on MySQL: the balance after is the one this transaction's row holds, not a snapshot's.
  const [row] = await selectRows<{ balance: number | string | null; status: string }>(trx, `SELECT balance, status FROM cards WHERE id = ?${isMysql(trx) ? ' FOR UPDATE' : ''}`, [card.id])
  await insertActivity(trx, merchantId, card, rule, { delta: 0, balance: row.balance === null ? null : Number(row.balance), status: row.status })
}

async function insertActivity (trx: Db, merchantId: number, card: VoucherCard, rule: LedgerRule & { detail?: Record<string, unknown> | null }, m: { delta: number; balance: number | null; status: string }): Promise<void> {
  await trx('card_activities').insert({
    merchant_id: merchantId, card_id: card.id, card_no: card.card_no, type: rule.type, actor_type: rule.actor.type, actor_id: rule.actor.id,
    actor_name: rule.actor.name.slice(0, 64), from_status: m.status, to_status: m.status, amount_delta: m.delta, balance_after: m.balance,
    ref_type: rule.ref?.type ?? null, ref_id: rule.ref?.id ?? null, detail: rule.detail ? JSON.stringify(rule.detail) : null,
    ip: rule.actor.ip, created_at: rule.at.getTime(),
  })
}

/**
 * A bulk extension's SQL over each voucher's row: its last day `days` later, and the ledger's
 * detail (the last day before and after), as the single extension records them.
 */
export function extensionSql (db: Db, days: number): { validTo: string; detail: string } {
  const later = isMysql(db) ? `DATE_FORMAT(DATE_ADD(valid_to, INTERVAL ${Number(days)} DAY), '%Y-%m-%d')` : `date(valid_to, '+${Number(days)} days')`
  return { validTo: later, detail: `${isMysql(db) ? 'JSON_OBJECT' : 'json_object'}('from', valid_to, 'to', ${later})` }
}

/** A voucher the one extension may still lengthen on a day whose grace starts at `since` (its last day ≥ since): loaded, never extended. */
export const EXTENDABLE_SQL = "(kind = 'stored_value' AND balance IS NOT NULL AND extended_at IS NULL AND valid_to IS NOT NULL AND valid_to >= ?)"

/**
 * The one extension (延期): the new last day, only if the voucher was never extended and still
 * ends where the caller read it (a concurrent extension wins alone).
 */
export async function extendVoucher (trx: Db, merchantId: number, cardId: number, from: string, to: string, at: Date): Promise<boolean> {
  // Its reminder starts over: the new last day is reminded of in its turn.
  const r = await execute(trx, "UPDATE cards SET valid_to = ?, extended_at = ?, expiry_notified_at = NULL, updated_at = ? WHERE merchant_id = ? AND id = ? AND kind = 'stored_value' AND status = 'active' AND balance IS NOT NULL AND extended_at IS NULL AND valid_to = ?",
    [to, at.getTime(), at.getTime(), merchantId, cardId, from])
  return r.changes === 1
}

/** Binds a voucher to a phone (only if it has none), or unbinds it (only from the phone it has). */
export async function setVoucherPhone (trx: Db, merchantId: number, cardId: number, phone: string | null, expected: string | null, at: Date): Promise<boolean> {
  const r = await execute(trx, `UPDATE cards SET phone = ?, updated_at = ? WHERE merchant_id = ? AND id = ? AND kind = 'stored_value' AND ${expected === null ? 'phone IS NULL' : 'phone = ?'}`,
    expected === null ? [phone, at.getTime(), merchantId, cardId] : [phone, at.getTime(), merchantId, cardId, expected])
  return r.changes === 1
}

export interface HoldRow {
  id: number
  merchant_id: number
  hold_no: string
  card_id: number
  card_no: string
  app_id: number | null
  out_trade_no: string | null
  amount: number | string
  refunded: number | string
  status: 'held' | 'captured' | 'released'
  items: string | null
  expires_at: number | string
  created_at: number | string
  updated_at: number | string
}

export async function insertHold (trx: Db, row: Omit<HoldRow, 'id'>): Promise<void> {
  await trx('voucher_holds').insert(row)
}

export async function findHold (db: Db, merchantId: number, holdNo: string): Promise<HoldRow | undefined> {
  return await db<HoldRow>('voucher_holds').where({ merchant_id: merchantId, hold_no: holdNo }).first()
}

/** The hold a mall's trade placed on one voucher (a trade holds each voucher it pays with once). */
export async function findHoldByOutTradeNo (db: Db, appId: number, outTradeNo: string, cardNo: string): Promise<HoldRow | undefined> {
  return await db<HoldRow>('voucher_holds').where({ app_id: appId, out_trade_no: outTradeNo, card_no: cardNo }).first()
}

/** Every hold of a mall's trade, in the order they were placed. */
export async function holdsOfTrade (db: Db, appId: number, outTradeNo: string): Promise<HoldRow[]> {
  return await db<HoldRow>('voucher_holds').where({ app_id: appId, out_trade_no: outTradeNo }).orderBy('id')
}

/** held → captured or released, only if still held (and, for a capture, not lapsed). */
export async function settleHold (trx: Db, id: number, to: 'captured' | 'released', at: Date, opts: { unlapsed?: boolean } = {}): Promise<boolean> {
  const r = await execute(trx, `UPDATE voucher_holds SET status = ?, updated_at = ? WHERE id = ? AND status = 'held'${opts.unlapsed ? ' AND expires_at > ?' : ''}`,
    opts.unlapsed ? [to, at.getTime(), id, at.getTime()] : [to, at.getTime(), id])
  return r.changes === 1
}

/** Adds a refund to a captured hold, only while the refunds stay within what was captured. */
export async function addRefund (trx: Db, id: number, amount: number, at: Date): Promise<boolean> {
  const r = await execute(trx, "UPDATE voucher_holds SET refunded = refunded + ?, updated_at = ? WHERE id = ? AND status = 'captured' AND refunded + ? <= amount",
    [amount, at.getTime(), id, amount])
  return r.changes === 1
}

export async function findRefund (db: Db, holdId: number, outRefundNo: string): Promise<{ amount: number | string } | undefined> {
  return await db('voucher_refunds').where({ hold_id: holdId, out_refund_no: outRefundNo }).first('amount')
}

export async function insertRefund (trx: Db, row: { merchant_id: number; hold_id: number; out_refund_no: string; amount: number; created_at: number }): Promise<void> {
  await trx('voucher_refunds').insert(row)
}

/** Holds whose time ran out and that are still held: the sweep releases them. */
export async function lapsedHolds (db: Db, now: number, limit: number): Promise<HoldRow[]> {
  return await db<HoldRow>('voucher_holds').where('status', 'held').andWhere('expires_at', '<=', now).orderBy('expires_at').limit(limit)
}

/** A voucher's holds, newest first. */
export async function holdsOfCard (db: Db, merchantId: number, cardId: number, limit = 50): Promise<HoldRow[]> {
  return await db<HoldRow>('voucher_holds').where({ merchant_id: merchantId, card_id: cardId }).orderBy('id', 'desc').limit(limit)
}

/** Every voucher whose balance is not the sum of its ledger (tests and the operator's check): none, always. */
export async function ledgerMismatches (db: Db, merchantId?: number): Promise<Array<{ card_no: string; balance: number; ledger: number }>> {
  const rows = await selectRows<{ card_no: string; balance: number | string; ledger: number | string | null }>(db, `
    SELECT c.card_no, c.balance, (SELECT SUM(a.amount_delta) FROM card_activities a WHERE a.merchant_id = c.merchant_id AND a.card_id = c.id) AS ledger
    FROM cards c WHERE c.kind = 'stored_value' AND c.balance IS NOT NULL${merchantId === undefined ? '' : ' AND c.merchant_id = ?'}`, merchantId === undefined ? [] : [merchantId])
  return rows.map((r) => ({ card_no: r.card_no, balance: Number(r.balance), ledger: Number(r.ledger ?? 0) })).filter((r) => r.balance !== r.ledger)
}

/** The merchants with a stored-value batch, with their time zone: the reminder sweep visits each. */
export async function voucherMerchants (db: Db): Promise<Array<{ id: number; timezone: string }>> {
  return selectRows(db, "SELECT id, timezone FROM merchants WHERE id IN (SELECT DISTINCT merchant_id FROM card_batches WHERE kind = 'stored_value') ORDER BY id", [])
}

export interface ExpiringVoucher { id: number; card_no: string; balance: number | string; valid_to: string; phone: string | null }

/** Active vouchers with balance left whose last day is within [from, to], not reminded yet (cards_voucher_expiry_index). */
export async function expiringVouchers (db: Db, merchantId: number, from: string, to: string, limit: number): Promise<ExpiringVoucher[]> {
  return selectRows(db, `SELECT id, card_no, balance, valid_to, phone FROM cards
    WHERE kind = 'stored_value' AND merchant_id = ? AND expiry_notified_at IS NULL AND valid_to >= ? AND valid_to <= ?
      AND status = 'active' AND balance > 0 ORDER BY valid_to LIMIT ?`, [merchantId, from, to, limit])
}

/** Claims a voucher's one reminder: true for the one caller whose conditional update set it (whatever the number of instances). */
export async function claimReminder (trx: Db, merchantId: number, cardId: number, at: Date): Promise<boolean> {
  return (await execute(trx, 'UPDATE cards SET expiry_notified_at = ? WHERE merchant_id = ? AND id = ? AND expiry_notified_at IS NULL', [at.getTime(), merchantId, cardId])).changes === 1
}
