import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, assertPermission, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import type { Permission } from '../admins/permissions.js'
import {
  BatchListQuerySchema, BatchListSchema, BatchParams, BatchSchema, BulkBodySchema, BulkFieldsSchema, BulkJobListQuerySchema, BulkJobListSchema,
  BulkJobParams, BulkJobSchema, BulkResultSchema,
  CardDetailSchema, CardListQuerySchema, CardListSchema, CardParams, CreateBatchBodySchema, type BulkAction,
} from './cards.schemas.js'
import { AdjustBodySchema, AdminVoucherSchema, ExtendBodySchema, ExtendResultSchema, ReasonBodySchema } from './vouchers.schemas.js'

const security = [{ adminBearer: [] }]

export const BULK_PERMISSION: Record<BulkAction, Permission> = {
  activate: 'cards.activate', deactivate: 'cards.activate', void: 'cards.void', restore: 'cards.void', delete: 'cards.delete', update: 'cards.edit', extend: 'cards.edit',
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
      description: 'Permission by action: activate/deactivate cards.activate, void/restore cards.void, delete cards.delete, update and extend cards.edit. extend (储值券延期): each active stored-value voucher never extended, ending no more than 30 days ago, gets 30 more days (others are skipped as not_extendable). `dry_run` answers the same counts and changes nothing. ' +
        'An action on up to 20,000 cards is done when it answers (200). A larger one answers 202 with the job doing it in the background (progress, resumed after a restart; one job per batch at a time, else 409 `bulk_job_running`): poll GET /api/v1/card-bulk-jobs/{job_no}.',
      response: { 200: BulkResultSchema, 202: BulkJobSchema, ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req, reply) => {
    assertPermission(req, BULK_PERMISSION[req.body.action])
    const r = await app.services.cards.bulk(sessionOf(req).merchant.id, req.body, actorOf(req))
    if ('job_no' in r) reply.code(202)
    return r
  })

  app.get('/api/v1/card-bulk-jobs', {
    schema: {
      operationId: 'listCardBulkJobs', tags: ['cards'], security, querystring: BulkJobListQuerySchema,
      summary: 'Bulk actions run in the background, newest first', response: { 200: BulkJobListSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.cards.jobs(sessionOf(req).merchant.id, req.query))

  app.get('/api/v1/card-bulk-jobs/:job_no', {
    schema: {
      operationId: 'getCardBulkJob', tags: ['cards'], security, params: BulkJobParams,
      summary: 'A background bulk action: its progress and, once done, its counts', response: { 200: BulkJobSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.cards.job(sessionOf(req).merchant.id, req.params.job_no))

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

  // Stored-value vouchers: balance and holds, an adjustment with a reason, the one extension, unbinding.
  app.get('/api/v1/cards/:card_no/voucher', {
    schema: {
      operationId: 'getVoucher', tags: ['cards'], security, params: CardParams,
      summary: 'A stored-value voucher: balance, validity, restrictions, holds (its ledger is the card\'s history)', response: { 200: AdminVoucherSchema, ...errorResponses },
    },
    onRequest: read,
  }, async (req) => app.services.vouchers.adminView(sessionOf(req).merchant, req.params.card_no))

  app.post('/api/v1/cards/:card_no/voucher/adjust', {
    schema: {
      operationId: 'adjustVoucher', tags: ['cards'], security, params: CardParams, body: AdjustBodySchema,
      summary: 'Add to or take from a voucher\'s balance (余额调整), with a reason; never below 0; audited', response: { 200: AdminVoucherSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.edit'),
  }, async (req) => {
    const merchant = sessionOf(req).merchant
    const card = await app.services.vouchers.find(merchant.id, req.params.card_no)
    await app.services.vouchers.adjust(merchant, card, req.body.delta, req.body.reason, actorOf(req))
    return app.services.vouchers.adminView(merchant, req.params.card_no)
  })

  app.post('/api/v1/cards/:card_no/voucher/extend', {
    schema: {
      operationId: 'extendVoucher', tags: ['cards'], security, params: CardParams, body: ExtendBodySchema,
      summary: 'The one extension (延期): +30 days, while valid or up to 30 days after expiry; dry_run answers the new last day and changes nothing', response: { 200: ExtendResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.edit'),
  }, async (req) => {
    const merchant = sessionOf(req).merchant
    const card = await app.services.vouchers.find(merchant.id, req.params.card_no)
    return app.services.vouchers.extend(merchant, card, actorOf(req), { dryRun: req.body.dry_run })
  })

  app.post('/api/v1/cards/:card_no/voucher/unbind', {
    schema: {
      operationId: 'unbindVoucher', tags: ['cards'], security, params: CardParams, body: ReasonBodySchema,
      summary: 'Unbind a voucher from its phone (解绑), with a reason; audited', response: { 200: AdminVoucherSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.edit'),
  }, async (req) => {
    const merchant = sessionOf(req).merchant
    const card = await app.services.vouchers.find(merchant.id, req.params.card_no)
    await app.services.vouchers.unbind(merchant, card, req.body.reason, actorOf(req))
    return app.services.vouchers.adminView(merchant, req.params.card_no)
  })

  app.delete('/api/v1/cards/:card_no', {
    schema: {
      operationId: 'deleteCard', tags: ['cards'], security, params: CardParams,
      summary: 'Delete a voided card, for good', response: { 200: BulkResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.delete'),
  }, async (req) => app.services.cards.single(sessionOf(req).merchant.id, req.params.card_no, 'delete', undefined, actorOf(req)))
}

