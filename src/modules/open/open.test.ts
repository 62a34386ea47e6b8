import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { buildTestApp, createTestDatabase } from '../../test-support/build-test-app.js'
import { CONSIGNEE, redeemFixture } from '../../test-support/redeem-fixture.js'
import { createApp, openRequest } from '../../test-support/open-fixture.js'

const ALL = ['products:read', 'cards:issue', 'cards:read', 'redeem', 'orders:read']

async function snapshot (db: any): Promise<string> {
  const tables = ['cards', 'orders', 'card_issues', 'outbox', 'app_nonces', 'idempotency_keys']
  const out: Record<string, unknown> = {}
  for (const table of tables) out[table] = await db(table).select()
  return JSON.stringify(out)
}

t.test('each of the eight checks fails in turn with its code, and nothing changes', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const mall = await createApp(f, ['cards:issue'], { ip_allowlist: ['10.0.0.0/8'], rate_limit: 1 })
  const body = { out_order_no: 'M1', batch_no: f.batchNo, items: [{ phone: '13800138000', quantity: 1 }], send_sms: false }
  const before = await snapshot(f.db)
  const call = (opts: Parameters<typeof openRequest>[5] = {}, url = '/open/v1/card-issues', b: unknown = body) =>
    openRequest(f, mall, 'POST', url, b, { remoteAddress: '10.1.2.3', ...opts })
  const expect = async (label: string, res: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    t.equal(res.statusCode, status, label)
    t.equal(res.json().code, code, label)
    t.ok(res.json().request_id)
  }
  await expect('1 missing header', await call({ headers: { 'x-kq-nonce': undefined } }), 401, 'signature_missing')
  await expect('1 malformed nonce', await call({ nonce: 'short' }), 401, 'signature_missing')
  await expect('2 unknown app', await call({ headers: { 'x-kq-app-key': 'ak_unknown' } }), 401, 'app_invalid')
  await expect('3 stale timestamp', await call({ timestamp: Math.floor(clock.now().getTime() / 1000) - 301 }), 401, 'timestamp_out_of_window')
  await expect('4 wrong secret', await call({ secret: 'sk_wrong' }), 401, 'signature_invalid')
  await expect('4 body changed after signing', await f.app.inject({
    method: 'POST', url: '/open/v1/card-issues', remoteAddress: '10.1.2.3',
    headers: { ...(await import('./client.js')).signRequest({ appKey: mall.app_key, appSecret: mall.app_secret, method: 'POST', pathWithQuery: '/open/v1/card-issues', body: JSON.stringify(body), timestamp: Math.floor(clock.now().getTime() / 1000) }), 'content-type': 'application/json' },
    payload: JSON.stringify({ ...body, items: [{ phone: '13800138000', quantity: 2 }] }),
  }), 401, 'signature_invalid')
  t.equal(before, await snapshot(f.db), 'failed checks 1-4 change nothing')

  // 5: a nonce that a successful request used.
  const products = await createApp(f, ['products:read'])
  const ok = await openRequest(f, products, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-used-once-123456' })
  t.equal(ok.statusCode, 200)
  const afterOk = await snapshot(f.db)
  await expect('5 replayed nonce', await openRequest(f, products, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-used-once-123456' }), 401, 'nonce_replayed')
  await expect('6 address outside allowlist', await call({ remoteAddress: '192.168.1.1' }), 403, 'ip_not_allowed')
  await expect('7 scope missing', await openRequest(f, mall, 'GET', '/open/v1/products', undefined, { remoteAddress: '10.1.2.3' }), 403, 'scope_missing')
  await expect('7 scope missing on a GET', await openRequest(f, products, 'GET', '/open/v1/orders'), 403, 'scope_missing')
  t.equal(afterOk, await snapshot(f.db), 'failed checks 5-7 change nothing')
  // 8: rate 1/s with a burst of 2: the third call in the same second is refused.
  const readOnly = await createApp(f, ['products:read'], { rate_limit: 1 })
  t.equal((await openRequest(f, readOnly, 'GET', '/open/v1/products')).statusCode, 200)
  t.equal((await openRequest(f, readOnly, 'GET', '/open/v1/products')).statusCode, 200)
  const afterRate = await snapshot(f.db)
  const limited = await openRequest(f, readOnly, 'GET', '/open/v1/products')
  await expect('8 over the rate', limited, 429, 'rate_limited')
  t.ok(Number(limited.headers['retry-after']) >= 1)
  t.equal(afterRate, await snapshot(f.db), 'a refused request does not use its nonce')

  const disabled = await createApp(f, ['products:read'])
  await f.app.inject({ method: 'PATCH', url: `/api/v1/apps/${disabled.id}`, headers: f.auth(f.token), payload: { status: 'disabled' } })
  await expect('2 disabled app', await openRequest(f, disabled, 'GET', '/open/v1/products'), 403, 'app_disabled')
})

t.test('a nonce is refused by another instance on the same database', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database })
  const other = await buildTestApp(t, { database })
  const mall = await createApp(f, ['products:read'])
  t.equal((await openRequest(f, mall, 'GET', '/open/v1/products', undefined, { nonce: 'shared-nonce-1234567' })).statusCode, 200)
  const replay = await openRequest(f, mall, 'GET', '/open/v1/products', undefined, { nonce: 'shared-nonce-1234567', target: other.app })
  t.equal(replay.statusCode, 401)
  t.equal(replay.json().code, 'nonce_replayed')
})

