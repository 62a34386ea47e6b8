import t from 'tap'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'
import { moveCards } from './cards.repository.js'

async function setup (t: { teardown (fn: () => unknown): void }) {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果')
  const peach = await createProduct(ta, token, '桃子')
  const batch = await createBatch(ta, token, { prefix: 'L', number_length: 6, quantity: 100, product_ids: [apple] })
  const bulk = (payload: object, tok = token) => ta.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: ta.auth(tok), payload })
  return { ta, token, apple, peach, batch, bulk }
}

async function statuses (ta: TestApp): Promise<Record<string, number>> {
  const rows = await ta.db('cards').select('status').count({ n: '*' }).groupBy('status') as Array<{ status: string; n: number | string }>
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

t.test('activation by serial range, with dry_run counts equal to the real run', async (t) => {
  const { ta, batch, bulk } = await setup(t)
  const target = { serial_from: batch.serial_from + 10, serial_to: batch.serial_from + 209 }
  const dry = await bulk({ action: 'activate', target, dry_run: true })
  t.equal(dry.statusCode, 200)
  t.same(dry.json(), { action: 'activate', dry_run: true, matched: 90, changed: 90, skipped: {} })
  t.same(await statuses(ta), { inactive: 100 }, 'dry run changes nothing')
  const real = await bulk({ action: 'activate', target })
  t.same(real.json(), { action: 'activate', dry_run: false, matched: 90, changed: 90, skipped: {} })
  t.same(await statuses(ta), { inactive: 10, active: 90 })
  const again = await bulk({ action: 'activate', target: { serial_from: batch.serial_from, serial_to: batch.serial_to } })
  t.same(again.json().skipped, { already_active: 90 })
  t.equal(again.json().changed, 10)
  const bad = await bulk({ action: 'activate', target: { serial_from: 5 } })
  t.equal(bad.statusCode, 422)
  const both = await bulk({ action: 'activate', target: { serial_from: 1, serial_to: 2, card_nos: ['L000001'] } })
  t.equal(both.statusCode, 422)
  t.equal(both.json().details[0].path, '/target')
})

t.test('void only unredeemed, restore to the state it had, delete only voided and for good', async (t) => {
  const { ta, batch, bulk } = await setup(t)
  await bulk({ action: 'activate', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 49 } })
  // Two cards are redeemed, through the ledger's move as a redemption does.
  const redeemed = await ta.db('cards').whereIn('card_no', ['L000001', 'L000002']).select('id', 'card_no', 'batch_id', 'merchant_id')
  await ta.db.transaction((trx) => moveCards(trx, Number(redeemed[0].merchant_id), redeemed.map((c) => ({ id: c.id, card_no: c.card_no, batch_id: c.batch_id, set: { redeemed_at: Date.now() } })),
    { from: 'active', to: 'redeemed', type: 'redeem', actor: { type: 'system', id: null, name: 'test', ip: null }, ref: null, at: new Date() }))

  const all = { filter: { batch_no: batch.batch_no } }
  const dry = await bulk({ action: 'void', target: all, dry_run: true })
  t.same(dry.json(), { action: 'void', dry_run: true, matched: 100, changed: 98, skipped: { redeemed: 2 } })
  const voided = await bulk({ action: 'void', target: all })
  t.same(voided.json(), { ...dry.json(), dry_run: false }, 'the real run matches the dry run')
  t.same(await statuses(ta), { redeemed: 2, voided: 98 })

  const restoreSome = await bulk({ action: 'restore', target: { card_nos: ['L000003', 'L000060', 'L000001'] } })
  t.same(restoreSome.json().skipped, { not_voided: 1 })
  t.equal(restoreSome.json().changed, 2)
  const rows = await ta.db('cards').whereIn('card_no', ['L000003', 'L000060']).orderBy('card_no')
  t.same(rows.map((r) => r.status), ['active', 'inactive'], 'restored to the state each had')
  t.ok(rows.every((r) => r.status_before_void === null))

  const delDry = await bulk({ action: 'delete', target: all, dry_run: true })
  t.same(delDry.json().skipped, { not_voided: 4 })
  const del = await bulk({ action: 'delete', target: all })
  t.equal(del.json().changed, 96)
  t.equal(del.json().changed, delDry.json().changed)
  t.same(await statuses(ta), { redeemed: 2, active: 1, inactive: 1 })
  const restoreDeleted = await bulk({ action: 'restore', target: { card_nos: ['L000050'] } })
  t.equal(restoreDeleted.json().matched, 0, 'deletion is final')
  const single = await ta.app.inject({ method: 'POST', url: '/api/v1/cards/L000001/void', headers: ta.auth(await ta.login()) })
  t.equal(single.statusCode, 409)
  t.equal(single.json().code, 'card_state_invalid')
  t.equal(single.json().details[0].message, 'redeemed')
  const gone = await ta.app.inject({ method: 'GET', url: '/api/v1/cards/L000050', headers: ta.auth(await ta.login()) })
  t.equal(gone.json().code, 'card_not_found')

  const audit = await ta.db('audit_logs').where('action', 'like', 'cards.bulk.%').orderBy('id')
  t.same(audit.map((a) => a.action), ['cards.bulk.activate', 'cards.bulk.void', 'cards.bulk.restore', 'cards.bulk.delete'])
  t.same(JSON.parse(audit[1].summary).skipped, { redeemed: 2 })
})

