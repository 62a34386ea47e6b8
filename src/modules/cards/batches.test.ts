import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { buildTestApp, createTestDatabase } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'
import { cardPasswordHash, cardPasswordKey, decryptCardPassword } from './card-secrets.js'

t.test('batch validation: every rule with its code, and nothing is created', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const other = await ta.app.services.merchants.create({ code: 'other', name: '别家', admin_username: 'otherboss', admin_password: 'Other12345-kq#Pw' })
  const foreign = await createProduct(ta, await ta.login('otherboss', 'Other12345-kq#Pw', 'other'), '别家商品')
  const post = (payload: object) => ta.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(token), payload })
  const base = { product_ids: [apple], quantity: 10 }

  for (const [patch, path] of [
    [{ prefix: '0A' }, '/prefix'], [{ prefix: 'A-1' }, '/prefix'], [{ prefix: 'A'.repeat(17) }, '/prefix'],
    [{ password_length: 5 }, '/password_length'], [{ password_length: 33 }, '/password_length'],
    [{ password_charset: 'emoji' }, '/password_charset'], [{ quantity: 0 }, '/quantity'], [{ quantity: 1_000_001 }, '/quantity'],
    [{ product_ids: [] }, '/product_ids'], [{ number_mode: 'weird' }, '/number_mode'], [{ number_length: 3 }, '/number_length'],
    [{ valid_from: '2026-13-45x' }, '/valid_from'], [{ face_value: -1 }, '/face_value'], [{ start_number: '12a' }, '/start_number'],
    [{ card_no: 'X1' }, '/card_no'],
  ] as const) {
    const res = await post({ ...base, ...patch })
    t.equal(res.statusCode, 422, JSON.stringify(patch))
    t.equal(res.json().code, 'validation_failed')
    t.ok(res.json().details.some((d: { path: string }) => d.path.startsWith(path)), `details name ${path}`)
  }
  const checks: Array<[object, number, string]> = [
    [{ product_ids: [foreign] }, 422, 'product_ids_invalid'],
    [{ product_ids: [apple, 99999] }, 422, 'product_ids_invalid'],
    [{ valid_from: '2027-01-02', valid_to: '2027-01-01' }, 422, 'validity_invalid'],
    [{ number_mode: 'random', number_length: 4, quantity: 1001 }, 422, 'number_space_too_small'],
    [{ number_mode: 'sequential', number_length: 4, quantity: 10_000 }, 422, 'number_space_too_small'],
  ]
  for (const [patch, status, code] of checks) {
    const res = await post({ ...base, ...patch })
    t.equal(res.statusCode, status, JSON.stringify(patch))
    t.equal(res.json().code, code)
  }
  t.equal((await post({ ...base, number_mode: 'random', number_length: 4, quantity: 1000 })).statusCode, 201, 'exactly 10 % is allowed')
  t.equal(other.merchant_id > 0, true)
  const counts = await ta.db('cards').count({ n: '*' }).first()
  t.equal(Number(counts!.n), 1000, 'only the valid batch made cards')
})