t.test('an app disabled or given a new secret: at once on this instance, within 3 s on another', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database, clock })
  const other = await buildTestApp(t, { database, clock })
  const mall = await createApp(f, ['products:read'])
  const on = (target: typeof f.app, opts: Parameters<typeof openRequest>[5] = {}) => openRequest(f, mall, 'GET', '/open/v1/products', undefined, { target, ...opts })
  t.equal((await on(f.app)).statusCode, 200)
  t.equal((await on(other.app)).statusCode, 200, 'both instances hold the app')

  const rotated = await f.app.inject({ method: 'POST', url: `/api/v1/apps/${mall.id}/rotate-secret`, headers: f.auth(f.token) })
  const secret = rotated.json().app_secret as string
  t.equal((await on(f.app, { secret })).statusCode, 200, 'the new secret works at once where it was made')
  t.equal((await on(other.app, { secret })).json().code, 'signature_invalid', 'another instance still holds the old row')
  t.equal((await on(other.app)).statusCode, 200, 'where the previous secret keeps working')
  clock.advance(3_000)
  t.equal((await on(other.app, { secret })).statusCode, 200, 'after the cache window the new secret works everywhere')

  await f.app.inject({ method: 'PATCH', url: `/api/v1/apps/${mall.id}`, headers: f.auth(f.token), payload: { status: 'disabled' } })
  t.equal((await on(f.app, { secret })).json().code, 'app_disabled', 'refused at once on this instance')
  t.equal((await on(other.app, { secret })).statusCode, 200, 'accepted by the other for the rest of its cache window')
  clock.advance(3_000)
  t.equal((await on(other.app, { secret })).json().code, 'app_disabled', 'and refused there once the window has passed')
})

