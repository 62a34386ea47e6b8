// Stored-value vouchers (储值提货券) end to end through the signed open API and the back office:
// a batch with the 832 seeds' face value and N-day validity, issue to a phone (activation loads
// the balance, the days count from the next local day), holds with restrictions, capture,
// release, lapse, refunds up to what was captured, the one extension and its limits, binding,
// adjustments, and the ledger summing to the balance on every card after 50 concurrent holds.
import t, { type Test } from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { cardPasswordKey, decryptCardPassword } from './card-secrets.js'
import { createApp, openRequest, type OpenApp } from '../../test-support/open-fixture.js'
import { redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { createProduct } from '../../test-support/factories.js'
import { ledgerMismatches } from './vouchers.repository.js'

const PHONE = '13900000001'

async function voucherSetup (t: Test, start: string) {
  const clock = fixedClock(start)
  const f = await redeemFixture(t, { clock, quantity: 2 })
  const patch = (id: number, payload: object) => f.app.inject({ method: 'PATCH', url: `/api/v1/products/${id}`, headers: f.auth(f.token), payload })
  t.equal((await patch(f.apple, { price: 5000, category: '水果', supplier: '果园甲' })).statusCode, 200)
  t.equal((await patch(f.peach, { price: 3000, category: '水果' })).statusCode, 200)
  const rice = await createProduct(f, f.token, '五常大米', { price: 8000, category: '粮油', supplier: '米厂' })
  const mall = await createApp(f, ['cards:issue', 'cards:read', 'vouchers:read', 'vouchers:pay', 'cards:secrets'])
  return { clock, f, rice, mall }
}

async function voucherBatch (f: RedeemFixture, payload: object = {}) {
  const res = await f.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: f.auth(await f.login()),
    payload: { kind: 'stored_value', prefix: 'SV', number_length: 6, quantity: 60, face_value: 20000, valid_days: 90, restrictions: { categories: ['水果'], provinces: ['浙江省'] }, ...payload },
  })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

async function issue (f: RedeemFixture, mall: OpenApp, batchNo: string, outOrderNo: string, phone = PHONE, quantity = 1) {
  const res = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { out_order_no: outOrderNo, batch_no: batchNo, items: [{ phone, quantity }], send_sms: false })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().cards as Array<{ card_no: string; password: string; valid_from: string; valid_to: string }>
}

t.test('a stored-value batch: the seeds\' face value and days; what it refuses', async (t) => {
  const { f } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f)
  t.equal(batch.kind, 'stored_value')
  t.equal(batch.face_value, 20000)
  t.equal(batch.valid_days, 90)
  t.same(batch.restrictions, { categories: ['水果'], provinces: ['浙江省'] })
  t.same(batch.product_ids, [])
  t.match(batch.name, /储值券 200 元/)
  const refused = async (payload: object, code: string, label: string) => {
    const res = await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: f.auth(f.token), payload: { kind: 'stored_value', quantity: 1, face_value: 5000, ...payload } })
    t.equal(res.json().code, code, label)
    t.match(res.json().message, /[\u4e00-\u9fa5]/, 'a message in Chinese')
  }
  await refused({ face_value: 0 }, 'batch_kind_invalid', 'no face value')
  await refused({ activate: true }, 'batch_kind_invalid', 'activated when sold, not at creation')
  await refused({ product_ids: [f.apple] }, 'batch_kind_invalid', 'no products of its own')
  await refused({ valid_days: 30, valid_to: '2027-01-01' }, 'valid_days_invalid', 'days or dates, not both')
  await refused({ restrictions: { product_ids: [99999] } }, 'restrictions_invalid', 'an unknown product')
  const pickup = await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: f.auth(f.token), payload: { quantity: 1, valid_days: 30, product_ids: [f.apple] } })
  t.equal(pickup.json().code, 'batch_kind_invalid', 'days are for vouchers')
  const empty = await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: f.auth(f.token), payload: { quantity: 1 } })
  t.match(empty.json(), { code: 'validation_failed', details: [{ path: '/product_ids' }] }, 'a pickup batch needs its products')
})

