// Tracking routes: the tracking settings section (admins) and the couriers' inbound pushes,
// which answer exactly what each courier expects.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { Kuaidi100PushParams, SfPushParams, TrackingSettingsBodySchema, TrackingSettingsViewSchema } from './tracking.schemas.js'

export const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/tracking', {
    schema: { operationId: 'getTrackingSettings', tags: ['settings'], security: [{ adminBearer: [] }], response: { 200: TrackingSettingsViewSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.tracking.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/tracking', {
    schema: {
      operationId: 'putTrackingSettings', tags: ['settings'], security: [{ adminBearer: [] }], summary: 'Courier tracking pushes: the Kuaidi100 salt, the SF URL token and allowlist',
      body: TrackingSettingsBodySchema,
      response: { 200: TrackingSettingsViewSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.tracking.put(sessionOf(req).merchant.id, req.body, actorOf(req)))

  // Every field of the PUT is optional already (omitted fields are kept): PATCH is the same call.
  app.patch('/api/v1/settings/tracking', {
    schema: {
      operationId: 'patchTrackingSettings', tags: ['settings'], security: [{ adminBearer: [] }], summary: 'The same as the PUT: only the fields sent change',
      body: TrackingSettingsBodySchema, response: { 200: TrackingSettingsViewSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.tracking.put(sessionOf(req).merchant.id, req.body, actorOf(req)))

  await app.register(hookRoutes)
}

// Inbound pushes answer exactly what each courier expects. Encapsulated: the form parser is theirs.
const hookRoutes: FastifyPluginAsyncTypebox = async (hooks) => {
  hooks.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body))

  hooks.post('/hooks/couriers/kuaidi100/:merchant_code', {
    schema: { operationId: 'kuaidi100Push', tags: ['tracking'], params: Kuaidi100PushParams, summary: 'Kuaidi100 tracking push (form fields param, sign = MD5(param + salt))' },
  }, async (req) => {
    await hooks.services.tracking.kuaidi100(req.params.merchant_code, new URLSearchParams(String(req.body ?? '')))
    return { result: true, returnCode: '200', message: '成功' }
  })

  hooks.post('/hooks/couriers/sf/:merchant_code/:token', {
    schema: { operationId: 'sfRoutePush', tags: ['tracking'], params: SfPushParams, summary: 'SF route push (secret URL token)' },
  }, async (req) => {
    await hooks.services.tracking.sf(req.params.merchant_code, req.params.token, req.ip, (req.body ?? {}) as never, JSON.stringify(req.body ?? {}))
    return { return_code: '0000', return_msg: '成功' }
  })
}