t.test('numbers and passwords have the configured shape; hash verifies, copy decrypts only with the master key', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const peach = await createProduct(ta, token, '桃子')
  const batch = await createBatch(ta, token, {
    name: '388 卡', prefix: 'A588', number_length: 8, quantity: 300, product_ids: [peach, apple],
    password_length: 12, password_charset: 'alnum', face_value: 38800, valid_from: '2026-12-01', valid_to: '2027-02-28',
    remark: '春节', activate: true,
  })
  t.equal(batch.status, 'ready')
  t.same(batch.progress, { done: 300, total: 300 })
  t.same(batch.product_ids, [apple, peach].sort((a, b) => a - b))
  t.match(batch.batch_no, /^B\d{8}0001$/)
  t.equal(batch.serial_to - batch.serial_from, 299)

  const cards = await ta.db('cards').where({ batch_id: (await ta.db('card_batches').where({ batch_no: batch.batch_no }).first()).id }).orderBy('serial')
  t.equal(cards.length, 300)
  t.same(cards.slice(0, 3).map((c) => c.card_no), ['A58800000001', 'A58800000002', 'A58800000003'], 'prefix + padded sequence (卡前缀+卡号长度)')
  t.equal(new Set(cards.map((c) => c.card_no)).size, 300)
  t.ok(cards.every((c, i) => Number(c.serial) === batch.serial_from + i), 'serials follow the numbers')
  t.ok(cards.every((c) => c.status === 'active' && c.face_value === 38800 && c.valid_to === '2027-02-28' && c.remark === '春节'))

  const merchant = await ta.db('merchants').where({ code: 'default' }).first()
  const pepper = await ta.app.services.merchants.pepper(merchant.id)
  const key = cardPasswordKey(ta.config.masterKey, merchant.id)
  const passwords = cards.map((c) => decryptCardPassword(key, c.card_no, c.password_enc))
  t.ok(passwords.every((p) => /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{12}$/.test(p)), 'length and charset')
  t.ok(new Set(passwords).size > 295, 'random passwords')
  t.ok(cards.every((c, i) => c.password_hash === cardPasswordHash(pepper, c.card_no, passwords[i])), 'the hash verifies the password')
  t.notOk(cards.some((c, i) => c.password_hash === cardPasswordHash(pepper, c.card_no, passwords[i] + 'X')))
  const otherKey = cardPasswordKey(Buffer.alloc(32, 9), merchant.id)
  t.throws(() => decryptCardPassword(otherKey, cards[0].card_no, cards[0].password_enc), 'another master key cannot decrypt')
  t.throws(() => decryptCardPassword(key, cards[1].card_no, cards[0].password_enc), 'bound to its card number')

  // A second sequential batch with the same prefix continues after the first.
  const next = await createBatch(ta, token, { prefix: 'A588', number_length: 8, quantity: 2, product_ids: [apple] })
  const nextCards = await ta.db('cards').where({ batch_id: (await ta.db('card_batches').where({ batch_no: next.batch_no }).first()).id }).orderBy('serial')
  t.same(nextCards.map((c) => c.card_no), ['A58800000301', 'A58800000302'])
  t.equal(Number(nextCards[0].serial), batch.serial_to + 1, 'serials are merchant-wide and increasing')

  // 起始号: start+1, start+2 …, number_length ignored; digits-only passwords.
  const started = await createBatch(ta, token, { prefix: '388', start_number: '10000', number_length: 12, quantity: 3, product_ids: [apple], password_length: 6 })
  const sc = await ta.db('cards').where({ batch_id: (await ta.db('card_batches').where({ batch_no: started.batch_no }).first()).id }).orderBy('serial')
  t.same(sc.map((c) => c.card_no), ['38810001', '38810002', '38810003'])
  t.ok(sc.every((c) => /^[0-9]{6}$/.test(decryptCardPassword(key, c.card_no, c.password_enc))))
  t.ok(sc.every((c) => c.status === 'inactive'), 'not active unless asked (卖一张激活一张)')

  // Quick create: products and quantity only.
  const quick = await createBatch(ta, token, { product_ids: [apple], quantity: 5 })
  t.equal(quick.number_mode, 'sequential')
  t.equal(quick.password_length, 10)
  t.equal(quick.password_charset, 'digits')
  const random = await createBatch(ta, token, { prefix: 'R', number_mode: 'random', number_length: 10, quantity: 50, product_ids: [apple], password_charset: 'letters' })
  const rc = await ta.db('cards').where({ batch_id: (await ta.db('card_batches').where({ batch_no: random.batch_no }).first()).id })
  t.ok(rc.every((c) => /^R[0-9]{10}$/.test(c.card_no)))
  t.ok(rc.every((c) => /^[A-HJ-NP-Z]{10}$/.test(decryptCardPassword(key, c.card_no, c.password_enc))))

  const got = await ta.app.inject({ method: 'GET', url: `/api/v1/card-batches/${batch.batch_no}`, headers: ta.auth(token) })
  t.same(got.json().counts, { inactive: 0, active: 300, redeemed: 0, voided: 0, total: 300 })
  const list = await ta.app.inject({ method: 'GET', url: '/api/v1/card-batches', headers: ta.auth(token) })
  t.equal(list.json().items.length, 5)
  const listed = list.json().items.find((b: { batch_no: string }) => b.batch_no === batch.batch_no)
  t.same(listed.counts, { inactive: 0, active: 300, redeemed: 0, voided: 0, total: 300 }, 'the list shows each batch\'s counts by state')
  t.same(list.json().items.find((b: { batch_no: string }) => b.batch_no === quick.batch_no).counts, { inactive: 5, active: 0, redeemed: 0, voided: 0, total: 5 })
  for (const body of [got.body, list.body]) t.notOk(/password_(hash|enc)|"password"/.test(body), 'no secrets in answers')
  t.notOk(ta.logs.text().includes(passwords[0]) || ta.logs.text().includes(cards[0].password_hash))
  const audit = await ta.db('audit_logs').where({ action: 'card_batches.create' })
  t.equal(audit.length, 5, 'every batch is audited once')
})

