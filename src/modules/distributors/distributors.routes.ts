// The distributor (券商) routes: list, create, read with card counts, update, delete.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, IdParams, OkResponse } from '../../shared/schemas.js'
import { CreateDistributorSchema, DistributorListSchema, DistributorSchema, UpdateDistributorSchema } from './distributors.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['distributors']

export const distributorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('cards.read')
  const write = app.requirePermission('distributors.write')
  const svc = () => app.services.distributors

  app.get('/api/v1/distributors', {
    schema: { operationId: 'listDistributors', tags, security, summary: 'The distributors, each with counts of its cards by state', response: { 200: DistributorListSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => ({ items: await svc().list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/distributors', {
    schema: { operationId: 'createDistributor', tags, security, body: CreateDistributorSchema, response: { 201: DistributorSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201)
    return svc().create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.get('/api/v1/distributors/:id', {
    schema: { operationId: 'getDistributor', tags, security, params: IdParams, summary: 'A distributor with counts of its cards by state', response: { 200: DistributorSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => svc().get(sessionOf(req).merchant.id, req.params.id))

  app.patch('/api/v1/distributors/:id', {
    schema: { operationId: 'updateDistributor', tags, security, params: IdParams, body: UpdateDistributorSchema, response: { 200: DistributorSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => svc().update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))

  app.delete('/api/v1/distributors/:id', {
    schema: { operationId: 'deleteDistributor', tags, security, params: IdParams, summary: 'Delete a distributor holding no cards', response: { 200: OkResponse, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    await svc().remove(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    return { ok: true }
  })
}
