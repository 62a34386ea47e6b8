// Delivery receipts in the message log: a sent text becomes delivered, failed with the
// receipt's code, or unknown after 72 h; batches, the least recently asked first; a failing
// provider does not stop the others; the log's delivery filter.
import t, { type Test } from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { fakeProvider } from '../../integrations/sms/fake.js'
import { redeemFixture } from '../../test-support/redeem-fixture.js'
import { IntegrationError } from '../../integrations/errors.js'
import { RECEIPT_RECHECK_MS, RECEIPT_WINDOW_MS } from './notifications.service.js'
import { createSmsReceipts } from '../../workers/sms-receipts.js'
import { createDb, onOneInstance } from '../../shared/db.js'

const SETTINGS = {
  provider: 'console', sign_name: '鲜果铺', admin_phones: [],
  switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false },
  templates: { order_submitted_customer: { template_id: 'SMS_A', params: {} } },
  card_issued_include_password: false,
  limits: { per_minute: 100, per_day: 1000 },
}

async function setup (t: Test) {
  const clock = fixedClock(new Date('2026-11-23T02:00:00Z'))
  const sms = fakeProvider()
  const f = await redeemFixture(t, { quantity: 1, clock, overrides: { smsProvider: sms } })
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: SETTINGS })).statusCode, 200)
  const text = async (phone: string) => {
    t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: f.auth(f.token), payload: { phone } })).statusCode, 202)
    await f.app.services.worker.drainAll()
  }
  const log = async (query = '') => (await f.app.inject({ method: 'GET', url: `/api/v1/sms-messages${query}`, headers: f.auth(f.token) })).json().items
  return { f, clock, sms, text, log }
}

t.test('a sent text waits (pending), then shows delivered or failed with the receipt\'s code', async (t) => {
  const { f, clock, sms, text, log } = await setup(t)
  await text('13600136000')
  await text('13600136001')
  t.same((await log()).map((m: any) => m.delivery_state), ['pending', 'pending'], 'sent, waiting for the receipt')
  sms.receiptFor['fake-2'] = { state: 'failed', code: 'MK:0001', reason: '运营商回执：MK:0001', at: Date.parse('2026-11-23T02:00:30Z') }
  clock.advance(60_000)
  const round = await f.app.services.notifications.pollReceipts()
  t.match(round, { asked: 2, delivered: 1, failed: 1, unknown: 0, failures: [] })
  t.same(sms.asked[0].map((x) => [x.provider_message_id, x.phone]), [['fake-1', '13600136000'], ['fake-2', '13600136001']], 'asked with the id and the number')
  const [failed, delivered] = await log()
  t.match(delivered, { status: 'sent', delivery_state: 'delivered', delivery_code: 'DELIVERED', delivered_at: '2026-11-23T02:01:00.000Z' })
  t.match(failed, { status: 'sent', delivery_state: 'failed', delivery_code: 'MK:0001', delivery_reason: '运营商回执：MK:0001', delivered_at: '2026-11-23T02:00:30.000Z' })
  t.same((await log('?delivery=failed')).map((m: any) => m.phone), ['136****6001'], 'the log filters by delivery')
  t.same((await log('?delivery=delivered')).map((m: any) => m.phone), ['136****6000'])
  t.same(await log('?delivery=pending'), [])
  const bad = await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages?delivery=lost', headers: f.auth(f.token) })
  t.equal(bad.statusCode, 422, 'an unknown filter is refused')
  t.match(bad.json().details[0].message, '送达状态只能是')

  clock.advance(RECEIPT_RECHECK_MS + 1)
  t.match(await f.app.services.notifications.pollReceipts(), { asked: 0 }, 'a text with its receipt is not asked again')
})

