// The courier catalogue and the merchant's variants of it (物流配置).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { CourierIdParamsSchema, CourierListSchema, CourierSchema, CreateCourierSchema, UpdateCourierSchema } from './couriers.schemas.js'

const security = [{ adminBearer: [] }]

export const couriersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/couriers', {
    schema: {
      operationId: 'listCouriers', tags: ['orders'], security,
      summary: 'The courier catalogue and the merchant\'s own variants', response: { 200: CourierListSchema, ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req) => ({ items: await app.services.couriers.list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/couriers', {
    schema: {
      operationId: 'createCourier', tags: ['orders'], security, body: CreateCourierSchema,
      summary: 'A merchant variant of a courier (物流配置): product type and monthly account code', response: { 201: CourierSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req, reply) => {
    reply.code(201)
    return app.services.couriers.create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.patch('/api/v1/couriers/:id', {
    schema: {
      operationId: 'updateCourier', tags: ['orders'], security, params: CourierIdParamsSchema, body: UpdateCourierSchema,
      summary: 'Edit a merchant variant, or disable / enable it (a disabled variant takes no new e-waybills)', response: { 200: CourierSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.couriers.update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))
}
