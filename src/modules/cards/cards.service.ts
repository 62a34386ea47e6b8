// The card list, a card's history and the bulk actions (批量激活/反激活/作废/恢复/删除/修改). A bulk
// action walks its cards window by window — a range of serials, or a slice of the card numbers
// it names — and moves each window's eligible cards (one ledger row per card, one update, their
// counts) in one transaction, so every window costs the same however large the action. Between
// windows it gives way to other requests (SQLite's driver is synchronous: a loop that never
// yields would hold every request until it ends). Actions on more than INLINE_LIMIT cards run
// in the background as jobs (card_bulk_jobs): answered 202 at once, resumable from their cursor
// after a crash, one at a time per batch. Which states each action takes is card-rules.ts; the
// statements are the repository's.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { validationFailed } from '../../shared/errors.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findProducts, productSetFor, productsOfSets } from '../catalog/catalog.repository.js'
import { distributorExists, distributorNames } from '../distributors/distributors.repository.js'
import { enqueue, type Topic } from '../outbox/outbox.repository.js'
import { anyEndpointWants } from '../webhooks/webhooks.repository.js'
import { appNames } from '../open/apps.repository.js'
import { findAdmin } from '../admins/admins.repository.js'
import { findMerchantById } from '../merchants/merchants.repository.js'
import { addDays, localDate } from '../../shared/dates.js'
import { isMysql, isUniqueViolation } from '../../shared/db.js'
import { findBatchById } from './batches.repository.js'
import * as jobsRepo from './bulk-jobs.repository.js'
import type { BulkJobRow } from './bulk-jobs.repository.js'
import { countsOfBatches, emptyCounts } from './card-counts.repository.js'
import { ACTION_RULES, actionGuard, eligibleStatuses, EXTENSION_DAYS, guardReason, tally, type ValidityGuard } from './card-rules.js'
import * as errors from './cards.errors.js'
import * as repo from './cards.repository.js'
import type { CardRow, CardSelection } from './cards.repository.js'
import {
  CARD_STATUSES, type BulkAction, type BulkBody, type BulkFields, type BulkJob, type BulkResult, type BulkTarget, type Card, type CardList,
  type CardListQuery, type CardStatusValue, type StatusCounts,
} from './cards.schemas.js'

/**
 * Serials (or named card numbers) per window: one transaction each. 5,000 holds SQLite's one
 * writer for about 50 ms a window (other requests wait at most that long) and halves the
 * per-transaction cost of 2,000.
 */
const WINDOW = 5000
/** Bulk actions on at most this many cards are answered in the request; larger ones become jobs. */
const INLINE_LIMIT = 20_000
/** Rare list filters are counted up to this many cards unless exact counts are asked for. */
const COUNT_CAP = 10_000
const LEASE_MS = 60_000

/** What a bulk action resolved to, as a job stores it (everything a window needs). */
interface BulkPlan {
  action: BulkAction
  selection: CardSelection
  hidden: number[]
  eligible: readonly CardStatusValue[]
  guard: ValidityGuard | null
  /** Columns an edit sets, the ledger's detail, the webhook topic announcing each card (if wanted). */
  set: Record<string, unknown>
  detail: Record<string, unknown> | null
  eventTopic: Topic | null
  opId: string
}

export interface CardsOptions {
  /** Start a job right after it is created (off in tests that drive jobs by hand). */
  autoRun?: boolean
  /** Overrides INLINE_LIMIT (tests make small jobs). */
  inlineLimit?: number
  /** Overrides COUNT_CAP (tests). */
  countCap?: number
  /** Overrides WINDOW (tests). */
  window?: number
}

/** A selection only by batch and state: its counts come from card_counts. */
function countedSelection (s: CardSelection): boolean {
  return Object.entries(s).every(([k, v]) => v === undefined || k === 'batch_no' || k === 'batch_id' || k === 'status' || k === 'redeemed')
}

