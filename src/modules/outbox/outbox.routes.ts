import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { IntegrationCallListSchema, IntegrationCallQuerySchema, RetriedSchema } from './outbox.schemas.js'

const security = [{ adminBearer: [] }]
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })

/** Calls to ERPs, couriers and SMS providers, with every attempt: what the merchant can check, and retry. */
export const integrationCallsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/integration-calls', {
    schema: {
      operationId: 'listIntegrationCalls', tags: ['orders'], security,
      querystring: IntegrationCallQuerySchema,
      response: { 200: IntegrationCallListSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.outbox.integrationCalls(sessionOf(req).merchant.id, req.query))

  app.post('/api/v1/integration-calls/:id/retry', {
    schema: {
      operationId: 'retryIntegrationCall', tags: ['orders'], security, params: IdParams,
      summary: 'Send a failed call (dead, or waiting for its next retry) again now with a fresh retry schedule; 409 integration_call_not_failed otherwise',
      response: { 200: RetriedSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => {
    const r = await app.services.outbox.retry(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    app.services.worker.kick()
    return r
  })
}
