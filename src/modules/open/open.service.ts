// The open platform's domain: issuing cards to phone numbers (all or nothing), cancelling an
// issue, card and order views for malls, redemption through the shared exactly-once service,
// and the nonce and Idempotency-Key state the open-auth plugin keeps.
import { randomInt } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { isUniqueViolation } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { validationFailed } from '../../shared/errors.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { listProducts, productsOfSets } from '../catalog/catalog.repository.js'
import { imageUrl } from '../catalog/catalog.service.js'
import { cardPasswordKey, decryptCardPassword } from '../cards/card-secrets.js'
import * as cardsRepo from '../cards/cards.repository.js'
import { distributorExists } from '../distributors/distributors.repository.js'
import type { MerchantRow } from '../merchants/merchants.service.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { activeOrderNoOfCard, findOrder, findOrderByOutOrderNo, ordersChangedSince, toOpenOrder, toOrders, type OrderRow } from '../orders/orders.repository.js'
import { trackingLines } from '../tracking/tracking.repository.js'
import { maskPhone } from '../../shared/phone.js'
import type { Consignee } from '../orders/orders.schemas.js'
import type { RedemptionService } from '../redemption/redemption.service.js'
import type { AppRow } from './apps.repository.js'
import type { Scope } from './apps.schemas.js'
import * as authRepo from './open-auth.repository.js'
import type { IdempotencyRow } from './open-auth.repository.js'
import * as errors from './open.errors.js'
import * as repo from './open.repository.js'

export interface IssueBody { out_order_no: string; batch_no: string; items: Array<{ phone: string; quantity: number }>; send_sms: boolean; distributor_id?: number }
export interface RedemptionBody { out_order_no: string; card_no: string; password: string; product_id: number; consignee: Consignee; reserve_date?: string; remark?: string }

const MOBILE = /^1[0-9]{10}$/

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; publicBaseUrl: string; redemption: RedemptionService }