t.test('issue, hold, capture, release, lapse, refund: the balance and its ledger', async (t) => {
  // 23:59:59 in Shanghai: activated on the 23rd, valid from the 24th for 90 days.
  const { clock, f, rice, mall } = await voucherSetup(t, '2026-11-23T15:59:59Z')
  const batch = await voucherBatch(f)
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-1')
  t.equal(card.valid_from, '2026-11-24', 'from the day after activation, in the merchant\'s zone')
  t.equal(card.valid_to, '2027-02-21', 'for 90 days')
  const open = (method: string, url: string, body?: unknown) => openRequest(f, mall, method, url, body)
  const hold = (body: object) => open('POST', `/open/v1/vouchers/${card.card_no}/holds`, { phone: PHONE, items: [{ product_id: f.apple, quantity: 1 }], province: '浙江省', ...body })

  let res = await hold({ out_trade_no: 'T0', amount: 5000 })
  t.equal(res.json().code, 'voucher_not_started', 'not on the day it was sold')
  clock.advance(1000)

  res = await open('GET', `/open/v1/vouchers/${card.card_no}?phone=${PHONE}`)
  t.equal(res.statusCode, 200)
  t.match(res.json(), { balance: 20000, face_value: 20000, state: 'active', valid_to: '2027-02-21', days_left: 90, extended: false, extendable_until: '2027-03-23', phone: '139****0001' })
  t.equal((await open('GET', `/open/v1/vouchers/${card.card_no}?phone=13900000002`)).json().code, 'card_invalid', 'another phone learns nothing')
  t.equal((await open('POST', `/open/v1/vouchers/${card.card_no}/query`, { password: card.password })).json().code, 'voucher_bound', 'a bound voucher needs its phone')
  t.equal((await open('POST', `/open/v1/vouchers/${card.card_no}/query`, { password: card.password, phone: PHONE })).statusCode, 200)

  res = await hold({ out_trade_no: 'T1', amount: 5000 })
  t.equal(res.statusCode, 201, res.body)
  const h1 = res.json()
  t.match(h1, { status: 'held', amount: 5000, balance: 15000 })
  t.same((await hold({ out_trade_no: 'T1', amount: 5000 })).json().hold_no, h1.hold_no, 'a repeated out_trade_no is the first hold')
  t.equal((await hold({ out_trade_no: 'T1', amount: 4000 })).json().code, 'out_trade_no_reused')

  // The restrictions, at every debit.
  t.equal((await hold({ out_trade_no: 'R1', amount: 100, items: [{ product_id: rice, quantity: 1 }] })).json().code, 'product_not_allowed', 'outside its categories')
  t.equal((await hold({ out_trade_no: 'R2', amount: 100, province: '江苏省' })).json().code, 'region_not_allowed')
  t.equal((await hold({ out_trade_no: 'R3', amount: 100, items: undefined })).json().code, 'items_required')
  t.equal((await hold({ out_trade_no: 'R4', amount: 100, province: undefined })).json().code, 'region_required')
  t.equal((await hold({ out_trade_no: 'R5', amount: 5001 })).json().code, 'amount_above_items', 'never more than the goods cost')
  res = await hold({ out_trade_no: 'R6', amount: 16000, items: [{ product_id: f.apple, quantity: 4 }] })
  t.equal(res.statusCode, 409)
  t.equal(res.json().code, 'insufficient_balance')
  t.match(res.json().message, /余额 150\.00 元/, 'the balance in the answer')
  t.same(res.json().details, [{ path: '/balance', message: '15000' }])

  // Capture: voucher.debited; again: the same; release after it: refused.
  res = await open('POST', `/open/v1/holds/${h1.hold_no}/capture`)
  t.match(res.json(), { status: 'captured', balance: 15000 })
  t.match((await open('POST', `/open/v1/holds/${h1.hold_no}/capture`)).json(), { status: 'captured' })
  t.equal((await open('POST', `/open/v1/holds/${h1.hold_no}/release`)).json().code, 'hold_not_held')
  const debited = await f.db('outbox').where({ topic: 'voucher.debited' }).select()
  t.equal(debited.length, 1, 'one voucher.debited')
  t.match(JSON.parse(debited[0].payload), { card_no: card.card_no, amount: 5000, balance: 15000, out_trade_no: 'T1' })

  // Refunds: part, then never beyond what was captured; one per out_refund_no.
  res = await open('POST', `/open/v1/holds/${h1.hold_no}/refunds`, { out_refund_no: 'RF1', amount: 2000 })
  t.match(res.json(), { refunded: 2000, balance: 17000 })
  t.match((await open('POST', `/open/v1/holds/${h1.hold_no}/refunds`, { out_refund_no: 'RF1', amount: 2000 })).json(), { refunded: 2000, balance: 17000 }, 'a repeated refund refunds once')
  t.equal((await open('POST', `/open/v1/holds/${h1.hold_no}/refunds`, { out_refund_no: 'RF2', amount: 3001 })).json().code, 'refund_exceeds_captured')
  t.equal((await open('POST', `/open/v1/holds/${h1.hold_no}/refunds`, { out_refund_no: 'RF1', amount: 100 })).json().code, 'out_refund_no_reused')

  // Released by the mall: back to the balance; capture after it refused.
  const h2 = (await hold({ out_trade_no: 'T2', amount: 3000 })).json()
  t.match((await open('POST', `/open/v1/holds/${h2.hold_no}/release`)).json(), { status: 'released', balance: 17000 })
  t.equal((await open('POST', `/open/v1/holds/${h2.hold_no}/capture`)).json().code, 'hold_not_held', 'no capture after release')
  t.equal((await open('POST', `/open/v1/holds/${h2.hold_no}/refunds`, { out_refund_no: 'X', amount: 1 })).json().code, 'hold_not_captured')

  // A hold that lapses releases itself (the sweep), and cannot be captured.
  const h3 = (await hold({ out_trade_no: 'T3', amount: 4000, ttl_seconds: 60 })).json()
  t.equal(h3.balance, 13000)
  clock.advance(61_000)
  t.equal((await open('GET', `/open/v1/holds/${h3.hold_no}`)).json().status, 'lapsed')
  t.equal(await f.app.services.vouchers.releaseLapsed(), 1, 'the sweep releases it')
  t.equal(await f.app.services.vouchers.releaseLapsed(), 0, 'once')
  t.match((await open('GET', `/open/v1/holds/${h3.hold_no}`)).json(), { status: 'released', balance: 17000 })
  t.equal((await open('POST', `/open/v1/holds/${h3.hold_no}/capture`)).json().code, 'hold_not_held')
  // A lapsed hold not swept yet is released by the capture that it refuses.
  const h4 = (await hold({ out_trade_no: 'T4', amount: 1000, ttl_seconds: 60 })).json()
  clock.advance(61_000)
  t.equal((await open('POST', `/open/v1/holds/${h4.hold_no}/capture`)).json().code, 'hold_not_held')
  t.match((await open('GET', `/open/v1/holds/${h4.hold_no}`)).json(), { status: 'released', balance: 17000 })

  // Another mall never reaches this one's holds.
  const other = await createApp(f, ['vouchers:read', 'vouchers:pay'])
  t.equal((await openRequest(f, other, 'POST', `/open/v1/holds/${h1.hold_no}/refunds`, { out_refund_no: 'Z', amount: 1 })).json().code, 'hold_not_found')

  // The ledger, in the back office: every movement with the balance after.
  const detail = (await f.app.inject({ method: 'GET', url: `/api/v1/cards/${card.card_no}`, headers: f.auth(await f.login()) })).json()
  t.equal(detail.kind, 'stored_value')
  t.equal(detail.balance, 17000)
  const moves = detail.history.filter((a: any) => a.amount !== null && a.amount !== undefined)
  t.same(moves.map((a: any) => [a.type, a.amount, a.balance_after]), [
    ['load', 20000, 20000], ['hold', -5000, 15000], ['capture', 0, 15000], ['refund', 2000, 17000],
    ['hold', -3000, 14000], ['release', 3000, 17000], ['hold', -4000, 13000], ['release', 4000, 17000], ['hold', -1000, 16000], ['release', 1000, 17000],
  ])
  t.same(await ledgerMismatches(f.db), [], 'every balance is the sum of its ledger')

  // A voucher is not a pickup card; a spent one cannot be voided; an unspent one can.
  const staff = f.auth(await f.login())
  t.equal((await f.verify(card.card_no, card.password)).json().code, 'card_not_pickup')
  const voidRes = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/void`, headers: staff })
  t.equal(voidRes.statusCode, 409, 'a voucher spent from cannot be voided')
  t.match(voidRes.json(), { code: 'card_state_invalid', details: [{ path: '/card_no', message: 'voucher_used' }] })
  const [fresh] = await issue(f, mall, batch.batch_no, 'ORG-2', '13900000002')
  t.equal((await f.app.inject({ method: 'POST', url: `/api/v1/cards/${fresh.card_no}/void`, headers: staff })).json().changed, 1)

  // Adjust with a reason (never below 0), unbind with a reason; both audited.
  res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/voucher/adjust`, headers: staff, payload: { delta: -17001, reason: '测试' } })
  t.equal(res.json().code, 'adjust_invalid')
  res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/voucher/adjust`, headers: staff, payload: { delta: 500, reason: '客服补偿' } })
  t.equal(res.json().balance, 17500)
  res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/voucher/unbind`, headers: staff, payload: { reason: '员工离职' } })
  t.equal(res.json().phone, null)
  t.equal((await f.db('audit_logs').whereIn('action', ['vouchers.adjust', 'vouchers.unbind']).count({ n: '*' }).first())!.n, 2)
  // Unbound: the password binds it to a new phone; the new phone then uses it.
  res = await open('POST', `/open/v1/vouchers/${card.card_no}/bind`, { password: card.password, phone: '13900000009' })
  t.equal(res.json().phone, '139****0009')
  t.equal((await open('POST', `/open/v1/vouchers/${card.card_no}/bind`, { password: card.password, phone: '13900000008' })).json().code, 'voucher_already_bound')
  t.same(await ledgerMismatches(f.db), [])
})

