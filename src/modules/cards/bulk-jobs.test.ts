// Large bulk actions run as background jobs; the kept counts (card_counts) always equal the
// cards counted; rare list filters are counted up to a cap.
import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { buildTestApp, type TestApp, type TestAppOptions } from '../../test-support/build-test-app.js'
import { createBatch, createProduct } from '../../test-support/factories.js'
import * as performance from '../../../migrations/20261202000000_performance.js'

async function setup (t: Parameters<typeof buildTestApp>[0], opts: TestAppOptions = {}) {
  const ta = await buildTestApp(t, opts)
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果')
  const batch = await createBatch(ta, token, { prefix: 'J', number_length: 6, quantity: 300, product_ids: [apple] })
  const other = await createBatch(ta, token, { prefix: 'K', number_length: 6, quantity: 50, product_ids: [apple] })
  const api = (method: 'GET' | 'POST', url: string, payload?: object) => ta.app.inject({ method, url, headers: ta.auth(token), payload })
  return { ta, token, batch, other, api }
}

/** The cards counted now, by batch and state, as card_counts should hold them. */
async function counted (ta: TestApp): Promise<Record<string, number>> {
  const rows = await ta.db('cards').select('batch_id', 'status').count({ n: '*' }).groupBy('batch_id', 'status') as Array<{ batch_id: number; status: string; n: number | string }>
  return Object.fromEntries(rows.map((r) => [`${r.batch_id}:${r.status}`, Number(r.n)]))
}

async function kept (ta: TestApp): Promise<Record<string, number>> {
  const rows = await ta.db('card_counts').where('n', '<>', 0).select('batch_id', 'status', 'n') as Array<{ batch_id: number; status: string; n: number | string }>
  return Object.fromEntries(rows.map((r) => [`${r.batch_id}:${r.status}`, Number(r.n)]))
}

async function untilDone (api: (m: 'GET', u: string) => Promise<{ json (): any }>, jobNo: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await api('GET', `/api/v1/card-bulk-jobs/${jobNo}`)).json()
    if (job.status !== 'running') return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('job did not finish')
}

t.test('an action beyond the inline limit answers 202 with a job that does exactly what a dry run counted', async (t) => {
  const { ta, batch, api } = await setup(t, { overrides: { cards: { inlineLimit: 100 } } })
  const target = { filter: { batch_no: batch.batch_no } }
  await api('POST', '/api/v1/cards/bulk', { action: 'activate', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 49 } })
  const dry = (await api('POST', '/api/v1/cards/bulk', { action: 'void', target, dry_run: true })).json()
  t.same(dry, { action: 'void', dry_run: true, matched: 300, changed: 300, skipped: {} })

  const started = await api('POST', '/api/v1/cards/bulk', { action: 'deactivate', target })
  t.equal(started.statusCode, 202)
  t.equal(started.json().status, 'running')
  t.same(started.json().progress, { done: 0, total: 300 })
  const done = await untilDone(api, started.json().job_no)
  t.match(done, { status: 'done', action: 'deactivate', matched: 300, changed: 50, skipped: { already_inactive: 250 }, progress: { done: 300, total: 300 }, error_code: null })
  t.ok(done.finished_at)
  const ledger = await ta.db('card_activities').where({ ref_type: 'bulk', ref_id: done.job_no })
  t.equal(ledger.length, 50, 'one ledger row per card changed')
  const audit = await ta.db('audit_logs').where({ action: 'cards.bulk.deactivate' })
  t.equal(audit.length, 1)
  t.match(JSON.parse(audit[0].summary), { matched: 300, changed: 50, job_no: done.job_no })
  const list = (await api('GET', '/api/v1/card-bulk-jobs')).json()
  t.same(list.items.map((j: { job_no: string }) => j.job_no), [done.job_no])
  t.same(await kept(ta), await counted(ta), 'kept counts equal the cards')

  const missing = await api('GET', '/api/v1/card-bulk-jobs/nope')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().code, 'bulk_job_not_found')
})

