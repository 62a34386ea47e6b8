import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { createTestDatabase } from '../test-support/build-test-app.js'
import { startServerProcess } from '../test-support/processes.js'
import { CONSIGNEE, redeemFixture } from '../test-support/redeem-fixture.js'
import { startReceiver } from '../test-support/receiver.js'
import { nextDelay, RETRY_DELAYS_MS } from './outbox-worker.js'

t.test('retry delays: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h with ±10 % jitter, then none', async (t) => {
  t.same(RETRY_DELAYS_MS, [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000])
  t.equal(nextDelay(1, () => 0), 4_500)
  t.equal(nextDelay(1, () => 1), 5_500)
  t.equal(nextDelay(7, () => 0.5), 36_000_000)
  t.equal(nextDelay(8), null, 'after seven retries the delivery is dead')
})

t.test('a worker killed with SIGKILL in the middle of a run loses nothing', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database, quantity: 12 })
  const receiver = await startReceiver(t, () => ({ status: 200, delayMs: 150 }))
  await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url: receiver.url } })
  for (let i = 0; i < 12; i++) {
    const c = f.cards[i]
    const v = await f.verify(c.card_no, c.password)
    await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })
  }
  t.equal((await f.db('outbox')).length, 24, 'two events per redemption')

  const child = await startServerProcess(t, database.config, database.dir, { worker: true })
  const deadline = Date.now() + 30_000
  while (receiver.received.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  child.child.kill('SIGKILL')
  await new Promise((r) => child.child.once('exit', r))
  const seenBeforeKill = receiver.received.length
  t.ok(seenBeforeKill >= 3, `the worker was killed mid-run (${seenBeforeKill} delivered)`)
  const stuck = await f.db('outbox').whereNot('status', 'done')
  t.ok(stuck.length > 0, 'work was left unfinished')

  // Another instance, once the dead worker's leases have run out, finishes everything.
  const later = fixedClock(new Date(Date.now() + 120_000))
  const rescue = await (await import('../test-support/build-test-app.js')).buildTestApp(t, { database, clock: later })
  await rescue.app.services.worker.drainAll()
  const rows = await f.db('outbox')
  t.ok(rows.every((r) => r.status === 'done'), 'every row done')
  const deliveries = rows.filter((r) => r.topic === 'webhook.delivery')
  t.equal(deliveries.length, 24, 'every event fanned out once')
  const received = new Set(receiver.received.map((r) => r.headers['webhook-id']))
  t.ok(deliveries.every((d) => received.has(d.event_id)), 'every event reached the receiver')
  t.ok(receiver.received.length >= 24, 'some may arrive twice (at least once), deduplicated by webhook-id')
})

t.test('two instances draining at once never deliver the same attempt twice', async (t) => {
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { database, quantity: 15 })
  const second = await (await import('../test-support/build-test-app.js')).buildTestApp(t, { database })
  const receiver = await startReceiver(t, () => ({ status: 200, delayMs: 5 }))
  await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url: receiver.url } })
  for (let i = 0; i < 15; i++) {
    const c = f.cards[i]
    const v = await f.verify(c.card_no, c.password)
    await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })
  }
  await Promise.all([f.app.services.worker.drainAll(), second.app.services.worker.drainAll(), f.app.services.worker.drainAll(), second.app.services.worker.drainAll()])
  await Promise.all([f.app.services.worker.drainAll(), second.app.services.worker.drainAll()])
  const ids = receiver.received.map((r) => r.headers['webhook-id'])
  t.equal(ids.length, 30, 'thirty events')
  t.equal(new Set(ids).size, 30, 'each delivered exactly once')
  const attempts = await f.db('outbox_attempts').count({ n: '*' }).first()
  t.equal(Number(attempts!.n), 60, 'one attempt per event row and per delivery row')
})

