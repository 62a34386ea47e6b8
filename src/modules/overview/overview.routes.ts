// GET /api/v1/overview: the back office's 概览 in one call, for any admin (each section needs
// the permission that reads it elsewhere).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import { OverviewSchema } from './overview.schemas.js'

export const overviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/overview', {
    schema: {
      operationId: 'getOverview', tags: ['settings'], security: [{ adminBearer: [] }],
      summary: '概览: cards by state with face values, orders to ship and shipped, redemptions per day (30 days), failing deliveries and calls, the public address check',
      response: { 200: OverviewSchema, ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req) => {
    const s = sessionOf(req)
    return app.services.overview.get(s.merchant, permissionsOf(s.admin))
  })
}
