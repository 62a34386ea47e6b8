// Stored-value vouchers (储值提货券): who may use one (its password, or the phone it is bound to),
// what it may buy (its batch's restrictions, checked at every debit), holds for a mall's
// checkout (hold → capture or release; a hold that lapses releases itself), refunds of what was
// captured, the one 30-day extension, binding, admin adjustments, and the voucher as malls and
// admins see it. Every movement of a balance is vouchers.repository's moveBalance, in the
// transaction that also changes the hold; the card's state changes stay the cards module's.
import { randomBytes } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { addDays, daysBetween, localDate } from '../../shared/dates.js'
import { isUniqueViolation } from '../../shared/db.js'
import { maskPhone } from '../../shared/phone.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findProducts } from '../catalog/catalog.repository.js'
import type { MerchantRow } from '../merchants/merchants.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { findBatchById } from './batches.repository.js'
import { EXTENSION_DAYS, EXTEND_GRACE_DAYS } from './card-rules.js'
import * as errors from './cards.errors.js'
import * as cardsRepo from './cards.repository.js'
import type { CardRow } from './cards.repository.js'
import type { VoucherRestrictionsValue } from './cards.schemas.js'
import * as repo from './vouchers.repository.js'
import type { HoldRow } from './vouchers.repository.js'

export { EXTENSION_DAYS, EXTEND_GRACE_DAYS } from './card-rules.js'
export const HOLD_TTL_DEFAULT_S = 900
export const HOLD_TTL_MAX_S = 24 * 3600

const MOBILE = /^1[0-9]{10}$/

/** Who uses a voucher: the number with its password, or with the phone it is bound to. */
export interface Credentials { password?: string; phone?: string }
/** A purchase a debit pays for: its products and where it is delivered (the restrictions' inputs). */
export interface Purchase { items?: Array<{ product_id: number; quantity: number }>; province?: string }

export interface HoldBody extends Credentials, Purchase { out_trade_no: string; amount: number; ttl_seconds?: number }

/** Checks the password of a number (counted by the guessing guards before it is checked). */
export type VerifyPassword = (merchant: MerchantRow, cardNo: string, password: string, caller: { app_id: number } | { ip: string }) => Promise<CardRow>

/** What the rules need of a merchant: its id and its time zone (its day). */
type Merchant = Pick<MerchantRow, 'id' | 'timezone'>

interface Deps {
  db: Knex
  clock: Clock
  verifyPassword: VerifyPassword
  /** Checks the phone a voucher is bound to, counted by the same guards first. */
  verifyBoundPhone: VerifyPassword
  log: { error: (o: object, m: string) => void }
  /** How many days before its last day a voucher is reminded of (the notification settings'). */
  reminderDays?: (merchantId: number) => Promise<number>
}

export const REMINDER_DAYS_DEFAULT = 7
/** How often a sweep looks for vouchers to remind of (the holds lapse every round). */
const REMIND_EVERY_MS = 10 * 60_000

/** What a voucher shows of its state: exhausted and expired are read from its balance and dates. */
export function voucherState (card: Pick<CardRow, 'status' | 'balance' | 'valid_to'>, today: string): string {
  if (card.status !== 'active') return card.status
  if (card.valid_to && today > card.valid_to) return 'expired'
  if (Number(card.balance ?? 0) === 0) return 'exhausted'
  return 'active'
}

