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
