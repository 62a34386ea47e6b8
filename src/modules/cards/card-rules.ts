// The card state rules of the bulk actions (批量激活/反激活/作废/恢复/删除/修改): which states each
// action takes a card from, where it takes it, what the ledger calls it and why a card is skipped.
// Pure tables and functions; the repository's moveWindowCards applies them.
import { addDays } from '../../shared/dates.js'
import { CARD_STATUSES, type BulkAction, type BulkFields, type CardStatusValue } from './cards.schemas.js'

/** The extension (延期): +30 days, once, while valid or up to 30 days after the last day. */
export const EXTENSION_DAYS = 30
export const EXTEND_GRACE_DAYS = 30

/**
 * Where a move takes a card: a state; back to the state it had before it was voided; the state
 * it is in (an edit); or out of the table (deleted, for good).
 */
export type MoveTo = CardStatusValue | 'before_void' | 'same' | 'deleted'

export interface ActionRule {
  /** The states a card must be in for the action to change it. */
  from: readonly CardStatusValue[]
  to: MoveTo
  /** The ledger's name of the change (card_activities.type). */
  activity: string
  /** The reason counted for a card in any other state. */
  skip: (status: CardStatusValue) => string
  /** The webhook topic announcing each card changed, if any. */
  event?: 'card.activated' | 'card.voided' | 'voucher.extended'
}

export const ACTION_RULES: Record<BulkAction, ActionRule> = {
  activate: { from: ['inactive'], to: 'active', activity: 'activate', skip: (s) => (s === 'active' ? 'already_active' : s), event: 'card.activated' },
  deactivate: { from: ['active'], to: 'inactive', activity: 'deactivate', skip: (s) => (s === 'inactive' ? 'already_inactive' : s) },
  // 只有未兑换的卡才能进行作废
  void: { from: ['inactive', 'active'], to: 'voided', activity: 'void', skip: (s) => (s === 'voided' ? 'already_voided' : s), event: 'card.voided' },
  restore: { from: ['voided'], to: 'before_void', activity: 'restore', skip: () => 'not_voided' },
  // 只有标记为已作废的卡才能进行删除
  delete: { from: ['voided'], to: 'deleted', activity: 'delete', skip: () => 'not_voided' },
  update: { from: ['inactive', 'active', 'voided', 'redeemed'], to: 'same', activity: 'edit', skip: (s) => s },
  // 延期: an active stored-value voucher, once, +30 days, while valid or up to 30 days after (its guard).
  extend: { from: ['active'], to: 'same', activity: 'extend', skip: (s) => s, event: 'voucher.extended' },
}

/** Fields that change what a card redeems: a redeemed card keeps what it was redeemed with. */
export const REDEMPTION_FIELDS = ['product_ids', 'valid_from', 'valid_to', 'face_value'] as const

/** The states an action with these fields may change. */
export function eligibleStatuses (action: BulkAction, fields: BulkFields | undefined): readonly CardStatusValue[] {
  if (action === 'update' && fields && REDEMPTION_FIELDS.some((f) => fields[f] !== undefined)) {
    return ['inactive', 'active', 'voided']
  }
  return ACTION_RULES[action].from
}

/**
 * The per-card conditions of an action, all of which a card must meet to change: an edit of one
 * validity end keeps from ≤ to (both ends given are checked once, up front); void and deactivate
 * take a voucher never spent from; the extension takes a voucher it may still lengthen; an edit
 * of face value or validity leaves loaded vouchers alone (their balance and one extension are
 * the voucher rules'). Null when there is none.
 */
export interface ValidityGuard {
  valid_from?: string
  valid_to?: string
  unspent?: true
  /** The extension: the earliest last day it may still lengthen (today − 30 days). */
  extendable_since?: string
  /** Not a stored-value voucher loaded at activation ('any': not a voucher at all — an edit clearing the face value). */
  unloaded?: true | 'any'
}

/** A guard's skip reason for a card that fails it (a loaded voucher failing `unloaded` is counted apart, as voucher_loaded). */
export function guardReason (guard: ValidityGuard): string {
  if (guard.unspent) return 'voucher_used'
  if (guard.extendable_since) return 'not_extendable'
  if (guard.valid_from || guard.valid_to) return 'validity_conflict'
  return 'voucher_loaded'
}

/** The per-card conditions of an action, if any (see ValidityGuard). */
/** `today`: the merchant's day, which the extension needs (and only it). */
export function actionGuard (action: BulkAction, fields: BulkFields | undefined, today?: string): ValidityGuard | null {
  if (action === 'void' || action === 'deactivate') return { unspent: true }
  // A stored-value voucher never extended, loaded, and ending no more than 30 days ago.
  if (action === 'extend') return { extendable_since: addDays(today!, -EXTEND_GRACE_DAYS) }
  if (!fields) return null
  const guard: ValidityGuard = validityGuard(fields) ?? {}
  // A loaded voucher's balance is its face value less what was spent, and its dates move only
  // by the one extension: a bulk edit of either passes it by.
  if (fields.face_value !== undefined || fields.valid_from !== undefined || fields.valid_to !== undefined) guard.unloaded = true
  // A voucher's face value is what it loads: never cleared, never 0.
  if (fields.face_value !== undefined && !(Number(fields.face_value) > 0)) guard.unloaded = 'any'
  return Object.keys(guard).length ? guard : null
}

export function validityGuard (fields: BulkFields): ValidityGuard | null {
  const from = fields.valid_from
  const to = fields.valid_to
  if (from && to === undefined) return { valid_from: from }
  if (to && from === undefined) return { valid_to: to }
  return null
}

/**
 * How the cards a target matched divide: those the action may change, and the others counted by
 * the reason they are skipped (before any per-card validity condition).
 */
export function tally (action: BulkAction, eligible: readonly CardStatusValue[], byStatus: Record<CardStatusValue, number>): { eligible: number; skipped: Record<string, number> } {
  const skipped: Record<string, number> = {}
  let n = 0
  for (const status of CARD_STATUSES) {
    const count = byStatus[status]
    if (count === 0) continue
    if (eligible.includes(status)) n += count
    else {
      const reason = ACTION_RULES[action].skip(status)
      skipped[reason] = (skipped[reason] ?? 0) + count
    }
  }
  return { eligible: n, skipped }
}
