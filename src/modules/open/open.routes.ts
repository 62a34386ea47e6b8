// /open/v1 — the public contract of spec/open-platform.md. Every route here is verified by
// the open-auth plugin (signature, nonce, allowlist, scope, rate) before its body is parsed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { openOf, registerOpenAuth } from '../../plugins/open-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import type { Actor } from '../audit/audit.repository.js'
import {
  CancelIssueResultSchema, CardNoParams, IssueBodySchema, IssueNoParams, IssueSchema, OpenCardSchema, OpenOrderListQuerySchema,
  OpenOrderListSchema, OpenOrderSchema, OpenProductListSchema, OrderNoParams, RedemptionBodySchema, RedemptionResultSchema,
} from './open.schemas.js'
import {
  BindBodySchema, CancelTradeBodySchema, DebitBodySchema, ExtendResultSchema, HoldBodySchema, HoldNoParams, HoldSchema, RefundBodySchema, TradeParams, TradeSchema, VoucherPhoneQuerySchema, VoucherQueryBodySchema, VoucherSchema,
} from '../cards/vouchers.schemas.js'

const tags = ['open']
const security = [{ kqSignature: [] }]

function appActor (req: FastifyRequest): Actor {
  const { app } = openOf(req)
  return { type: 'app', id: Number(app.id), name: app.app_key, ip: req.ip }
}

