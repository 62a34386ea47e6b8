// Distributors (券商) through the API: create, read, update, delete, with their errors and audit.
import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'

t.test('a distributor is created, listed, changed and deleted; every change is audited', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => ta.app.inject({ method, url, headers: ta.auth(token), ...(payload ? { payload } : {}) })

  const created = await call('POST', '/api/v1/distributors', { name: '华东分销', contact: '王经理', phone: '13900139000' })
  t.equal(created.statusCode, 201)
  t.match(created.json(), { name: '华东分销', contact: '王经理', phone: '13900139000', remark: null })
  const id = created.json().id
  await call('POST', '/api/v1/distributors', { name: '华南分销' })
  t.same((await call('GET', '/api/v1/distributors')).json().items.map((d: { name: string }) => d.name), ['华东分销', '华南分销'])

  const got = await call('GET', `/api/v1/distributors/${id}`)
  t.same(got.json().counts, { inactive: 0, active: 0, redeemed: 0, voided: 0, total: 0 })
  const changed = await call('PATCH', `/api/v1/distributors/${id}`, { remark: '年底结算' })
  t.match(changed.json(), { name: '华东分销', contact: '王经理', remark: '年底结算' }, 'fields not given stay')
  const cleared = await call('PATCH', `/api/v1/distributors/${id}`, { contact: null, remark: null })
  t.same([cleared.json().contact, cleared.json().remark], [null, null], 'null clears a field (it is not coerced to "")')
  t.same([(await call('GET', `/api/v1/distributors/${id}`)).json().contact], [null])
  const taken = await call('PATCH', `/api/v1/distributors/${id}`, { name: '华南分销' })
  t.equal(taken.statusCode, 409)
  t.equal(taken.json().code, 'distributor_name_taken')
  t.equal((await call('GET', `/api/v1/distributors/${id}`)).json().name, '华东分销', 'a refused rename changes nothing')
  t.equal((await call('PATCH', `/api/v1/distributors/${id}`, {})).statusCode, 422, 'nothing to change')

  const deleted = await call('DELETE', `/api/v1/distributors/${id}`)
  t.same(deleted.json(), { ok: true })
  for (const [method, payload] of [['GET'], ['PATCH', { remark: 'x' }], ['DELETE']] as const) {
    const res = await call(method, `/api/v1/distributors/${id}`, payload)
    t.equal(res.statusCode, 404, method)
    t.equal(res.json().code, 'distributor_not_found')
  }
  const audit = await ta.db('audit_logs').where('action', 'like', 'distributors.%').orderBy('id')
  t.same(audit.map((a) => a.action), ['distributors.create', 'distributors.create', 'distributors.update', 'distributors.update', 'distributors.delete'])
})

t.test('a distributor holding cards stays; another merchant never sees it', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const batch = await createBatch(ta, token, { prefix: 'D', number_length: 6, quantity: 5, product_ids: [apple] })
  const dist = await ta.app.inject({ method: 'POST', url: '/api/v1/distributors', headers: ta.auth(token), payload: { name: '门店' } })
  await ta.app.inject({
    method: 'POST', url: '/api/v1/cards/bulk', headers: ta.auth(token),
    payload: { action: 'update', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 1 }, fields: { distributor_id: dist.json().id } },
  })
  const del = await ta.app.inject({ method: 'DELETE', url: `/api/v1/distributors/${dist.json().id}`, headers: ta.auth(token) })
  t.equal(del.statusCode, 409)
  t.equal(del.json().code, 'distributor_has_cards')
  t.equal(Number((await ta.db('distributors').count({ n: '*' }).first())!.n), 1)

  await ta.app.services.merchants.create({ code: 'other', name: '别家', admin_username: 'otherboss', admin_password: 'Other12345-kq#Pw' })
  const other = await ta.login('otherboss', 'Other12345-kq#Pw', 'other')
  const seen = await ta.app.inject({ method: 'GET', url: `/api/v1/distributors/${dist.json().id}`, headers: ta.auth(other) })
  t.equal(seen.statusCode, 404)
  t.same((await ta.app.inject({ method: 'GET', url: '/api/v1/distributors', headers: ta.auth(other) })).json().items, [])
})

t.test('the list answers every distributor\'s cards by state in one statement over the index', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const call = (method: 'GET' | 'POST', url: string, payload?: object) => ta.app.inject({ method, url, headers: ta.auth(token), ...(payload ? { payload } : {}) })
  const apple = await createProduct(ta, token)
  const batch = await createBatch(ta, token, { prefix: 'C', number_length: 6, quantity: 6, product_ids: [apple] })
  const east = (await call('POST', '/api/v1/distributors', { name: '华东分销' })).json().id
  const south = (await call('POST', '/api/v1/distributors', { name: '华南分销' })).json().id
  const idle = (await call('POST', '/api/v1/distributors', { name: '未分配' })).json().id
  const range = (from: number, to: number) => ({ serial_from: batch.serial_from + from, serial_to: batch.serial_from + to })
  for (const [target, distributor] of [[range(0, 2), east], [range(3, 3), south]] as const) {
    const res = await call('POST', '/api/v1/cards/bulk', { action: 'update', target, fields: { distributor_id: distributor } })
    t.equal(res.statusCode, 200, `assigned to ${distributor}`)
  }
  t.equal((await call('POST', '/api/v1/cards/bulk', { action: 'activate', target: range(0, 1) })).statusCode, 200)
  t.equal((await call('POST', '/api/v1/cards/bulk', { action: 'activate', target: range(3, 3) })).statusCode, 200)
  const cardNo = (await ta.db('cards').where({ serial: batch.serial_from }).first()).card_no
  // Set directly: the counts read the cards' state, however it got there.
  await ta.db('cards').where({ card_no: cardNo }).update({ status: 'redeemed' })

  const sql: string[] = []
  const onQuery = (q: { sql: string }) => { if (/from [`"]cards[`"]/i.test(q.sql)) sql.push(q.sql) }
  ta.db.on('query', onQuery)
  const list = await call('GET', '/api/v1/distributors')
  ta.db.off('query', onQuery)
  t.equal(list.statusCode, 200)
  const counts = Object.fromEntries(list.json().items.map((d: { id: number; counts: object }) => [d.id, d.counts]))
  t.same(counts[east], { inactive: 1, active: 1, redeemed: 1, voided: 0, total: 3 })
  t.same(counts[south], { inactive: 0, active: 1, redeemed: 0, voided: 0, total: 1 })
  t.same(counts[idle], { inactive: 0, active: 0, redeemed: 0, voided: 0, total: 0 })
  t.equal(sql.length, 1, 'one statement on cards for the whole list, not one per distributor')
  t.match(sql[0], /group by/i)

  if (ta.db.client.config.client !== 'mysql2') {
    const plan = await ta.db.raw(`EXPLAIN QUERY PLAN SELECT distributor_id, status, COUNT(*) FROM cards WHERE merchant_id = 1 AND distributor_id IS NOT NULL GROUP BY distributor_id, status`) as Array<{ detail: string }>
    t.match(plan.map((p) => p.detail).join('\n'), /COVERING INDEX cards_merchant_id_distributor_id_status_index/, 'read from the index alone')
  } else {
    const [plan] = await ta.db.raw(`EXPLAIN SELECT distributor_id, status, COUNT(*) FROM cards WHERE merchant_id = 1 AND distributor_id IS NOT NULL GROUP BY distributor_id, status`) as [Array<{ key: string; Extra: string }>]
    t.equal(plan[0].key, 'cards_merchant_id_distributor_id_status_index')
    t.match(plan[0].Extra, /Using index/, 'read from the index alone')
  }
})
