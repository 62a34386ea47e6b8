import t from 'tap'
import { Webhook } from 'standardwebhooks'
import { fixedClock } from '../../shared/clock.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { startReceiver } from '../../test-support/receiver.js'
import { RETRY_DELAYS_MS } from '../../workers/outbox-worker.js'

async function endpoint (f: RedeemFixture, url: string, extra: object = {}) {
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url, ...extra } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json() as { id: number; secret: string }
}

async function redeemOne (f: RedeemFixture, i = 0): Promise<string> {
  const c = f.cards[i]
  const v = await f.verify(c.card_no, c.password)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })
  return res.json().order_no
}

t.test('a receiver that is down and then up gets every event, same webhook-id, verifiable signature', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { clock })
  let up = false
  const receiver = await startReceiver(t, () => ({ status: up ? 200 : 503 }))
  const ep = await endpoint(f, receiver.url)
  t.match(ep.secret, /^whsec_[A-Za-z0-9+/]{32}$/)
  const orderNo = await redeemOne(f)

  const worker = f.app.services.worker
  await worker.drainAll()
  t.equal(receiver.received.length, 2, 'both events tried (order.created, card.redeemed)')
  const first = await f.db('outbox').where({ topic: 'webhook.delivery' })
  t.ok(first.every((d) => d.status === 'pending' && d.attempts === 1), 'failed once, waiting')
  const wait = Number(first[0].next_attempt_at) - clock.now().getTime()
  t.ok(wait >= 4_500 && wait <= 5_500, `first retry after 5 s ±10 % (${wait} ms)`)

  up = true
  clock.advance(6_000)
  await worker.drainAll()
  t.equal(receiver.received.length, 4)
  const byId = new Map<string, string[]>()
  const wh = new Webhook(ep.secret)
  for (const r of receiver.received) {
    const id = r.headers['webhook-id'] as string
    byId.set(id, [...(byId.get(id) ?? []), JSON.parse(r.body).type])
    t.match(id, /^msg_/)
    const verified = wh.verify(r.body, { 'webhook-id': id, 'webhook-timestamp': r.headers['webhook-timestamp'] as string, 'webhook-signature': r.headers['webhook-signature'] as string })
    t.ok(verified, 'standardwebhooks verifies the signature')
  }
  t.equal(byId.size, 2, 'two events, each with one id across its retries')
  const created = receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.type === 'order.created')
  t.equal(created.data.order_no, orderNo)
  t.equal(created.data.consignee.phone, '138****8000', 'phones masked in webhooks')
  t.ok(created.data.updated_at)
  for (const r of receiver.received) t.notOk(r.body.includes(f.cards[0].password), 'never a password')
  const list = await f.app.inject({ method: 'GET', url: `/api/v1/deliveries?endpoint_id=${ep.id}&status=succeeded`, headers: f.auth(f.token) })
  t.equal(list.json().items.length, 2)
  t.same(list.json().items[0].attempt_log.map((a: { status_code: number }) => a.status_code), [503, 200], 'every attempt recorded')
  t.ok(list.json().items[0].attempt_log.every((a: { latency_ms: number }) => a.latency_ms >= 0))
})

