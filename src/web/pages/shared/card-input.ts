// A card number and password as typed by a customer or read out over the phone, used by the
// pickup page, "my order" and the staff pickups alike.
import type { ApiError } from './api.js'
import type { FieldErrors } from './errors.js'

export interface CardCredentials { card_no: string; password: string }

/** Printed cards group digits with spaces; the API wants them without. */
export function cardCredentials (cardNo: string, password: string): CardCredentials {
  return { card_no: cardNo.replace(/\s+/g, ''), password: password.replace(/\s+/g, '') }
}

/** Both are needed before anything is sent. */
export function checkCardInput (cardNo: string, password: string): FieldErrors {
  const c = cardCredentials(cardNo, password)
  const out: FieldErrors = {}
  if (!c.card_no) out.card_no = '请输入卡号'
  if (!c.password) out.password = '请输入密码'
  return out
}

/** The order that already used the card, from a 409 card_redeemed ('' otherwise). */
export function redeemedOrderNo (err: ApiError): string {
  return err.code === 'card_redeemed' ? (err.details.find((d) => d.path === '/order_no')?.message ?? '') : ''
}
