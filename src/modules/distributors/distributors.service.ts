// Distributors (券商/分销商): who sells which cards. Cards are assigned through the bulk update
// of distributor_id; a distributor holding cards cannot be deleted.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { countsByDistributor, distributorCounts, distributorHasCards as hasCards, emptyCounts } from '../cards/cards.repository.js'
import * as errors from './distributors.errors.js'
import * as repo from './distributors.repository.js'
import type { CreateDistributor, Distributor, UpdateDistributor } from './distributors.schemas.js'

const toDistributor = (r: repo.DistributorRow): Distributor => ({
  id: Number(r.id), name: r.name, contact: r.contact, phone: r.phone, remark: r.remark,
  created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
})

export function createDistributorsService ({ db, clock }: { db: Knex; clock: Clock }) {
  async function load (merchantId: number, id: number): Promise<repo.DistributorRow> {
    const row = await repo.findDistributor(db, merchantId, id)
    if (!row) throw errors.distributorNotFound()
    return row
  }
  return {
    /** Every distributor with its cards by state (assigned = total). */
    async list (merchantId: number): Promise<Distributor[]> {
      const [rows, counts] = await Promise.all([repo.listDistributors(db, merchantId), countsByDistributor(db, merchantId)])
      return rows.map((r) => ({ ...toDistributor(r), counts: counts.get(Number(r.id)) ?? emptyCounts() }))
    },
    async get (merchantId: number, id: number): Promise<Distributor> {
      const row = await load(merchantId, id)
      return { ...toDistributor(row), counts: await distributorCounts(db, merchantId, id) }
    },
    async create (merchantId: number, body: CreateDistributor, actor: Actor): Promise<Distributor> {
      const now = clock.now()
      const id = await db.transaction(async (trx) => {
        const newId = await repo.insertDistributor(trx, {
          merchant_id: merchantId, name: body.name, contact: body.contact ?? null, phone: body.phone ?? null, remark: body.remark ?? null, at: now,
        })
        await insertAudit(trx, merchantId, actor, { action: 'distributors.create', target_type: 'distributor', target_id: newId, summary: { name: body.name } }, now)
        return newId
      })
      return toDistributor(await load(merchantId, id))
    },
    async update (merchantId: number, id: number, body: UpdateDistributor, actor: Actor): Promise<Distributor> {
      await load(merchantId, id)
      const now = clock.now()
      await db.transaction(async (trx) => {
        await repo.updateDistributor(trx, merchantId, id, body, now)
        await insertAudit(trx, merchantId, actor, { action: 'distributors.update', target_type: 'distributor', target_id: id, summary: { changed: Object.keys(body) } }, now)
      })
      return toDistributor(await load(merchantId, id))
    },
    async remove (merchantId: number, id: number, actor: Actor): Promise<void> {
      const row = await load(merchantId, id)
      await db.transaction(async (trx) => {
        if (await hasCards(trx, merchantId, id)) throw errors.distributorHasCards()
        await repo.deleteDistributor(trx, merchantId, id)
        await insertAudit(trx, merchantId, actor, { action: 'distributors.delete', target_type: 'distributor', target_id: id, summary: { name: row.name } }, clock.now())
      })
    },
  }
}

export type DistributorsService = ReturnType<typeof createDistributorsService>
