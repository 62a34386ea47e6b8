import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, IdParams, Nullable, Timestamp } from '../../shared/schemas.js'
import { EVENT_TOPICS } from '../outbox/outbox.repository.js'

const security = [{ adminBearer: [] }]
const tags = ['webhooks']
const EventType = Type.Union(EVENT_TOPICS.map((e) => Type.Literal(e)))

const EndpointSchema = Type.Object({
  id: Type.Integer(), url: Type.String(), description: Nullable(Type.String()), event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(), disabled_reason: Nullable(Type.String()), secret_hint: Type.String(), created_at: Timestamp, updated_at: Timestamp,
})
const EndpointWithSecret = Type.Composite([EndpointSchema, Type.Object({ secret: Type.String({ description: 'whsec_…, shown only now' }) })])
const DeliverySchema = Type.Object({
  id: Type.Integer(), endpoint_id: Type.Integer(), event_type: Type.String(), webhook_id: Type.String(),
  status: Type.String({ description: 'pending, processing, succeeded or dead' }), attempts: Type.Integer(), next_attempt_at: Nullable(Timestamp),
  last_status_code: Nullable(Type.Integer()), last_error: Nullable(Type.String()), created_at: Timestamp,
  attempt_log: Type.Array(Type.Object({ attempt: Type.Integer(), started_at: Timestamp, status_code: Nullable(Type.Integer()), latency_ms: Type.Integer(), error: Nullable(Type.String()), response_excerpt: Nullable(Type.String()) })),
})

export const webhooksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('webhooks.write')
  const svc = () => app.services.webhooks

  app.get('/api/v1/webhook-endpoints', {
    schema: { operationId: 'listWebhookEndpoints', tags, security, response: { 200: Type.Object({ items: Type.Array(EndpointSchema) }), ...errorResponses } },
    onRequest: write,
  }, async (req) => ({ items: await svc().list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/webhook-endpoints', {
    schema: {
      operationId: 'createWebhookEndpoint', tags, security, summary: 'Register an endpoint (https; http only for localhost); the secret is in this answer only',
      body: Type.Object({
        url: Type.String({ minLength: 1, maxLength: 500 }), description: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        event_types: Type.Optional(Type.Array(EventType, { uniqueItems: true, description: 'Empty: every event except security.guessing, which an endpoint gets only when it lists it' })), enabled: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: EndpointWithSecret, ...errorResponses },
    },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201).header('cache-control', 'no-store')
    return svc().create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.patch('/api/v1/webhook-endpoints/:id', {
    schema: {
      operationId: 'updateWebhookEndpoint', tags, security, params: IdParams,
      body: Type.Object({
        url: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), description: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
        event_types: Type.Optional(Type.Array(EventType, { uniqueItems: true })), enabled: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: EndpointSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))

  app.delete('/api/v1/webhook-endpoints/:id', {
    schema: { operationId: 'deleteWebhookEndpoint', tags, security, params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    await svc().remove(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    return { ok: true }
  })

  app.post('/api/v1/webhook-endpoints/:id/rotate-secret', {
    schema: { operationId: 'rotateWebhookSecret', tags, security, params: IdParams, summary: 'New secret (shown once); for 24 hours deliveries carry two signatures', response: { 200: EndpointWithSecret, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return svc().rotate(sessionOf(req).merchant.id, req.params.id, actorOf(req))
  })

  app.post('/api/v1/webhook-endpoints/:id/test', {
    schema: { operationId: 'testWebhookEndpoint', tags, security, params: IdParams, summary: 'Queue a webhook.test delivery', response: { 202: Type.Object({ delivery_id: Type.Integer(), webhook_id: Type.String() }), ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(202)
    const r = await svc().test(sessionOf(req).merchant.id, req.params.id)
    app.services.worker.kick()
    return r
  })

  app.post('/api/v1/webhook-endpoints/:id/replay', {
    schema: {
      operationId: 'replayWebhookDeliveries', tags, security, params: IdParams, summary: 'Re-queue dead (or all) deliveries created since a moment',
      body: Type.Object({ since: Type.String({ format: 'date-time' }), status: Type.Union([Type.Literal('dead'), Type.Literal('all')], { default: 'dead' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ requeued: Type.Integer() }), ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().replay(sessionOf(req).merchant.id, req.params.id, { since: req.body.since, status: req.body.status ?? 'dead' }, actorOf(req)))

  app.get('/api/v1/deliveries', {
    schema: {
      operationId: 'listDeliveries', tags, security,
      querystring: Type.Object({
        status: Type.Optional(Type.Union(['pending', 'processing', 'succeeded', 'dead'].map((s) => Type.Literal(s)))),
        endpoint_id: Type.Optional(Type.Integer({ minimum: 1 })), event_type: Type.Optional(Type.String({ maxLength: 64 })),
        cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(DeliverySchema), next_cursor: Nullable(Type.String()) }), ...errorResponses },
    },
    onRequest: write,
  }, async (req) => svc().deliveries(sessionOf(req).merchant.id, req.query))

  app.post('/api/v1/deliveries/:id/retry', {
    schema: { operationId: 'retryDelivery', tags, security, params: IdParams, response: { 200: Type.Object({ requeued: Type.Integer() }), ...errorResponses } },
    onRequest: write,
  }, async (req) => {
    const r = await svc().retry(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    app.services.worker.kick()
    return r
  })
}