t.test('editing the products of a whole batch writes one product set, not one row per card', async (t) => {
  const { ta, token, batch, bulk, apple, peach } = await setup(t)
  const sets = Number((await ta.db('product_sets').count({ n: '*' }).first())!.n)
  const res = await bulk({ action: 'update', target: { filter: { batch_no: batch.batch_no } }, fields: { product_ids: [apple, peach], valid_to: '2027-06-30' } })
  t.same(res.json(), { action: 'update', dry_run: false, matched: 100, changed: 100, skipped: {} })
  t.equal(Number((await ta.db('product_sets').count({ n: '*' }).first())!.n), sets + 1, 'one new set')
  const distinct = await ta.db('cards').distinct('product_set_id')
  t.equal(distinct.length, 1)
  const card = await ta.app.inject({ method: 'GET', url: '/api/v1/cards/L000007', headers: ta.auth(token) })
  t.same(card.json().products.map((p: { name: string }) => p.name), ['苹果', '桃子'])
  t.equal(card.json().valid_to, '2027-06-30')
  t.equal(card.json().valid_from, null, 'fields not given stay as they were')
  t.same(card.json().history.map((h: { type: string }) => h.type), ['issue', 'edit'])

  // Only the ticked fields change; an impossible validity is skipped per card.
  await bulk({ action: 'update', target: { card_nos: ['L000001'] }, fields: { valid_from: '2027-01-01' } })
  const conflict = await bulk({ action: 'update', target: { card_nos: ['L000001', 'L000002'] }, fields: { valid_to: '2026-12-31' } })
  t.same(conflict.json().skipped, { validity_conflict: 1 })
  t.equal(conflict.json().changed, 1)
  const bad = await bulk({ action: 'update', target: { card_nos: ['L000001'] }, fields: { product_ids: [99999] } })
  t.equal(bad.json().code, 'product_ids_invalid')
  const noFields = await bulk({ action: 'update', target: { card_nos: ['L000001'] } })
  t.equal(noFields.statusCode, 422)
  const cardNo = await bulk({ action: 'update', target: { card_nos: ['L000001'] }, fields: { card_no: 'X' } })
  t.equal(cardNo.statusCode, 422, 'card number is not editable')
  const pw = await bulk({ action: 'update', target: { card_nos: ['L000001'] }, fields: { password: '123456' } })
  t.equal(pw.statusCode, 422, 'password is not editable')

  // A product used by cards cannot be deleted; switched off it can be.
  const del = await ta.app.inject({ method: 'DELETE', url: `/api/v1/products/${peach}`, headers: ta.auth(token) })
  t.equal(del.statusCode, 409)
  t.equal(del.json().code, 'product_in_use')
  const off = await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${peach}`, headers: ta.auth(token), payload: { status: 'off' } })
  t.equal(off.json().status, 'off')
})

t.test('the card list: filters, keyset pages, counts, distributors, history', async (t) => {
  const { ta, token, batch, bulk } = await setup(t)
  const get = (qs: string) => ta.app.inject({ method: 'GET', url: `/api/v1/cards?${qs}`, headers: ta.auth(token) })
  await bulk({ action: 'activate', target: { card_nos: ['L000001', 'L000002', 'L000003'] } })

  const page1 = await get('limit=40')
  t.equal(page1.json().items.length, 40)
  t.same(page1.json().counts, { inactive: 97, active: 3, redeemed: 0, voided: 0, total: 100 })
  const page3 = await get(`limit=40&cursor=${(await get(`limit=40&cursor=${page1.json().next_cursor}`)).json().next_cursor}`)
  t.equal(page3.json().items.length, 20)
  t.equal(page3.json().items[19].card_no, 'L000100')

  t.equal((await get('status=active')).json().items.length, 3)
  t.same((await get('status=active')).json().counts.total, 100, 'counts cover every state of the filter')
  t.equal((await get('card_no=L000042')).json().items[0].serial, batch.serial_from + 41)
  t.equal((await get('card_no_prefix=L00005')).json().items.length, 10)
  t.equal((await get(`serial_from=${batch.serial_from + 95}`)).json().items.length, 5)
  t.equal((await get('redeemed=no')).json().items.length, 50)
  t.equal((await get('batch_no=NOPE')).json().items.length, 0)
  t.equal((await get('valid_on=2026-01-01')).json().items.length, 50)
  t.equal((await get('status=bogus')).statusCode, 422)

  const dist = await ta.app.inject({ method: 'POST', url: '/api/v1/distributors', headers: ta.auth(token), payload: { name: '小名分销商', phone: '13900139000' } })
  t.equal(dist.statusCode, 201)
  const assign = await bulk({ action: 'update', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 19 }, fields: { distributor_id: dist.json().id } })
  t.equal(assign.json().changed, 20)
  const mine = await get(`distributor_id=${dist.json().id}`)
  t.equal(mine.json().items.length, 20)
  t.same(mine.json().items[0].distributor, { id: dist.json().id, name: '小名分销商' })
  t.equal((await get('distributor_id=0&limit=500')).json().items.length, 80)
  const dview = await ta.app.inject({ method: 'GET', url: `/api/v1/distributors/${dist.json().id}`, headers: ta.auth(token) })
  t.same(dview.json().counts, { inactive: 17, active: 3, redeemed: 0, voided: 0, total: 20 })
  const ddel = await ta.app.inject({ method: 'DELETE', url: `/api/v1/distributors/${dist.json().id}`, headers: ta.auth(token) })
  t.equal(ddel.json().code, 'distributor_has_cards')
  const badDist = await bulk({ action: 'update', target: { card_nos: ['L000001'] }, fields: { distributor_id: 9999 } })
  t.equal(badDist.json().code, 'distributor_invalid')
  const dupe = await ta.app.inject({ method: 'POST', url: '/api/v1/distributors', headers: ta.auth(token), payload: { name: '小名分销商' } })
  t.equal(dupe.json().code, 'distributor_name_taken')

  const card = await ta.app.inject({ method: 'GET', url: '/api/v1/cards/L000001', headers: ta.auth(token) })
  t.equal(card.statusCode, 200)
  const history = card.json().history
  t.same(history.map((h: { type: string }) => h.type), ['issue', 'activate', 'edit'])
  t.equal(history[1].actor_name, 'admin')
  t.equal(history[1].from_status, 'inactive')
  t.equal(history[1].to_status, 'active')
  t.same(history[2].detail, { distributor_id: dist.json().id })
  for (const body of [page1.body, card.body]) t.notOk(/password/.test(body), 'no password fields in card answers')
})

t.test('permissions per action; a staff member without it changes nothing', async (t) => {
  const { ta, token, batch, bulk } = await setup(t)
  await ta.app.inject({
    method: 'POST', url: '/api/v1/admins', headers: ta.auth(token),
    payload: { username: 'seller1', name: '销售', password: 'Seller123-kq#Pw', permissions: ['cards.read', 'cards.activate'] },
  })
  const seller = await ta.login('seller1', 'Seller123-kq#Pw')
  const target = { filter: { batch_no: batch.batch_no } }
  t.equal((await bulk({ action: 'activate', target }, seller)).statusCode, 200)
  for (const action of ['void', 'delete', 'restore']) {
    const res = await bulk({ action, target }, seller)
    t.equal(res.statusCode, 403, action)
  }
  t.equal((await bulk({ action: 'update', target, fields: { remark: 'x' } }, seller)).statusCode, 403)
  t.same(await statuses(ta), { active: 100 })
  const create = await ta.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(seller), payload: { product_ids: [1], quantity: 1 } })
  t.equal(create.statusCode, 403)
})
