import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { permissionsOf } from './admins.mapper.js'
import { errorResponses, IdParams, OkResponse } from '../../shared/schemas.js'
import {
  AdminListSchema, AdminSchema, CreateAdminBodySchema, PasswordResetSchema, PermissionListSchema, UpdateAdminBodySchema,
} from './admins.schemas.js'
import { PERMISSIONS } from './permissions.js'

const security = [{ adminBearer: [] }]
const tags = ['admins']

export const adminsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('admins.write')

  app.get('/api/v1/permissions', {
    schema: { operationId: 'listPermissions', tags, security, response: { 200: PermissionListSchema, ...errorResponses } },
    onRequest: app.requireAdmin,
  }, async () => ({ items: Object.entries(PERMISSIONS).map(([code, name]) => ({ code, name })) }))

  app.get('/api/v1/admins', {
    schema: { operationId: 'listAdmins', tags, security, response: { 200: AdminListSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => ({ items: await app.services.admins.list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/admins', {
    schema: {
      operationId: 'createAdmin', tags, security, body: CreateAdminBodySchema,
      response: { 201: AdminSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201)
    return app.services.admins.create(sessionOf(req).merchant.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin))
  })

  app.get('/api/v1/admins/:id', {
    schema: { operationId: 'getAdmin', tags, security, params: IdParams, response: { 200: AdminSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.admins.get(sessionOf(req).merchant.id, req.params.id))

  app.patch('/api/v1/admins/:id', {
    schema: {
      operationId: 'updateAdmin', tags, security, params: IdParams, body: UpdateAdminBodySchema,
      response: { 200: AdminSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => app.services.admins.update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin)))

  app.post('/api/v1/admins/:id/password', {
    schema: {
      operationId: 'resetAdminPassword', tags, security, params: IdParams,
      summary: 'Reset another admin\'s password to a new random one, answered once; that admin\'s sessions end',
      response: { 200: PasswordResetSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req, reply) => {
    // The answer carries a password: never kept by a cache.
    reply.header('cache-control', 'no-store')
    return app.services.admins.resetPassword(sessionOf(req).merchant.id, req.params.id, actorOf(req), permissionsOf(sessionOf(req).admin))
  })

  app.delete('/api/v1/admins/:id', {
    schema: { operationId: 'deleteAdmin', tags, security, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    await app.services.admins.remove(sessionOf(req).merchant.id, req.params.id, actorOf(req), permissionsOf(sessionOf(req).admin))
    return { ok: true }
  })
}