t.test('one job per batch at a time; a job cut off resumes after its last window, each card moved once', async (t) => {
  const clock = fixedClock('2026-12-01T02:00:00Z')
  const { ta, batch, other, api } = await setup(t, { clock, overrides: { cards: { inlineLimit: 100, autoRun: false } } })
  const target = { filter: { batch_no: batch.batch_no } }
  const first = await api('POST', '/api/v1/cards/bulk', { action: 'activate', target })
  t.equal(first.statusCode, 202)
  const second = await api('POST', '/api/v1/cards/bulk', { action: 'void', target })
  t.equal(second.statusCode, 409)
  t.equal(second.json().code, 'bulk_job_running')
  t.match(second.json().message, /正在进行/)
  const acrossBatches = await api('POST', '/api/v1/cards/bulk', { action: 'void', target: { serial_from: 1, serial_to: 100_000 } })
  t.equal(acrossBatches.statusCode, 409, 'a job across batches waits for the batch job')
  const small = await api('POST', '/api/v1/cards/bulk', { action: 'activate', target: { filter: { batch_no: other.batch_no } } })
  t.equal(small.statusCode, 200, 'an action small enough to answer inline is not held up')

  // The runner takes the job and stops before its first window, as a process that dies would.
  await ta.app.services.cards.runJobs({ maxWindows: 0 })
  let job = (await api('GET', `/api/v1/card-bulk-jobs/${first.json().job_no}`)).json()
  t.equal(job.changed, 0, 'nothing done before the first window')
  const lease = await ta.db('card_bulk_jobs').where({ job_no: job.job_no }).first()
  t.ok(lease.lease_until, 'the job is leased to the runner that stopped')
  await ta.app.services.cards.runJobs()
  job = (await api('GET', `/api/v1/card-bulk-jobs/${job.job_no}`)).json()
  t.equal(job.status, 'running', 'a live lease is left alone')
  clock.advance(61_000)
  await ta.app.services.cards.runJobs()
  job = (await api('GET', `/api/v1/card-bulk-jobs/${job.job_no}`)).json()
  t.match(job, { status: 'done', matched: 300, changed: 300, skipped: {} })
  const perCard = await ta.db('card_activities').where({ ref_type: 'bulk', ref_id: job.job_no }).select('card_id').count({ n: '*' }).groupBy('card_id') as Array<{ n: number | string }>
  t.equal(perCard.length, 300)
  t.ok(perCard.every((r) => Number(r.n) === 1), 'each card moved once')
  const now = await api('POST', '/api/v1/cards/bulk', { action: 'void', target })
  t.equal(now.statusCode, 202, 'the batch is free again once the job ended')
  await ta.app.services.cards.runJobs()
  t.same(await kept(ta), await counted(ta))
})

t.test('a job resumes exactly from its cursor when windows are small', async (t) => {
  const clock = fixedClock('2026-12-01T02:00:00Z')
  const ta = await buildTestApp(t, { clock, overrides: { cards: { inlineLimit: 10, autoRun: false, window: 2000 } } })
  const token = await ta.login()
  const apple = await createProduct(ta, token, '苹果')
  // 4,500 cards: three windows of 2,000 serials.
  const batch = await createBatch(ta, token, { prefix: 'W', number_length: 6, quantity: 4500, product_ids: [apple] })
  const started = await ta.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: ta.auth(token), payload: { action: 'activate', target: { filter: { batch_no: batch.batch_no } } } })
  t.equal(started.statusCode, 202)
  await ta.app.services.cards.runJobs({ maxWindows: 1 })
  let row = await ta.db('card_bulk_jobs').where({ job_no: started.json().job_no }).first()
  t.equal(Number(row.cursor), batch.serial_from + 1999, 'the cursor is the last serial of the window committed')
  t.equal(Number(row.changed), 2000)
  t.equal(Number((await ta.db('cards').where({ status: 'active' }).count({ n: '*' }).first())!.n), 2000, 'the window committed with its progress')
  clock.advance(61_000)
  await ta.app.services.cards.runJobs()
  row = await ta.db('card_bulk_jobs').where({ job_no: started.json().job_no }).first()
  t.equal(row.status, 'done')
  t.equal(Number(row.changed), 4500)
  t.equal(row.lock_key, null)
  const batchView = await ta.app.inject({ method: 'GET', url: `/api/v1/card-batches/${batch.batch_no}`, headers: ta.auth(token) })
  t.same(batchView.json().counts, { inactive: 0, active: 4500, redeemed: 0, voided: 0, total: 4500 })
})

