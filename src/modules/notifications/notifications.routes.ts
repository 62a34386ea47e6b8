// Notifications routes: the SMS settings section (masked read, PUT, a test text) and the
// merchant's message log, all behind settings.write.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import { patchSchema, patchSection } from '../settings/section-patch.js'
import {
  MaskedNotificationsSchema, NotificationsBodySchema, SmsMessageListQuerySchema, SmsMessageListSchema, TestTextBodySchema, TestTextResultSchema,
} from './notifications.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['settings']

export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('settings.write')
  app.get('/api/v1/settings/notifications', {
    schema: { operationId: 'getNotificationSettings', tags, security, response: { 200: MaskedNotificationsSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.notifications.get(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/notifications', {
    schema: { operationId: 'putNotificationSettings', tags, security, body: NotificationsBodySchema, summary: 'SMS provider, signature, templates, switches A/B/C and limits', response: { 200: MaskedNotificationsSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.notifications.put(sessionOf(req).merchant.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin)))

  app.patch('/api/v1/settings/notifications', {
    schema: { operationId: 'patchNotificationSettings', tags, security, body: patchSchema(NotificationsBodySchema), response: { 200: MaskedNotificationsSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    const m = sessionOf(req).merchant.id
    return patchSection(req, NotificationsBodySchema, await app.services.notifications.body(m), req.body,
      (whole) => app.services.notifications.put(m, whole, actorOf(req), permissionsOf(sessionOf(req).admin)))
  })

  app.post('/api/v1/settings/notifications/test', {
    schema: { operationId: 'testNotification', tags, security, body: TestTextBodySchema, response: { 202: TestTextResultSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(202)
    const r = await app.services.notifications.test(sessionOf(req).merchant.id, req.body.phone)
    app.services.worker.kick()
    return r
  })

  app.get('/api/v1/sms-messages', {
    schema: { operationId: 'listSmsMessages', tags, security, querystring: SmsMessageListQuerySchema, response: { 200: SmsMessageListSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.notifications.messages(sessionOf(req).merchant.id, req.query))
}
