// The signed-in admin's merchant profile (商户信息): read by any admin, changed with settings.write.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { MerchantProfileSchema, UpdateMerchantBodySchema } from './merchants.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['settings']

export const merchantsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/merchant', {
    schema: { operationId: 'getMerchant', tags, security, summary: 'The merchant profile: code, display name, contact, time zone', response: { 200: MerchantProfileSchema, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async (req) => app.services.merchants.profile(sessionOf(req).merchant.id))

  app.patch('/api/v1/merchant', {
    schema: {
      operationId: 'updateMerchant', tags, security, body: UpdateMerchantBodySchema, response: { 200: MerchantProfileSchema, ...errorResponses },
      summary: 'Change the fields sent (the code never changes); audited as merchants.update',
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.merchants.update(sessionOf(req).merchant.id, req.body, actorOf(req)))
}
