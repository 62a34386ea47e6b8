import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { DateOut, errorResponses, Nullable, ReserveDateString } from '../../shared/schemas.js'
import { ConsigneeSchema, OrderSchema } from '../orders/orders.schemas.js'
import { PickupSchema, StorefrontSchema } from '../settings/settings.schemas.js'

const CardNo = Type.String({ minLength: 1, maxLength: 48 })
const CardPassword = Type.String({ minLength: 1, maxLength: 64 })
const MerchantParams = Type.Object({ merchant_code: Type.String({ maxLength: 32 }) })
const tags = ['redeem']

const CardViewSchema = Type.Object({
  card: Type.Object({
    card_no: Type.String(),
    face_value: Nullable(Type.Integer({ description: 'Cents (分)' })),
    valid_from: Nullable(Type.String()),
    valid_to: Nullable(Type.String()),
  }),
  products: Type.Array(Type.Object({
    product_id: Type.Integer(), name: Type.String(), image_url: Nullable(Type.String()),
    description: Nullable(Type.String({ description: 'Sanitised HTML' })),
  }), { description: 'The card redeems any ONE of these (一卡多提)' }),
})

const VerifyResultSchema = Type.Composite([
  Type.Object({
    token: Type.String({ description: 'Lets the next step go on without the password; 15 minutes' }),
    expires_at: Type.String({ format: 'date-time' }),
  }),
  CardViewSchema,
])

const CardCredentials = Type.Object({ card_no: CardNo, password: CardPassword }, { additionalProperties: false })

const SubmitBodySchema = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 2000 }),
  product_id: Type.Integer({ minimum: 1 }),
  consignee: ConsigneeSchema,
  reserve_date: Type.Optional(ReserveDateString),
  remark: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false })

const StaffBase = {
  card_no: CardNo,
  password: CardPassword,
  product_id: Type.Integer({ minimum: 1 }),
  remark: Type.Optional(Type.String({ maxLength: 500 })),
}

export const redemptionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const svc = () => app.services.redemption

  app.get('/api/v1/redeem/:merchant_code/config', {
    schema: {
      operationId: 'getRedeemConfig', tags, params: MerchantParams, summary: 'What the pickup page needs: storefront, pickup switch, reservation rules',
      response: {
        200: Type.Object({
          merchant: Type.Object({ code: Type.String(), name: Type.String() }),
          storefront: StorefrontSchema,
          pickup: Type.Object({ enabled: Type.Boolean(), pause_message: Nullable(Type.String()) }),
          reservation: Type.Composite([PickupSchema.properties.reservation, Type.Object({
            today: Type.String({ description: 'Today in the merchant\'s time zone' }),
            daily_cap: Nullable(Type.Integer()),
            available_dates: Type.Array(DateOut, { description: 'The dates the customer may pick, oldest first (empty for mode none; 180 days ahead for mode any); days whose cap is taken are left out' }),
          })]),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => svc().config(req.params.merchant_code))

  app.post('/api/v1/redeem/:merchant_code/verify', {
    schema: {
      operationId: 'verifyCard', tags, params: MerchantParams,
      summary: 'Card number + password → token, card and its products',
      description: 'A wrong number and a wrong password give the same 422 card_invalid. 5 wrong passwords in a row lock the card for 30 minutes (423 card_locked); more than 20 failures from one address in 10 minutes → 429.',
      body: CardCredentials,
      response: { 200: VerifyResultSchema, ...errorResponses },
    },
  }, async (req) => svc().verify(req.params.merchant_code, req.body.card_no, req.body.password, req.ip))

  app.post('/api/v1/redeem/:merchant_code/orders', {
    schema: {
      operationId: 'submitRedemption', tags, params: MerchantParams, body: SubmitBodySchema,
      summary: 'Token + product + address → the order (one card, one order)',
      response: { 201: Type.Object({ order_no: Type.String(), redirect_url: Type.Optional(Type.String()) }), ...errorResponses },
    },
  }, async (req, reply) => {
    reply.code(201)
    return svc().submit(req.params.merchant_code, req.body, req.ip)
  })

  app.get('/api/v1/redeem/:merchant_code/orders/:order_no', {
    schema: {
      operationId: 'getRedeemOrder', tags, summary: 'The customer\'s order: by token, or by card number + password',
      params: Type.Object({ merchant_code: Type.String({ maxLength: 32 }), order_no: Type.String({ maxLength: 32 }) }),
      querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 2000 })), card_no: Type.Optional(CardNo), password: Type.Optional(CardPassword) }),
      response: { 200: OrderSchema, ...errorResponses },
    },
  }, async (req) => svc().customerOrder(req.params.merchant_code, req.params.order_no, req.query, req.ip))

  app.post('/api/v1/redeem/:merchant_code/order-lookup', {
    schema: {
      operationId: 'lookupRedeemOrder', tags, params: MerchantParams,
      summary: '"My order": the card\'s latest order, by card number + password',
      description: 'The same answers and lockouts as verify for a wrong number or password; 404 order_not_found when the card has no order yet.',
      body: CardCredentials,
      response: { 200: OrderSchema, ...errorResponses },
    },
  }, async (req) => svc().lookupOrder(req.params.merchant_code, req.body.card_no, req.body.password, req.ip))

  // Staff step 1: the card and its products before the staff member and the customer pick one.
  for (const [channel, permission, title] of [['store', 'redeem.store', '到店提货'], ['phone', 'redeem.phone', '电话提货']] as const) {
    app.post(`/api/v1/${channel}-pickups/verify`, {
      schema: {
        operationId: channel === 'store' ? 'verifyStorePickupCard' : 'verifyPhonePickupCard', tags: ['orders'], security: [{ adminBearer: [] }],
        summary: `${title}: check the card number + password and list the card's products`,
        description: 'Wrong passwords count toward the card\'s lock, as on the pickup page.',
        body: CardCredentials, response: { 200: CardViewSchema, ...errorResponses },
      },
      onRequest: app.requirePermission(permission),
    }, async (req) => svc().staffVerify(sessionOf(req).merchant.id, req.body.card_no, req.body.password, actorOf(req)))
  }

  app.post('/api/v1/store-pickups', {
    schema: {
      operationId: 'storePickup', tags: ['orders'], security: [{ adminBearer: [] }],
      summary: 'In-store pickup (到店提货): the order completes at once',
      body: Type.Object(StaffBase, { additionalProperties: false }), response: { 201: OrderSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('redeem.store'),
  }, async (req, reply) => {
    reply.code(201)
    return svc().staffPickup(sessionOf(req).merchant.id, req.body, 'store', actorOf(req))
  })

  app.post('/api/v1/phone-pickups', {
    schema: {
      operationId: 'phonePickup', tags: ['orders'], security: [{ adminBearer: [] }],
      summary: 'Phone pickup (电话提货): staff enter the customer\'s address',
      body: Type.Object({ ...StaffBase, consignee: ConsigneeSchema, reserve_date: Type.Optional(ReserveDateString) }, { additionalProperties: false }),
      response: { 201: OrderSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('redeem.phone'),
  }, async (req, reply) => {
    reply.code(201)
    return svc().staffPickup(sessionOf(req).merchant.id, req.body, 'phone', actorOf(req))
  })
}