t.test('issue, get, cancel, redeem — with out_order_no repeats and secrets only with cards:secrets', async (t) => {
  const f = await redeemFixture(t, { quantity: 10, batch: { activate: false } })
  const mall = await createApp(f, ALL)
  const secretMall = await createApp(f, [...ALL, 'cards:secrets'])
  const body = { out_order_no: 'M20260101001', batch_no: f.batchNo, items: [{ phone: '13800138000', quantity: 2 }, { phone: '13900139000', quantity: 1 }], send_sms: true }

  const issued = await openRequest(f, mall, 'POST', '/open/v1/card-issues', body)
  t.equal(issued.statusCode, 201)
  const issue = issued.json()
  t.equal(issue.status, 'issued')
  t.same(issue.cards.map((c: { card_no: string; phone: string }) => [c.card_no, c.phone]), [['T000001', '13800138000'], ['T000002', '13800138000'], ['T000003', '13900139000']], 'serial order')
  t.equal(issue.cards[0].redeem_url, 'http://kaquan.test/r/default?c=T000001')
  t.notOk('password' in issue.cards[0], 'no password without cards:secrets')
  const cards = await f.db('cards').whereIn('card_no', ['T000001', 'T000002', 'T000003']).orderBy('serial')
  t.ok(cards.every((c) => c.status === 'active' && c.issued_app_id === mall.id), 'activated, sold through the app')
  t.same((await f.db('outbox').pluck('topic')).sort(), ['card.issued', 'sms.card_issued', 'sms.card_issued', 'sms.card_issued'])

  const repeat = await openRequest(f, mall, 'POST', '/open/v1/card-issues', body)
  t.equal(repeat.statusCode, 200, 'the same out_order_no returns the first result')
  t.same(repeat.json(), issue)
  t.equal((await f.db('card_issues')).length, 1)

  const tooMany = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'M2', items: [{ phone: '13800138000', quantity: 8 }] })
  t.equal(tooMany.statusCode, 409)
  t.equal(tooMany.json().code, 'insufficient_cards')
  t.equal((await f.db('cards').where({ status: 'active' })).length, 3, 'nothing issued')
  for (const [items, code] of [[[{ phone: '1380013800', quantity: 1 }], 'phone_invalid'], [[{ phone: '13800138000', quantity: 0 }], 'quantity_invalid'], [[{ phone: '13800138000', quantity: 1001 }], 'quantity_invalid']] as const) {
    t.equal((await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'M3', items })).json().code, code)
  }
  t.equal((await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'M4', batch_no: 'B0' })).json().code, 'batch_not_found')

  const secret = await openRequest(f, secretMall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'S1', items: [{ phone: '13700137000', quantity: 1 }] })
  t.match(secret.json().cards[0].password, /^[0-9]{10}$/, 'password with cards:secrets')
  const getSecret = await openRequest(f, secretMall, 'GET', `/open/v1/card-issues/${secret.json().issue_no}`)
  t.equal(getSecret.json().cards[0].password, secret.json().cards[0].password)
  t.equal((await openRequest(f, mall, 'GET', `/open/v1/card-issues/${secret.json().issue_no}`)).statusCode, 404, 'another app\'s issue is not visible')

  const card = await openRequest(f, mall, 'GET', '/open/v1/cards/T000001')
  t.match(card.json(), { card_no: 'T000001', status: 'active', phone: '138****8000', face_value: 38800, redeemed_order_no: null })

  // Redeem one issued card on the mall's pages.
  const password = f.cards.find((c) => c.card_no === 'T000001')!.password
  const redeemBody = { out_order_no: 'R1', card_no: 'T000001', password, product_id: f.apple, consignee: CONSIGNEE }
  const redeemed = await openRequest(f, mall, 'POST', '/open/v1/redemptions', redeemBody)
  t.equal(redeemed.statusCode, 201)
  t.match(redeemed.json(), { out_order_no: 'R1', card_no: 'T000001', product_id: f.apple, status: 'pending' })
  const again = await openRequest(f, mall, 'POST', '/open/v1/redemptions', redeemBody)
  t.equal(again.statusCode, 200)
  t.same(again.json(), redeemed.json(), 'the same out_order_no returns the first order')
  const other = await openRequest(f, mall, 'POST', '/open/v1/redemptions', { ...redeemBody, out_order_no: 'R2' })
  t.equal(other.json().code, 'card_redeemed')
  const wrong = await openRequest(f, mall, 'POST', '/open/v1/redemptions', { ...redeemBody, out_order_no: 'R3', card_no: 'T000002', password: '0' })
  t.equal(wrong.json().code, 'card_invalid')

  const order = await openRequest(f, mall, 'GET', `/open/v1/orders/${redeemed.json().order_no}`)
  t.match(order.json(), { order_no: redeemed.json().order_no, out_order_no: 'R1', status: 'pending', consignee: { phone: '138****8000' }, tracking: [] })
  t.equal((await openRequest(f, mall, 'GET', '/open/v1/cards/T000001')).json().redeemed_order_no, redeemed.json().order_no)

  const cancel = await openRequest(f, mall, 'POST', `/open/v1/card-issues/${issue.issue_no}/cancel`)
  t.same(cancel.json(), { issue_no: issue.issue_no, cancelled: ['T000002', 'T000003'], not_cancelled: [{ card_no: 'T000001', reason: 'redeemed' }] })
  const back = await f.db('cards').where({ card_no: 'T000002' }).first()
  t.match(back, { status: 'inactive', phone: null })
  t.same((await openRequest(f, mall, 'POST', `/open/v1/card-issues/${issue.issue_no}/cancel`)).json(), cancel.json(), 'cancelling twice answers the same')
  t.equal((await openRequest(f, mall, 'GET', `/open/v1/card-issues/${issue.issue_no}`)).json().status, 'cancelled')
  // Cards handed out once are never issued again.
  const reissue = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'M9', items: [{ phone: '13800138000', quantity: 1 }] })
  t.equal(reissue.json().cards[0].card_no, 'T000005')

  const listed = await f.app.inject({ method: 'GET', url: '/api/v1/cards?card_no=T000001', headers: f.auth(f.token) })
  t.match(listed.json().items[0], { phone: '13800138000', sold_via: { app_id: mall.id, name: '商城' } }, 'the card list shows the app that sold it')
  const history = await f.app.inject({ method: 'GET', url: '/api/v1/cards/T000002', headers: f.auth(f.token) })
  t.same(history.json().history.map((h: { type: string }) => h.type), ['issue', 'issue', 'cancel_issue'])
  t.notOk(f.logs.text().includes(password), 'no password in the log')
})