t.test('an existing number → 409 card_number_conflict and no card of the batch', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  await createBatch(ta, token, { prefix: 'C', start_number: '100', quantity: 10, product_ids: [apple] })
  const before = Number((await ta.db('cards').count({ n: '*' }).first())!.n)
  const res = await ta.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(token),
    payload: { prefix: 'C', start_number: '105', quantity: 10, product_ids: [apple] },
  })
  t.equal(res.statusCode, 409)
  t.equal(res.json().code, 'card_number_conflict')
  t.equal(Number((await ta.db('cards').count({ n: '*' }).first())!.n), before)
  t.equal((await ta.db('card_batches')).length, 1, 'no batch row either')
  // A padded sequence that reaches the same strings conflicts too: C + 00000110 ≠ C110, but C + 110 unpadded does.
  const ok = await ta.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(token), payload: { prefix: 'C', number_length: 8, quantity: 5, product_ids: [apple] } })
  t.equal(ok.statusCode, 201, 'different width, different strings')
})

t.test('two overlapping batches at the same moment: one succeeds whole, the other fails whole', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const post = (start: string) => ta.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(token),
    payload: { prefix: 'K', start_number: start, quantity: 2000, product_ids: [apple] },
  })
  const results = await Promise.all([post('0'), post('1000')])
  t.same(results.map((r) => r.statusCode).sort(), [201, 409])
  t.equal(results.find((r) => r.statusCode === 409)!.json().code, 'card_number_conflict')
  t.equal(Number((await ta.db('cards').count({ n: '*' }).first())!.n), 2000)
  t.equal((await ta.db('card_batches')).length, 1)
})

t.test('a large batch is generated by a background job, hidden until ready, and resumed after a restart', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const database = await createTestDatabase(t)
  const batches = { syncLimit: 100, chunkSize: 250, autoRun: false }
  const first = await buildTestApp(t, { database, clock, overrides: { batches } })
  const token = await first.login()
  const apple = await createProduct(first, token)
  const res = await first.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: first.auth(token),
    payload: { prefix: 'BIG', number_length: 6, quantity: 1000, product_ids: [apple], activate: true },
  })
  t.equal(res.statusCode, 202, 'the request returns at once')
  t.equal(res.json().status, 'generating')
  const batchNo = res.json().batch_no

  await first.app.services.batches.runPending({ maxChunks: 2 })
  const mid = await first.app.inject({ method: 'GET', url: `/api/v1/card-batches/${batchNo}`, headers: first.auth(token) })
  t.equal(mid.json().status, 'generating')
  t.same(mid.json().progress, { done: 500, total: 1000 })
  const listed = await first.app.inject({ method: 'GET', url: '/api/v1/cards', headers: first.auth(token) })
  t.equal(listed.json().items.length, 0, 'cards of a generating batch are not listed')
  const bulk = await first.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: first.auth(token), payload: { action: 'void', target: { filter: { batch_no: batchNo } }, dry_run: true } })
  t.equal(bulk.json().matched, 0, 'nor touched by bulk actions')

  // The process "dies" holding the lease; another instance takes over once the lease ends.
  const second = await buildTestApp(t, { database, clock, overrides: { batches } })
  await second.app.services.batches.runPending()
  t.equal((await second.db('card_batches').where({ batch_no: batchNo }).first()).status, 'generating', 'a live lease is respected')
  clock.advance(61_000)
  await second.app.services.batches.runPending()
  const done = await second.app.inject({ method: 'GET', url: `/api/v1/card-batches/${batchNo}`, headers: second.auth(await second.login()) })
  t.equal(done.json().status, 'ready')
  t.same(done.json().counts, { inactive: 0, active: 1000, redeemed: 0, voided: 0, total: 1000 })
  const rows = await second.db('cards').select('card_no', 'serial')
  t.equal(new Set(rows.map((r) => r.card_no)).size, 1000, 'no number twice')
  t.equal(new Set(rows.map((r) => Number(r.serial))).size, 1000)
  t.same(rows.map((r) => r.card_no).sort().slice(0, 2), ['BIG000001', 'BIG000002'])
})
