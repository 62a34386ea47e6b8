// Signed requests at the edges: nonces (one insert, copies sent at once, a replay at the
// window's far end or over the rate), the rate shared by instances, bodies, and queries that do
// not decode.
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { buildTestApp, onMysql } from '../test-support/build-test-app.js'
import { redeemFixture } from '../test-support/redeem-fixture.js'
import { createApp, openRequest } from '../test-support/open-fixture.js'
import { signRequest } from '../modules/open/client.js'

t.test('a request stamped 300 s ahead cannot be replayed when it is 300 s old either', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const app = await createApp(f, ['products:read'])
  const stamp = Math.floor(clock.now().getTime() / 1000) + 300
  const nonce = 'nonce-edge-of-the-window-1'
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { timestamp: stamp, nonce })).statusCode, 200, 'accepted at the window\'s far edge')
  for (const later of [300_000, 600_000, 600_600, 600_999]) {
    clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + later).toISOString())
    const again = await openRequest(f, app, 'GET', '/open/v1/products', undefined, { timestamp: stamp, nonce })
    t.equal(again.json().code, 'nonce_replayed', `replayed ${later / 1000} s later: refused`)
  }
  clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + 601_000).toISOString())
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { timestamp: stamp, nonce })).json().code, 'timestamp_out_of_window',
    'once the stamp has left the window the timestamp check refuses it')
  const row = await f.db('app_nonces').where({ nonce }).first()
  t.ok(Number(row.expires_at) >= (stamp + 300) * 1000, 'the nonce is kept until its stamp leaves the window')
})

t.test('a query with a stray % is refused as unsigned, not a 500', async (t) => {
  const f = await redeemFixture(t)
  const app = await createApp(f, ['orders:read'])
  const res = await f.app.inject({
    method: 'GET', url: '/open/v1/orders?cursor=%E0%A4%A', remoteAddress: '127.0.0.1',
    headers: { 'x-kq-app-key': app.app_key, 'x-kq-timestamp': String(Math.floor(Date.now() / 1000)), 'x-kq-nonce': 'nonce-percent-1234567', 'x-kq-signature': 'v1=AAAA' },
  })
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'signature_invalid')
  t.equal((await f.db('app_nonces')).length, 0, 'nothing stored')
})

t.test('a made-up app key costs no database lookup and no memory', async (t) => {
  const f = await redeemFixture(t)
  let queries = 0
  const count = () => { queries++ }
  f.db.on('query', count)
  for (let i = 0; i < 200; i++) {
    const res = await f.app.inject({
      method: 'GET', url: '/open/v1/products', remoteAddress: '127.0.0.1',
      headers: { 'x-kq-app-key': `ak_${'x'.repeat(14_000)}${i}`, 'x-kq-timestamp': String(Math.floor(Date.now() / 1000)), 'x-kq-nonce': `nonce-made-up-${i}-abcdef`, 'x-kq-signature': 'v1=AAAA' },
    })
    if (i === 0) t.equal(res.json().code, 'app_invalid')
  }
  f.db.off('query', count)
  t.equal(queries, 0, 'refused before any lookup')
})

t.test('a cursor this endpoint did not make is a 422, not a 500', async (t) => {
  const f = await redeemFixture(t)
  const app = await createApp(f, ['orders:read'])
  for (const raw of ['abc|x', '1e400|x', 'NaN|1', '', '|']) {
    const cursor = Buffer.from(raw).toString('base64url') || 'Kg'
    const res = await openRequest(f, app, 'GET', `/open/v1/orders?cursor=${cursor}`)
    t.equal(res.statusCode, 422, raw)
    t.equal(res.json().code, 'validation_failed')
  }
})

t.test('a nonce is used by one insert: no read first, and the insert refuses a replay', async (t) => {
  const f = await redeemFixture(t)
  const app = await createApp(f, ['products:read'])
  const selects: string[] = []
  const spy = (q: { sql: string }) => { if (/^select/i.test(q.sql) && q.sql.includes('app_nonces')) selects.push(q.sql) }
  const services = f.app.services.open
  const nonceUsed = services.nonceUsed
  let reads = 0
  services.nonceUsed = async (...args) => { reads++; return nonceUsed(...args) }
  t.teardown(() => { services.nonceUsed = nonceUsed })
  f.db.on('query', spy)
  const first = await openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-only-once-1234' })
  const replay = await openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-only-once-1234' })
  f.db.off('query', spy)
  t.equal(first.statusCode, 200)
  t.equal(replay.statusCode, 401)
  t.same({ code: replay.json().code, message: replay.json().message }, { code: 'nonce_replayed', message: '该 nonce 已使用过' })
  t.same(selects, [], 'the nonce is never read')
  t.equal(reads, 0, 'not even through the service')
  t.equal((await f.db('app_nonces').where({ app_id: app.id, nonce: 'nonce-only-once-1234' })).length, 1, 'one row')
})

