// /api/v1/apps — the merchant console's management of open-platform apps (permission apps.write).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, IdParams } from '../../shared/schemas.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import { AppListSchema, AppSchema, AppWithSecretSchema, CreateAppSchema, UpdateAppSchema } from './apps.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['apps']

export const appsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('apps.write')
  app.get('/api/v1/apps', {
    schema: { operationId: 'listApps', tags, security, response: { 200: AppListSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => ({ items: await app.services.apps.list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/apps', {
    schema: { operationId: 'createApp', tags, security, body: CreateAppSchema, summary: 'Create an app; the secret is in this answer only', response: { 201: AppWithSecretSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201).header('cache-control', 'no-store')
    return app.services.apps.create(sessionOf(req).merchant.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin))
  })

  app.patch('/api/v1/apps/:id', {
    schema: { operationId: 'updateApp', tags, security, params: IdParams, body: UpdateAppSchema, response: { 200: AppSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.apps.update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin)))

  app.post('/api/v1/apps/:id/rotate-secret', {
    schema: { operationId: 'rotateAppSecret', tags, security, params: IdParams, summary: 'New secret (shown once); the old one works 24 hours more', response: { 200: AppWithSecretSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return app.services.apps.rotate(sessionOf(req).merchant.id, req.params.id, actorOf(req), permissionsOf(sessionOf(req).admin))
  })
}
