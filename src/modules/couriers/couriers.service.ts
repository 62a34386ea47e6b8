// Couriers: a seeded catalogue with stable codes, plus each merchant's own variants of them
// (省内顺丰标快 / 省外顺丰次晨: same courier, another product type and monthly account).
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { reserveCounter } from '../../shared/counters.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import * as repo from './couriers.repository.js'
import type { Courier, CreateCourier } from './couriers.schemas.js'

export function createCouriersService ({ db, clock }: { db: Knex; clock: Clock }) {
  return {
    list: (merchantId: number): Promise<Courier[]> => repo.listCouriers(db, merchantId),

    async create (merchantId: number, body: CreateCourier, actor: Actor): Promise<Courier> {
      const now = clock.now()
      const code = await db.transaction(async (trx) => {
        const variant = `${body.base_code}_${await reserveCounter(trx, merchantId, 'courier_variant', 1)}`
        await repo.insertCourier(trx, {
          merchant_id: merchantId, code: variant, name: body.name, base_code: body.base_code,
          product_type: body.product_type ?? null, monthly_account: body.monthly_account ?? null, created_at: now.getTime(),
        })
        await insertAudit(trx, merchantId, actor, { action: 'couriers.create', target_type: 'courier', target_id: variant, summary: { name: body.name, base_code: body.base_code } }, now)
        return variant
      })
      return (await repo.findCourier(db, merchantId, code))!
    },
  }
}

export type CouriersService = ReturnType<typeof createCouriersService>
