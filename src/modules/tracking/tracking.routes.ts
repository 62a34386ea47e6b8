// Tracking routes: the tracking settings section (admins) and the couriers' inbound pushes,
// which answer exactly what each courier expects.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { sfXmlAnswer } from './tracking.parse.js'
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

// Inbound pushes answer exactly what each courier expects, once the push is stored (its
// application runs in the outbox). Encapsulated: the form and XML parsers are theirs.
const hookRoutes: FastifyPluginAsyncTypebox = async (hooks) => {
  hooks.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body))
  // SF's XML route push may come as a text/xml (or application/xml) body.
  hooks.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body))

  hooks.post('/hooks/couriers/kuaidi100/:merchant_code', {
    schema: { operationId: 'kuaidi100Push', tags: ['tracking'], params: Kuaidi100PushParams, summary: 'Kuaidi100 tracking push (form fields param, sign = MD5(param + salt)); stored, then applied by the outbox' },
  }, async (req) => {
    await hooks.services.tracking.kuaidi100(req.params.merchant_code, new URLSearchParams(String(req.body ?? '')))
    hooks.services.worker.kick()
    return { result: true, returnCode: '200', message: '成功' }
  })

  hooks.post('/hooks/couriers/sf/:merchant_code/:token', {
    schema: { operationId: 'sfRoutePush', tags: ['tracking'], params: SfPushParams, summary: 'SF route push (secret URL token): JSON, XML in the form field content, or a text/xml body; stored, then applied by the outbox' },
  }, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    // XML comes as the form field `content` (URL-encoded XML) or as the body itself.
    const xml = type === 'application/x-www-form-urlencoded' ? (new URLSearchParams(String(req.body ?? '')).get('content') ?? '') : type === 'text/xml' || type === 'application/xml' ? String(req.body ?? '') : null
    const raw = xml ?? JSON.stringify(req.body ?? {})
    try {
      await hooks.services.tracking.sf(req.params.merchant_code, req.params.token, req.ip, raw)
    } catch (err) {
      // An unreadable push is refused in SF's own format, so that SF sends it again.
      if ((err as { code?: string }).code !== 'tracking_push_unreadable') throw err
      reply.code(400)
      if (xml !== null) return reply.type('text/xml; charset=utf-8').send(sfXmlAnswer(false, { code: '4001', message: '无法解析的路由推送内容' }))
      return { return_code: '1000', return_msg: '无法解析的路由推送内容' }
    }
    hooks.services.worker.kick()
    if (xml !== null) return reply.type('text/xml; charset=utf-8').send(sfXmlAnswer(true))
    return { return_code: '0000', return_msg: '成功' }
  })
}