t.test('our database failing under a handler is no attempt: tried again in 5 s, the schedule untouched', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const { db, app } = await buildTestApp(t, { clock })
  const now = clock.now().getTime()
  await db('outbox').insert({ merchant_id: 1, topic: 'probe', payload: '{}', idempotency_key: 'probe-1', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now })
  let failWith: Error | null = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true })
  const worker = createOutboxWorker({ db, clock, log: app.log, handlers: { probe: async () => { if (failWith) throw failWith } } })
  await worker.drainAll()
  let [row] = await db('outbox').where({ idempotency_key: 'probe-1' })
  t.equal(row.status, 'pending')
  t.equal(Number(row.attempts), 0, 'no attempt counted')
  t.equal(Number(row.next_attempt_at) - now, 5_000, 'again in 5 s')
  t.match((await db('outbox_attempts').where({ outbox_id: row.id }))[0], { error: 'database unavailable' }, 'the try is still in the log')

  // Any other failure counts as before.
  failWith = new Error('boom')
  clock.advance(5_000)
  await worker.drainAll()
  ;[row] = await db('outbox').where({ idempotency_key: 'probe-1' })
  t.equal(Number(row.attempts), 1, 'a handler error is an attempt')
  failWith = null
  clock.advance(10_000)
  await worker.drainAll()
  ;[row] = await db('outbox').where({ idempotency_key: 'probe-1' })
  t.equal(row.status, 'done')
})

t.test('a handler whose transaction was a deadlock\'s victim is tried again in 5 s, no attempt counted', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const { db, app } = await buildTestApp(t, { clock })
  const now = clock.now().getTime()
  await db('outbox').insert({ merchant_id: 1, topic: 'probe', payload: '{}', idempotency_key: 'probe-d', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now })
  // mysql2's error as InnoDB raises it (errno 1213, SQLSTATE 40001).
  const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213, sqlState: '40001' })
  const worker = createOutboxWorker({ db, clock, log: app.log, handlers: { probe: async () => { throw deadlock } } })
  await worker.drainAll()
  const [row] = await db('outbox').where({ idempotency_key: 'probe-d' })
  t.match(row, { status: 'pending', attempts: 0, last_error: 'database deadlock' })
  t.equal(Number(row.next_attempt_at) - now, 5_000, 'again in 5 s')
})

t.test('stop() finishes the row in flight and hands the rest of the batch back untried, for another instance now', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const { db, app } = await buildTestApp(t, { clock })
  const now = clock.now().getTime()
  for (const i of [1, 2, 3]) await db('outbox').insert({ merchant_id: 1, topic: 'slow', payload: '{}', idempotency_key: `slow-${i}`, status: 'pending', attempts: 0, next_attempt_at: now - 10 + i, created_at: now, updated_at: now })
  let started!: () => void
  const first = new Promise<void>((resolve) => { started = resolve })
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  const ran: string[] = []
  const worker = createOutboxWorker({ db, clock, log: app.log, concurrency: 1, handlers: { slow: async (row) => { ran.push(row.idempotency_key); started(); await held } } })
  worker.start(10_000)
  await first
  const stopping = worker.stop()
  release()
  await stopping
  t.same(ran, ['slow-1'], 'only the row already started ran')
  const rows = await db('outbox').orderBy('id')
  t.match(rows[0], { status: 'done', attempts: 1, claim_token: null })
  for (const r of rows.slice(1)) {
    t.match(r, { status: 'pending', attempts: 0, claim_token: null, locked_until: null }, `${r.idempotency_key}: pending again, untried`)
  }
  t.equal(Number((await db('outbox_attempts').count({ n: '*' }).first())!.n), 1, 'one attempt in the log')
  // Another worker (another instance) takes them straight away.
  const other = createOutboxWorker({ db, clock, log: app.log, handlers: { slow: async (row) => { ran.push(row.idempotency_key) } } })
  t.equal(await other.drainAll(), 2)
  t.same(ran.slice(1).sort(), ['slow-2', 'slow-3'])
})

