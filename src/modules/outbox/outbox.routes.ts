import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, Nullable } from '../../shared/schemas.js'
import { INTEGRATION_TOPICS } from './outbox.service.js'

const security = [{ adminBearer: [] }]

/** Calls to ERPs, couriers and SMS providers, with every attempt: what the merchant can check. */
export const integrationCallsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/integration-calls', {
    schema: {
      operationId: 'listIntegrationCalls', tags: ['orders'], security,
      querystring: Type.Object({
        topic: Type.Optional(Type.Union(INTEGRATION_TOPICS.map((x) => Type.Literal(x)))),
        status: Type.Optional(Type.Union(['pending', 'processing', 'done', 'dead'].map((x) => Type.Literal(x)))),
        cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            id: Type.Integer(), topic: Type.String(), status: Type.String(), attempts: Type.Integer(), last_error: Nullable(Type.String()), created_at: Type.String(),
            attempt_log: Type.Array(Type.Object({ attempt: Type.Integer(), status_code: Nullable(Type.Integer()), latency_ms: Type.Integer(), error: Nullable(Type.String()), started_at: Type.String() })),
          })),
          next_cursor: Nullable(Type.String()),
        }),
        ...errorResponses,
      },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.outbox.integrationCalls(sessionOf(req).merchant.id, req.query))
}
