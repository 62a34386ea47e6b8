// Signed requests at the edges: a nonce replayed when its timestamp is at the window's far end,
// and queries that do not decode.
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { redeemFixture } from '../test-support/redeem-fixture.js'
import { createApp, openRequest } from '../test-support/open-fixture.js'

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
