// /api/v1/webhook-endpoints and /api/v1/deliveries — the merchant's webhook endpoints and their
// delivery log (permission webhooks.write).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, IdParams, OkResponse } from '../../shared/schemas.js'
import {
  CreateEndpointBodySchema, DeliveryListQuerySchema, DeliveryListSchema, EndpointListSchema, EndpointSchema, EndpointWithSecretSchema,
  ReplayBodySchema, RequeuedSchema, TestDeliverySchema, UpdateEndpointBodySchema,
} from './webhooks.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['webhooks']

export const webhooksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('webhooks.write')
  const svc = () => app.services.webhooks

  app.get('/api/v1/webhook-endpoints', {
    schema: { operationId: 'listWebhookEndpoints', tags, security, response: { 200: EndpointListSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => ({ items: await svc().list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/webhook-endpoints', {
    schema: {
      operationId: 'createWebhookEndpoint', tags, security, summary: 'Register an endpoint (https; http only for localhost); the secret is in this answer only',
      body: CreateEndpointBodySchema,
      response: { 201: EndpointWithSecretSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201).header('cache-control', 'no-store')
    return svc().create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.patch('/api/v1/webhook-endpoints/:id', {
    schema: {
      operationId: 'updateWebhookEndpoint', tags, security, params: IdParams,
      body: UpdateEndpointBodySchema,
      response: { 200: EndpointSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))

  app.delete('/api/v1/webhook-endpoints/:id', {
    schema: { operationId: 'deleteWebhookEndpoint', tags, security, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    await svc().remove(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    return { ok: true }
  })

  app.post('/api/v1/webhook-endpoints/:id/rotate-secret', {
    schema: { operationId: 'rotateWebhookSecret', tags, security, params: IdParams, summary: 'New secret (shown once); for 24 hours deliveries carry two signatures', response: { 200: EndpointWithSecretSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return svc().rotate(sessionOf(req).merchant.id, req.params.id, actorOf(req))
  })

  app.post('/api/v1/webhook-endpoints/:id/test', {
    schema: { operationId: 'testWebhookEndpoint', tags, security, params: IdParams, summary: 'Queue a webhook.test delivery', response: { 202: TestDeliverySchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(202)
    const r = await svc().test(sessionOf(req).merchant.id, req.params.id)
    app.services.worker.kick()
    return r
  })

  app.post('/api/v1/webhook-endpoints/:id/replay', {
    schema: {
      operationId: 'replayWebhookDeliveries', tags, security, params: IdParams, summary: 'Re-queue dead (or all) deliveries created in a time range (since ≤ created < until)',
      body: ReplayBodySchema,
      response: { 200: RequeuedSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().replay(sessionOf(req).merchant.id, req.params.id, { since: req.body.since, until: req.body.until, status: req.body.status ?? 'dead' }, actorOf(req)))

  app.get('/api/v1/deliveries', {
    schema: {
      operationId: 'listDeliveries', tags, security,
      querystring: DeliveryListQuerySchema,
      response: { 200: DeliveryListSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().deliveries(sessionOf(req).merchant.id, req.query))

  app.post('/api/v1/deliveries/:id/retry', {
    schema: { operationId: 'retryDelivery', tags, security, params: IdParams, response: { 200: RequeuedSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    const r = await svc().retry(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    app.services.worker.kick()
    return r
  })
}
