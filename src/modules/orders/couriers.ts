// Couriers: a seeded catalogue with stable codes, plus each merchant's own variants of them
// (省内顺丰标快 / 省外顺丰次晨: same courier, another product type and monthly account).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import type { Db } from '../../shared/db.js'
import { appError } from '../../shared/errors.js'
import { errorResponses, Nullable } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { reserveCounter } from '../../shared/counters.js'

export const COURIER_CATALOGUE = [
  { code: 'SF', name: '顺丰速运' }, { code: 'ZTO', name: '中通快递' }, { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' }, { code: 'YUNDA', name: '韵达快递' }, { code: 'EMS', name: 'EMS' },
  { code: 'JD', name: '京东物流' }, { code: 'JTSD', name: '极兔速递' }, { code: 'DBL', name: '德邦快递' },
  { code: 'YZPY', name: '邮政快递包裹' }, { code: 'HTKY', name: '百世快递' }, { code: 'ZJS', name: '宅急送' },
  { code: 'ANE', name: '安能物流' }, { code: 'KYSY', name: '跨越速运' }, { code: 'SNWL', name: '苏宁物流' },
  { code: 'FWX', name: '丰网速运' }, { code: 'ZTOKY', name: '中通快运' },
] as const

export const courierInvalid = appError('courier_invalid', 422, '物流公司不存在')

export const CourierSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  base_code: Type.String(),
  product_type: Nullable(Type.String()),
  monthly_account: Nullable(Type.String()),
  custom: Type.Boolean(),
  id: Nullable(Type.Integer()),
})
export type Courier = Static<typeof CourierSchema>

export const CreateCourierSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  base_code: Type.Union(COURIER_CATALOGUE.map((c) => Type.Literal(c.code))),
  product_type: Type.Optional(Nullable(Type.String({ maxLength: 50, description: '签约产品类型' }))),
  monthly_account: Type.Optional(Nullable(Type.String({ maxLength: 64, description: '月结代码' }))),
}, { additionalProperties: false })

/** The catalogue entry or merchant variant with this code, or undefined. */
export async function findCourier (db: Db, merchantId: number, code: string): Promise<Courier | undefined> {
  const base = COURIER_CATALOGUE.find((c) => c.code === code)
  if (base) return { ...base, base_code: base.code, product_type: null, monthly_account: null, custom: false, id: null }
  const row = await db('merchant_couriers').where({ merchant_id: merchantId, code }).first()
  return row ? toCourier(row) : undefined
}

function toCourier (r: { id: number; code: string; name: string; base_code: string; product_type: string | null; monthly_account: string | null }): Courier {
  return { code: r.code, name: r.name, base_code: r.base_code, product_type: r.product_type, monthly_account: r.monthly_account, custom: true, id: Number(r.id) }
}

/**
 * Reads a courier as people and ERPs write it: our code in any case (sf, SF_COLD) or the name
 * shown (顺丰速运, a variant's own name). Undefined when the merchant has no such courier.
 */
export async function courierCodeResolver (db: Db, merchantId: number): Promise<(codeOrName: string | null | undefined) => string | undefined> {
  const codes = new Map<string, string>()
  for (const c of COURIER_CATALOGUE) { codes.set(c.code.toLowerCase(), c.code); codes.set(c.name, c.code) }
  for (const c of await db('merchant_couriers').where({ merchant_id: merchantId }).select('code', 'name')) { codes.set(String(c.code).toLowerCase(), c.code); codes.set(c.name, c.code) }
  return (s) => {
    const v = String(s ?? '')
    return v ? codes.get(v.toLowerCase()) ?? codes.get(v) : undefined
  }
}

export function createCouriersService ({ db, clock }: { db: Knex; clock: Clock }) {
  return {
    async list (merchantId: number): Promise<Courier[]> {
      const own = await db('merchant_couriers').where({ merchant_id: merchantId }).orderBy('id')
      return [
        ...COURIER_CATALOGUE.map((c) => ({ ...c, base_code: c.code, product_type: null, monthly_account: null, custom: false, id: null })),
        ...own.map(toCourier),
      ]
    },
    async create (merchantId: number, body: Static<typeof CreateCourierSchema>, actor: Actor): Promise<Courier> {
      const now = clock.now()
      const code = await db.transaction(async (trx) => {
        const variant = `${body.base_code}_${await reserveCounter(trx, merchantId, 'courier_variant', 1)}`
        await trx('merchant_couriers').insert({
          merchant_id: merchantId, code: variant, name: body.name, base_code: body.base_code,
          product_type: body.product_type ?? null, monthly_account: body.monthly_account ?? null, created_at: now.getTime(),
        })
        await insertAudit(trx, merchantId, actor, { action: 'couriers.create', target_type: 'courier', target_id: variant, summary: { name: body.name, base_code: body.base_code } }, now)
        return variant
      })
      return (await findCourier(db, merchantId, code))!
    },
  }
}

export const couriersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/couriers', {
    schema: {
      operationId: 'listCouriers', tags: ['orders'], security: [{ adminBearer: [] }],
      summary: 'The courier catalogue and the merchant\'s own variants', response: { 200: Type.Object({ items: Type.Array(CourierSchema) }), ...errorResponses },
    },
    onRequest: app.requireAdmin,
  }, async (req) => ({ items: await app.services.couriers.list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/couriers', {
    schema: {
      operationId: 'createCourier', tags: ['orders'], security: [{ adminBearer: [] }], body: CreateCourierSchema,
      summary: 'A merchant variant of a courier (物流配置): product type and monthly account code', response: { 201: CourierSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req, reply) => {
    reply.code(201)
    return app.services.couriers.create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })
}