export function createOpenService ({ db, clock, masterKey, publicBaseUrl, redemption }: Deps) {
  function redeemUrl (merchant: MerchantRow, cardNo: string): string {
    return `${publicBaseUrl}/r/${merchant.code}?c=${encodeURIComponent(cardNo)}`
  }

  /** Every answer that carries card passwords is audited: how many, of which issue, by which way. */
  async function recordSecretsRead (merchantId: number, actor: Actor, issueNo: string | null, cards: number, via: 'open_api' | 'idempotent_replay'): Promise<void> {
    await insertAudit(db, merchantId, actor, { action: 'cards.secrets_read', target_type: 'card_issue', target_id: issueNo, summary: { cards, via } }, clock.now())
  }

  /** The issue as the mall sees it; with cards:secrets the passwords too, and every such answer is audited. */
  async function issueView (merchant: MerchantRow, issue: { id: number; issue_no: string; out_order_no: string; status: string }, scopes: Scope[], actor: Actor) {
    const rows = await cardsRepo.issuedCards(db, issue.id)
    const key = scopes.includes('cards:secrets') ? cardPasswordKey(masterKey, merchant.id) : null
    if (key && rows.length) await recordSecretsRead(merchant.id, actor, issue.issue_no, rows.length, 'open_api')
    return {
      issue_no: issue.issue_no,
      out_order_no: issue.out_order_no,
      status: issue.status,
      cards: rows.map((r) => ({
        card_no: r.card_no as string,
        phone: r.phone as string,
        face_value: r.face_value === null ? null : Number(r.face_value),
        valid_from: r.valid_from as string | null,
        valid_to: r.valid_to as string | null,
        redeem_url: redeemUrl(merchant, r.card_no),
        // Only with cards:secrets, decrypted for this answer alone.
        ...(key ? { password: decryptCardPassword(key, r.card_no, r.password_enc) } : {}),
      })),
    }
  }

  function checkItems (items: IssueBody['items']): number {
    let total = 0
    for (const item of items) {
      if (!MOBILE.test(item.phone)) throw errors.phoneInvalid({ details: [{ path: '/items/phone', message: item.phone.slice(0, 3) + '…' }] })
      if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 1000) throw errors.quantityInvalid()
      total += item.quantity
    }
    if (total > 5000 || total === 0) throw errors.quantityInvalid()
    return total
  }

  async function openOrderView (merchantId: number, row: OrderRow) {
    const [o] = await toOrders(db, merchantId, [row])
    return toOpenOrder(o, await trackingLines(db, row.id))
  }

  const service = {
    async products (merchant: MerchantRow) {
      // Every live product (on or off), in display order.
      const rows = await listProducts(db, merchant.id, {})
      return {
        items: rows.map((p) => ({
          product_id: Number(p.id), name: p.name, goods_no: p.goods_no, spec_no: p.spec_no,
          image_url: (JSON.parse(p.images) as string[]).map((i) => imageUrl(i, publicBaseUrl))[0] ?? null, status: p.status as string,
        })),
      }
    },

    /** Sell cards to phone numbers: unissued cards of the batch in serial order, all or nothing. */
    async issue (merchant: MerchantRow, app: AppRow | null, scopes: Scope[], body: IssueBody, actor: Actor): Promise<{ created: boolean; view: Awaited<ReturnType<typeof issueView>> }> {
      const existing = app ? await repo.findIssueByOutOrderNo(db, app.id, body.out_order_no) : undefined
      if (existing) return { created: false, view: await issueView(merchant, existing, scopes, actor) }
      const total = checkItems(body.items)
      const batch = await cardsRepo.findReadyBatch(db, merchant.id, body.batch_no)
      if (!batch) throw errors.batchNotFound()
      if (body.distributor_id !== undefined && !await distributorExists(db, merchant.id, body.distributor_id)) {
        throw errors.batchNotFound({ message: '券商不存在' })
      }
      const now = clock.now()
      const issueNo = `I${now.getTime()}${String(randomInt(1000)).padStart(3, '0')}`
      try {
        const issue = await db.transaction(async (trx) => {
          const cards = await cardsRepo.pickUnissuedCards(trx, merchant.id, Number(batch.id), total)
          if (cards.length < total) throw errors.insufficientCards()
          const issueId = await repo.insertIssue(trx, {
            merchant_id: merchant.id, app_id: app?.id ?? null, admin_id: app ? null : actor.id, issue_no: issueNo, out_order_no: body.out_order_no, batch_id: Number(batch.id),
            status: 'issued', send_sms: body.send_sms, distributor_id: body.distributor_id ?? null, created_at: now.getTime(), updated_at: now.getTime(),
          })
          let k = 0
          const items: repo.IssueItemRow[] = []
          for (const item of body.items) for (let q = 0; q < item.quantity; q++) items.push({ issue_id: Number(issueId), card_id: Number(cards[k].id), card_no: cards[k++].card_no, phone: item.phone })
          const moved = await cardsRepo.moveCards(trx, merchant.id, items.map((item) => ({
            id: item.card_id, card_no: item.card_no, batch_id: Number(batch.id),
            set: { phone: item.phone, issue_id: Number(issueId), issued_app_id: app?.id ?? null, ...(body.distributor_id !== undefined ? { distributor_id: body.distributor_id } : {}) },
            detail: { ...(app ? { app_key: app.app_key } : {}), phone: maskPhone(item.phone), out_order_no: body.out_order_no },
          })), { from: 'inactive', to: 'active', unissued: true, type: 'issue', actor, ref: { type: 'issue', id: issueNo }, at: now })
          if (moved.size !== items.length) throw errors.insufficientCards()
          await repo.insertIssueItems(trx, items)
          const messages: Parameters<typeof enqueue>[1] = [{
            merchant_id: merchant.id, topic: 'card.issued', idempotency_key: `card.issued:${issueNo}`,
            payload: { issue_no: issueNo, out_order_no: body.out_order_no, cards: items.map((i) => ({ card_no: i.card_no, phone: maskPhone(i.phone) })) },
          }]
          if (body.send_sms) {
            for (const item of items) {
              messages.push({ merchant_id: merchant.id, topic: 'sms.card_issued', idempotency_key: `sms.card_issued:${issueNo}:${item.card_no}`, payload: { card_no: item.card_no, phone: item.phone, redeem_url: redeemUrl(merchant, item.card_no) } })
            }
          }
          await enqueue(trx, messages, now)
          return { id: issueId, issue_no: issueNo, out_order_no: body.out_order_no, status: 'issued' }
        })
        return { created: true, view: await issueView(merchant, issue, scopes, actor) }
      } catch (err) {
        // The same out_order_no sent twice at once: the second answers with the first's result.
        if (isUniqueViolation(err) && app) {
          const first = await repo.findIssueByOutOrderNo(db, app.id, body.out_order_no)
          if (first) return { created: false, view: await issueView(merchant, first, scopes, actor) }
        }
        throw err
      }
    },

    async getIssue (merchant: MerchantRow, app: AppRow, scopes: Scope[], issueNo: string, actor: Actor) {
      const issue = await repo.findAppIssue(db, merchant.id, app.id, issueNo)
      if (!issue) throw errors.issueNotFound()
      return issueView(merchant, issue, scopes, actor)
    },

    /** The mall refunded: unredeemed cards are deactivated and unbound; redeemed ones stay. */
    async cancelIssue (merchant: MerchantRow, app: AppRow, issueNo: string, actor: Actor) {
      const issue = await repo.findAppIssue(db, merchant.id, app.id, issueNo)
      if (!issue) throw errors.issueNotFound()
      if (issue.cancel_result) return JSON.parse(issue.cancel_result) as { issue_no: string; cancelled: string[]; not_cancelled: Array<{ card_no: string; reason: string }> }
      const now = clock.now()
      return db.transaction(async (trx) => {
        const cards = await cardsRepo.cardsOfIssue(trx, merchant.id, Number(issue.id))
        const moved = await cardsRepo.moveCards(trx, merchant.id, cards.map((c) => ({ id: c.id, card_no: c.card_no, batch_id: Number(c.batch_id), set: { phone: null } })),
          // A voucher spent from stays with its holder.
          { from: 'active', to: 'inactive', type: 'cancel_issue', actor, ref: { type: 'issue', id: issueNo }, at: now, unspent: true })
        const cancelled = cards.filter((c) => moved.has(Number(c.id))).map((c) => c.card_no)
        const spent = (c: typeof cards[number]) => c.kind === 'stored_value' && c.balance !== null && Number(c.balance) !== Number(c.face_value)
        const notCancelled = cards.filter((c) => !moved.has(Number(c.id))).map((c) => ({ card_no: c.card_no, reason: c.status !== 'active' ? c.status : spent(c) ? 'voucher_used' : 'changed' }))
        const result = { issue_no: issueNo, cancelled, not_cancelled: notCancelled }
        await repo.markIssueCancelled(trx, Number(issue.id), result, now)
        await enqueue(trx, [{ merchant_id: merchant.id, topic: 'issue.cancelled', idempotency_key: `issue.cancelled:${issueNo}`, payload: result }], now)
        return result
      })
    },

    async card (merchant: MerchantRow, cardNo: string) {
      const card = await cardsRepo.findUsableCard(db, merchant.id, cardNo)
      if (!card) throw errors.cardNotFound()
      const sets = await productsOfSets(db, [Number(card.product_set_id)])
      const orderNo = card.status === 'redeemed' ? await activeOrderNoOfCard(db, Number(card.id)) : null
      return {
        card_no: card.card_no,
        status: card.status,
        face_value: card.face_value === null ? null : Number(card.face_value),
        kind: card.kind ?? 'pickup',
        // Stored value: fen available now (null for a pickup card, or a voucher not activated yet).
        balance: card.balance === null || card.balance === undefined ? null : Number(card.balance),
        valid_from: card.valid_from,
        valid_to: card.valid_to,
        phone: maskPhone(card.phone ?? null),
        products: (sets.get(Number(card.product_set_id)) ?? []).map((p) => ({ product_id: p.product_id, name: p.name })),
        redeemed_order_no: orderNo,
        updated_at: iso(card.updated_at)!,
      }
    },

    /** Redemption on the mall's pages: the customer API's service and guarantee; out_order_no repeats return the first order. */
    async redeem (merchant: MerchantRow, app: AppRow, body: RedemptionBody, actor: Actor): Promise<{ created: boolean; result: { order_no: string; out_order_no: string; card_no: string; product_id: number; status: string } }> {
      const view = (o: OrderRow) => ({ order_no: o.order_no, out_order_no: o.out_order_no!, card_no: o.card_no, product_id: Number(o.product_id), status: o.status })
      const existing = await findOrderByOutOrderNo(db, app.id, body.out_order_no)
      if (existing) return { created: false, result: view(existing) }
      const card = await redemption.verifyPassword(merchant, body.card_no, body.password, { app_id: Number(app.id) })
      try {
        const order = await redemption.redeem(merchant, card, { ...body, channel: 'open_api', app_id: app.id, out_order_no: body.out_order_no }, actor)
        return { created: true, result: view(order) }
      } catch (err) {
        const raced = await findOrderByOutOrderNo(db, app.id, body.out_order_no)
        if (raced) return { created: false, result: view(raced) }
        throw err
      }
    },

    async order (merchant: MerchantRow, orderNo: string) {
      const row = await findOrder(db, merchant.id, orderNo)
      if (!row) throw errors.orderNotFound()
      return openOrderView(merchant.id, row)
    },

    openOrderView,

    /** Orders changed after a moment, in (updated_at, order_no) order, with an opaque cursor. */
    async orders (merchant: MerchantRow, q: { updated_after?: string; limit?: number; cursor?: string }) {
      const limit = q.limit ?? 50
      let after: { updatedAt: number; orderNo: string } | undefined
      if (q.cursor) {
        const [at, no] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|')
        // Only cursors this endpoint made: a millisecond time and an order number.
        if (!/^\d{1,15}$/.test(at ?? '') || !/^\d{1,32}$/.test(no ?? '')) throw validationFailed({ details: [{ path: '/cursor', message: '游标无效，请使用上一页返回的 next_cursor' }] })
        after = { updatedAt: Number(at), orderNo: no }
      }
      const rows = await ordersChangedSince(db, merchant.id, { updatedAfter: q.updated_after ? Date.parse(q.updated_after) : undefined, after, limit })
      const items = []
      for (const r of rows) items.push(await openOrderView(merchant.id, r))
      const last = rows[rows.length - 1]
      return { items, next_cursor: rows.length === limit ? Buffer.from(`${last.updated_at}|${last.order_no}`).toString('base64url') : null }
    },

    // The signed-request state of the open-auth plugin (spec/open-platform.md, checks 5 and Idempotency-Key).

    /** The app used this nonce and it is still kept: asked only for a request refused by a later check, to answer nonce_replayed first. */
    async nonceUsed (appId: number, nonce: string, now: Date): Promise<boolean> {
      return authRepo.nonceInUse(db, appId, nonce, now)
    },

    /** Every check passed: the nonce is used now, in one atomic statement; false when it is in use (a replay, or a concurrent twin that won). */
    async useNonce (appId: number, nonce: string, expiresAt: number, now: Date): Promise<boolean> {
      return authRepo.useNonce(db, appId, nonce, expiresAt, now)
    },

    /**
     * Reserves an Idempotency-Key for this request (an expired reservation is dropped first), or
     * answers with the row that holds it (undefined when that row vanished meanwhile).
     */
    async reserveIdempotencyKey (appId: number, key: string, hash: string, now: Date, ttlMs: number): Promise<{ reserved: true } | { reserved: false; row: IdempotencyRow | undefined }> {
      await authRepo.dropExpiredIdempotencyKey(db, appId, key, now)
      const existing = await authRepo.findIdempotencyKey(db, appId, key)
      if (existing) return { reserved: false, row: existing }
      if (await authRepo.reserveIdempotencyKey(db, { app_id: appId, key, request_hash: hash, at: now, expires_at: new Date(now.getTime() + ttlMs) })) return { reserved: true }
      return { reserved: false, row: await authRepo.findIdempotencyKey(db, appId, key) }
    },

    /** The first answer for the key, kept (sealed by the caller) to replay. */
    async storeIdempotentReply (appId: number, key: string, status: number, sealedBody: string): Promise<void> {
      await authRepo.completeIdempotencyKey(db, appId, key, status, sealedBody)
    },

    recordSecretsRead,
  }
  return service
}

export type OpenService = ReturnType<typeof createOpenService>
