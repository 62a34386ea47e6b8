import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, assertPermission, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import type { Permission } from '../admins/permissions.js'
import {
  BatchListQuerySchema, BatchListSchema, BatchParams, BatchSchema, BulkBodySchema, BulkFieldsSchema, BulkResultSchema,
  CardDetailSchema, CardListQuerySchema, CardListSchema, CardParams, CreateBatchBodySchema, type BulkAction,
} from './cards.schemas.js'

const security = [{ adminBearer: [] }]

export const BULK_PERMISSION: Record<BulkAction, Permission> = {
  activate: 'cards.activate', deactivate: 'cards.activate', void: 'cards.void', restore: 'cards.void', delete: 'cards.delete', update: 'cards.edit',
}

export const cardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('cards.read')

  app.post('/api/v1/card-batches', {
    schema: {
      operationId: 'createCardBatch', tags: ['card-batches'], security, body: CreateBatchBodySchema,
      summary: 'Create a batch of cards (创建卡券); quick create needs only product_ids and quantity',
      description: 'Small batches are ready in the answer (201). Large ones answer 202 with status `generating` and progress; poll GET /api/v1/card-batches/{batch_no}.',
      response: { 201: BatchSchema, 202: BatchSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.create'),
  }, async (req, reply) => {
    const batch = await app.services.batches.create(sessionOf(req).merchant.id, req.body, actorOf(req))
    reply.code(batch.status === 'ready' ? 201 : 202)
    return batch
  })

  app.get('/api/v1/card-batches', {
    schema: { operationId: 'listCardBatches', tags: ['card-batches'], security, querystring: BatchListQuerySchema, response: { 200: BatchListSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => app.services.batches.list(sessionOf(req).merchant.id, req.query))

  app.get('/api/v1/card-batches/:batch_no', {
    schema: {
      operationId: 'getCardBatch', tags: ['card-batches'], security, params: BatchParams,
      summary: 'A batch with its generation progress and counts of its cards by state',
      response: { 200: BatchSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.batches.get(sessionOf(req).merchant.id, req.params.batch_no))

  app.get('/api/v1/cards', {
    schema: {
      operationId: 'listCards', tags: ['cards'], security, querystring: CardListQuerySchema,
      summary: 'Cards by filter, in serial order (keyset pages), with counts by state for the filter',
      response: { 200: CardListSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.cards.list(sessionOf(req).merchant.id, req.query))

  app.post('/api/v1/cards/bulk', {
    schema: {
      operationId: 'bulkCardAction', tags: ['cards'], security, body: BulkBodySchema,
      summary: 'Activate, deactivate, void, restore, delete or update many cards (批量操作)',
      description: 'Permission by action: activate/deactivate cards.activate, void/restore cards.void, delete cards.delete, update cards.edit. `dry_run` answers the same counts and changes nothing.',
      response: { 200: BulkResultSchema, ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req) => {
    assertPermission(req, BULK_PERMISSION[req.body.action])
    return app.services.cards.bulk(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.get('/api/v1/cards/:card_no', {
    schema: {
      operationId: 'getCard', tags: ['cards'], security, params: CardParams,
      summary: 'A card with its history (who did what, when)', response: { 200: CardDetailSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.cards.get(sessionOf(req).merchant.id, req.params.card_no))

  for (const action of ['activate', 'deactivate', 'void', 'restore'] as const) {
    app.post(`/api/v1/cards/:card_no/${action}`, {
      schema: {
        operationId: `${action}Card`, tags: ['cards'], security, params: CardParams,
        response: { 200: BulkResultSchema, ...errorResponses },
      },
      onRequest: app.requirePermission(BULK_PERMISSION[action]),
    }, async (req) => app.services.cards.single(sessionOf(req).merchant.id, req.params.card_no, action, undefined, actorOf(req)))
  }

  app.patch('/api/v1/cards/:card_no', {
    schema: {
      operationId: 'updateCard', tags: ['cards'], security, params: CardParams, body: BulkFieldsSchema,
      summary: 'Change the given fields of one card (card number and password never change)',
      response: { 200: BulkResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.edit'),
  }, async (req) => app.services.cards.single(sessionOf(req).merchant.id, req.params.card_no, 'update', req.body, actorOf(req)))

  app.delete('/api/v1/cards/:card_no', {
    schema: {
      operationId: 'deleteCard', tags: ['cards'], security, params: CardParams,
      summary: 'Delete a voided card, for good', response: { 200: BulkResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.delete'),
  }, async (req) => app.services.cards.single(sessionOf(req).merchant.id, req.params.card_no, 'delete', undefined, actorOf(req)))
}