t.test('rows a completion queues (an event\'s deliveries) are leased to the worker and run at once, no claim needed', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const { db, app } = await buildTestApp(t, { clock })
  const now = clock.now().getTime()
  await db('outbox').insert({ merchant_id: 1, topic: 'event', payload: '{}', idempotency_key: 'event-1', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now })
  const seen: Array<{ key: string; status: string; token: string | null }> = []
  const worker = createOutboxWorker({
    db, clock, log: app.log,
    handlers: {
      event: async () => ({ next: [1, 2].map((i) => ({ merchant_id: 1, topic: 'webhook.delivery' as const, destination: String(i), idempotency_key: `delivery-${i}`, payload: {} })) }),
      'webhook.delivery': async (row) => {
        // While it runs, the row is this worker's: processing, under a lease, with a claim token.
        const stored = await db('outbox').where({ id: row.id }).first()
        seen.push({ key: row.idempotency_key, status: stored.status, token: stored.claim_token })
        t.ok(Number(stored.locked_until) > now, 'under a lease')
        return { status_code: 200 }
      },
    },
  })
  t.equal(await worker.drainOnce(), 1, 'one claim: the event')
  t.same(seen.map((s) => s.key).sort(), ['delivery-1', 'delivery-2'], 'its deliveries ran in the same drain')
  t.ok(seen.every((s) => s.status === 'processing' && s.token), 'each leased to the worker')
  t.same((await db('outbox').orderBy('id')).map((r) => [r.idempotency_key, r.status, Number(r.attempts), r.claim_token]), [
    ['event-1', 'done', 1, null], ['delivery-1', 'done', 1, null], ['delivery-2', 'done', 1, null],
  ])
  t.equal(Number((await db('outbox_attempts').count({ n: '*' }).first())!.n), 3, 'three attempts in the log')
})

t.test('a batch of outcomes where one row\'s claim was lost writes the others and leaves that row to its new holder', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'))
  const { db, app } = await buildTestApp(t, { clock })
  const now = clock.now().getTime()
  for (const i of [1, 2, 3]) await db('outbox').insert({ merchant_id: 1, topic: 'probe', payload: '{}', idempotency_key: `probe-${i}`, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now })
  const worker = createOutboxWorker({
    db, clock, log: app.log,
    handlers: {
      probe: async (row) => {
        // Meanwhile another worker took probe-2 over (its lease had run out there).
        if (row.idempotency_key === 'probe-2') await db('outbox').where({ id: row.id }).update({ claim_token: 'someone-else' })
        if (row.idempotency_key === 'probe-3') throw new Error('HTTP 500')
        return { status_code: 204 }
      },
    },
  })
  t.equal(await worker.drainOnce(), 3)
  const rows = await db('outbox').orderBy('id')
  t.match(rows[0], { status: 'done', attempts: 1, claim_token: null, last_status_code: 204 })
  t.match(rows[1], { status: 'processing', attempts: 0, claim_token: 'someone-else' }, 'the lost row is the new holder\'s, untouched')
  t.match(rows[2], { status: 'pending', attempts: 1, claim_token: null, last_error: 'HTTP 500' })
  t.equal(Number(rows[2].next_attempt_at) - now >= 4_500, true, 'the failed one waits for its retry')
  t.same((await db('outbox_attempts').orderBy('id')).map((a) => Number(a.outbox_id)), [rows[0].id, rows[2].id].map(Number), 'attempt lines for the two it held')
})

t.test('running, the worker claims more while a slow row is still out: one slow delivery does not hold the others back', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const { db, app } = await buildTestApp(t)
  const at = () => Date.now()
  await db('outbox').insert({ merchant_id: 1, topic: 'slow', payload: '{}', idempotency_key: 'slow-1', status: 'pending', attempts: 0, next_attempt_at: at(), created_at: at(), updated_at: at() })
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  const fast: string[] = []
  let slowStarted!: () => void
  const slowRunning = new Promise<void>((resolve) => { slowStarted = resolve })
  const worker = createOutboxWorker({ db, clock: { now: () => new Date() }, log: app.log, batchSize: 4, handlers: { slow: async () => { slowStarted(); await held }, fast: async (row) => { fast.push(row.idempotency_key) } } })
  worker.start(20)
  t.teardown(async () => { release(); await worker.stop() })
  await slowRunning
  for (const i of [1, 2, 3]) await db('outbox').insert({ merchant_id: 1, topic: 'fast', payload: '{}', idempotency_key: `fast-${i}`, status: 'pending', attempts: 0, next_attempt_at: at(), created_at: at(), updated_at: at() })
  for (const until = Date.now() + 10_000; fast.length < 3 && Date.now() < until;) await new Promise((resolve) => setTimeout(resolve, 20))
  t.same(fast.sort(), ['fast-1', 'fast-2', 'fast-3'], 'rows queued after the slow one ran while it was still out')
  t.match(await db('outbox').where({ idempotency_key: 'slow-1' }).first(), { status: 'processing' }, 'the slow one is still running')
  release()
  await worker.stop()
  t.match(await db('outbox').where({ idempotency_key: 'slow-1' }).first(), { status: 'done' })
})

