import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, OkResponse } from '../../shared/schemas.js'
import { toAdmin } from './admins.mapper.js'
import { CaptchaSchema, ChangePasswordBodySchema, LoginBodySchema, LoginResultSchema, MeSchema } from './admins.schemas.js'

const security = [{ adminBearer: [] }]

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/auth/captcha', {
    schema: {
      operationId: 'getCaptcha', tags: ['auth'], summary: 'A proof-of-work challenge for the login form (ALTCHA; single use, 5 minutes)',
      response: { 200: CaptchaSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return app.services.auth.createCaptcha(req.ip)
  })

  app.post('/api/v1/auth/login', {
    schema: {
      operationId: 'login', tags: ['auth'],
      summary: 'Log in with merchant code, username, password and the solved captcha (not needed when KAQUAN_CAPTCHA=off)',
      description: 'Every attempt counts before anything is checked: more than 20 failures from one address (IPv6: one /64) in 10 minutes → 429; 5 wrong passwords for one username → 423 account_locked for 15 minutes (for unknown usernames alike).',
      body: LoginBodySchema,
      response: { 200: LoginResultSchema, ...errorResponses },
    },
  }, async (req) => app.services.auth.login(req.body, req.ip))

  app.post('/api/v1/auth/logout', {
    schema: { operationId: 'logout', tags: ['auth'], security, response: { 200: OkResponse, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async (req) => {
    await app.services.auth.logout(sessionOf(req).session_id)
    return { ok: true }
  })

  app.get('/api/v1/auth/me', {
    schema: { operationId: 'me', tags: ['auth'], security, response: { 200: MeSchema, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async (req) => {
    const s = sessionOf(req)
    return { admin: toAdmin(s.admin, null), merchant: { ...s.merchant, pickup_url: `${app.config.publicBaseUrl}/r/${s.merchant.code}` } }
  })

  app.post('/api/v1/auth/password', {
    schema: {
      operationId: 'changeOwnPassword', tags: ['auth'], security, summary: 'Change one\'s own password; other sessions end',
      body: ChangePasswordBodySchema, response: { 200: OkResponse, ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req) => {
    await app.services.auth.changePassword(sessionOf(req), req.body.old_password, req.body.new_password, actorOf(req))
    return { ok: true }
  })
}