t.test('copies of one request sent at once: one is answered, the others are refused as replays', async (t) => {
  const f = await redeemFixture(t)
  const app = await createApp(f, ['products:read'], { rate_limit: 100 })
  const copies = await Promise.all(Array.from({ length: 5 }, () => openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-sent-five-times' })))
  t.same(copies.map((r) => r.statusCode).sort(), [200, 401, 401, 401, 401])
  t.same(copies.filter((r) => r.statusCode === 401).map((r) => r.json().code), ['nonce_replayed', 'nonce_replayed', 'nonce_replayed', 'nonce_replayed'])
  // Different nonces arriving together are all used, each once (on SQLite, in one commit).
  const distinct = await Promise.all(Array.from({ length: 20 }, (_, i) => openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: `nonce-together-${i}-abcdef` })))
  t.same(distinct.map((r) => r.statusCode), Array(20).fill(200))
  t.equal((await f.db('app_nonces').where({ app_id: app.id })).length, 21)
})

t.test('a replay costs the app no rate, and answers nonce_replayed even when a later check would refuse it', async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  // 1 per second, bursts of 2; the clock stands still, so no token comes back.
  const app = await createApp(f, ['products:read'], { rate_limit: 1, ip_allowlist: ['10.0.0.0/8'] })
  const from = { remoteAddress: '10.0.0.1' }
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { ...from, nonce: 'nonce-first-of-two-1' })).statusCode, 200)
  for (let i = 0; i < 3; i++) {
    t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { ...from, nonce: 'nonce-first-of-two-1' })).json().code, 'nonce_replayed')
  }
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { ...from, nonce: 'nonce-second-of-two' })).statusCode, 200, 'the replays took no token')
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { ...from, nonce: 'nonce-third-of-two-1' })).json().code, 'rate_limited', 'the burst is used up')
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { ...from, nonce: 'nonce-first-of-two-1' })).json().code, 'nonce_replayed', 'over the rate, a replay is still a replay')
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { remoteAddress: '192.168.0.1', nonce: 'nonce-first-of-two-1' })).json().code, 'nonce_replayed', 'from outside the allowlist too')
  t.equal((await f.db('app_nonces').where({ app_id: app.id })).length, 2, 'refused requests used no nonce')
})

t.test('a request is verified over the body it carries, and one without Content-Length carries none', async (t) => {
  const f = await redeemFixture(t)
  const app = await createApp(f, ['products:read'])
  const signedFor = (body: string | undefined, nonce: string) => signRequest({ appKey: app.app_key, appSecret: app.app_secret, method: 'GET', pathWithQuery: '/open/v1/products', body, nonce })
  const send = (headers: Record<string, string>, payload?: string) => f.app.inject({ method: 'GET', url: '/open/v1/products', remoteAddress: '127.0.0.1', headers, payload })
  t.equal((await send(signedFor('{"a":1}', 'nonce-get-with-body-1'), '{"a":1}')).statusCode, 200, 'a GET with a body, signed over it')
  t.equal((await send(signedFor(undefined, 'nonce-get-with-body-2'), '{"a":1}')).json().code, 'signature_invalid', 'a body the signature does not cover')
  t.equal((await send(signedFor(undefined, 'nonce-get-no-body-123'))).statusCode, 200, 'no body at all')
})

t.test('an app\'s rate is shared by every instance: two instances allow the rate, not twice it', { skip: !onMysql && 'MySQL only: SQLite serves one instance, whose rate is kept in memory' }, async (t) => {
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const f = await redeemFixture(t, { clock })
  const second = await buildTestApp(t, { database: { config: f.config.database, dir: f.config.dataDir }, clock })
  // 3 per second, bursts of 6; the clock stands still, so the window does not turn.
  const app = await createApp(f, ['products:read'], { rate_limit: 3 })
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) =>
    openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: `nonce-shared-rate-${String(i).padStart(4, '0')}`, target: i % 2 ? second.app : f.app })))
  const codes = answers.map((r) => r.statusCode)
  t.equal(codes.filter((c) => c === 200).length, 6, 'the burst of 6, across both instances')
  t.equal(codes.filter((c) => c === 429).length, 6)
  const refused = answers.find((r) => r.statusCode === 429)!
  t.equal(refused.json().code, 'rate_limited')
  t.equal(refused.headers['retry-after'], '2', 'until the window turns')
  clock.set('2026-11-23T02:00:02Z')
  t.equal((await openRequest(f, app, 'GET', '/open/v1/products', undefined, { nonce: 'nonce-shared-rate-after', target: second.app })).statusCode, 200, 'the next window allows again')
})
