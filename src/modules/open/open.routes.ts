// /open/v1 — the public contract of spec/open-platform.md. Every route here is verified by
// the open-auth plugin (signature, nonce, allowlist, scope, rate) before its body is parsed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { openOf, registerOpenAuth } from '../../plugins/open-auth.js'
import { DateString, errorResponses, Nullable } from '../../shared/schemas.js'
import type { Actor } from '../audit/audit.repository.js'
import { ConsigneeSchema } from '../orders/orders.schemas.js'
import type { FastifyRequest } from 'fastify'

const tags = ['open']
const security = [{ kqSignature: [] }]

const IssueCard = Type.Object({
  card_no: Type.String(), phone: Type.String(), face_value: Nullable(Type.Integer()), valid_from: Nullable(Type.String()),
  valid_to: Nullable(Type.String()), redeem_url: Type.String(), password: Type.Optional(Type.String({ description: 'Only with scope cards:secrets' })),
})
const IssueSchema = Type.Object({ issue_no: Type.String(), out_order_no: Type.String(), status: Type.String(), cards: Type.Array(IssueCard) })
const OutOrderNo = Type.String({ minLength: 1, maxLength: 64 })
const OpenOrderSchema = Type.Object({
  order_no: Type.String(), out_order_no: Nullable(Type.String()), status: Type.String(),
  product: Type.Object({ product_id: Type.Integer(), name: Type.String() }),
  consignee: Nullable(Type.Object({ name: Type.String(), phone: Type.String({ description: 'Masked: 138****0000' }), province: Type.String(), city: Type.String(), district: Type.String(), address: Type.String() })),
  reserve_date: Nullable(Type.String()), courier_code: Nullable(Type.String()), waybill_no: Nullable(Type.String()), shipped_at: Nullable(Type.String()),
  tracking: Type.Array(Type.Object({ time: Type.String(), text: Type.String() })), updated_at: Type.String(),
})

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
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ product_id: Type.Integer(), name: Type.String(), goods_no: Nullable(Type.String()), spec_no: Nullable(Type.String()), image_url: Nullable(Type.String()), status: Type.String() })) }), ...errorResponses },
    },
  }, async (req) => svc().products(openOf(req).merchant))

  app.post('/open/v1/card-issues', {
    config: { scope: 'cards:issue' },
    schema: {
      operationId: 'openIssueCards', tags, security, summary: 'Sell cards to phone numbers (all or nothing); a repeated out_order_no returns the first result (200)',
      body: Type.Object({
        out_order_no: OutOrderNo,
        batch_no: Type.String({ minLength: 1, maxLength: 32 }),
        items: Type.Array(Type.Object({ phone: Type.String({ maxLength: 20 }), quantity: Type.Integer() }), { minItems: 1, maxItems: 5000 }),
        send_sms: Type.Boolean(),
        distributor_id: Type.Optional(Type.Integer({ minimum: 1 })),
      }),
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
    schema: { operationId: 'openGetIssue', tags, security, params: Type.Object({ issue_no: Type.String({ maxLength: 32 }) }), response: { 200: IssueSchema, ...errorResponses } },
  }, async (req) => {
    const { merchant, app: row, scopes } = openOf(req)
    return svc().getIssue(merchant, row, scopes, req.params.issue_no, appActor(req))
  })

  app.post('/open/v1/card-issues/:issue_no/cancel', {
    config: { scope: 'cards:issue' },
    schema: {
      operationId: 'openCancelIssue', tags, security, params: Type.Object({ issue_no: Type.String({ maxLength: 32 }) }),
      response: { 200: Type.Object({ issue_no: Type.String(), cancelled: Type.Array(Type.String()), not_cancelled: Type.Array(Type.Object({ card_no: Type.String(), reason: Type.String() })) }), ...errorResponses },
    },
  }, async (req) => {
    const { merchant, app: row } = openOf(req)
    return svc().cancelIssue(merchant, row, req.params.issue_no, appActor(req))
  })

  app.get('/open/v1/cards/:card_no', {
    config: { scope: 'cards:read' },
    schema: {
      operationId: 'openGetCard', tags, security, params: Type.Object({ card_no: Type.String({ maxLength: 48 }) }),
      response: {
        200: Type.Object({
          card_no: Type.String(), status: Type.String(), face_value: Nullable(Type.Integer()), balance: Nullable(Type.Integer()),
          valid_from: Nullable(Type.String()), valid_to: Nullable(Type.String()), phone: Nullable(Type.String()),
          products: Type.Array(Type.Object({ product_id: Type.Integer(), name: Type.String() })), redeemed_order_no: Nullable(Type.String()), updated_at: Type.String(),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => svc().card(openOf(req).merchant, req.params.card_no))

  app.post('/open/v1/redemptions', {
    config: { scope: 'redeem' },
    schema: {
      operationId: 'openRedeem', tags, security, summary: 'Redeem on the mall\'s own pages; one card, one order; a repeated out_order_no returns the first (200)',
      body: Type.Object({
        out_order_no: OutOrderNo, card_no: Type.String({ minLength: 1, maxLength: 48 }), password: Type.String({ minLength: 1, maxLength: 64 }),
        product_id: Type.Integer({ minimum: 1 }), consignee: ConsigneeSchema, reserve_date: Type.Optional(DateString), remark: Type.Optional(Type.String({ maxLength: 500 })),
      }),
      response: { 200: Type.Object({ order_no: Type.String(), out_order_no: Type.String(), card_no: Type.String(), product_id: Type.Integer(), status: Type.String() }), 201: Type.Object({ order_no: Type.String(), out_order_no: Type.String(), card_no: Type.String(), product_id: Type.Integer(), status: Type.String() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const { merchant, app: row } = openOf(req)
    const r = await svc().redeem(merchant, row, req.body, appActor(req))
    reply.code(r.created ? 201 : 200)
    return r.result
  })

  app.get('/open/v1/orders/:order_no', {
    config: { scope: 'orders:read' },
    schema: { operationId: 'openGetOrder', tags, security, params: Type.Object({ order_no: Type.String({ maxLength: 32 }) }), response: { 200: OpenOrderSchema, ...errorResponses } },
  }, async (req) => svc().order(openOf(req).merchant, req.params.order_no))

  app.get('/open/v1/orders', {
    config: { scope: 'orders:read' },
    schema: {
      operationId: 'openListOrders', tags, security,
      querystring: Type.Object({
        updated_after: Type.Optional(Type.String({ format: 'date-time' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(OpenOrderSchema), next_cursor: Nullable(Type.String()) }), ...errorResponses },
    },
  }, async (req) => svc().orders(openOf(req).merchant, { ...req.query, cursor: req.query.cursor || undefined }))
}