export const openRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerOpenAuth(app)
  const svc = () => app.services.open

  app.get('/open/v1/products', {
    config: { scope: 'products:read' },
    schema: {
      operationId: 'openListProducts', tags, security,
      response: { 200: OpenProductListSchema, ...errorResponses },
    },
  }, async (req) => svc().products(openOf(req).merchant))

  app.post('/open/v1/card-issues', {
    config: { scope: 'cards:issue' },
    schema: {
      operationId: 'openIssueCards', tags, security, summary: 'Sell cards to phone numbers (all or nothing); a repeated out_order_no returns the first result (200)',
      body: IssueBodySchema,
      response: { 200: IssueSchema, 201: IssueSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    const { merchant, app: row, scopes } = openOf(req)
    const r = await svc().issue(merchant, row, scopes, req.body, appActor(req))
    reply.code(r.created ? 201 : 200)
    return r.view
  })

  app.get('/open/v1/card-issues/:issue_no', {
    config: { scope: 'cards:read' },
    schema: { operationId: 'openGetIssue', tags, security, params: IssueNoParams, response: { 200: IssueSchema, ...errorResponses } },
  }, async (req) => {
    const { merchant, app: row, scopes } = openOf(req)
    return svc().getIssue(merchant, row, scopes, req.params.issue_no, appActor(req))
  })

  app.post('/open/v1/card-issues/:issue_no/cancel', {
    config: { scope: 'cards:issue' },
    schema: {
      operationId: 'openCancelIssue', tags, security, params: IssueNoParams,
      response: { 200: CancelIssueResultSchema, ...errorResponses },
    },
  }, async (req) => {
    const { merchant, app: row } = openOf(req)
    return svc().cancelIssue(merchant, row, req.params.issue_no, appActor(req))
  })

  app.get('/open/v1/cards/:card_no', {
    config: { scope: 'cards:read' },
    schema: {
      operationId: 'openGetCard', tags, security, params: CardNoParams,
      response: { 200: OpenCardSchema, ...errorResponses },
    },
  }, async (req) => svc().card(openOf(req).merchant, req.params.card_no))

  app.post('/open/v1/redemptions', {
    config: { scope: 'redeem' },
    schema: {
      operationId: 'openRedeem', tags, security, summary: 'Redeem on the mall\'s own pages; one card, one order; a repeated out_order_no returns the first (200)',
      body: RedemptionBodySchema,
      response: { 200: RedemptionResultSchema, 201: RedemptionResultSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    const { merchant, app: row } = openOf(req)
    const r = await svc().redeem(merchant, row, req.body, appActor(req))
    reply.code(r.created ? 201 : 200)
    return r.result
  })

  // Stored-value vouchers (储值提货券): the mall's checkout holds an amount, charges the rest
  // itself, then captures or releases; refunds go back to the voucher.
  const vouchers = () => app.services.vouchers
  const caller = (req: FastifyRequest) => ({ app_id: Number(openOf(req).app.id) })

  app.get('/open/v1/vouchers/:card_no', {
    config: { scope: 'vouchers:read' },
    schema: {
      operationId: 'openGetVoucher', tags, security, params: CardNoParams, querystring: VoucherPhoneQuerySchema,
      summary: 'A voucher bound to the phone the mall names: balance, validity, restrictions (with the password: POST …/query)',
      response: { 200: VoucherSchema, ...errorResponses },
    },
  }, async (req) => vouchers().lookup(openOf(req).merchant, req.params.card_no, { phone: req.query.phone }, caller(req)))

  app.post('/open/v1/vouchers/:card_no/query', {
    config: { scope: 'vouchers:read' },
    schema: {
      operationId: 'openQueryVoucher', tags, security, params: CardNoParams, body: VoucherQueryBodySchema,
      summary: 'A voucher by its number and password (or bound phone): balance, validity, restrictions. The password is counted by the guessing limits',
      response: { 200: VoucherSchema, ...errorResponses },
    },
  }, async (req) => vouchers().lookup(openOf(req).merchant, req.params.card_no, req.body, caller(req)))

  app.post('/open/v1/vouchers/:card_no/holds', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openHoldVoucher', tags, security, params: CardNoParams, body: HoldBodySchema,
      summary: 'Reserve an amount of a voucher for a checkout (预授权): taken from the balance now, captured or released later, released by itself at expires_at. A repeated out_trade_no returns the first hold (200)',
      response: { 200: HoldSchema, 201: HoldSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await vouchers().hold(openOf(req).merchant, Number(openOf(req).app.id), req.params.card_no, req.body, appActor(req))
    reply.code(r.created ? 201 : 200)
    return r.hold
  })

  app.post('/open/v1/vouchers/:card_no/debits', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openDebitVoucher', tags, security, params: CardNoParams, body: DebitBodySchema,
      summary: 'Charge an amount of a voucher at once (a hold captured in the same step, for a checkout with nothing else to wait for); the same rules as a hold; refunds and trade cancels as for a captured hold. A repeated out_trade_no returns the first debit (200)',
      response: { 200: HoldSchema, 201: HoldSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await vouchers().hold(openOf(req).merchant, Number(openOf(req).app.id), req.params.card_no, req.body, appActor(req), { capture: true })
    reply.code(r.created ? 201 : 200)
    return r.hold
  })

  app.get('/open/v1/holds/:hold_no', {
    config: { scope: 'vouchers:read' },
    schema: { operationId: 'openGetHold', tags, security, params: HoldNoParams, response: { 200: HoldSchema, ...errorResponses } },
  }, async (req) => vouchers().getHold(openOf(req).merchant, Number(openOf(req).app.id), req.params.hold_no))

  app.post('/open/v1/holds/:hold_no/capture', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openCaptureHold', tags, security, params: HoldNoParams,
      summary: 'Charge a hold (the checkout succeeded); capturing again answers the same; a released or lapsed hold is refused (409 hold_not_held)',
      response: { 200: HoldSchema, ...errorResponses },
    },
  }, async (req) => vouchers().capture(openOf(req).merchant, Number(openOf(req).app.id), req.params.hold_no, appActor(req)))

  app.post('/open/v1/holds/:hold_no/release', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openReleaseHold', tags, security, params: HoldNoParams,
      summary: 'Give a held amount back (the checkout was abandoned); releasing again answers the same',
      response: { 200: HoldSchema, ...errorResponses },
    },
  }, async (req) => vouchers().release(openOf(req).merchant, Number(openOf(req).app.id), req.params.hold_no, appActor(req)))

  app.post('/open/v1/holds/:hold_no/refunds', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openRefundHold', tags, security, params: HoldNoParams, body: RefundBodySchema,
      summary: 'Refund part or all of a captured hold to its voucher (even an expired one); never more than was captured; one refund per out_refund_no',
      response: { 200: HoldSchema, ...errorResponses },
    },
  }, async (req) => vouchers().refund(openOf(req).merchant, Number(openOf(req).app.id), req.params.hold_no, req.body, appActor(req)))

  app.get('/open/v1/voucher-trades/:out_trade_no', {
    config: { scope: 'vouchers:read' },
    schema: {
      operationId: 'openGetVoucherTrade', tags, security, params: TradeParams,
      summary: 'A trade (out_trade_no) paid with one or more vouchers: the hold on each, and what is held, captured and refunded',
      response: { 200: TradeSchema, ...errorResponses },
    },
  }, async (req) => vouchers().trade(openOf(req).merchant, Number(openOf(req).app.id), req.params.out_trade_no))

  app.post('/open/v1/voucher-trades/:out_trade_no/cancel', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openCancelVoucherTrade', tags, security, params: TradeParams, body: CancelTradeBodySchema,
      summary: 'The order was cancelled: every voucher of the trade gets its share back (held amounts released, captured ones refunded in full, even to a voucher expired since); cancelling again changes nothing',
      response: { 200: TradeSchema, ...errorResponses },
    },
  }, async (req) => vouchers().cancelTrade(openOf(req).merchant, Number(openOf(req).app.id), req.params.out_trade_no, req.body ?? {}, appActor(req)))

  app.post('/open/v1/vouchers/:card_no/extend', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openExtendVoucher', tags, security, params: CardNoParams, body: VoucherQueryBodySchema,
      summary: 'The one extension (延期): +30 days, while valid or up to 30 days after expiry; a second is refused (409 voucher_already_extended)',
      response: { 200: ExtendResultSchema, ...errorResponses },
    },
  }, async (req) => {
    const { merchant } = openOf(req)
    const card = await vouchers().authorize(merchant, req.params.card_no, req.body, caller(req))
    return vouchers().extend(merchant, card, appActor(req))
  })

  app.post('/open/v1/vouchers/:card_no/bind', {
    config: { scope: 'vouchers:pay' },
    schema: {
      operationId: 'openBindVoucher', tags, security, params: CardNoParams, body: BindBodySchema,
      summary: 'Bind a voucher to a phone with its password (绑定): from then on only that phone may use it',
      response: { 200: VoucherSchema, ...errorResponses },
    },
  }, async (req) => vouchers().bind(openOf(req).merchant, req.params.card_no, req.body.password, req.body.phone, caller(req), appActor(req)))

  app.get('/open/v1/orders/:order_no', {
    config: { scope: 'orders:read' },
    schema: { operationId: 'openGetOrder', tags, security, params: OrderNoParams, response: { 200: OpenOrderSchema, ...errorResponses } },
  }, async (req) => svc().order(openOf(req).merchant, req.params.order_no))

  app.get('/open/v1/orders', {
    config: { scope: 'orders:read' },
    schema: {
      operationId: 'openListOrders', tags, security,
      querystring: OpenOrderListQuerySchema,
      response: { 200: OpenOrderListSchema, ...errorResponses },
    },
  }, async (req) => svc().orders(openOf(req).merchant, { ...req.query, cursor: req.query.cursor || undefined }))
}
