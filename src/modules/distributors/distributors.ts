// Distributors (券商/分销商): who sells which cards. Cards are assigned through the bulk
// update of distributor_id.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { isUniqueViolation } from '../../shared/db.js'
import { appError } from '../../shared/errors.js'
import { errorResponses, IdParams, iso, MobilePhone, Nullable, OkResponse, Timestamp } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { distributorCounts, distributorHasCards as hasCards } from '../cards/cards.repository.js'
import { StatusCountsSchema } from '../cards/cards.schemas.js'

export const distributorNotFound = appError('distributor_not_found', 404, '券商不存在')
export const distributorHasCards = appError('distributor_has_cards', 409, '该券商名下还有卡券，不能删除')
export const distributorNameTaken = appError('distributor_name_taken', 409, '已有同名券商')

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  contact: Nullable(Type.String({ maxLength: 50 })),
  phone: Nullable(MobilePhone),
  remark: Nullable(Type.String({ maxLength: 500 })),
}
export const CreateDistributorSchema = Type.Object({
  name: fields.name, contact: Type.Optional(fields.contact), phone: Type.Optional(fields.phone), remark: Type.Optional(fields.remark),
}, { additionalProperties: false })
export const UpdateDistributorSchema = Type.Partial(CreateDistributorSchema, { additionalProperties: false, minProperties: 1 })
export const DistributorSchema = Type.Object({
  id: Type.Integer(), ...fields, counts: Type.Optional(StatusCountsSchema), created_at: Timestamp, updated_at: Timestamp,
})
type Distributor = Static<typeof DistributorSchema>
type CreateDistributor = Static<typeof CreateDistributorSchema>
type UpdateDistributor = Static<typeof UpdateDistributorSchema>

interface Row { id: number; merchant_id: number; name: string; contact: string | null; phone: string | null; remark: string | null; created_at: number; updated_at: number }

const toDistributor = (r: Row): Distributor => ({
  id: Number(r.id), name: r.name, contact: r.contact, phone: r.phone, remark: r.remark,
  created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
})

export function createDistributorsService ({ db, clock }: { db: Knex; clock: Clock }) {
  async function load (merchantId: number, id: number): Promise<Row> {
    const row = await db<Row>('distributors').where({ merchant_id: merchantId, id }).first()
    if (!row) throw distributorNotFound()
    return row
  }
  async function write<T> (fn: () => Promise<T>): Promise<T> {
    try { return await fn() } catch (err) {
      if (isUniqueViolation(err)) throw distributorNameTaken()
      throw err
    }
  }
  return {
    async list (merchantId: number): Promise<Distributor[]> {
      return (await db<Row>('distributors').where({ merchant_id: merchantId }).orderBy('id')).map(toDistributor)
    },
    async get (merchantId: number, id: number): Promise<Distributor> {
      const row = await load(merchantId, id)
      return { ...toDistributor(row), counts: await distributorCounts(db, merchantId, id) }
    },
    async create (merchantId: number, body: CreateDistributor, actor: Actor): Promise<Distributor> {
      const now = clock.now().getTime()
      const id = await write(() => db.transaction(async (trx) => {
        const [newId] = await trx('distributors').insert({
          merchant_id: merchantId, name: body.name, contact: body.contact ?? null, phone: body.phone ?? null,
          remark: body.remark ?? null, created_at: now, updated_at: now,
        })
        await insertAudit(trx, merchantId, actor, { action: 'distributors.create', target_type: 'distributor', target_id: Number(newId), summary: { name: body.name } }, new Date(now))
        return Number(newId)
      }))
      return toDistributor(await load(merchantId, id))
    },
    async update (merchantId: number, id: number, body: UpdateDistributor, actor: Actor): Promise<Distributor> {
      await load(merchantId, id)
      const now = clock.now().getTime()
      await write(() => db.transaction(async (trx) => {
        await trx('distributors').where({ merchant_id: merchantId, id }).update({ ...body, updated_at: now })
        await insertAudit(trx, merchantId, actor, { action: 'distributors.update', target_type: 'distributor', target_id: id, summary: { changed: Object.keys(body) } }, new Date(now))
      }))
      return toDistributor(await load(merchantId, id))
    },
    async remove (merchantId: number, id: number, actor: Actor): Promise<void> {
      const row = await load(merchantId, id)
      await db.transaction(async (trx) => {
        if (await hasCards(trx, merchantId, id)) throw distributorHasCards()
        await trx('distributors').where({ merchant_id: merchantId, id }).delete()
        await insertAudit(trx, merchantId, actor, { action: 'distributors.delete', target_type: 'distributor', target_id: id, summary: { name: row.name } }, clock.now())
      })
    },
  }
}

export type DistributorsService = ReturnType<typeof createDistributorsService>

const security = [{ adminBearer: [] }]
const tags = ['distributors']

export const distributorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('cards.read')
  const write = app.requirePermission('distributors.write')
  const svc = () => app.services.distributors

  app.get('/api/v1/distributors', {
    schema: { operationId: 'listDistributors', tags, security, response: { 200: Type.Object({ items: Type.Array(DistributorSchema) }), ...errorResponses } },
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
