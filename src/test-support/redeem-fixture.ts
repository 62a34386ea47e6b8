import type { LightMyRequestResponse } from 'fastify'
import type { Clock } from '../shared/clock.js'
import { cardPasswordKey, decryptCardPassword } from '../modules/cards/card-secrets.js'
import { buildTestApp, type TestApp, type TestAppOptions } from './build-test-app.js'
import { createBatch, createProduct } from './factories.js'

export const CONSIGNEE = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

export interface RedeemFixture extends TestApp {
  token: string
  apple: number
  peach: number
  batchNo: string
  /** Active cards with their passwords (decrypted from the stored copy). */
  cards: Array<{ card_no: string; password: string }>
  verify (cardNo: string, password: string, ip?: string): Promise<LightMyRequestResponse>
  submit (body: object, ip?: string): Promise<LightMyRequestResponse>
}

/** A merchant with two products and an active batch of `quantity` cards for apple or peach. */
export async function redeemFixture (t: { teardown (fn: () => unknown): void }, opts: TestAppOptions & { quantity?: number; clock?: Clock; batch?: object } = {}): Promise<RedeemFixture> {
  const ta = await buildTestApp(t, opts)
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果礼盒', { goods_no: 'G-APPLE', spec_no: 'S-1' })
  const peach = await createProduct(ta, token, '桃子礼盒')
  const batch = await createBatch(ta, token, { prefix: 'T', number_length: 6, quantity: opts.quantity ?? 20, product_ids: [apple, peach], activate: true, face_value: 38800, ...opts.batch })
  const merchant = await ta.db('merchants').where({ code: 'default' }).first()
  const key = cardPasswordKey(ta.config.masterKey, merchant.id)
  const rows = await ta.db('cards').orderBy('serial').select('card_no', 'password_enc')
  const cards = rows.map((r) => ({ card_no: r.card_no as string, password: decryptCardPassword(key, r.card_no, r.password_enc) }))
  return {
    ...ta, token, apple, peach, batchNo: batch.batch_no, cards,
    verify: (card_no, password, ip = '127.0.0.1') => ta.app.inject({ method: 'POST', url: '/api/v1/redeem/default/verify', remoteAddress: ip, payload: { card_no, password } }),
    submit: (body, ip = '127.0.0.1') => ta.app.inject({ method: 'POST', url: '/api/v1/redeem/default/orders', remoteAddress: ip, payload: body }),
  }
}
