// The names the pages use for the API's shapes, all taken from ./api-types.ts (generated from
// openapi/openapi.json by `npm run api-types`). The document declares its schemas inline, so each
// name points at the operation that answers (or takes) it.
import type { operations } from './api-types.js'

/** The JSON an operation answers with a status. */
type Answer<Op extends keyof operations, Status extends keyof operations[Op]['responses']> =
  operations[Op]['responses'][Status] extends { content: { 'application/json': infer T } } ? T : never

/** The JSON an operation takes. */
type Body<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer T } } ? T : never

export type RedeemConfig = Answer<'getRedeemConfig', 200>
export type Storefront = RedeemConfig['storefront']
export type Reservation = RedeemConfig['reservation']

/** A card and its products, as the staff pickups' verification answers. */
export type CardView = Answer<'verifyStorePickupCard', 200>
/** The same from the customer's verification, with the token the order is placed with. */
export type Verified = Answer<'verifyCard', 200>
export type Product = CardView['products'][number]

export type Consignee = Body<'submitRedemption'>['consignee']
/** The customer's order just placed: its number and where the merchant sends the customer next. */
export type Placed = Answer<'submitRedemption', 201>
/** One order as the customer's order pages and the staff pickups answer it. */
export type Order = Answer<'getRedeemOrder', 200>

/** The staff member signed in, and their merchant. */
export type Me = Answer<'me', 200>
export type ErrorResponse = Answer<'verifyCard', '4XX'>
