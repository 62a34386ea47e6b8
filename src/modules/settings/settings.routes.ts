import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { PickupSchema, StorefrontSchema } from './settings.schemas.js'
import { patchSchema, patchSection } from './section-patch.js'

const security = [{ adminBearer: [] }]
const tags = ['settings']

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('settings.write')

  app.get('/api/v1/settings/storefront', {
    schema: { operationId: 'getStorefrontSettings', tags, security, response: { 200: StorefrontSchema, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async (req) => app.services.settings.get(sessionOf(req).merchant.id, 'storefront'))

  app.put('/api/v1/settings/storefront', {
    schema: { operationId: 'putStorefrontSettings', tags, security, body: StorefrontSchema, response: { 200: StorefrontSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.settings.put(sessionOf(req).merchant.id, 'storefront', req.body, actorOf(req)))

  app.patch('/api/v1/settings/storefront', {
    schema: { operationId: 'patchStorefrontSettings', tags, security, body: patchSchema(StorefrontSchema), response: { 200: StorefrontSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    const m = sessionOf(req).merchant.id
    return patchSection(req, StorefrontSchema, await app.services.settings.get(m, 'storefront'), req.body, (whole) => app.services.settings.put(m, 'storefront', whole, actorOf(req)))
  })

  app.get('/api/v1/settings/pickup', {
    schema: { operationId: 'getPickupSettings', tags, security, response: { 200: PickupSchema, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async (req) => app.services.settings.get(sessionOf(req).merchant.id, 'pickup'))

  app.put('/api/v1/settings/pickup', {
    schema: {
      operationId: 'putPickupSettings', tags, security, body: PickupSchema, response: { 200: PickupSchema, ...errorResponses },
      summary: 'Pickup switch, reservation mode (预约发货), daily cap and redirect URL',
    },
    onRequest: write,
  }, async (req) => app.services.settings.put(sessionOf(req).merchant.id, 'pickup', req.body, actorOf(req)))

  app.patch('/api/v1/settings/pickup', {
    schema: { operationId: 'patchPickupSettings', tags, security, body: patchSchema(PickupSchema), response: { 200: PickupSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    const m = sessionOf(req).merchant.id
    return patchSection(req, PickupSchema, await app.services.settings.get(m, 'pickup'), req.body, (whole) => app.services.settings.put(m, 'pickup', whole, actorOf(req)))
  })
}