t.test('a row that waited in the queue until its lease ran low renews it before it runs, or leaves it to whoever claimed it since', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  let at = new Date('2026-12-02T08:00:00Z').getTime()
  const clock = { now: () => new Date(at) }
  const { db, app } = await buildTestApp(t, { clock })
  for (const key of ['first', 'waits', 'stolen']) await db('outbox').insert({ merchant_id: 1, topic: 'probe', payload: '{}', idempotency_key: key, status: 'pending', attempts: 0, next_attempt_at: at, created_at: at, updated_at: at })
  const ran: string[] = []
  const worker = createOutboxWorker({
    db, clock, log: app.log, concurrency: 1,
    handlers: {
      probe: async (row) => {
        ran.push(row.idempotency_key)
        if (row.idempotency_key === 'first') {
          // The first one is slow: 50 s of the 60 s lease go by, and meanwhile another worker takes 'stolen'.
          at += 50_000
          await db('outbox').where({ idempotency_key: 'stolen' }).update({ claim_token: 'someone-else', locked_until: at + 60_000 })
        }
        if (row.idempotency_key === 'waits') {
          const stored = await db('outbox').where({ id: row.id }).first()
          t.equal(Number(stored.locked_until), at + 60_000, 'its lease was renewed before it ran')
        }
        return { status_code: 200 }
      },
    },
  })
  await worker.drainOnce()
  t.same(ran, ['first', 'waits'], 'the stolen row did not run here')
  t.match(await db('outbox').where({ idempotency_key: 'stolen' }).first(), { status: 'processing', claim_token: 'someone-else' }, 'left to its new holder')
  t.match(await db('outbox').where({ idempotency_key: 'waits' }).first(), { status: 'done', attempts: 1 })
})

t.test('stop() hands back the deliveries an event queued for the worker that it had not started', async (t) => {
  const { createOutboxWorker } = await import('./outbox-worker.js')
  const { buildTestApp } = await import('../test-support/build-test-app.js')
  const { db, app } = await buildTestApp(t)
  const now = Date.now()
  await db('outbox').insert({ merchant_id: 1, topic: 'event', payload: '{}', idempotency_key: 'event-1', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now })
  let started!: () => void
  const first = new Promise<void>((resolve) => { started = resolve })
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  const ran: string[] = []
  const worker = createOutboxWorker({
    db, clock: { now: () => new Date() }, log: app.log, concurrency: 1,
    handlers: {
      event: async () => ({ next: [1, 2].map((i) => ({ merchant_id: 1, topic: 'webhook.delivery' as const, destination: 'one', idempotency_key: `delivery-${i}`, payload: {} })) }),
      'webhook.delivery': async (row) => { ran.push(row.idempotency_key); started(); await held },
    },
  })
  worker.start(10_000)
  await first
  const stopping = worker.stop()
  release()
  await stopping
  t.equal(ran.length, 1, 'only the delivery already started ran')
  const left = await db('outbox').whereNot({ idempotency_key: ran[0] }).andWhere({ topic: 'webhook.delivery' }).first()
  t.match(left, { status: 'pending', attempts: 0, claim_token: null, locked_until: null }, 'the other is pending again, for any instance')
})