t.test('retries on the schedule, then dead; retry and replay re-queue; 410 disables the endpoint', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { clock })
  const receiver = await startReceiver(t, () => ({ status: 500, body: 'x'.repeat(5000) }))
  const ep = await endpoint(f, receiver.url, { event_types: ['order.created'] })
  await redeemOne(f)
  const worker = f.app.services.worker
  await worker.drainAll()
  for (const delay of RETRY_DELAYS_MS) {
    clock.advance(delay * 1.1 + 1000)
    await worker.drainAll()
  }
  t.equal(receiver.received.length, 8, 'the first try and seven retries')
  const [delivery] = await f.db('outbox').where({ topic: 'webhook.delivery' })
  t.equal(delivery.status, 'dead')
  t.equal(delivery.event_type, 'order.created', 'only the subscribed event')
  const attempts = await f.db('outbox_attempts').where({ outbox_id: delivery.id })
  t.equal(attempts.length, 8)
  t.ok(attempts.every((a) => a.response_excerpt.length === 1024), 'the first 1 KiB of each answer')
  const token = await f.login() // a day and a half has passed
  const dead = await f.app.inject({ method: 'GET', url: '/api/v1/deliveries?status=dead', headers: f.auth(token) })
  t.equal(dead.json().items.length, 1)

  const retry = await f.app.inject({ method: 'POST', url: `/api/v1/deliveries/${delivery.id}/retry`, headers: f.auth(token) })
  t.same(retry.json(), { requeued: 1 })
  await worker.drainAll()
  t.equal(receiver.received.length, 9)
  t.equal(receiver.received[8].headers['webhook-id'], receiver.received[0].headers['webhook-id'], 'a retried delivery keeps its webhook-id')

  await f.db('outbox').where({ id: delivery.id }).update({ status: 'dead' })
  const replay = await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/replay`, headers: f.auth(token), payload: { since: new Date(clock.now().getTime() - 3 * 86_400_000).toISOString(), status: 'dead' } })
  t.same(replay.json(), { requeued: 1 })

  const gone = await startReceiver(t, () => ({ status: 410 }))
  await f.app.inject({ method: 'PATCH', url: `/api/v1/webhook-endpoints/${ep.id}`, headers: f.auth(token), payload: { url: gone.url } })
  await worker.drainAll()
  const after = await f.db('webhook_endpoints').where({ id: ep.id }).first()
  t.equal(Number(after.enabled), 0, '410 disables the endpoint')
  t.equal(after.disabled_reason, 'gone (HTTP 410)')
  t.equal((await f.db('outbox').where({ id: delivery.id }).first()).status, 'dead', 'and is not retried')
})

t.test('a 429 or 503 with Retry-After is not asked again sooner; a Retry-After elsewhere or unreadable changes nothing', async (t) => {
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const f = await redeemFixture(t, { clock, quantity: 5 })
  const answers: Array<{ status: number; headers?: Record<string, string> }> = [
    { status: 429, headers: { 'retry-after': '120' } },
    { status: 503, headers: { 'retry-after': new Date(clock.now().getTime() + 600_000).toUTCString() } },
    { status: 500, headers: { 'retry-after': '120' } },
    { status: 429, headers: { 'retry-after': 'soon' } },
  ]
  let n = 0
  const receiver = await startReceiver(t, () => answers[n++ % answers.length])
  await endpoint(f, receiver.url, { event_types: ['order.created'] })
  const waits: number[] = []
  for (let i = 0; i < answers.length; i++) {
    await redeemOne(f, i)
    await f.app.services.worker.drainAll()
    const [row] = await f.db('outbox').where({ topic: 'webhook.delivery' }).orderBy('id', 'desc').limit(1)
    t.equal(row.status, 'pending')
    waits.push(Number(row.next_attempt_at) - clock.now().getTime())
  }
  t.equal(waits[0], 120_000, 'a 429 asking for 120 s waits 120 s (the schedule said 5 s)')
  t.ok(waits[1] > 598_000 && waits[1] <= 600_000, `a 503 with an HTTP-date waits until then (${waits[1]} ms)`)
  t.ok(waits[2] >= 4_500 && waits[2] <= 5_500, `a 500 keeps the schedule whatever it says (${waits[2]} ms)`)
  t.ok(waits[3] >= 4_500 && waits[3] <= 5_500, `an unreadable Retry-After keeps the schedule (${waits[3]} ms)`)

  // A receiver asking for a week is asked again after the schedule's longest step, and the attempt counts.
  const { MAX_RETRY_AFTER_MS } = await import('../../workers/outbox-worker.js')
  answers.splice(0, answers.length, { status: 429, headers: { 'retry-after': String(7 * 86_400) } })
  n = 0
  await redeemOne(f, 4)
  await f.app.services.worker.drainAll()
  const [last] = await f.db('outbox').where({ topic: 'webhook.delivery' }).orderBy('id', 'desc').limit(1)
  t.equal(Number(last.next_attempt_at) - clock.now().getTime(), MAX_RETRY_AFTER_MS)
  t.equal(Number(last.attempts), 1)
})

t.test('secret rotation: two signatures for 24 hours; test deliveries', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { clock })
  const receiver = await startReceiver(t)
  const ep = await endpoint(f, receiver.url)
  const rotated = (await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/rotate-secret`, headers: f.auth(f.token) })).json()
  const test = await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/test`, headers: f.auth(f.token) })
  t.equal(test.statusCode, 202)
  await f.app.services.worker.drainAll()
  const [r] = receiver.received
  t.equal(JSON.parse(r.body).type, 'webhook.test')
  t.equal((r.headers['webhook-signature'] as string).split(' ').length, 2, 'two signatures during the rotation')
  const headers = { 'webhook-id': r.headers['webhook-id'] as string, 'webhook-timestamp': r.headers['webhook-timestamp'] as string, 'webhook-signature': r.headers['webhook-signature'] as string }
  t.ok(new Webhook(ep.secret).verify(r.body, headers), 'the old secret verifies')
  t.ok(new Webhook(rotated.secret).verify(r.body, headers), 'the new secret verifies')
  const listed = await f.app.inject({ method: 'GET', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token) })
  t.notOk(listed.body.includes(rotated.secret) || listed.body.includes(ep.secret), 'secrets are not listed')
})

t.test('SSRF guard: https only (http for localhost); private addresses refused when typed, unless allowed', async (t) => {
  const f = await redeemFixture(t, { config: { allowPrivateWebhooks: false } })
  const create = (url: string) => f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url } })
  for (const url of ['http://example.com/hook', 'ftp://example.com', 'not a url', 'https://user:pw@example.com/']) {
    t.equal((await create(url)).json().code, 'webhook_url_invalid', url)
  }
  const receiver = await startReceiver(t)
  for (const url of [receiver.url, 'https://10.0.0.1/hook', 'https://192.168.1.5/hook', 'https://169.254.169.254/latest', 'https://0x7f.1/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://[fd00::1]/hook', 'http://localhost:8080/hook', 'https://app.localhost/hook']) {
    const res = await create(url)
    t.equal(res.statusCode, 422, url)
    t.match(res.json(), { code: 'webhook_url_private', message: /内网、本机或保留地址/ })
  }
  t.equal((await f.db('webhook_endpoints')).length, 0, 'nothing stored')
  const ep = (await create('https://hooks.example.com/kaquan')).json()
  const moved = await f.app.inject({ method: 'PATCH', url: `/api/v1/webhook-endpoints/${ep.id}`, headers: f.auth(f.token), payload: { url: 'https://10.1.2.3/' } })
  t.equal(moved.json().code, 'webhook_url_private', 'nor by an edit')
  t.equal((await f.db('webhook_endpoints').first()).url, 'https://hooks.example.com/kaquan')

  // The operator who allows private receivers (KAQUAN_ALLOW_PRIVATE_WEBHOOKS, the tests' default) may use them.
  const loose = await redeemFixture(t)
  const res = await loose.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: loose.auth(loose.token), payload: { url: 'https://10.0.0.1/hook' } })
  t.equal(res.statusCode, 201)
})

t.test('bulk activation and voiding send card.activated and card.voided to the endpoints that want them', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { clock, quantity: 3, batch: { activate: false } })
  const receiver = await startReceiver(t)
  const bulk = (action: string, cardNos: string[]) => f.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: f.auth(f.token), payload: { action, target: { card_nos: cardNos } } })
  await bulk('activate', [f.cards[0].card_no])
  t.equal((await f.db('outbox')).length, 0, 'no endpoint, no events')
  await endpoint(f, receiver.url, { event_types: ['card.activated', 'card.voided'] })
  await bulk('activate', [f.cards[1].card_no, f.cards[2].card_no])
  await bulk('void', [f.cards[2].card_no])
  await f.app.services.worker.drainAll()
  const events = receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: { card_no: string; status: string } })
  t.same(events.map((e) => `${e.type}:${e.data.card_no}`).sort(), [`card.activated:${f.cards[1].card_no}`, `card.activated:${f.cards[2].card_no}`, `card.voided:${f.cards[2].card_no}`].sort())
  t.ok(events.every((e) => 'status' in e.data && 'products' in e.data), 'data is the card as GET /open/v1/cards shows it')
})

t.test('the delivery log keeps every attempt, but never our signatures or secret echoed back by a receiver', async (t) => {
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { clock })
  // A debugging receiver that answers with what it was sent, headers included.
  const receiver = await startReceiver(t, (r, n) => ({ status: n === 1 ? 500 : 200, body: JSON.stringify({ headers: r.headers, body: r.body }) }))
  const ep = await endpoint(f, receiver.url)
  await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/test`, headers: f.auth(f.token) })
  await f.app.services.worker.drainAll()
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.equal(receiver.received.length, 2)
  const list = (await f.app.inject({ method: 'GET', url: `/api/v1/deliveries?endpoint_id=${ep.id}`, headers: f.auth(f.token) })).json()
  const [delivery] = list.items
  t.same(delivery.attempt_log.map((a: { status_code: number }) => a.status_code), [500, 200], 'both attempts, in order')
  for (const [i, a] of (delivery.attempt_log as Array<{ response_excerpt: string; latency_ms: number; started_at: string }>).entries()) {
    const sent = receiver.received[i].headers['webhook-signature'] as string
    t.notOk(a.response_excerpt.includes(sent.slice(3)), `attempt ${i + 1}: the signature is not in the log`)
    t.notOk(a.response_excerpt.includes(ep.secret.slice(6)), 'nor the secret')
    t.match(a.response_excerpt, /"webhook-signature":"\[已隐藏\]"/)
    t.match(a.response_excerpt, /webhook-id/, 'the rest of the answer is kept')
    t.ok(a.response_excerpt.length <= 1024 && a.latency_ms >= 0 && a.started_at)
  }
})