t.test('idempotency keys: replay, different body, in flight', async (t) => {
  const f = await redeemFixture(t, { quantity: 10, batch: { activate: false } })
  const mall = await createApp(f, ALL)
  const body = { out_order_no: 'K1', batch_no: f.batchNo, items: [{ phone: '13800138000', quantity: 1 }], send_sms: false }
  const first = await openRequest(f, mall, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'key-1' } })
  t.equal(first.statusCode, 201)
  const replay = await openRequest(f, mall, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'key-1' } })
  t.equal(replay.statusCode, 201, 'the first response, status included')
  t.equal(replay.headers['idempotent-replayed'], 'true')
  t.same(replay.json(), first.json())
  const mismatch = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'K2' }, { headers: { 'idempotency-key': 'key-1' } })
  t.equal(mismatch.statusCode, 422)
  t.equal(mismatch.json().code, 'idempotency_key_reused')
  await f.db('idempotency_keys').insert({ app_id: mall.id, key: 'key-busy', request_hash: 'x', status: 'running', created_at: Date.now(), expires_at: Date.now() + 60_000 })
  const busy = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { ...body, out_order_no: 'K3' }, { headers: { 'idempotency-key': 'key-busy' } })
  t.equal(busy.json().code, 'idempotency_key_reused', 'a different body is refused even while running')
  const hash = (await f.db('idempotency_keys').where({ key: 'key-1' }).first()).request_hash
  await f.db('idempotency_keys').where({ key: 'key-busy' }).update({ request_hash: hash })
  const inFlight = await openRequest(f, mall, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'key-busy' } })
  t.equal(inFlight.statusCode, 409)
  t.equal(inFlight.json().code, 'request_in_progress')
  t.equal((await f.db('card_issues')).length, 1)
})

t.test('orders list with a cursor in updated_at, order_no order', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const mall = await createApp(f, ALL)
  const made: string[] = []
  for (let i = 0; i < 5; i++) {
    const c = f.cards[i]
    const res = await openRequest(f, mall, 'POST', '/open/v1/redemptions', { out_order_no: `L${i}`, card_no: c.card_no, password: c.password, product_id: f.apple, consignee: CONSIGNEE })
    made.push(res.json().order_no)
    clock.advance(1000)
  }
  const page1 = await openRequest(f, mall, 'GET', '/open/v1/orders?updated_after=2026-11-23T09%3A59%3A00%2B08%3A00&limit=2&cursor=')
  t.equal(page1.statusCode, 200, page1.body)
  t.same(page1.json().items.map((o: { order_no: string }) => o.order_no), made.slice(0, 2))
  const page2 = await openRequest(f, mall, 'GET', `/open/v1/orders?limit=2&cursor=${page1.json().next_cursor}`)
  t.same(page2.json().items.map((o: { order_no: string }) => o.order_no), made.slice(2, 4))
  const page3 = await openRequest(f, mall, 'GET', `/open/v1/orders?limit=2&cursor=${page2.json().next_cursor}`)
  t.same(page3.json().items.map((o: { order_no: string }) => o.order_no), made.slice(4))
  t.equal(page3.json().next_cursor, null)
})

t.test('apps: secret shown once, rotation keeps the old one for 24 hours', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock, quantity: 1 })
  const mall = await createApp(f, ['products:read'])
  t.match(mall.app_key, /^ak_[A-Za-z0-9]{24}$/)
  t.match(mall.app_secret, /^sk_[A-Za-z0-9]{40}$/)
  const list = await f.app.inject({ method: 'GET', url: '/api/v1/apps', headers: f.auth(f.token) })
  t.notOk(list.body.includes(mall.app_secret), 'the secret is not listed')
  t.equal(list.json().items[0].secret_hint, `****${mall.app_secret.slice(-4)}`)
  const rotated = (await f.app.inject({ method: 'POST', url: `/api/v1/apps/${mall.id}/rotate-secret`, headers: f.auth(f.token) })).json()
  t.not(rotated.app_secret, mall.app_secret)
  t.equal((await openRequest(f, mall, 'GET', '/open/v1/products')).statusCode, 200, 'the old secret still works')
  t.equal((await openRequest(f, { ...mall, app_secret: rotated.app_secret }, 'GET', '/open/v1/products')).statusCode, 200, 'the new one too')
  clock.advance(24 * 3600_000 + 1000)
  t.equal((await openRequest(f, mall, 'GET', '/open/v1/products')).json().code, 'signature_invalid', 'after 24 hours only the new one')
  const audit = await f.db('audit_logs').where('action', 'like', 'apps.%').orderBy('id').pluck('action')
  t.same(audit, ['apps.create', 'apps.rotate_secret'])
  t.notOk(f.logs.text().includes(mall.app_secret) || f.logs.text().includes(rotated.app_secret), 'no secret in the log')
  const bad = await f.app.inject({ method: 'POST', url: '/api/v1/apps', headers: f.auth(await f.login()), payload: { name: 'x', scopes: ['products:read'], ip_allowlist: ['999.1.1.1'] } })
  t.equal(bad.json().code, 'ip_allowlist_invalid')
})