t.test('no receipt within 72 h: unknown; texts not sent have no delivery state', async (t) => {
  const { f, clock, sms, text, log } = await setup(t)
  sms.holdReceipts = true
  await text('13600136000')
  sms.failNext(new IntegrationError('isv.MOBILE_NUMBER_ILLEGAL: 非法手机号', false, 'isv.MOBILE_NUMBER_ILLEGAL'))
  await text('13600136009')
  clock.advance(60_000)
  await f.app.services.notifications.pollReceipts()
  t.same((await log()).map((m: any) => [m.status, m.delivery_state]), [['failed', null], ['sent', 'pending']], 'still waiting; a refused text has no delivery')
  clock.advance(RECEIPT_WINDOW_MS)
  const round = await f.app.services.notifications.pollReceipts()
  t.equal(round.unknown, 1)
  t.equal(round.asked, 0, 'a text past the window is not asked about')
  // (The admin's session has long run out: the rows as stored.)
  t.same((await f.db('sms_messages').orderBy('id')).map((m) => m.delivery_state), ['unknown', null])
})

t.test('batches: the least recently asked first, every text in turn; a failing provider is reported and asked again', async (t) => {
  const { f, clock, sms, text } = await setup(t)
  sms.holdReceipts = true
  for (let i = 0; i < 5; i++) await text(`1360013600${i}`)
  clock.advance(60_000)
  t.equal((await f.app.services.notifications.pollReceipts({ batch: 2 })).asked, 2)
  t.equal((await f.app.services.notifications.pollReceipts({ batch: 2 })).asked, 2, 'the next two, not the same two')
  t.equal((await f.app.services.notifications.pollReceipts({ batch: 2 })).asked, 1)
  t.same(sms.asked.flat().map((x) => x.provider_message_id), ['fake-1', 'fake-2', 'fake-3', 'fake-4', 'fake-5'], 'each asked once within the recheck interval')
  t.equal((await f.app.services.notifications.pollReceipts({ batch: 2 })).asked, 0, 'asked too recently')

  clock.advance(RECEIPT_RECHECK_MS + 1)
  sms.receiptsFail = new IntegrationError('HTTP 503', true)
  const failing = await f.app.services.notifications.pollReceipts()
  t.same(failing.failures.map((x) => x.error), ['HTTP 503'], 'the failure is reported')
  sms.receiptsFail = null
  sms.holdReceipts = false
  clock.advance(RECEIPT_RECHECK_MS + 1)
  t.equal((await f.app.services.notifications.pollReceipts()).delivered, 5, 'and the next round picks them up')
})

t.test('the worker: a database error is logged and the next round resumes', async (t) => {
  const { f, clock, text, log } = await setup(t)
  await text('13600136000')
  const errors: object[] = []
  let broken = true
  const job = createSmsReceipts({
    db: f.db, log: { error: (o) => { errors.push(o) } },
    notifications: { pollReceipts: async (o) => { if (broken) throw new Error('SQLITE_BUSY: database is locked'); return f.app.services.notifications.pollReceipts(o) } },
    everyMs: 10,
  })
  const until = async (ok: () => Promise<boolean> | boolean) => { for (let i = 0; i < 500 && !await ok(); i++) await new Promise((resolve) => setTimeout(resolve, 10)) }
  job.start()
  await until(() => errors.length >= 1)
  t.ok(errors.length >= 1, 'the failure is logged')
  clock.advance(60_000)
  broken = false
  await until(async () => (await f.db('sms_messages').first()).delivery_state === 'delivered')
  await job.stop()
  t.equal((await log())[0].delivery_state, 'delivered', 'the loop went on and applied the receipt')
})

t.test('the worker: one instance at a time (MySQL: a named server lock)', { skip: !process.env.TEST_MYSQL_URL && 'MySQL only: SQLite serves one instance' }, async (t) => {
  const { f } = await setup(t)
  const other = createDb(f.config.database)
  t.teardown(() => other.destroy())
  let rounds = 0
  const job = createSmsReceipts({ db: f.db, log: { error: () => {} }, notifications: { pollReceipts: async () => { rounds++; return { asked: 0, delivered: 0, failed: 0, unknown: 0, failures: [] } } } })
  let release!: () => void
  const held = onOneInstance(other, 'sms-receipts', () => new Promise<void>((resolve) => { release = resolve }))
  while (!release) await new Promise((resolve) => setTimeout(resolve, 10))
  t.equal(await job.runOnce(), null, 'another instance is at it: this one skips the round')
  t.equal(rounds, 0, 'and never asks the providers')
  release()
  t.equal(await held, true)
  t.ok(await job.runOnce())
  t.equal(rounds, 1)
})