t.test('replay takes a time range: only the dead deliveries created in [since, until) go again', async (t) => {
  const clock = fixedClock(new Date('2026-12-01T02:00:00Z'))
  const f = await redeemFixture(t, { clock })
  const receiver = await startReceiver(t, () => ({ status: 200 }))
  const ep = await endpoint(f, receiver.url)
  const ids: number[] = []
  for (let i = 0; i < 3; i++) {
    ids.push((await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/test`, headers: f.auth(f.token) })).json().delivery_id)
    clock.advance(3600_000)
  }
  await f.db('outbox').whereIn('id', ids).update({ status: 'dead', attempts: 8 })
  const replay = (payload: object) => f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.id}/replay`, headers: f.auth(f.token), payload })

  const bad = await replay({ since: '2026-12-01T04:00:00Z', until: '2026-12-01T03:00:00Z' })
  t.equal(bad.statusCode, 422)
  t.match(bad.json(), { code: 'replay_range_invalid', message: '结束时间必须晚于开始时间', details: [{ path: '/until' }] })
  t.equal((await f.db('outbox').whereIn('id', ids).where({ status: 'dead' })).length, 3, 'nothing requeued')

  const res = await replay({ since: '2026-12-01T02:30:00Z', until: '2026-12-01T03:30:00Z' })
  t.same(res.json(), { requeued: 1 })
  const rows = await f.db('outbox').whereIn('id', ids).orderBy('id')
  t.same(rows.map((r) => r.status), ['dead', 'pending', 'dead'], 'the one created at 03:00 only')
  await f.app.services.worker.drainAll()
  t.equal(receiver.received.length, 1)
  t.same((await replay({ since: '2026-12-01T00:00:00Z' })).json(), { requeued: 2 }, 'without until: everything dead since then')
})
