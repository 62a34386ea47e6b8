// Redemption (提货): card verification with its brute-force defences, and the one
// transaction that turns a card into an order exactly once, whatever the channel.
import { randomBytes, randomInt } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { deriveKey, hmacKey, safeEqual } from '../../shared/crypto.js'
import { countersAtCap, reservationSlot, takeCapped } from '../../shared/counters.js'
import { localDate } from '../../shared/dates.js'
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { addressKey, count, failed, lockIfSpent, networkKey, reserve, succeeded, type Guard } from '../../shared/guards.js'
import { tooManyAttempts } from '../../shared/errors.js'
import type { Actor } from '../audit/audit.repository.js'
import { imageUrl, type CatalogService } from '../catalog/catalog.service.js'
import { cardPasswordHash } from '../cards/card-secrets.js'
import * as cardsRepo from '../cards/cards.repository.js'
import type { CardRow } from '../cards/cards.repository.js'
import type { MerchantRow, MerchantsService } from '../merchants/merchants.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { activeOrderNoOfCard, findOrder, insertOrder, insertOrderEvent, latestOrderOfCard, toOrders, type OrderRow } from '../orders/orders.repository.js'
import { trackingLines } from '../tracking/tracking.repository.js'
import type { ChannelValue, Consignee, Order } from '../orders/orders.schemas.js'
import type { SettingsService } from '../settings/settings.service.js'
import type { Pickup } from '../settings/settings.schemas.js'
import * as errors from './redemption.errors.js'
import * as cardErrors from '../cards/cards.errors.js'
import { checkReserveDate, lockedFor, reservableDates } from './redemption.rules.js'


const TOKEN_MS = 15 * 60_000
const MINUTE = 60_000
/** 20 failures from one address (IPv6: one /64) in 10 minutes block it for 10 minutes from the 20th. */
export const ADDRESS_GUARD: Guard = { kind: 'redeem_addr', max: 20, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }
/** 200 failures from one IPv6 /48 (65,536 /64s) in 10 minutes block the whole /48 for 10 minutes. */
export const NETWORK_GUARD: Guard = { kind: 'redeem_net', max: 200, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }
/**
 * An open-platform app redeems for all its customers from one place: a wider budget of its own,
 * spent only by passwords that were checked and wrong — not by tries at a number already locked,
 * so one customer hammering a locked card cannot shut the mall's redemptions.
 */
export const APP_GUARD: Guard = { kind: 'redeem_app', max: 1000, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }
/** 5 wrong passwords for one number from one caller lock that number for that caller, 30 minutes. */
export const CARD_CALLER_GUARD: Guard = { kind: 'redeem_card_caller', max: 5, windowMs: 30 * MINUTE, lockMs: 30 * MINUTE, usuallyNew: true }
/** 20 wrong passwords for one number from all callers in a day lock it for everyone until the day's window ends. */
export const CARD_GUARD: Guard = { kind: 'redeem_card', max: 20, windowMs: 24 * 60 * MINUTE, lockMs: 24 * 60 * MINUTE, usuallyNew: true }
/**
 * A voucher looked up by the phone it is bound to: 64 tries of one number from one caller in 30
 * minutes (a mall's checkout may hold one voucher many times at once: every try is counted
 * while it runs), 200 from everyone in a day. A phone's last four digits are 10,000 tries.
 */
export const PHONE_CALLER_GUARD: Guard = { kind: 'voucher_phone_caller', max: 64, windowMs: 30 * MINUTE, lockMs: 30 * MINUTE, usuallyNew: true }
export const PHONE_CARD_GUARD: Guard = { kind: 'voucher_phone', max: 200, windowMs: 24 * 60 * MINUTE, lockMs: 24 * 60 * MINUTE, usuallyNew: true }
/**
 * Guessing spread over many cards slips under every per-card limit: past 200 failures across a
 * merchant's cards in an hour the merchant is told (webhook security.guessing and an SMS to the
 * admin phones), once per hour.
 */
export const GUESSING_ALERT: Guard = { kind: 'redeem_merchant', max: 200, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE }
const DUMMY_PEPPER = randomBytes(32)

/** Who is guessing: a client address, or an open-platform app (whose customers share its address). */
export type Caller = { ip: string } | { app_id: number }

