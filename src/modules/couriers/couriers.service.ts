// Couriers: a seeded catalogue with stable codes, plus each merchant's own variants of them
// (省内顺丰标快 / 省外顺丰次晨: same courier, another product type and monthly account).
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { reserveCounter } from '../../shared/counters.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import * as repo from './couriers.repository.js'
import { courierNameTaken, courierNotFound } from './couriers.errors.js'
import type { Courier, CreateCourier, UpdateCourier } from './couriers.schemas.js'

export function createCouriersService ({ db, clock }: { db: Knex; clock: Clock }) {
  return {
    list: (merchantId: number): Promise<Courier[]> => repo.listCouriers(db, merchantId),

    async create (merchantId: number, body: CreateCourier, actor: Actor): Promise<Courier> {
      const now = clock.now()
      const name = body.name.trim()
      if (await repo.courierNameTaken(db, merchantId, name, null)) throw courierNameTaken()
      const code = await db.transaction(async (trx) => {
        const variant = `${body.base_code}_${await reserveCounter(trx, merchantId, 'courier_variant', 1)}`
        await repo.insertCourier(trx, {
          merchant_id: merchantId, code: variant, name, base_code: body.base_code,
          product_type: body.product_type ?? null, monthly_account: body.monthly_account ?? null, created_at: now.getTime(),
        })
        await insertAudit(trx, merchantId, actor, { action: 'couriers.create', target_type: 'courier', target_id: variant, summary: { name, base_code: body.base_code } }, now)
        return variant
      })
      return (await repo.findCourier(db, merchantId, code))!
    },

    /** Renames a variant, changes its product type or monthly account, or disables / enables it (停用 / 启用). */
    async update (merchantId: number, id: number, body: UpdateCourier, actor: Actor): Promise<Courier> {
      const row = await repo.findCourierAccount(db, merchantId, id)
      if (!row) throw courierNotFound()
      const patch: Parameters<typeof repo.updateCourier>[3] = {}
      if (body.name !== undefined) {
        patch.name = body.name.trim()
        if (patch.name !== row.name && await repo.courierNameTaken(db, merchantId, patch.name, id)) throw courierNameTaken()
      }
      if (body.product_type !== undefined) patch.product_type = body.product_type || null
      if (body.monthly_account !== undefined) patch.monthly_account = body.monthly_account || null
      if (body.disabled !== undefined) patch.disabled = body.disabled
      const now = clock.now()
      await db.transaction(async (trx) => {
        await repo.updateCourier(trx, merchantId, id, patch)
        await insertAudit(trx, merchantId, actor, { action: body.disabled === true ? 'couriers.disable' : body.disabled === false ? 'couriers.enable' : 'couriers.update', target_type: 'courier', target_id: row.code, summary: { ...patch } }, now)
      })
      return (await repo.findCourier(db, merchantId, row.code))!
    },
  }
}

export type CouriersService = ReturnType<typeof createCouriersService>
