// ERP routes: the Wangdiantong connection (settings) and a logistics sync on demand.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { ErpStockListSchema, ErpTestBodySchema, ErpTestResultSchema, ErpViewSchema, LastSyncSchema, PutErpBodySchema, SyncResultSchema } from './erp.schemas.js'
import { patchSchema, patchSection } from '../settings/section-patch.js'

const security = [{ adminBearer: [] }]

export const erpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/erp', {
    schema: { operationId: 'getErpSettings', tags: ['settings'], security, response: { 200: ErpViewSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.erp.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/erp', {
    schema: {
      operationId: 'putErpSettings', tags: ['settings'], security, summary: 'Wangdiantong connection (classic openapi2 or 旗舰版); the appsecret is stored encrypted and shown masked',
      body: PutErpBodySchema,
      response: { 200: ErpViewSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.erp.put(sessionOf(req).merchant.id, req.body, actorOf(req)))

  app.patch('/api/v1/settings/erp', {
    schema: { operationId: 'patchErpSettings', tags: ['settings'], security, body: patchSchema(PutErpBodySchema), response: { 200: ErpViewSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => {
    const m = sessionOf(req).merchant.id
    return patchSection(req, PutErpBodySchema, await app.services.erp.body(m), req.body, (whole) => app.services.erp.put(m, whole, actorOf(req)))
  })

  app.post('/api/v1/settings/erp/test', {
    schema: {
      operationId: 'testErpConnection', tags: ['settings'], security,
      summary: 'A read-only call (查询店铺) with these parameters (appsecret omitted: the stored one) that proves the credentials and the shop; nothing is saved',
      body: ErpTestBodySchema,
      response: { 200: ErpTestResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.erp.test(sessionOf(req).merchant.id, req.body))

  app.post('/api/v1/erp/logistics-sync', {
    schema: {
      operationId: 'syncErpLogistics', tags: ['orders'], security, summary: 'Pull shipments and stock from the ERP now (it also runs every five minutes); 502 erp_call_failed with the ERP\'s reason when it fails, 409 erp_sync_busy while another instance syncs this merchant',
      response: { 200: SyncResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.erp.syncNow(sessionOf(req).merchant.id))

  app.get('/api/v1/erp/stock', {
    schema: {
      operationId: 'getErpStock', tags: ['products'], security,
      summary: 'The stock the ERP synced (every five minutes, with the shipments) for each product that names ERP goods, and when',
      response: { 200: ErpStockListSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('products.read'),
  }, async (req) => app.services.erp.stock(sessionOf(req).merchant.id))

  app.get('/api/v1/erp/logistics-sync', {
    schema: { operationId: 'getErpLastSync', tags: ['orders'], security, summary: 'The last back-sync (periodic or 立即同步): when, how it ended, what it did; null before the first', response: { 200: LastSyncSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write', 'orders.ship'),
  }, async (req) => app.services.erp.lastSync(sessionOf(req).merchant.id))
}