export interface RedeemInput {
  product_id: number
  consignee?: Consignee | null
  reserve_date?: string | null
  remark?: string | null
  channel: ChannelValue
  staff_id?: number | null
  app_id?: number | null
  out_order_no?: string | null
}

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; merchants: MerchantsService; settings: SettingsService; catalog: CatalogService; publicBaseUrl: string }

/**
 * Order numbers: the merchant-local time to the second, then 6 random digits — sortable, not a
 * sequence. The time part is formatted once a second per zone (UTC offsets are whole seconds).
 */
const orderNoFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; prefix: string }>()
function newOrderNo (tz: string, at: Date): string {
  let f = orderNoFormats.get(tz)
  if (!f) {
    f = {
      format: new Intl.DateTimeFormat('en-GB', {
        timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
      }),
      second: NaN,
      prefix: '',
    }
    orderNoFormats.set(tz, f)
  }
  const second = Math.floor(at.getTime() / 1000)
  if (second !== f.second) {
    const parts = f.format.formatToParts(at)
    const get = (t: string) => parts.find((p) => p.type === t)!.value
    f.prefix = `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`
    f.second = second
  }
  return `${f.prefix}${String(randomInt(1_000_000)).padStart(6, '0')}`
}

export function createRedemptionService ({ db, clock, masterKey, merchants, settings, catalog, publicBaseUrl }: Deps) {
  const tokenKey = hmacKey(deriveKey(masterKey, 'redeem-token'))

  async function merchantByCode (code: string): Promise<MerchantRow> {
    const m = await merchants.findByCode(code)
    if (!m) throw errors.merchantNotFound({ message: '提货页面不存在' })
    return m
  }

  /** Counts a failure across the merchant's cards; the one failure that passes the threshold queues the alert. */
  async function noticeFailure (merchant: MerchantRow, now: Date): Promise<void> {
    const subject = String(merchant.id)
    await count(db, GUESSING_ALERT, subject, now)
    if (!await lockIfSpent(db, GUESSING_ALERT, subject, now)) return
    await enqueue(db, [{
      merchant_id: merchant.id, topic: 'security.guessing', idempotency_key: `security.guessing:${merchant.id}:${now.getTime()}`,
      payload: { failures: GUESSING_ALERT.max, window_minutes: GUESSING_ALERT.windowMs / MINUTE, detected_at: now.toISOString() },
    }], now)
  }

  /**
   * The card behind a number and password, or 422 card_invalid — the same answer, after the
   * same work (three counter reservations, one lookup, one HMAC), for a wrong number and a
   * wrong password. Every attempt is counted before the password is checked (shared/guards.ts):
   * the caller's budget (an address — IPv6 by /64 — or an open-platform app), the number from
   * this caller (5 → locked for this caller only, so a stranger cannot lock the holder out), and
   * the number from everyone (20 a day: guessing one card from many addresses stops there).
   * Unknown numbers are counted exactly like real ones, so a lock tells nothing about a number.
   */
  /** The budgets a caller spends on every attempt: an address (and its network) or an app. */
  function budgetsOf (caller: Caller): Array<{ guard: Guard; subject: string }> {
    if ('app_id' in caller) return [{ guard: APP_GUARD, subject: `app:${caller.app_id}` }]
    const network = networkKey(caller.ip)
    const address = { guard: ADDRESS_GUARD, subject: addressKey(caller.ip) }
    return network ? [address, { guard: NETWORK_GUARD, subject: network }] : [address]
  }

  /** Reserves an attempt of each budget, before anything is checked; refused past any of them. */
  async function spendBudgets (budgets: Array<{ guard: Guard; subject: string }>, now: Date): Promise<void> {
    for (const [i, b] of budgets.entries()) {
      const spend = await reserve(db, b.guard, b.subject, now)
      if (!spend.allowed) {
        // The address's attempt stays spent when its network is what refused.
        if (i > 0) await lockIfSpent(db, budgets[0].guard, budgets[0].subject, now)
        throw tooManyAttempts({ headers: { 'retry-after': String(Math.ceil(spend.retryAfterMs / 1000)) } })
      }
    }
  }

  async function verifyPassword (merchant: MerchantRow, cardNo: string, password: string, caller: Caller): Promise<CardRow> {
    const now = clock.now()
    const budgets = budgetsOf(caller)
    const who = budgets[0].subject
    const number = `${merchant.id}:${cardNo}`
    const perCaller = `${number}|${who}`
    await spendBudgets(budgets, now)
    const mine = await reserve(db, CARD_CALLER_GUARD, perCaller, now)
    const everyone = mine.allowed ? await reserve(db, CARD_GUARD, number, now) : null
    const pepper = await merchants.pepper(merchant.id)
    const card = await cardsRepo.findUsableCard(db, merchant.id, cardNo)
    const hash = cardPasswordHash(card ? pepper : DUMMY_PEPPER, cardNo, password)
    const ok = mine.allowed && everyone!.allowed && card !== undefined && safeEqual(hash, card.password_hash)
    if (!ok) {
      const refusedByLock = !mine.allowed || !everyone!.allowed
      if (refusedByLock && 'app_id' in caller) await succeeded(db, [{ ...budgets[0], mode: 'refund' }])
      // Every other attempt that did not pass spends the caller's budgets; a spent one is blocked for its lockMs.
      else for (const b of budgets) await lockIfSpent(db, b.guard, b.subject, now)
      // A locked number answers only after the same lookup and HMAC as any other.
      if (!mine.allowed) throw lockedFor(mine.retryAfterMs)
      if (!everyone!.allowed) throw lockedFor((everyone as { retryAfterMs: number }).retryAfterMs)
      const lock = await failed(db, CARD_CALLER_GUARD, perCaller, now)
      const wide = await failed(db, CARD_GUARD, number, now)
      await noticeFailure(merchant, now)
      if (lock.locked || wide.locked) throw lockedFor(Math.max(lock.retryAfterMs, wide.retryAfterMs))
      throw errors.cardInvalid()
    }
    await succeeded(db, [
      ...budgets.map((b) => ({ ...b, mode: 'refund' as const })),
      { guard: CARD_CALLER_GUARD, subject: perCaller, mode: 'clear' },
      { guard: CARD_GUARD, subject: number, mode: 'refund' },
    ])
    return card!
  }

  /**
   * A stored-value voucher by its number and the phone it is bound to, or 422 card_invalid (an
   * unknown number, a card bound to another phone or to none, a pickup card: all the same).
   * Every attempt is counted before the phone is compared, as a password is: the caller's
   * budget, the number from this caller and from everyone (PHONE_CALLER_GUARD, PHONE_CARD_GUARD:
   * wider than a password's, since a checkout holds one voucher many times at once), each
   * refunded when right; a spent one locks.
   */
  async function verifyBoundPhone (merchant: MerchantRow, cardNo: string, phone: string, caller: Caller): Promise<CardRow> {
    const now = clock.now()
    const budgets = budgetsOf(caller)
    const number = `${merchant.id}:${cardNo}`
    const perCaller = `${number}|${budgets[0].subject}`
    await spendBudgets(budgets, now)
    const mine = await reserve(db, PHONE_CALLER_GUARD, perCaller, now)
    const everyone = mine.allowed ? await reserve(db, PHONE_CARD_GUARD, number, now) : null
    const card = await cardsRepo.findUsableCard(db, merchant.id, cardNo)
    const ok = mine.allowed && everyone!.allowed && card !== undefined && card.kind === 'stored_value' && Boolean(card.phone) && card.phone === phone
    if (!ok) {
      for (const b of budgets) await lockIfSpent(db, b.guard, b.subject, now)
      if (!mine.allowed) throw lockedFor(mine.retryAfterMs)
      if (!everyone!.allowed) throw lockedFor((everyone as { retryAfterMs: number }).retryAfterMs)
      const lock = await failed(db, PHONE_CALLER_GUARD, perCaller, now)
      const wide = await failed(db, PHONE_CARD_GUARD, number, now)
      await noticeFailure(merchant, now)
      if (lock.locked || wide.locked) throw lockedFor(Math.max(lock.retryAfterMs, wide.retryAfterMs))
      throw errors.cardInvalid()
    }
    await succeeded(db, [
      ...budgets.map((b) => ({ ...b, mode: 'refund' as const })),
      { guard: PHONE_CALLER_GUARD, subject: perCaller, mode: 'refund' },
      { guard: PHONE_CARD_GUARD, subject: number, mode: 'refund' },
    ])
    return card!
  }

  /** The state rules, after the password: active, inside its validity window, not redeemed. */
  async function checkRedeemable (merchant: MerchantRow, card: CardRow): Promise<void> {
    // A stored-value voucher is spent through its balance, never redeemed for a product.
    if (card.kind === 'stored_value') throw cardErrors.notPickupCard()
    if (card.status === 'redeemed') {
      const orderNo = await activeOrderNoOfCard(db, card.id)
      throw errors.cardRedeemed(orderNo ? { details: [{ path: '/order_no', message: orderNo }] } : {})
    }
    if (card.status !== 'active') throw errors.cardInactive()
    const today = localDate(merchant.timezone, clock.now())
    if (card.valid_from && today < card.valid_from) throw errors.cardNotStarted()
    if (card.valid_to && today > card.valid_to) throw errors.cardExpired()
  }

  async function signToken (merchant: MerchantRow, card: CardRow): Promise<string> {
    const now = clock.now()
    return new SignJWT({ mid: merchant.id, cno: card.card_no })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(card.id))
      .setAudience('kaquan-redeem')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor((now.getTime() + TOKEN_MS) / 1000))
      .sign(await tokenKey)
  }

  /** The card a token was issued for; 401 token_invalid for a bad, lapsed or foreign token (a database error stays one). */
  async function cardFromToken (merchant: MerchantRow, token: string): Promise<CardRow> {
    let payload: { mid?: unknown; cno?: unknown; sub?: unknown }
    try {
      ({ payload } = await jwtVerify(token, await tokenKey, { audience: 'kaquan-redeem', algorithms: ['HS256'], currentDate: clock.now() }))
    } catch {
      throw errors.tokenInvalid()
    }
    if (payload.mid !== merchant.id || typeof payload.cno !== 'string') throw errors.tokenInvalid()
    const card = await cardsRepo.findCard(db, merchant.id, Number(payload.sub))
    if (!card || card.card_no !== payload.cno) throw errors.tokenInvalid()
    return card
  }

  async function pickupSettings (merchant: MerchantRow): Promise<Pickup> {
    const pickup = await settings.cached(merchant.id, 'pickup')
    if (!pickup.enabled) throw errors.pickupPaused({ message: pickup.pause_message || errors.pickupPaused().message })
    return pickup
  }

  async function offeredProducts (card: CardRow) {
    return (await catalog.setProducts(Number(card.merchant_id), Number(card.product_set_id))).filter((p) => p.status === 'on')
  }

  /**
   * The one transaction: a conditional update of the card (still active, not redeemed) whose
   * row count must be 1, the order, the card's ledger row, and the outbox rows. Under any
   * concurrency one card yields one order.
   */
  async function redeem (merchant: MerchantRow, card: CardRow, input: RedeemInput, actor: Actor): Promise<OrderRow> {
    const pickup = await pickupSettings(merchant)
    await checkRedeemable(merchant, card)
    const product = (await offeredProducts(card)).find((p) => p.product_id === input.product_id)
    if (!product) throw errors.productNotAllowed()
    const now = clock.now()
    const today = localDate(merchant.timezone, now)
    const reserveDate = input.channel === 'store' ? null : input.reserve_date ?? null
    if (input.channel !== 'store') checkReserveDate(pickup, today, reserveDate)

    for (let attempt = 0; ; attempt++) {
      const orderNo = newOrderNo(merchant.timezone, now)
      try {
        return await db.transaction(async (trx) => {
          const won = await cardsRepo.moveCards(trx, merchant.id, [{
            id: card.id, card_no: card.card_no, batch_id: Number(card.batch_id), set: { redeemed_at: now.getTime() }, detail: { product_id: product.product_id, channel: input.channel },
          }], { from: 'active', to: 'redeemed', type: 'redeem', actor, ref: { type: 'order', id: orderNo }, at: now })
          if (won.size !== 1) throw errors.cardRedeemed()
          if (reserveDate && pickup.daily_cap) await takeDailySlot(trx, merchant.id, reserveDate, pickup.daily_cap)
          const store = input.channel === 'store'
          const row: Omit<OrderRow, 'id'> = {
            merchant_id: merchant.id,
            order_no: orderNo,
            card_id: card.id,
            card_no: card.card_no,
            batch_id: card.batch_id,
            product_id: product.product_id,
            product_name: product.name,
            goods_no: product.goods_no,
            spec_no: product.spec_no,
            channel: input.channel,
            status: store ? 'completed' : 'pending',
            consignee_name: input.consignee?.name ?? null,
            consignee_phone: input.consignee?.phone ?? null,
            province: input.consignee?.province ?? null,
            city: input.consignee?.city ?? null,
            district: input.consignee?.district ?? null,
            address: input.consignee?.address ?? null,
            reserve_date: reserveDate,
            due_day: reserveDate ?? today,
            shipped_day: null,
            remark: input.remark ?? null,
            courier_code: null,
            waybill_no: null,
            staff_id: input.staff_id ?? null,
            app_id: input.app_id ?? null,
            out_order_no: input.out_order_no ?? null,
            shipped_at: null,
            delivered_at: null,
            completed_at: store ? now.getTime() : null,
            cancelled_at: null,
            created_at: now.getTime(),
            updated_at: now.getTime(),
          }
          const order = { ...row, id: await insertOrder(trx, row as Omit<OrderRow, 'id'>) } as OrderRow
          await insertOrderEvent(trx, { merchant_id: merchant.id, order_id: order.id, type: 'created', actor_type: actor.type, actor_id: actor.id, actor_name: actor.name, detail: { channel: input.channel }, at: now })
          const [view] = await toOrders(trx, merchant.id, [order])
          await enqueue(trx, [
            { merchant_id: merchant.id, topic: 'order.created', idempotency_key: `order.created:${orderNo}`, payload: { order: view } },
            { merchant_id: merchant.id, topic: 'card.redeemed', idempotency_key: `card.redeemed:${orderNo}`, payload: { card_no: card.card_no, order_no: orderNo, product_id: product.product_id } },
          ], now)
          return order
        })
      } catch (err) {
        // An order number drawn twice in one second: draw again.
        if (isUniqueViolation(err) && attempt < 3) continue
        if ((err as { code?: string }).code === errors.cardRedeemed.code) {
          // Lost the race, or the state changed since the checks: answer with the real reason.
          const fresh = await cardsRepo.findCard(db, merchant.id, card.id)
          if (fresh) await checkRedeemable(merchant, fresh)
        }
        throw err
      }
    }
  }

  /** Of these days, the ones whose daily cap is taken. */
  async function fullDays (merchantId: number, pickup: Pickup, days: string[]): Promise<Set<string>> {
    if (!pickup.daily_cap || days.length === 0) return new Set()
    const full = new Set(await countersAtCap(db, merchantId, days.map(reservationSlot), pickup.daily_cap))
    return new Set(days.filter((d) => full.has(reservationSlot(d))))
  }

  /** What a verified card shows: face value, validity and the products it can be exchanged for. */
  async function cardView (card: CardRow) {
    const products = await offeredProducts(card)
    return {
      card: { card_no: card.card_no, face_value: card.face_value === null ? null : Number(card.face_value), valid_from: card.valid_from, valid_to: card.valid_to },
      products: products.map((p) => ({
        product_id: p.product_id, name: p.name, description: p.description,
        image_url: (JSON.parse(p.images) as string[]).map((i) => imageUrl(i, publicBaseUrl))[0] ?? null,
      })),
    }
  }

  async function takeDailySlot (trx: Db, merchantId: number, day: string, cap: number): Promise<void> {
    if (!await takeCapped(trx, merchantId, reservationSlot(day), cap)) throw errors.reserveDateInvalid({ message: '该日期预约已满，请选择其他日期' })
  }

  return {
    merchantByCode,
    verifyPassword,
    verifyBoundPhone,
    checkRedeemable,
    redeem,

    async config (code: string) {
      const merchant = await merchantByCode(code)
      const storefront = await settings.cached(merchant.id, 'storefront')
      const pickup = await settings.cached(merchant.id, 'pickup')
      const today = localDate(merchant.timezone, clock.now())
      const days = reservableDates(pickup, today)
      const full = await fullDays(merchant.id, pickup, days)
      return {
        merchant: { code: merchant.code, name: merchant.name },
        storefront,
        pickup: { enabled: pickup.enabled, pause_message: pickup.enabled ? null : pickup.pause_message },
        reservation: {
          ...pickup.reservation, today, daily_cap: pickup.daily_cap,
          available_dates: days.filter((d) => !full.has(d)),
        },
      }
    },

    /** Customer step 1: number + password → a 15-minute token and what the card can redeem. */
    async verify (code: string, cardNo: string, password: string, ip: string) {
      const merchant = await merchantByCode(code)
      await pickupSettings(merchant)
      const card = await verifyPassword(merchant, cardNo, password, { ip })
      await checkRedeemable(merchant, card)
      return {
        token: await signToken(merchant, card),
        expires_at: new Date(clock.now().getTime() + TOKEN_MS).toISOString(),
        ...await cardView(card),
      }
    },

    /** Customer step 2: the token, a product and an address → the order. */
    async submit (code: string, body: { token: string; product_id: number; consignee: Consignee; reserve_date?: string; remark?: string }, ip: string) {
      const merchant = await merchantByCode(code)
      const card = await cardFromToken(merchant, body.token)
      const order = await redeem(merchant, card, { ...body, channel: 'web' }, { type: 'customer', id: null, name: 'customer', ip })
      const pickup = await settings.cached(merchant.id, 'pickup')
      return { order_no: order.order_no, redirect_url: pickup.redirect_url ?? undefined }
    },

    /** The customer's view of an order, by token or by card number + password. */
    async customerOrder (code: string, orderNo: string, auth: { token?: string; card_no?: string; password?: string }, ip: string): Promise<Order> {
      const merchant = await merchantByCode(code)
      let card: CardRow
      if (auth.token) card = await cardFromToken(merchant, auth.token)
      else if (auth.card_no && auth.password) card = await verifyPassword(merchant, auth.card_no, auth.password, { ip })
      else throw errors.tokenInvalid()
      const row = await findOrder(db, merchant.id, orderNo)
      if (!row || Number(row.card_id) !== Number(card.id)) throw errors.cardInvalid({ message: '订单不存在' })
      return { ...(await toOrders(db, merchant.id, [row]))[0], tracking: await trackingLines(db, row.id) }
    },

    /**
     * "My order": the card's latest order, by card number + password (the customer has no order
     * number to hand). The same lockouts as verification; 404 order_not_found for an unused card.
     */
    async lookupOrder (code: string, cardNo: string, password: string, ip: string): Promise<Order> {
      const merchant = await merchantByCode(code)
      const card = await verifyPassword(merchant, cardNo, password, { ip })
      const row = await latestOrderOfCard(db, merchant.id, card.id)
      if (!row) throw errors.orderNotFound({ message: '该卡券还没有提货订单' })
      return { ...(await toOrders(db, merchant.id, [row]))[0], tracking: await trackingLines(db, row.id) }
    },

    /** Staff step 1 (到店提货 / 电话提货): the card and its products, checked like the customer's. */
    async staffVerify (merchantId: number, cardNo: string, password: string, actor: Actor) {
      const merchant = (await merchants.findById(merchantId))!
      await pickupSettings(merchant)
      const card = await verifyPassword(merchant, cardNo, password, { ip: actor.ip ?? 'unknown' })
      await checkRedeemable(merchant, card)
      return cardView(card)
    },

    /** Staff pickups (到店提货 / 电话提货): the same checks and lockouts, the staff member recorded. */
    async staffPickup (merchantId: number, body: { card_no: string; password: string; product_id: number; consignee?: Consignee; reserve_date?: string; remark?: string }, channel: 'store' | 'phone', actor: Actor): Promise<Order> {
      const merchant = (await merchants.findById(merchantId))!
      const card = await verifyPassword(merchant, body.card_no, body.password, { ip: actor.ip ?? 'unknown' })
      const order = await redeem(merchant, card, { ...body, channel, staff_id: actor.id }, actor)
      return (await toOrders(db, merchant.id, [order]))[0]
    },
  }
}

export type RedemptionService = ReturnType<typeof createRedemptionService>
