import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { OrderDetailSchema, OrderListQuerySchema, OrderListSchema, OrderParams, OrderSchema, ShipBodySchema } from './orders.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['orders']

export const ordersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('orders.read')

  app.get('/api/v1/orders', {
    schema: {
      operationId: 'listOrders', tags, security, querystring: OrderListQuerySchema,
      summary: 'Orders by tab (今天/明天/后天待发, 今天/昨天已发, all) and filters, newest first, with counts per tab',
      response: { 200: OrderListSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.orders.list(sessionOf(req).merchant.id, req.query))

  app.get('/api/v1/orders/:order_no', {
    schema: { operationId: 'getOrder', tags, security, params: OrderParams, response: { 200: OrderDetailSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => app.services.orders.get(sessionOf(req).merchant.id, req.params.order_no))

  app.post('/api/v1/orders/:order_no/ship', {
    schema: {
      operationId: 'shipOrder', tags, security, params: OrderParams, body: ShipBodySchema,
      summary: 'Manual shipping (人工发货); on a shipped order, changes the waybill (audited)',
      response: { 200: OrderSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.orders.ship(sessionOf(req).merchant.id, req.params.order_no, req.body, actorOf(req)))

  app.post('/api/v1/orders/:order_no/cancel', {
    schema: {
      operationId: 'cancelOrder', tags, security, params: OrderParams,
      summary: 'Cancel a pending order; the card becomes active again', description: 'A shipped order\'s e-waybill is given back first (POST /e-waybill/cancel); until the courier confirmed it, 409 waybill_cancel_pending (or waybill_cancel_refused with the courier\'s reason).', response: { 200: OrderSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.cancel'),
  }, async (req) => app.services.orders.cancel(sessionOf(req).merchant.id, req.params.order_no, actorOf(req)))

  app.post('/api/v1/orders/:order_no/complete', {
    schema: {
      operationId: 'completeOrder', tags, security, params: OrderParams,
      summary: 'Shipped → delivered; pending → completed', response: { 200: OrderSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.orders.complete(sessionOf(req).merchant.id, req.params.order_no, actorOf(req)))
}