t.test('kept counts follow every change: bulk actions, deletes and a failed batch', async (t) => {
  const { ta, batch, other, api } = await setup(t)
  t.same(await kept(ta), await counted(ta), 'new cards are counted')
  await api('POST', '/api/v1/cards/bulk', { action: 'activate', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 99 } })
  await api('POST', '/api/v1/cards/bulk', { action: 'void', target: { serial_from: batch.serial_from + 50, serial_to: batch.serial_from + 199 } })
  await api('POST', '/api/v1/cards/bulk', { action: 'restore', target: { serial_from: batch.serial_from + 90, serial_to: batch.serial_from + 120 } })
  await api('POST', '/api/v1/cards/bulk', { action: 'delete', target: { filter: { batch_no: batch.batch_no, status: 'voided' } } })
  await api('POST', '/api/v1/cards/bulk', { action: 'update', target: { filter: { batch_no: other.batch_no } }, fields: { remark: '备注' } })
  t.same(await kept(ta), await counted(ta), 'after activate, void, restore, delete and edit')

  const view = (await api('GET', `/api/v1/card-batches/${batch.batch_no}`)).json()
  const cards = (await api('GET', `/api/v1/cards?batch_no=${batch.batch_no}&status=active&limit=5`)).json()
  t.same(cards.counts, view.counts, 'the list of a batch counts what the batch view counts')
  t.equal(cards.counts_capped, false)
  t.equal(view.counts.total, 300 - 119)
  const all = (await api('GET', '/api/v1/cards?limit=1')).json()
  t.equal(all.counts.total, 300 - 119 + 50)
})

t.test('a rare filter is counted up to the cap unless exact counts are asked for', async (t) => {
  const { batch, api } = await setup(t, { overrides: { cards: { countCap: 40 } } })
  const capped = (await api('GET', `/api/v1/cards?card_no_prefix=J&limit=5`)).json()
  t.equal(capped.counts_capped, true)
  t.equal(capped.counts.total, 41, 'cap + 1 cards counted, no more')
  t.equal(capped.items.length, 5)
  const exact = (await api('GET', `/api/v1/cards?card_no_prefix=J&limit=5&count=exact`)).json()
  t.equal(exact.counts_capped, false)
  t.same(exact.counts, { inactive: 300, active: 0, redeemed: 0, voided: 0, total: 300 })
  const few = (await api('GET', `/api/v1/cards?serial_from=${batch.serial_from}&serial_to=${batch.serial_from + 9}`)).json()
  t.equal(few.counts_capped, false)
  t.equal(few.counts.total, 10)
  const bad = await api('GET', '/api/v1/cards?count=all')
  t.equal(bad.statusCode, 422)
})

t.test('the migration that brings card_counts counts the cards already there, and can run again', async (t) => {
  const { ta, batch, api } = await setup(t)
  await api('POST', '/api/v1/cards/bulk', { action: 'activate', target: { serial_from: batch.serial_from, serial_to: batch.serial_from + 9 } })
  await ta.db('card_counts').delete()
  await performance.up(ta.db)
  t.same(await kept(ta), await counted(ta), 'rebuilt from the cards')
  await performance.up(ta.db)
  t.same(await kept(ta), await counted(ta), 'a second run changes nothing')
  t.ok(await ta.db.schema.hasTable('card_bulk_jobs'))
})