export function createVouchersService ({ db, clock, verifyPassword, verifyBoundPhone, log, reminderDays = async () => REMINDER_DAYS_DEFAULT }: Deps) {
  const today = (merchant: Merchant) => localDate(merchant.timezone, clock.now())

  async function restrictionsOf (card: CardRow): Promise<VoucherRestrictionsValue | null> {
    const batch = await findBatchById(db, card.merchant_id, Number(card.batch_id))
    return batch?.restrictions ? JSON.parse(batch.restrictions) as VoucherRestrictionsValue : null
  }

  /** Until when the one extension may still be asked for (null: extended already, or no end date, or not yet activated). */
  function extendableUntil (card: CardRow): string | null {
    if (card.extended_at !== null && card.extended_at !== undefined) return null
    if (!card.valid_to || card.balance === null || card.balance === undefined) return null
    return addDays(card.valid_to, EXTEND_GRACE_DAYS)
  }

  async function view (merchant: Merchant, card: CardRow) {
    const day = today(merchant)
    const holds = await repo.holdsOfCard(db, merchant.id, Number(card.id), 20)
    return {
      card_no: card.card_no,
      status: card.status,
      state: voucherState(card, day),
      face_value: card.face_value === null ? null : Number(card.face_value),
      balance: card.balance === null || card.balance === undefined ? null : Number(card.balance),
      held: holds.filter((h) => h.status === 'held').reduce((n, h) => n + Number(h.amount), 0),
      valid_from: card.valid_from,
      valid_to: card.valid_to,
      valid_days: card.valid_days === null || card.valid_days === undefined ? null : Number(card.valid_days),
      days_left: card.valid_to && card.status === 'active' && day <= card.valid_to ? daysBetween(day, card.valid_to) + 1 : null,
      extended: card.extended_at !== null && card.extended_at !== undefined,
      extendable_until: extendableUntil(card),
      phone: maskPhone(card.phone ?? null),
      restrictions: await restrictionsOf(card),
      updated_at: iso(card.updated_at)!,
    }
  }

  /**
   * The voucher a caller may use. With a password: checked by the guessing guards; a voucher
   * bound to a phone also needs that phone. With a phone alone: only a voucher bound to it,
   * counted by the same guards before it is checked; any other answer is the same as a wrong
   * number (card_invalid), so a phone tells nothing.
   */
  async function authorize (merchant: MerchantRow, cardNo: string, creds: Credentials, caller: { app_id: number } | { ip: string }): Promise<CardRow> {
    if (creds.phone !== undefined && !MOBILE.test(creds.phone)) throw errors.phoneInvalid()
    let card: CardRow | undefined
    if (creds.password !== undefined) {
      card = await verifyPassword(merchant, cardNo, creds.password, caller)
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      if (card.phone && card.phone !== creds.phone) throw errors.voucherBound()
      return card
    }
    if (creds.phone === undefined) throw errors.credentialsMissing()
    return verifyBoundPhone(merchant, cardNo, creds.phone, caller)
  }

  /** The restrictions of a voucher against a purchase (支持商品、类目、供应商、地区等方式限定); returns the items' value where priced. */
  async function checkPurchase (merchant: Merchant, card: CardRow, purchase: Purchase, amount: number): Promise<void> {
    const r = await restrictionsOf(card)
    const goods = Boolean(r?.product_ids?.length || r?.categories?.length || r?.suppliers?.length)
    const items = purchase.items ?? []
    if (goods && items.length === 0) throw errors.itemsRequired()
    if (r?.provinces?.length) {
      if (!purchase.province) throw errors.regionRequired()
      if (!r.provinces.includes(purchase.province.trim())) throw errors.regionRestricted()
    }
    if (items.length === 0) return
    const ids = [...new Set(items.map((i) => i.product_id))]
    const products = await findProducts(db, merchant.id, ids)
    if (products.length !== ids.length) throw errors.productRestricted({ message: '所购商品不存在或已删除' })
    const byId = new Map(products.map((p) => [Number(p.id), p]))
    let priced = 0
    let unpriced = false
    for (const item of items) {
      const p = byId.get(item.product_id)!
      if (goods) {
        const ok = (r!.product_ids ?? []).includes(Number(p.id)) || (p.category !== null && (r!.categories ?? []).includes(p.category)) ||
          (p.supplier != null && (r!.suppliers ?? []).includes(p.supplier))
        if (!ok) throw errors.productRestricted({ details: [{ path: '/items/product_id', message: String(item.product_id) }] })
      }
      if (p.price === null || p.price === undefined) unpriced = true
      else priced += Number(p.price) * item.quantity
    }
    // A voucher pays at most what the goods cost; the rest is the mall's (or the customer's) to pay.
    if (!unpriced && amount > priced) throw errors.amountAboveItems({ details: [{ path: '/amount', message: String(priced) }] })
  }

  /** Why a debit of `amount` could not take from this voucher: its state, its dates, or its balance (with the balance). */
  function refusal (merchant: Merchant, card: CardRow, amount: number): Error {
    if (card.status !== 'active' || card.balance === null || card.balance === undefined) return errors.voucherInactive()
    const day = today(merchant)
    if (card.valid_from && day < card.valid_from) return errors.voucherNotStarted({ details: [{ path: '/valid_from', message: card.valid_from }] })
    if (card.valid_to && day > card.valid_to) return errors.voucherExpired({ details: [{ path: '/valid_to', message: card.valid_to }] })
    const balance = Number(card.balance)
    if (balance === 0) return errors.voucherExhausted({ details: [{ path: '/balance', message: '0' }] })
    return errors.insufficientBalance({ message: `储值券余额不足：余额 ${(balance / 100).toFixed(2)} 元，本次需 ${(amount / 100).toFixed(2)} 元；超出部分请用其他方式支付`, details: [{ path: '/balance', message: String(balance) }] })
  }

  function holdView (h: HoldRow, balance?: number) {
    return {
      hold_no: h.hold_no,
      out_trade_no: h.out_trade_no,
      card_no: h.card_no,
      amount: Number(h.amount),
      refunded: Number(h.refunded),
      status: h.status === 'held' && Number(h.expires_at) <= clock.now().getTime() ? 'lapsed' : h.status,
      expires_at: iso(Number(h.expires_at))!,
      ...(balance === undefined ? {} : { balance }),
      created_at: iso(Number(h.created_at))!,
      updated_at: iso(Number(h.updated_at))!,
    }
  }

  async function loadHold (merchant: Merchant, holdNo: string, appId: number | null): Promise<HoldRow> {
    const h = await repo.findHold(db, merchant.id, holdNo)
    // Another app's hold is not found: one mall never reaches another's checkout.
    if (!h || (appId !== null && Number(h.app_id) !== appId)) throw errors.holdNotFound()
    return h
  }

  /** A card read through `dbx` (inside a transaction: the transaction; SQLite has one connection). */
  async function cardOf (merchantId: number, cardId: number, dbx: Knex | Knex.Transaction = db): Promise<CardRow> {
    return (await cardsRepo.findCard(dbx, merchantId, cardId))!
  }

  async function balanceOf (merchantId: number, cardId: number, dbx: Knex | Knex.Transaction = db): Promise<number> {
    return Number((await cardOf(merchantId, cardId, dbx)).balance ?? 0)
  }

  /** Releases a held amount back to the balance (the mall's release, or a lapse); false when it was no longer held. */
  async function releaseHold (trx: Knex.Transaction, h: HoldRow, actor: Actor, at: Date, lapsed: boolean): Promise<boolean> {
    if (!await repo.settleHold(trx, Number(h.id), 'released', at)) return false
    const moved = await repo.moveBalance(trx, Number(h.merchant_id), { id: Number(h.card_id), card_no: h.card_no }, {
      type: 'release', delta: Number(h.amount), actor, ref: { type: 'hold', id: h.hold_no }, at, detail: lapsed ? { lapsed: true } : null,
    })
    if (!moved) throw new Error(`release of hold ${h.hold_no}: its voucher is gone`)
    return true
  }

  const service = {
    view,
    authorize,

    /** The voucher for a mall: balance, validity, restrictions (number + password, or number + bound phone). */
    async lookup (merchant: MerchantRow, cardNo: string, creds: Credentials, caller: { app_id: number } | { ip: string }) {
      return view(merchant, await authorize(merchant, cardNo, creds, caller))
    },

    /**
     * Reserves an amount of a voucher for a checkout: taken from the balance at once (so two
     * checkouts cannot both spend it), captured or released by the mall, released by itself when
     * its time runs out. A repeated out_trade_no returns the first hold.
     */
    async hold (merchant: MerchantRow, appId: number, cardNo: string, body: HoldBody, actor: Actor, opts: { capture?: boolean } = {}): Promise<{ created: boolean; hold: ReturnType<typeof holdView> }> {
      const capture = opts.capture === true
      const existing = await repo.findHoldByOutTradeNo(db, appId, body.out_trade_no, cardNo)
      if (existing) {
        // The same call again answers the same; a debit where a hold was placed (or the reverse) is another call.
        if (Number(existing.amount) !== body.amount || (capture && existing.status !== 'captured')) throw errors.outTradeNoReused()
        return { created: false, hold: holdView(existing) }
      }
      const card = await authorize(merchant, cardNo, body, { app_id: appId })
      await checkPurchase(merchant, card, body, body.amount)
      const now = clock.now()
      const ttl = Math.min(body.ttl_seconds ?? HOLD_TTL_DEFAULT_S, HOLD_TTL_MAX_S)
      const holdNo = `H${now.getTime()}${randomBytes(4).toString('hex')}`
      const row: Omit<HoldRow, 'id'> = {
        merchant_id: merchant.id, hold_no: holdNo, card_id: Number(card.id), card_no: card.card_no, app_id: appId, out_trade_no: body.out_trade_no,
        amount: body.amount, refunded: 0, status: capture ? 'captured' : 'held', items: body.items ? JSON.stringify(body.items) : null,
        expires_at: now.getTime() + ttl * 1000, created_at: now.getTime(), updated_at: now.getTime(),
      }
      let balance: number
      try {
        balance = await db.transaction(async (trx) => {
          const moved = await repo.moveBalance(trx, merchant.id, card, {
            type: capture ? 'debit' : 'hold', delta: -body.amount, actor, ref: { type: 'hold', id: holdNo }, at: now, usableOn: today(merchant),
            detail: { out_trade_no: body.out_trade_no },
          })
          if (!moved) throw refusal(merchant, await cardOf(merchant.id, Number(card.id), trx), body.amount)
          await repo.insertHold(trx, row)
          if (capture) {
            await enqueue(trx, [{
              merchant_id: merchant.id, topic: 'voucher.debited', idempotency_key: `voucher.debited:${holdNo}`,
              payload: { card_no: card.card_no, hold_no: holdNo, out_trade_no: body.out_trade_no, amount: body.amount, balance: moved.balance },
            }], now)
          }
          return moved.balance
        })
      } catch (err) {
        // The same out_trade_no at the same moment: the other request's hold is the answer.
        if (isUniqueViolation(err)) {
          const first = await repo.findHoldByOutTradeNo(db, appId, body.out_trade_no, cardNo)
          if (first) return { created: false, hold: holdView(first) }
        }
        throw err
      }
      return { created: true, hold: holdView({ ...row, id: 0 }, balance) }
    },

    /** Charges a hold (the mall's checkout succeeded): the amount is spent; voucher.debited is sent. */
    async capture (merchant: Merchant, appId: number | null, holdNo: string, actor: Actor) {
      const h = await loadHold(merchant, holdNo, appId)
      if (h.status === 'captured') return holdView(h, await balanceOf(merchant.id, Number(h.card_id)))
      const now = clock.now()
      const card = { id: Number(h.card_id), card_no: h.card_no }
      const done = await db.transaction(async (trx) => {
        if (!await repo.settleHold(trx, Number(h.id), 'captured', now, { unlapsed: true })) return false
        await repo.recordVoucherActivity(trx, merchant.id, card, { type: 'capture', actor, ref: { type: 'hold', id: h.hold_no }, at: now, detail: { amount: Number(h.amount) } })
        await enqueue(trx, [{
          merchant_id: merchant.id, topic: 'voucher.debited', idempotency_key: `voucher.debited:${h.hold_no}`,
          payload: { card_no: h.card_no, hold_no: h.hold_no, out_trade_no: h.out_trade_no, amount: Number(h.amount), balance: await balanceOf(merchant.id, card.id, trx) },
        }], now)
        return true
      })
      if (!done) {
        const fresh = (await repo.findHold(db, merchant.id, holdNo))!
        if (fresh.status === 'captured') return holdView(fresh, await balanceOf(merchant.id, card.id))
        // Lapsed but not swept yet: released now, and the capture is refused.
        if (fresh.status === 'held') await db.transaction((trx) => releaseHold(trx, fresh, { type: 'system', id: null, name: 'hold-lapse', ip: null }, now, true))
        throw errors.holdNotHeld({ details: [{ path: '/status', message: fresh.status === 'held' ? 'lapsed' : fresh.status }] })
      }
      return holdView({ ...h, status: 'captured', updated_at: now.getTime() }, await balanceOf(merchant.id, card.id))
    },

    /** Gives a held amount back (the checkout was abandoned). Releasing a released hold answers as before. */
    async release (merchant: Merchant, appId: number | null, holdNo: string, actor: Actor) {
      const h = await loadHold(merchant, holdNo, appId)
      if (h.status === 'released') return holdView(h, await balanceOf(merchant.id, Number(h.card_id)))
      if (h.status === 'captured') throw errors.holdNotHeld({ message: '该预授权已扣款，请用退款' })
      const now = clock.now()
      const done = await db.transaction((trx) => releaseHold(trx, h, actor, now, false))
      const fresh = (await repo.findHold(db, merchant.id, holdNo))!
      if (!done && fresh.status === 'captured') throw errors.holdNotHeld({ message: '该预授权已扣款，请用退款' })
      return holdView(fresh, await balanceOf(merchant.id, Number(h.card_id)))
    },

    /**
     * Refunds part or all of a captured hold to its voucher, even when the voucher has expired
     * since (it stays expired unless extended). Never more than was captured; one refund per
     * out_refund_no. voucher.refunded is sent.
     */
    async refund (merchant: Merchant, appId: number | null, holdNo: string, body: { amount: number; out_refund_no: string; reason?: string }, actor: Actor): Promise<ReturnType<typeof holdView>> {
      const h = await loadHold(merchant, holdNo, appId)
      if (h.status !== 'captured') throw errors.holdNotCaptured()
      const prior = await repo.findRefund(db, Number(h.id), body.out_refund_no)
      if (prior) {
        if (Number(prior.amount) !== body.amount) throw errors.outRefundNoReused()
        const fresh = (await repo.findHold(db, merchant.id, holdNo))!
        return holdView(fresh, await balanceOf(merchant.id, Number(h.card_id)))
      }
      const now = clock.now()
      const card = { id: Number(h.card_id), card_no: h.card_no }
      try {
        await db.transaction(async (trx) => {
          await repo.insertRefund(trx, { merchant_id: merchant.id, hold_id: Number(h.id), out_refund_no: body.out_refund_no, amount: body.amount, created_at: now.getTime() })
          if (!await repo.addRefund(trx, Number(h.id), body.amount, now)) {
            throw errors.refundTooLarge({ details: [{ path: '/amount', message: String(Number(h.amount) - Number(h.refunded)) }] })
          }
          const moved = await repo.moveBalance(trx, merchant.id, card, {
            type: 'refund', delta: body.amount, actor, ref: { type: 'hold', id: h.hold_no }, at: now, detail: { out_refund_no: body.out_refund_no, reason: body.reason ?? null },
          })
          if (!moved) throw new Error(`refund of hold ${h.hold_no}: its voucher is gone`)
          await enqueue(trx, [{
            merchant_id: merchant.id, topic: 'voucher.refunded', idempotency_key: `voucher.refunded:${h.hold_no}:${body.out_refund_no}`,
            payload: { card_no: h.card_no, hold_no: h.hold_no, out_trade_no: h.out_trade_no, out_refund_no: body.out_refund_no, amount: body.amount, balance: moved.balance },
          }], now)
        })
      } catch (err) {
        if (isUniqueViolation(err)) return service.refund(merchant, appId, holdNo, body, actor)
        throw err
      }
      const fresh = (await repo.findHold(db, merchant.id, holdNo))!
      return holdView(fresh, await balanceOf(merchant.id, card.id))
    },

    /** A mall's trade (out_trade_no): the hold on each voucher it pays with, and their sums. */
    async trade (merchant: Merchant, appId: number, outTradeNo: string) {
      const holds = await repo.holdsOfTrade(db, appId, outTradeNo)
      if (holds.length === 0 || holds.some((h) => Number(h.merchant_id) !== merchant.id)) throw errors.tradeNotFound()
      const views = holds.map((h) => holdView(h))
      const sum = (f: (h: ReturnType<typeof holdView>) => number) => views.reduce((n, h) => n + f(h), 0)
      return {
        out_trade_no: outTradeNo,
        held: sum((h) => (h.status === 'held' ? h.amount : 0)),
        captured: sum((h) => (h.status === 'captured' ? h.amount : 0)),
        refunded: sum((h) => h.refunded),
        holds: views,
      }
    },

    /**
     * Cancels a mall's trade (its order was cancelled): every voucher it paid with gets its share
     * back — what is still held is released, what was captured is refunded (the rest of it, after
     * any earlier refund), even to a voucher expired since. Cancelling again changes nothing.
     */
    async cancelTrade (merchant: Merchant, appId: number, outTradeNo: string, body: { reason?: string }, actor: Actor) {
      const holds = await repo.holdsOfTrade(db, appId, outTradeNo)
      if (holds.length === 0 || holds.some((h) => Number(h.merchant_id) !== merchant.id)) throw errors.tradeNotFound()
      for (const h of holds) {
        if (h.status === 'held') {
          const now = clock.now()
          if (await db.transaction((trx) => releaseHold(trx, h, actor, now, false))) continue
        }
        // The rest of a capture, as it stands: a refund that lands meanwhile leaves less, and the
        // refund below then fails its conditional update and is tried again with the new rest.
        for (let attempt = 0; ; attempt++) {
          const fresh = (await repo.findHold(db, merchant.id, h.hold_no))!
          const rest = Number(fresh.amount) - Number(fresh.refunded)
          if (fresh.status !== 'captured' || rest <= 0) break
          try {
            // A space: no refund number a mall can send (visible ASCII without spaces) is this one.
            await service.refund(merchant, appId, h.hold_no, { amount: rest, out_refund_no: `CANCEL ${fresh.refunded}`, reason: body.reason ?? '订单取消' }, actor)
            break
          } catch (err) {
            if (attempt >= 4 || (err as { code?: string }).code !== errors.refundTooLarge.code) throw err
          }
        }
      }
      return service.trade(merchant, appId, outTradeNo)
    },

    async getHold (merchant: Merchant, appId: number | null, holdNo: string) {
      const h = await loadHold(merchant, holdNo, appId)
      return holdView(h, await balanceOf(merchant.id, Number(h.card_id)))
    },

    /**
     * The one extension (延期): +30 days, while valid or up to 30 days after expiry, never before
     * activation, never twice. voucher.extended is sent. `dryRun` answers what it would do.
     */
    async extend (merchant: Merchant, card: CardRow, actor: Actor, opts: { dryRun?: boolean } = {}) {
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      if (card.extended_at !== null && card.extended_at !== undefined) throw errors.extendedAlready()
      if (card.balance === null || card.balance === undefined || card.status === 'inactive') throw errors.extendNotAllowed({ message: '储值券尚未激活，不能延期' })
      if (card.status !== 'active') throw errors.extendNotAllowed({ message: '储值券已作废，不能延期' })
      if (!card.valid_to) throw errors.extendNoExpiry()
      const day = today(merchant)
      if (day > addDays(card.valid_to, EXTEND_GRACE_DAYS)) throw errors.extendNotAllowed({ details: [{ path: '/valid_to', message: card.valid_to }] })
      const to = addDays(card.valid_to, EXTENSION_DAYS)
      if (opts.dryRun) return { card_no: card.card_no, valid_to_before: card.valid_to, valid_to: to, dry_run: true }
      const now = clock.now()
      const ok = await db.transaction(async (trx) => {
        if (!await repo.extendVoucher(trx, merchant.id, Number(card.id), card.valid_to!, to, now)) return false
        await repo.recordVoucherActivity(trx, merchant.id, { id: Number(card.id), card_no: card.card_no }, { type: 'extend', actor, ref: null, at: now, detail: { from: card.valid_to, to } })
        await enqueue(trx, [{ merchant_id: merchant.id, topic: 'voucher.extended', idempotency_key: `voucher.extended:${card.id}`, payload: { card_no: card.card_no, valid_to_before: card.valid_to, valid_to: to } }], now)
        return true
      })
      if (!ok) throw errors.extendedAlready()
      return { card_no: card.card_no, valid_to_before: card.valid_to, valid_to: to, dry_run: false }
    },

    /** Binds a voucher (number + password) to a phone: from then on only that phone may use it. */
    async bind (merchant: MerchantRow, cardNo: string, password: string, phone: string, caller: { app_id: number } | { ip: string }, actor: Actor) {
      if (!MOBILE.test(phone)) throw errors.phoneInvalid()
      const card = await verifyPassword(merchant, cardNo, password, caller)
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      if (card.phone === phone) return view(merchant, card)
      if (card.phone) throw errors.voucherAlreadyBound()
      const now = clock.now()
      const ok = await db.transaction(async (trx) => {
        if (!await repo.setVoucherPhone(trx, merchant.id, Number(card.id), phone, null, now)) return false
        await repo.recordVoucherActivity(trx, merchant.id, { id: Number(card.id), card_no: card.card_no }, { type: 'bind', actor, ref: null, at: now, detail: { phone: maskPhone(phone) } })
        return true
      })
      if (!ok) throw errors.voucherAlreadyBound()
      return view(merchant, await cardOf(merchant.id, Number(card.id)))
    },

    /** An admin unbinds a voucher from its phone, with a reason (audited). */
    async unbind (merchant: Merchant, card: CardRow, reason: string, actor: Actor) {
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      if (!card.phone) throw errors.voucherNotBound({ message: '该储值券没有绑定手机号' })
      const now = clock.now()
      await db.transaction(async (trx) => {
        if (!await repo.setVoucherPhone(trx, merchant.id, Number(card.id), null, card.phone!, now)) throw errors.cardStateInvalid()
        await repo.recordVoucherActivity(trx, merchant.id, { id: Number(card.id), card_no: card.card_no }, { type: 'unbind', actor, ref: null, at: now, detail: { phone: maskPhone(card.phone!), reason } })
        await insertAudit(trx, merchant.id, actor, { action: 'vouchers.unbind', target_type: 'card', target_id: card.card_no, summary: { reason, phone: maskPhone(card.phone!) } }, now)
      })
      return view(merchant, await cardOf(merchant.id, Number(card.id)))
    },

    /** An admin's adjustment (余额调整) with a reason: any amount that keeps the balance at 0 or above; audited. */
    async adjust (merchant: Merchant, card: CardRow, delta: number, reason: string, actor: Actor) {
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      if (card.balance === null || card.balance === undefined) throw errors.voucherInactive({ message: '储值券尚未激活，不能调整余额' })
      const now = clock.now()
      await db.transaction(async (trx) => {
        const moved = await repo.moveBalance(trx, merchant.id, { id: Number(card.id), card_no: card.card_no }, { type: 'adjust', delta, actor, ref: null, at: now, detail: { reason } })
        if (!moved) throw errors.adjustInvalid({ details: [{ path: '/balance', message: String(await balanceOf(merchant.id, Number(card.id), trx)) }] })
        await insertAudit(trx, merchant.id, actor, { action: 'vouchers.adjust', target_type: 'card', target_id: card.card_no, summary: { delta, reason, balance_after: moved.balance } }, now)
      })
      return view(merchant, await cardOf(merchant.id, Number(card.id)))
    },

    /** A voucher of the merchant by number (an admin's lookup), or 404 card_not_found; 409 card_not_voucher for a pickup card. */
    async find (merchantId: number, cardNo: string): Promise<CardRow> {
      const card = await cardsRepo.findUsableCard(db, merchantId, cardNo)
      if (!card) throw errors.cardNotFound()
      if (card.kind !== 'stored_value') throw errors.notVoucher()
      return card
    },

    /** The back office's voucher: its view and its recent holds. */
    async adminView (merchant: Merchant, cardNo: string) {
      const card = await service.find(merchant.id, cardNo)
      const holds = await repo.holdsOfCard(db, merchant.id, Number(card.id), 50)
      return { ...await view(merchant, card), holds: holds.map((h) => holdView(h)) }
    },

    /**
     * Runs releaseLapsed every `everyMs` and remindExpiring every ten minutes (every instance
     * may: each release and each reminder happens once); returns the stop. A failing database
     * fails a round, logged; the next round tries again.
     */
    startSweep (everyMs = 30_000): () => void {
      let running: Promise<unknown> | null = null
      let remindedAt = 0
      const timer = setInterval(() => {
        if (running) return
        const remind = Date.now() - remindedAt >= REMIND_EVERY_MS
        // Each part on its own: a failing release never keeps the reminders from running.
        running = (async () => {
          await service.releaseLapsed().catch((err) => log.error({ err }, 'vouchers.sweep.failed'))
          if (remind) {
            remindedAt = Date.now()
            await service.remindExpiring().catch((err) => log.error({ err }, 'vouchers.reminders.failed'))
          }
        })().finally(() => { running = null })
      }, everyMs)
      timer.unref()
      return () => clearInterval(timer)
    },

    /**
     * The expiry reminders (到期提醒): every active voucher with balance left whose last day is
     * within the merchant's N days gets one voucher.expiring event (its webhook, and the text to
     * its bound phone when switched on), once per last day (an extension starts it over): the
     * conditional update that marks it claims it, in the transaction that writes the event, so
     * two instances never both send. Returns how many were reminded this round.
     */
    async remindExpiring (opts: { limit?: number } = {}): Promise<number> {
      const now = clock.now()
      const limit = opts.limit ?? 500
      let n = 0
      for (const m of await repo.voucherMerchants(db)) {
        const day = localDate(m.timezone, now)
        const days = await reminderDays(m.id)
        // Page after page until one comes back short: a claimed voucher leaves the query, so
        // each page is the next (another instance may take some of it; it goes on to the rest).
        for (let page = 0; page < 1000; page++) {
          const due = await repo.expiringVouchers(db, m.id, day, addDays(day, days - 1), limit)
          for (let i = 0; i < due.length; i += 50) {
            n += await db.transaction(async (trx) => {
              const claimed = []
              for (const v of due.slice(i, i + 50)) if (await repo.claimReminder(trx, m.id, Number(v.id), now)) claimed.push(v)
              // Keyed by the last day too: an extended voucher is reminded of its new one in its turn.
              await enqueue(trx, claimed.map((v) => ({
                merchant_id: m.id, topic: 'voucher.expiring' as const, idempotency_key: `voucher.expiring:${v.id}:${v.valid_to}`,
                payload: { card_no: v.card_no, balance: Number(v.balance), valid_to: v.valid_to, days_left: daysBetween(day, v.valid_to) + 1, bound: v.phone !== null },
              })), now)
              return claimed.length
            })
          }
          if (due.length < limit) break
        }
      }
      return n
    },

    /** Releases the holds whose time ran out (any instance; each release happens once). Returns how many. */
    async releaseLapsed (limit = 200): Promise<number> {
      const now = clock.now()
      const actor: Actor = { type: 'system', id: null, name: 'hold-lapse', ip: null }
      let n = 0
      for (const h of await repo.lapsedHolds(db, now.getTime(), limit)) {
        // One hold that cannot be released is logged and passed over, not the whole round.
        try {
          if (await db.transaction((trx) => releaseHold(trx, h, actor, now, true))) n++
        } catch (err) {
          log.error({ err, hold_no: h.hold_no }, 'vouchers.release_failed')
        }
      }
      return n
    },
  }
  return service
}

export type VouchersService = ReturnType<typeof createVouchersService>