t.test('the one extension: while valid, on the 30th day after expiry, not on the 31st, not twice, not before activation', async (t) => {
  const { clock, f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f)
  const [a, b, c] = await issue(f, mall, batch.batch_no, 'ORG-1', PHONE, 3)
  t.equal(a.valid_to, '2027-02-21')
  const extend = (cardNo: string) => openRequest(f, mall, 'POST', `/open/v1/vouchers/${cardNo}/extend`, { phone: PHONE })
  let res = await extend(a.card_no)
  t.match(res.json(), { valid_to_before: '2027-02-21', valid_to: '2027-03-23', dry_run: false }, 'during validity')
  t.equal((await extend(a.card_no)).json().code, 'voucher_already_extended', 'a second is refused')
  t.equal((await f.db('outbox').where({ topic: 'voucher.extended' }).count({ n: '*' }).first())!.n, 1, 'voucher.extended once')

  // 2027-03-23 in Shanghai is the 30th day after 2027-02-21.
  clock.set('2027-03-23T15:59:59Z')
  const staff = f.auth(await f.login())
  res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${b.card_no}/voucher/extend`, headers: staff, payload: { dry_run: true } })
  t.match(res.json(), { valid_to: '2027-03-23', dry_run: true }, 'the dry run says what it would do')
  t.equal((await f.app.inject({ method: 'GET', url: `/api/v1/cards/${b.card_no}/voucher`, headers: staff })).json().valid_to, '2027-02-21', 'and changes nothing')
  t.equal((await extend(b.card_no)).json().valid_to, '2027-03-23', 'on the 30th day after expiry')
  clock.set('2027-03-23T16:00:00Z')
  res = await extend(c.card_no)
  t.equal(res.json().code, 'voucher_extend_not_allowed', 'refused on the 31st')
  t.equal((await openRequest(f, mall, 'GET', `/open/v1/vouchers/${c.card_no}?phone=${PHONE}`)).json().state, 'expired')

  // Never before activation.
  const unsold = await f.db('cards').where({ batch_id: (await f.db('card_batches').where({ batch_no: batch.batch_no }).first()).id, status: 'inactive' }).first()
  res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${unsold.card_no}/voucher/extend`, headers: f.auth(await f.login()), payload: {} })
  t.equal(res.json().code, 'voucher_extend_not_allowed')
  t.match(res.json().message, /尚未激活/)
})