/** Counts narrowed to the selection's state filter (status, or redeemed yes/no). */
function narrowCounts (all: StatusCounts, s: CardSelection): StatusCounts {
  const keep = (st: CardStatusValue) => (!s.status || s.status === st) && (s.redeemed !== 'yes' || st === 'redeemed') && (s.redeemed !== 'no' || st !== 'redeemed')
  const out = emptyCounts()
  for (const st of CARD_STATUSES) if (keep(st)) { out[st] = all[st]; out.total += all[st] }
  return out
}

export interface CardsDeps {
  db: Knex
  clock: Clock
  log: { error: (o: object, m: string) => void }
  options?: CardsOptions
}

const leaseLost = new Error('bulk job lease lost')

export function createCardsService ({ db, clock, log, options }: CardsDeps) {
  const inlineLimit = options?.inlineLimit ?? INLINE_LIMIT
  const countCap = options?.countCap ?? COUNT_CAP
  const windowSize = options?.window ?? WINDOW
  const autoRun = options?.autoRun ?? true
  let running: Promise<void> | null = null
  let stopping = false
  // Between windows. SQLite has one connection: a request runs several statements one after
  // another, and a loop that only yields a turn would take the connection back before each of
  // them (a verify waited 500 ms behind ten windows); 10 ms lets them through, for 2 s on a
  // million cards. MySQL's pool has connections to spare.
  const giveWay = () => sleep(isMysql(db) ? 0 : 10)
  const wantsEvent = (merchantId: number, topic: string) => anyEndpointWants(db, merchantId, topic)

  async function toCards (merchantId: number, rows: CardRow[]): Promise<Card[]> {
    if (rows.length === 0) return []
    const sets = await productsOfSets(db, rows.map((r) => Number(r.product_set_id)))
    const batches = await repo.batchNos(db, [...new Set(rows.map((r) => Number(r.batch_id)))])
    const distIds = [...new Set(rows.map((r) => r.distributor_id).filter((d): d is number => d !== null).map(Number))]
    const dists = await distributorNames(db, merchantId, distIds)
    const appIds = [...new Set(rows.map((r) => r.issued_app_id).filter((a): a is number => a !== null && a !== undefined).map(Number))]
    const apps = await appNames(db, appIds)
    return rows.map((r) => ({
      serial: Number(r.serial),
      card_no: r.card_no,
      batch_no: batches.get(Number(r.batch_id)) ?? '',
      status: r.status,
      kind: r.kind ?? 'pickup',
      balance: r.balance === null || r.balance === undefined ? null : Number(r.balance),
      extended: r.extended_at !== null && r.extended_at !== undefined,
      face_value: r.face_value === null ? null : Number(r.face_value),
      valid_from: r.valid_from,
      valid_to: r.valid_to,
      products: (sets.get(Number(r.product_set_id)) ?? []).map((p) => ({ product_id: p.product_id, name: p.name })),
      distributor: r.distributor_id === null ? null : { id: Number(r.distributor_id), name: dists.get(Number(r.distributor_id)) ?? '' },
      phone: r.phone ?? null,
      sold_via: r.issued_app_id ? { app_id: Number(r.issued_app_id), name: apps.get(Number(r.issued_app_id)) ?? '' } : null,
      remark: r.remark,
      redeemed_at: iso(r.redeemed_at),
      created_at: iso(r.created_at)!,
      updated_at: iso(r.updated_at)!,
    }))
  }

  /** The cards a target names (no eligibility applied yet), with the unfinished batches to leave out. */
  async function targetSelection (merchantId: number, target: BulkTarget): Promise<{ selection: CardSelection; hidden: number[] }> {
    const kinds = [target.filter !== undefined, target.serial_from !== undefined || target.serial_to !== undefined, target.card_nos !== undefined]
    if (kinds.filter(Boolean).length !== 1) {
      throw validationFailed({ message: '请指定一种操作范围：筛选条件、卡序号区间或卡号列表', details: [{ path: '/target', message: '必须且只能指定 filter、serial_from/serial_to 或 card_nos 之一' }] })
    }
    const hidden = await repo.unreadyBatchIds(db, merchantId)
    if (target.filter) return { selection: await repo.resolveCardFilter(db, merchantId, target.filter), hidden }
    if (target.card_nos) return { selection: { card_nos: [...new Set(target.card_nos)] }, hidden }
    if (target.serial_from === undefined || target.serial_to === undefined || target.serial_from > target.serial_to) {
      throw validationFailed({ details: [{ path: '/target/serial_to', message: '卡序号区间需要起止两个序号，且起始不大于结束' }] })
    }
    return { selection: { serial_from: target.serial_from, serial_to: target.serial_to }, hidden }
  }

  async function plan (merchantId: number, body: BulkBody) {
    const fields = body.fields
    if (body.action === 'update' && !fields) throw validationFailed({ details: [{ path: '/fields', message: '修改操作需要指定要修改的字段' }] })
    if (body.action !== 'update' && fields) throw validationFailed({ details: [{ path: '/fields', message: '只有修改操作可以指定字段' }] })
    if (fields?.valid_from && fields.valid_to && fields.valid_from > fields.valid_to) throw errors.validityInvalid()
    if (fields?.product_ids) {
      const found = await findProducts(db, merchantId, fields.product_ids)
      if (found.length !== fields.product_ids.length) throw errors.productIdsInvalid()
    }
    if (fields?.distributor_id && !await distributorExists(db, merchantId, fields.distributor_id)) throw errors.distributorInvalid()
    const { selection, hidden } = await targetSelection(merchantId, body.target)
    // The merchant's day only where a rule needs it (the extension's grace): no lookup for the others.
    const today = body.action === 'extend' ? localDate((await findMerchantById(db, merchantId))!.timezone, clock.now()) : undefined
    return { selection, hidden, eligible: eligibleStatuses(body.action, fields), guard: actionGuard(body.action, fields, today) }
  }

  /** A selection's cards by state: from card_counts when it selects only by batch and state. */
  async function selectionCounts (merchantId: number, selection: CardSelection, hidden: number[]): Promise<StatusCounts> {
    if (!countedSelection(selection)) return repo.countCardsByStatus(db, merchantId, selection, hidden)
    return narrowCounts(await countsOfBatches(db, merchantId, { batchId: selection.batch_id, hidden }), selection)
  }

  async function countPlan (merchantId: number, p: Awaited<ReturnType<typeof plan>>, action: BulkAction): Promise<{ matched: number; eligible: number; skipped: Record<string, number> }> {
    const byStatus = await selectionCounts(merchantId, p.selection, p.hidden)
    const { eligible, skipped } = tally(action, p.eligible, byStatus)
    if (p.guard && eligible > 0) {
      const ok = await repo.countMovable(db, merchantId, p.selection, p.hidden, p.eligible, p.guard)
      const loaded = p.guard.unloaded ? await repo.countLoadedVouchers(db, merchantId, p.selection, p.hidden, p.eligible, p.guard.unloaded) : 0
      if (loaded > 0) skipped.voucher_loaded = loaded
      if (ok + loaded < eligible) skipped[guardReason(p.guard)] = eligible - ok - loaded
      return { matched: byStatus.total, eligible: ok, skipped }
    }
    return { matched: byStatus.total, eligible, skipped }
  }

  /** The serials a walk covers: the selection's own range within its batch's and the merchant's (null: nothing to walk). */
  async function serialSpan (merchantId: number, selection: CardSelection): Promise<{ from: number; to: number } | null> {
    if (selection.batch_id === null) return null
    const bounds = await repo.serialBounds(db, merchantId)
    if (!bounds) return null
    let from = Math.max(bounds.min, selection.serial_from ?? 1)
    let to = Math.min(bounds.max, selection.serial_to ?? Number.MAX_SAFE_INTEGER)
    if (selection.batch_id !== undefined) {
      const batch = await findBatchById(db, merchantId, selection.batch_id)
      if (!batch) return null
      from = Math.max(from, Number(batch.serial_from))
      to = Math.min(to, Number(batch.serial_to))
    }
    return from <= to ? { from, to } : null
  }

  /**
   * One window of a bulk action in one transaction: its cards tallied by state, the eligible
   * ones moved (with their events), and, for a job, its progress recorded under its lease.
   */
  async function runWindow (merchantId: number, p: BulkPlan, window: repo.CardWindow, actor: Actor, at: Date, step?: (trx: Knex.Transaction, done: { matched: number; changed: number; skipped: Record<string, number> }) => Promise<boolean>) {
    return db.transaction(async (trx) => {
      const cards = await repo.windowCards(trx, merchantId, p.selection, p.hidden, window, p.guard)
      const byStatus = emptyCounts()
      for (const c of cards) { byStatus[c.status]++; byStatus.total++ }
      const { skipped } = tally(p.action, p.eligible, byStatus)
      const movable = cards.filter((c) => p.eligible.includes(c.status) && Number(c.keeps) === 1)
      const refused = cards.filter((c) => p.eligible.includes(c.status) && Number(c.keeps) !== 1)
      const loaded = p.guard?.unloaded ? refused.filter((c) => Number(c.loaded) === 1).length : 0
      if (loaded > 0) skipped.voucher_loaded = loaded
      if (refused.length > loaded) skipped[guardReason(p.guard!)] = refused.length - loaded
      const extend = p.action === 'extend'
      if (p.eventTopic && movable.length) {
        await enqueue(trx, movable.map((c) => ({
          merchant_id: merchantId, topic: p.eventTopic!,
          // A voucher is extended once: its event has the one key the single extension uses too.
          idempotency_key: extend ? `voucher.extended:${c.id}` : `${p.eventTopic}:${p.opId}:${c.id}`,
          payload: extend ? { card_no: c.card_no, valid_to_before: c.valid_to, valid_to: addDays(c.valid_to!, EXTENSION_DAYS) } : { card_no: c.card_no },
        })), at)
      }
      const rule = ACTION_RULES[p.action]
      const changed = await repo.moveWindowCards(trx, merchantId, p.selection, p.hidden, window, p.guard, movable, {
        from: p.eligible, to: rule.to, type: rule.activity, actor, ref: { type: 'bulk', id: p.opId }, at, set: p.set, detail: p.detail,
        ...(extend ? { extendDays: EXTENSION_DAYS } : {}),
      })
      const done = { matched: cards.length, changed, skipped }
      if (step && !await step(trx, done)) throw leaseLost
      return done
    })
  }

  /** The windows of a plan after `cursor` (serial windows) or all of them (card numbers). */
  function * windowsOf (p: BulkPlan, span: { from: number; to: number } | null, cursor: number): Generator<repo.CardWindow> {
    if (p.selection.card_nos) {
      for (let i = 0; i < p.selection.card_nos.length; i += windowSize) yield { card_nos: p.selection.card_nos.slice(i, i + windowSize) }
      return
    }
    if (!span) return
    for (let a = Math.max(span.from, cursor + 1); a <= span.to; a += windowSize) yield { serial_from: a, serial_to: Math.min(span.to, a + windowSize - 1) }
  }

  function addSkipped (into: Record<string, number>, more: Record<string, number>): void {
    for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v
  }

  async function auditBulk (merchantId: number, actor: Actor, p: BulkPlan, target: BulkTarget, fields: BulkFields | null, r: { matched: number; changed: number; skipped: Record<string, number> }, at: Date, jobNo?: string) {
    await insertAudit(db, merchantId, actor, {
      action: `cards.bulk.${p.action}`, target_type: 'cards', target_id: p.opId,
      summary: { target, fields, matched: r.matched, changed: r.changed, skipped: r.skipped, ...(jobNo ? { job_no: jobNo } : {}) },
    }, at)
  }

  function toJob (row: BulkJobRow): BulkJob {
    const total = Math.max(0, Number(row.serial_to) - Number(row.serial_from) + 1)
    const done = row.status === 'done' ? total : Math.min(total, Math.max(0, Number(row.cursor) - Number(row.serial_from) + 1))
    return {
      job_no: row.job_no, action: row.action, status: row.status, dry_run: false,
      matched: Number(row.matched), changed: Number(row.changed), skipped: JSON.parse(row.skipped) as Record<string, number>,
      progress: { done, total }, error_code: row.error_code,
      created_at: iso(row.created_at)!, updated_at: iso(row.updated_at)!, finished_at: iso(row.finished_at),
    }
  }

  /** Works a claimed job through to its end, window by window, giving way between windows. */
  async function work (job: BulkJobRow, token: string, maxWindows: number): Promise<void> {
    const p = JSON.parse(job.plan) as BulkPlan
    const actor = JSON.parse(job.actor) as Actor
    const span = { from: Number(job.serial_from), to: Number(job.serial_to) }
    const totals = { matched: Number(job.matched), changed: Number(job.changed), skipped: JSON.parse(job.skipped) as Record<string, number> }
    let windows = 0
    for (const w of windowsOf(p, span, Number(job.cursor))) {
      if (stopping || windows++ >= maxWindows) return
      const at = clock.now()
      const cursor = 'serial_to' in w ? w.serial_to : 0
      await runWindow(job.merchant_id, p, w, actor, at, async (trx, done) => {
        const skipped = { ...totals.skipped }
        addSkipped(skipped, done.skipped)
        const held = await jobsRepo.recordJobStep(trx, job.id, token, {
          cursor, matched: totals.matched + done.matched, changed: totals.changed + done.changed, skipped, now: at.getTime(), until: at.getTime() + LEASE_MS,
        })
        if (held) { totals.matched += done.matched; totals.changed += done.changed; totals.skipped = skipped }
        return held
      })
      await giveWay()
    }
    const at = clock.now()
    if (await jobsRepo.finishJob(db, job.id, token, { status: 'done', at: at.getTime() })) {
      const request = JSON.parse(job.request) as { target: BulkTarget; fields: BulkFields | null }
      await auditBulk(job.merchant_id, actor, p, request.target, request.fields, totals, at, job.job_no)
    }
  }

  /** Starts a job for a large action: one running job per batch (or, across batches, per merchant). */
  async function startJob (merchantId: number, body: BulkBody, p: BulkPlan, span: { from: number; to: number }, actor: Actor, now: Date): Promise<BulkJob> {
    const lockKey = p.selection.batch_id !== undefined && p.selection.batch_id !== null ? `batch:${p.selection.batch_id}` : 'merchant'
    const held = await jobsRepo.runningLockKeys(db, merchantId)
    if (held.includes('merchant') || (lockKey === 'merchant' && held.length > 0)) throw errors.bulkJobRunning()
    const row: Omit<BulkJobRow, 'id'> = {
      merchant_id: merchantId, job_no: p.opId, action: body.action,
      request: JSON.stringify({ target: body.target, fields: body.fields ?? null }), plan: JSON.stringify(p), actor: JSON.stringify(actor),
      lock_key: lockKey, status: 'running', serial_from: span.from, serial_to: span.to, cursor: span.from - 1,
      matched: 0, changed: 0, skipped: '{}', error_code: null, lease_until: null, lease_token: null,
      created_at: now.getTime(), updated_at: now.getTime(), finished_at: null,
    }
    let id: number
    try {
      id = await jobsRepo.insertJob(db, row)
    } catch (err) {
      // Two large actions on the same batch at the same moment: the second one is refused.
      if (isUniqueViolation(err)) throw errors.bulkJobRunning()
      throw err
    }
    if (autoRun) void service.runJobs()
    return toJob({ ...row, id })
  }

  /** Claims one job that needs work (no live lease), or none. */
  async function claimJob (): Promise<{ job: BulkJobRow; token: string } | undefined> {
    const now = clock.now().getTime()
    for (const c of await jobsRepo.jobCandidates(db, now, 5)) {
      const token = randomUUID()
      if (await jobsRepo.takeJobLease(db, c.id, now, now + LEASE_MS, token)) return { job: c, token }
    }
    return undefined
  }

  /** The columns an edit sets on every card it changes. */
  function editedColumns (fields: BulkFields | undefined, setId: number | null): Record<string, unknown> {
    const patch: Record<string, unknown> = {}
    if (setId !== null) patch.product_set_id = setId
    for (const k of ['valid_from', 'valid_to', 'face_value', 'remark', 'distributor_id'] as const) {
      if (fields?.[k] !== undefined) patch[k] = fields[k]
    }
    return patch
  }

  const service = {
    async list (merchantId: number, q: CardListQuery): Promise<CardList> {
      const limit = q.limit ?? 50
      const { cursor: _c, limit: _l, count, ...f } = q
      const filter = await repo.resolveCardFilter(db, merchantId, f)
      const hidden = await repo.unreadyBatchIds(db, merchantId)
      const rows = await repo.cardsPage(db, merchantId, filter, hidden, { after: q.cursor ? Number(q.cursor) : undefined, limit })
      // Counts by status for the same filter, whatever state it asks for, so tabs can show them:
      // kept counts for a batch or all cards; a rare filter counted up to COUNT_CAP unless asked.
      const unstated = { ...filter, status: undefined, redeemed: undefined }
      let counts: StatusCounts
      let capped = false
      if (countedSelection(unstated)) counts = await countsOfBatches(db, merchantId, { batchId: unstated.batch_id, hidden })
      else if (count === 'exact') counts = await repo.countCardsByStatus(db, merchantId, unstated, hidden)
      else {
        counts = await repo.countCardsByStatus(db, merchantId, unstated, hidden, countCap + 1)
        capped = counts.total > countCap
      }
      return {
        items: await toCards(merchantId, rows),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].serial) : null,
        counts,
        counts_capped: capped,
      }
    },

    async get (merchantId: number, cardNo: string) {
      const row = await repo.findUsableCard(db, merchantId, cardNo)
      if (!row) throw errors.cardNotFound()
      const [card] = await toCards(merchantId, [row])
      const batch = (await findBatchById(db, merchantId, Number(row.batch_id)))!
      const creator = batch.created_by ? await findAdmin(db, merchantId, Number(batch.created_by)) : undefined
      const activities = await repo.cardActivities(db, merchantId, Number(row.id))
      // Creating a batch is recorded once, on the batch; the card's history starts from it.
      const history = [{
        type: 'issue', actor_type: creator ? 'admin' : 'system', actor_name: creator?.username ?? 'system',
        from_status: null, to_status: null, ref_type: 'batch', ref_id: batch.batch_no, detail: null, ip: null,
        created_at: iso(batch.created_at)!,
      }, ...activities.map((a) => ({
        type: a.type,
        actor_type: a.actor_type,
        actor_name: a.actor_name,
        from_status: a.from_status,
        to_status: a.to_status,
        amount: a.amount_delta === null ? null : Number(a.amount_delta),
        balance_after: a.balance_after === null ? null : Number(a.balance_after),
        ref_type: a.ref_type,
        ref_id: a.ref_id,
        detail: a.detail ? JSON.parse(a.detail) as Record<string, unknown> : null,
        ip: a.ip,
        created_at: iso(a.created_at)!,
      }))]
      return { ...card, history }
    },

    /**
     * A bulk action; `dry_run` answers with the same counts and changes nothing. Up to
     * INLINE_LIMIT cards it is done when it answers; beyond, it answers with the job doing it.
     */
    async bulk (merchantId: number, body: BulkBody, actor: Actor): Promise<BulkResult | BulkJob> {
      const pl = await plan(merchantId, body)
      const dryRun = body.dry_run ?? false
      if (dryRun) {
        const counted = await countPlan(merchantId, pl, body.action)
        return { action: body.action, dry_run: true, matched: counted.matched, changed: counted.eligible, skipped: counted.skipped }
      }
      const now = clock.now()
      const rule = ACTION_RULES[body.action]
      const setId = body.fields?.product_ids ? await productSetFor(db, merchantId, body.fields.product_ids, now) : null
      // card.activated / card.voided go to webhooks; written only when an endpoint wants them,
      // so activating a million cards for nobody writes no million events.
      const eventTopic = rule.event && await wantsEvent(merchantId, rule.event) ? rule.event : null
      const p: BulkPlan = {
        action: body.action, selection: pl.selection, hidden: pl.hidden, eligible: pl.eligible, guard: pl.guard,
        set: editedColumns(body.fields, setId), detail: body.fields ?? null, eventTopic, opId: randomUUID(),
      }
      const span = pl.selection.card_nos ? null : await serialSpan(merchantId, pl.selection)
      const size = pl.selection.card_nos
        ? pl.selection.card_nos.length
        : span ? Math.min(span.to - span.from + 1, (await countsOfBatches(db, merchantId, { batchId: pl.selection.batch_id, hidden: pl.hidden })).total) : 0
      if (size > inlineLimit && span) return startJob(merchantId, body, p, span, actor, now)

      const totals = { matched: 0, changed: 0, skipped: {} as Record<string, number> }
      for (const w of windowsOf(p, span, 0)) {
        const done = await runWindow(merchantId, p, w, actor, now)
        totals.matched += done.matched
        totals.changed += done.changed
        addSkipped(totals.skipped, done.skipped)
        await giveWay()
      }
      if (totals.changed > 0) await auditBulk(merchantId, actor, p, body.target, body.fields ?? null, totals, now)
      return { action: body.action, dry_run: false, ...totals }
    },

    async job (merchantId: number, jobNo: string): Promise<BulkJob> {
      const row = await jobsRepo.findJob(db, merchantId, jobNo)
      if (!row) throw errors.bulkJobNotFound()
      return toJob(row)
    },

    async jobs (merchantId: number, q: { cursor?: string; limit?: number }): Promise<{ items: BulkJob[]; next_cursor: string | null }> {
      const limit = q.limit ?? 20
      const rows = await jobsRepo.listJobs(db, merchantId, { beforeId: q.cursor ? Number(q.cursor) : undefined, limit })
      return { items: rows.map(toJob), next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null }
    },

    /**
     * Works through every job without a live lease (new ones, and those whose process died).
     * One run at a time per process; never rejects (it runs from a timer).
     */
    async runJobs (opts: { maxWindows?: number } = {}): Promise<void> {
      if (running) return running
      running = (async () => {
        try {
          for (let claimed = await claimJob(); claimed && !stopping; claimed = await claimJob()) {
            try {
              await work(claimed.job, claimed.token, opts.maxWindows ?? Infinity)
            } catch (err) {
              // The lease runs out and the job resumes after its last window, here or elsewhere.
              if (err !== leaseLost) log.error({ err, job_no: claimed.job.job_no }, 'cards.bulk_job.failed')
              break
            }
            if (opts.maxWindows !== undefined) break
          }
        } catch (err) {
          log.error({ err }, 'cards.bulk_job.runner_failed')
        } finally {
          running = null
        }
      })()
      return running
    },

    /** Periodic pick-up of interrupted jobs; returns a stop function. */
    startRunner (everyMs = 5_000): () => void {
      const timer = setInterval(() => { void service.runJobs() }, everyMs)
      timer.unref()
      void service.runJobs()
      return () => clearInterval(timer)
    },

    async close (): Promise<void> {
      stopping = true
      await running?.catch(() => undefined)
    },

    /** One card, through the bulk action; 409 with the reason when the card's state does not allow it. */
    async single (merchantId: number, cardNo: string, action: BulkAction, fields: BulkFields | undefined, actor: Actor): Promise<BulkResult> {
      const r = await service.bulk(merchantId, { action, target: { card_nos: [cardNo] }, fields }, actor) as BulkResult
      if (r.matched === 0) throw errors.cardNotFound()
      if (r.changed === 0) {
        const reason = Object.keys(r.skipped)[0] ?? 'unchanged'
        throw errors.cardStateInvalid({ details: [{ path: '/card_no', message: reason }] })
      }
      return r
    },
  }
  return service
}

export type CardsService = ReturnType<typeof createCardsService>