t.test('a refund reaches a voucher that expired meanwhile; it stays expired', async (t) => {
  const { clock, f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { restrictions: null, valid_days: 30 })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-1')
  clock.set('2026-11-25T02:00:00Z')
  const h = (await openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/holds`, { out_trade_no: 'T1', amount: 8000, phone: PHONE })).json()
  await openRequest(f, mall, 'POST', `/open/v1/holds/${h.hold_no}/capture`)
  clock.set('2027-01-10T02:00:00Z')
  const res = await openRequest(f, mall, 'POST', `/open/v1/holds/${h.hold_no}/refunds`, { out_refund_no: 'RF1', amount: 8000 })
  t.equal(res.json().balance, 20000)
  const v = (await openRequest(f, mall, 'GET', `/open/v1/vouchers/${card.card_no}?phone=${PHONE}`)).json()
  t.match(v, { state: 'expired', balance: 20000 })
  t.equal((await openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/holds`, { out_trade_no: 'T2', amount: 100, phone: PHONE })).json().code, 'voucher_expired')
})

t.test('50 concurrent holds on one voucher never overdraw; the ledger sums to the balance', async (t) => {
  const { clock, f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { restrictions: null })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-1')
  clock.set('2026-11-25T02:00:00Z')
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/holds`, { out_trade_no: `C${i}`, amount: 700, phone: PHONE })))
  const ok = results.filter((r) => r.statusCode === 201)
  const refused = results.filter((r) => r.statusCode !== 201)
  t.equal(ok.length, 28, '28 × 7 yuan fit in 200 yuan')
  t.ok(refused.every((r) => r.json().code === 'insufficient_balance'), 'the rest are refused with the balance')
  const row = await f.db('cards').where({ card_no: card.card_no }).first()
  t.equal(Number(row.balance), 20000 - 28 * 700)
  t.same(await ledgerMismatches(f.db), [], 'every balance is the sum of its ledger')
  // The passwords a mall reads for an issue are the voucher's own.
  const merchant = await f.db('merchants').where({ code: 'default' }).first()
  t.equal(decryptCardPassword(cardPasswordKey(f.config.masterKey, merchant.id), row.card_no, row.password_enc), card.password)
})

t.test('延期 in bulk: by filter or card numbers, with the dry run; each voucher once, within its grace', async (t) => {
  const { clock, f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { restrictions: undefined })
  const cards = await issue(f, mall, batch.batch_no, 'ORG-X', PHONE, 4)
  let token = await f.login()
  const bulk = (payload: object) => f.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: f.auth(token), payload: { action: 'extend', ...payload } })
  let res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${cards[0].card_no}/voucher/extend`, headers: f.auth(token), payload: {} })
  t.equal(res.statusCode, 200, res.body)

  res = await bulk({ target: { filter: { batch_no: batch.batch_no } }, dry_run: true })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json(), { action: 'extend', dry_run: true, matched: 60, changed: 3, skipped: { inactive: 56, not_extendable: 1 } }, 'the dry run counts; the extended one is skipped')
  t.equal((await f.db('cards').where({ card_no: cards[1].card_no }).first()).valid_to, '2027-02-21', 'and changes nothing')

  res = await bulk({ target: { card_nos: [cards[1].card_no, cards[2].card_no] } })
  t.same(res.json(), { action: 'extend', dry_run: false, matched: 2, changed: 2, skipped: {} }, res.body)
  const after = await f.db('cards').whereIn('card_no', [cards[1].card_no, cards[2].card_no])
  t.same(after.map((c) => c.valid_to), ['2027-03-23', '2027-03-23'], '30 more days each')
  t.ok(after.every((c) => c.extended_at !== null), 'marked extended')
  const view = await f.app.inject({ method: 'GET', url: `/api/v1/cards/${cards[1].card_no}/voucher`, headers: f.auth(token) })
  t.match(view.json(), { valid_to: '2027-03-23', extended: true, extendable_until: null })
  const detail = await f.app.inject({ method: 'GET', url: `/api/v1/cards/${cards[1].card_no}`, headers: f.auth(token) })
  const row = detail.json().history.find((h: { type: string }) => h.type === 'extend')
  t.match(row, { type: 'extend', amount: 0, balance_after: 20000, ref_type: 'bulk', detail: { from: '2027-02-21', to: '2027-03-23' } }, 'the ledger says what changed, as the single extension does')
  t.equal((await bulk({ target: { card_nos: [cards[1].card_no] } })).json().skipped.not_extendable, 1, 'a second extension is skipped')
  const single = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${cards[2].card_no}/voucher/extend`, headers: f.auth(token), payload: {} })
  t.equal(single.json().code, 'voucher_already_extended', 'and refused one by one too')

  // 2027-03-24: the 31st day after cards[3]'s last day (02-21); a pickup card is never extended.
  clock.set('2027-03-24T02:00:00Z')
  token = await f.login()
  res = await bulk({ target: { card_nos: [cards[3].card_no, f.cards[0].card_no] } })
  t.same(res.json(), { action: 'extend', dry_run: false, matched: 2, changed: 0, skipped: { not_extendable: 2 } })
  t.equal((await f.db('cards').where({ card_no: cards[3].card_no }).first()).valid_to, '2027-02-21')
  const audit = await f.db('audit_logs').where({ action: 'cards.bulk.extend' })
  t.equal(audit.length, 1, 'the bulk extension that changed cards is audited')
  t.same(await ledgerMismatches(f.db), [], 'every balance is the sum of its ledger')
})

t.test('a trade paid by two vouchers; cancelling it refunds each its share, one expired since', async (t) => {
  const { clock, f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const short = await voucherBatch(f, { prefix: 'SS', quantity: 2, face_value: 5000, valid_days: 30, restrictions: undefined })
  const long = await voucherBatch(f, { prefix: 'SL', quantity: 2, face_value: 20000, valid_days: 90, restrictions: undefined })
  const [a] = await issue(f, mall, short.batch_no, 'ORG-S')
  const [b] = await issue(f, mall, long.batch_no, 'ORG-L')
  clock.set('2026-11-24T02:00:00Z')
  const open = (method: string, url: string, body?: unknown) => openRequest(f, mall, method, url, body)
  const hold = (card: string, amount: number) => open('POST', `/open/v1/vouchers/${card}/holds`, { phone: PHONE, out_trade_no: 'MALL-88', amount })
  // A 260 元 order: the short voucher's 50 元, 150 元 of the long one, the rest paid by the mall.
  const ha = (await hold(a.card_no, 5000)).json()
  const hb = (await hold(b.card_no, 15000)).json()
  t.not(ha.hold_no, hb.hold_no, 'one hold per voucher of the trade')
  t.equal((await hold(b.card_no, 15000)).json().hold_no, hb.hold_no, 'repeated, the same hold')
  t.equal((await hold(b.card_no, 100)).json().code, 'out_trade_no_reused', 'another amount on the same voucher')
  for (const h of [ha, hb]) t.equal((await open('POST', `/open/v1/holds/${h.hold_no}/capture`)).json().status, 'captured')
  t.match((await open('GET', '/open/v1/voucher-trades/MALL-88')).json(), { out_trade_no: 'MALL-88', held: 0, captured: 20000, refunded: 0, holds: [{ card_no: a.card_no }, { card_no: b.card_no }] })
  // Part of it refunded already (one item returned), then the rest of the order is cancelled.
  // (named as the old cancel named its own: a mall's refund number never collides with the cancel's)
  t.equal((await open('POST', `/open/v1/holds/${hb.hold_no}/refunds`, { out_refund_no: 'CANCEL-3000', amount: 3000 })).statusCode, 200)

  clock.set('2026-12-25T02:00:00Z') // the short voucher ended on 12-23
  t.equal((await open('GET', `/open/v1/vouchers/${a.card_no}?phone=${PHONE}`)).json().state, 'expired')
  let res = await open('POST', '/open/v1/voucher-trades/MALL-88/cancel', { reason: '顾客取消订单' })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { held: 0, captured: 20000, refunded: 20000 }, 'every voucher its whole share')
  const balances = async () => Object.fromEntries((await f.db('cards').whereIn('card_no', [a.card_no, b.card_no])).map((c) => [c.card_no, Number(c.balance)]))
  t.same(await balances(), { [a.card_no]: 5000, [b.card_no]: 20000 })
  t.equal((await open('GET', `/open/v1/vouchers/${a.card_no}?phone=${PHONE}`)).json().state, 'expired', 'the expired one stays expired, its balance back')
  const rows = await f.db('card_activities').where({ type: 'refund' }).count({ n: '*' }).first()
  res = await open('POST', '/open/v1/voucher-trades/MALL-88/cancel', {})
  t.match(res.json(), { refunded: 20000 }, 'cancelling again: the same')
  t.same(await f.db('card_activities').where({ type: 'refund' }).count({ n: '*' }).first(), rows, 'and no new ledger row')
  t.same(await balances(), { [a.card_no]: 5000, [b.card_no]: 20000 })
  t.equal((await open('GET', '/open/v1/voucher-trades/NOPE')).json().code, 'trade_not_found')

  // A trade still held when cancelled: released.
  const c = (await open('POST', `/open/v1/vouchers/${b.card_no}/holds`, { phone: PHONE, out_trade_no: 'MALL-89', amount: 1000 })).json()
  t.equal(c.status, 'held')
  t.match((await open('POST', '/open/v1/voucher-trades/MALL-89/cancel', {})).json(), { held: 0, captured: 0, refunded: 0, holds: [{ status: 'released' }] })
  t.same(await balances(), { [a.card_no]: 5000, [b.card_no]: 20000 })
  t.same(await ledgerMismatches(f.db), [], 'every balance is the sum of its ledger')
})

t.test('a bulk edit of face value or validity leaves loaded vouchers alone (voucher_loaded)', async (t) => {
  const { f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { prefix: 'SE', quantity: 3, restrictions: undefined })
  const [sold] = await issue(f, mall, batch.batch_no, 'ORG-E')
  const token = await f.login()
  const bulk = (payload: object) => f.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: f.auth(token), payload: { action: 'update', target: { filter: { batch_no: batch.batch_no } }, ...payload } })
  let res = await bulk({ fields: { face_value: 50000 }, dry_run: true })
  t.same(res.json(), { action: 'update', dry_run: true, matched: 3, changed: 2, skipped: { voucher_loaded: 1 } }, res.body)
  res = await bulk({ fields: { valid_to: '2027-12-31' } })
  t.same(res.json(), { action: 'update', dry_run: false, matched: 3, changed: 2, skipped: { voucher_loaded: 1 } }, res.body)
  const loaded = await f.db('cards').where({ card_no: sold.card_no }).first()
  t.equal(loaded.valid_to, sold.valid_to, 'the sold voucher keeps its last day')
  res = await bulk({ fields: { face_value: null } })
  t.same(res.json().skipped, { voucher_loaded: 3 }, 'a voucher\'s face value is never cleared, loaded or not')
  res = await bulk({ fields: { remark: '工会福利' } })
  t.equal(res.json().changed, 3, 'a remark is not a voucher rule')
  res = await f.app.inject({ method: 'PATCH', url: `/api/v1/cards/${sold.card_no}`, headers: f.auth(token), payload: { face_value: 100 } })
  t.match(res.json(), { code: 'card_state_invalid', details: [{ message: 'voucher_loaded' }] }, 'one by one too')
  t.equal(Number((await f.db('cards').where({ card_no: sold.card_no }).first()).face_value), 20000)
})

t.test('a phone is counted like a password: wrong phones on one voucher lock it for that mall', async (t) => {
  const { f, mall } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { prefix: 'SP', quantity: 2, restrictions: undefined })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-P')
  const other = await createApp(f, ['vouchers:read'])
  const look = (app: OpenApp, phone: string) => openRequest(f, app, 'GET', `/open/v1/vouchers/${card.card_no}?phone=${phone}`)
  t.equal((await look(mall, '13900000100')).json().code, 'card_invalid', 'a wrong phone: like a wrong number')
  // 63 more wrong ones (64 is the limit per number and mall): the 64th locks it.
  await f.db('guard_counters').where({ kind: 'voucher_phone_caller' }).update({ hits: 63 })
  t.equal((await look(mall, '13900000101')).json().code, 'card_locked', 'the 64th wrong phone locks the number for this mall')
  const locked = await look(mall, PHONE)
  t.equal(locked.json().code, 'card_locked', 'then even the right phone is refused')
  t.match(locked.json().message, /[\u4e00-\u9fa5]/)
  t.equal((await look(other, PHONE)).statusCode, 200, 'another mall is not locked out')
  t.equal((await openRequest(f, mall, 'GET', '/open/v1/vouchers/SP999999?phone=13900000001')).json().code, 'card_invalid', 'an unknown number answers the same')
})

t.test('a voucher with an amount on hold is never voided or deactivated, even at its face value again', async (t) => {
  const { f, mall, clock } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { prefix: 'SH', quantity: 2, restrictions: undefined })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-H')
  clock.set('2026-11-24T02:00:00Z')
  const token = await f.login()
  const h = await openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/holds`, { phone: PHONE, out_trade_no: 'H-1', amount: 3000 })
  t.equal(h.statusCode, 201, h.body)
  const adjust = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/voucher/adjust`, headers: f.auth(token), payload: { delta: 3000, reason: '补偿' } })
  t.equal(adjust.json().balance, 20000, 'back at its face value')
  for (const action of ['deactivate', 'void']) {
    const res = await f.app.inject({ method: 'POST', url: `/api/v1/cards/${card.card_no}/${action}`, headers: f.auth(token) })
    t.match(res.json(), { code: 'card_state_invalid', details: [{ message: 'voucher_used' }] }, action)
  }
  clock.set('2026-11-25T02:00:00Z')
  t.equal(await f.app.services.vouchers.releaseLapsed(), 1, 'the hold lapses and is released')
  t.equal(Number((await f.db('cards').where({ card_no: card.card_no }).first()).balance), 23000)
  t.same(await ledgerMismatches(f.db), [])
})

t.test('a debit charges at once: one call, one transaction; refunded like a capture', async (t) => {
  const { f, mall, clock } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { prefix: 'SD', quantity: 2, restrictions: undefined })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-D')
  clock.set('2026-11-24T02:00:00Z')
  const debit = (body: object) => openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/debits`, { phone: PHONE, ...body })
  let res = await debit({ out_trade_no: 'D-1', amount: 4500 })
  t.equal(res.statusCode, 201, res.body)
  const d = res.json()
  t.match(d, { status: 'captured', amount: 4500, balance: 15500 })
  res = await debit({ out_trade_no: 'D-1', amount: 4500 })
  t.equal(res.statusCode, 200, 'repeated: the same debit')
  t.equal(res.json().hold_no, d.hold_no)
  t.equal((await debit({ out_trade_no: 'D-1', amount: 100 })).json().code, 'out_trade_no_reused')
  t.equal((await openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/holds`, { phone: PHONE, out_trade_no: 'D-2', amount: 100 })).statusCode, 201)
  t.equal((await debit({ out_trade_no: 'D-2', amount: 100 })).json().code, 'out_trade_no_reused', 'a debit where a hold was placed is another call')
  res = await debit({ out_trade_no: 'D-3', amount: 20000 })
  t.match(res.json(), { code: 'insufficient_balance', details: [{ path: '/balance', message: '15400' }] })
  t.equal((await debit({ out_trade_no: 'D-4', amount: 100, ttl_seconds: 60 })).statusCode, 422, 'no time to live: nothing waits')
  const rows = await f.db('card_activities').where({ card_no: card.card_no, type: 'debit' })
  t.same(rows.map((r) => [Number(r.amount_delta), Number(r.balance_after)]), [[-4500, 15500]], 'one debit row in the ledger')
  t.equal((await f.db('outbox').where({ topic: 'voucher.debited', idempotency_key: `voucher.debited:${d.hold_no}` })).length, 1, 'voucher.debited')
  res = await openRequest(f, mall, 'POST', `/open/v1/holds/${d.hold_no}/refunds`, { out_refund_no: 'R-1', amount: 4500 })
  t.match(res.json(), { status: 'captured', refunded: 4500, balance: 19900 })
  t.same(await ledgerMismatches(f.db), [])
})

t.test('a voucher restricted to a supplier buys only that supplier\'s goods', async (t) => {
  const { f, mall, clock, rice } = await voucherSetup(t, '2026-11-23T02:00:00Z')
  const batch = await voucherBatch(f, { prefix: 'SU', quantity: 2, restrictions: { suppliers: ['米厂'] } })
  const [card] = await issue(f, mall, batch.batch_no, 'ORG-U')
  clock.set('2026-11-24T02:00:00Z')
  const debit = (no: string, productId: number) => openRequest(f, mall, 'POST', `/open/v1/vouchers/${card.card_no}/debits`, { phone: PHONE, out_trade_no: no, amount: 1000, items: [{ product_id: productId, quantity: 1 }] })
  t.equal((await debit('U-1', f.apple)).json().code, 'product_not_allowed', 'another supplier\'s apples')
  t.equal((await debit('U-2', rice)).statusCode, 201, 'the rice mill\'s rice')
})
