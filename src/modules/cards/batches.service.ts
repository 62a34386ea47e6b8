// Card batches (创建卡券): validation, number planning, and generation. Small batches are
// generated inside the request's transaction; large ones by a background job that commits
// chunk by chunk, keeps a lease on the batch, and is resumed by any instance after a crash.
// Cards of a batch that is not `ready` are invisible to lists, bulk actions and redemption.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { iso } from '../../shared/schemas.js'
import { validationFailed } from '../../shared/errors.js'
import { localDate } from '../../shared/dates.js'
import { reserveCounter } from '../../shared/counters.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findProducts, productIdsOfSets, productSetFor } from '../catalog/catalog.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { CardCryptoWorker, sealInline } from './card-crypto.js'
import {
  fitsWidth, inPlan, plansOverlap, RandomNumbers, randomSpaceFits, sameLengthRanges, sequentialNumber,
  type NumberPlan, type SequentialPlan,
} from './card-numbers.js'
import { cardPasswordKey, type Sealed, type SealRequest } from './card-secrets.js'
import * as errors from './cards.errors.js'
import * as repo from './cards.repository.js'
import type { CardRow } from './cards.repository.js'
import * as batchesRepo from './batches.repository.js'
import { countsByBatch } from './card-counts.repository.js'
import type { BatchRow } from './batches.repository.js'
import type { Batch, CreateBatchBody, VoucherRestrictionsValue } from './cards.schemas.js'

export interface BatchOptions {
  /** Batches up to this size are generated inside the request. */
  syncLimit?: number
  /** Cards per committed chunk of a background job. */
  chunkSize?: number
  /** Start background jobs right after a large batch is created (off in tests that drive jobs by hand). */
  autoRun?: boolean
}

const LEASE_MS = 60_000

interface Deps {
  db: Knex
  clock: Clock
  masterKey: Buffer
  merchants: MerchantsService
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void }
  options?: BatchOptions
}

export function planOf (batch: BatchRow): NumberPlan {
  if (batch.number_mode === 'random') return { mode: 'random', prefix: batch.prefix, length: batch.number_length, quantity: batch.quantity }
  return { mode: 'sequential', prefix: batch.prefix, first: BigInt(batch.number_first!), width: batch.number_width, quantity: batch.quantity }
}

export function toBatch (row: BatchRow, productIds: number[]): Batch {
  return {
    batch_no: row.batch_no,
    name: row.name,
    source: row.source,
    prefix: row.prefix,
    number_length: Number(row.number_length),
    number_mode: row.number_mode,
    start_number: row.start_number,
    password_length: Number(row.password_length),
    password_charset: row.password_charset,
    quantity: Number(row.quantity),
    product_ids: productIds,
    kind: row.kind ?? 'pickup',
    face_value: row.face_value === null ? null : Number(row.face_value),
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    valid_days: row.valid_days === null || row.valid_days === undefined ? null : Number(row.valid_days),
    restrictions: row.restrictions ? JSON.parse(row.restrictions) as VoucherRestrictionsValue : null,
    remark: row.remark,
    activate: Boolean(Number(row.activate)),
    status: row.status,
    progress: { done: Number(row.generated), total: Number(row.quantity) },
    error_code: row.error_code,
    serial_from: Number(row.serial_from),
    serial_to: Number(row.serial_to),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  }
}

/** The highest number already taken (by a card or a live batch) for this prefix and width. */
async function highestSequential (db: Db, merchantId: number, prefix: string, width: number): Promise<bigint> {
  let max = 0n
  const rows = await repo.cardNosInRange(db, merchantId, { from: prefix + '0'.repeat(width), to: prefix + '9'.repeat(width), length: prefix.length + width }, { limit: 50, highestFirst: true })
  const digits = rows.map((r) => r.slice(prefix.length)).find((s) => /^[0-9]+$/.test(s))
  if (digits) max = BigInt(digits)
  const batches = await batchesRepo.liveSequentialBatches(db, merchantId, prefix, width)
  for (const b of batches) {
    const last = BigInt(b.number_first!) + BigInt(b.quantity) - 1n
    if (last > max) max = last
  }
  return max
}

/** 409 card_number_conflict when any number of the plan is taken by a card or a batch in progress. */
async function checkConflicts (db: Db, merchantId: number, plan: SequentialPlan): Promise<void> {
  for (const range of sameLengthRanges(plan)) {
    const candidates = await repo.cardNosInRange(db, merchantId, range, { limit: 200 })
    if (candidates.some((c) => inPlan(plan, c))) throw errors.cardNumberConflict()
  }
  const live = await batchesRepo.generatingSequentialBatches(db, merchantId, plan.prefix)
  for (const b of live) {
    const other: SequentialPlan = { mode: 'sequential', prefix: plan.prefix, first: BigInt(b.number_first!), width: Number(b.number_width), quantity: Number(b.quantity) }
    if (plansOverlap(plan, other)) throw errors.cardNumberConflict()
  }
}

/** A batch number: B + the merchant's local date + its merchant-wide sequence, at least 4 digits (B202611230001). */
export function batchNoOf (timezone: string, at: Date, seq: number): string {
  return `B${localDate(timezone, at).replaceAll('-', '')}${String(seq).padStart(4, '0')}`
}

/** The next batch number of a merchant (batchNoOf with the next value of its sequence). */
export async function nextBatchNo (trx: Db, merchantId: number, timezone: string, at: Date): Promise<string> {
  return batchNoOf(timezone, at, await reserveCounter(trx, merchantId, 'batch_no', 1))
}

const yuan = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)

/**
 * The rules of a batch's kind. A pickup batch names its products and nothing a voucher has. A
 * stored-value batch has a face value (its balance once activated), no products of its own (its
 * restrictions, checked here, say what it may buy), fixed dates or N days, never both, and is
 * activated when sold (its N days count from then), not at creation. Returns the restrictions
 * to store: lists left empty are dropped, none at all is null.
 */
export async function checkKindOf (db: Db, merchantId: number, kind: 'pickup' | 'stored_value', body: Pick<CreateBatchBody, 'product_ids' | 'face_value' | 'valid_from' | 'valid_to' | 'valid_days' | 'restrictions' | 'activate'>): Promise<VoucherRestrictionsValue | null> {
  if (kind === 'pickup') {
    // As the schema said before stored value: a pickup batch names at least one product.
    if (!body.product_ids?.length) throw validationFailed({ details: [{ path: '/product_ids', message: '请至少选择一项提货商品' }] })
    if (body.valid_days != null || body.restrictions != null) throw errors.kindInvalid({ message: '有效天数和使用限制只用于储值券批次', details: [{ path: body.valid_days != null ? '/valid_days' : '/restrictions', message: '有效天数和使用限制只用于储值券批次' }] })
    return null
  }
  if (!body.face_value || body.face_value <= 0) throw errors.kindInvalid({ message: '储值券批次需要面值（大于 0，单位：分）', details: [{ path: '/face_value', message: '请填写面值（大于 0）' }] })
  if (body.product_ids?.length) throw errors.kindInvalid({ message: '储值券不选提货商品：可购买的商品由使用限制决定', details: [{ path: '/product_ids', message: '储值券不选提货商品，可购买的商品由使用限制决定' }] })
  if (body.activate) throw errors.kindInvalid({ message: '储值券售出后再激活（有效天数自激活次日起计算），创建时不能立即激活', details: [{ path: '/activate', message: '储值券售出后再激活，创建时不能立即激活' }] })
  if (body.valid_days != null && (body.valid_from || body.valid_to)) throw errors.validDaysInvalid({ details: [{ path: '/valid_days', message: '有效天数和固定有效期只能选一种' }] })
  const r = body.restrictions
  if (!r) return null
  const out: VoucherRestrictionsValue = {}
  if (r.product_ids?.length) {
    const found = await findProducts(db, merchantId, r.product_ids)
    if (found.length !== r.product_ids.length) throw errors.restrictionsInvalid({ details: [{ path: '/restrictions/product_ids', message: '限制条件中的商品不存在或不属于本商户' }] })
    out.product_ids = [...r.product_ids].sort((a, b) => a - b)
  }
  for (const key of ['categories', 'suppliers', 'provinces'] as const) {
    const list = [...new Set((r[key] ?? []).map((v) => v.trim()).filter(Boolean))]
    if (list.length) out[key] = list
  }
  return Object.keys(out).length ? out : null
}

export function createBatchesService (deps: Deps) {
  const { db, clock, masterKey, merchants, log } = deps
  const syncLimit = deps.options?.syncLimit ?? 10_000
  const chunkSize = deps.options?.chunkSize ?? 20_000
  const autoRun = deps.options?.autoRun ?? true
  const worker = new CardCryptoWorker()
  const checkKind = (merchantId: number, kind: 'pickup' | 'stored_value', body: CreateBatchBody) => checkKindOf(db, merchantId, kind, body)
  let running: Promise<void> | null = null
  let stopping = false

  async function sealRequest (batch: BatchRow, cardNos: string[]): Promise<SealRequest> {
    return {
      pepper: await merchants.pepper(batch.merchant_id),
      key: cardPasswordKey(masterKey, batch.merchant_id),
      charset: batch.password_charset,
      length: Number(batch.password_length),
      cardNos,
    }
  }

  function cardRows (batch: BatchRow, startIndex: number, cardNos: string[], sealed: Sealed, at: Date): Array<Omit<CardRow, 'id'>> {
    const status = Number(batch.activate) ? 'active' : 'inactive'
    return cardNos.map((cardNo, i) => ({
      merchant_id: batch.merchant_id,
      batch_id: batch.id,
      serial: Number(batch.serial_from) + startIndex + i,
      card_no: cardNo,
      password_hash: sealed.hashes[i],
      password_enc: sealed.encs[i],
      product_set_id: batch.product_set_id,
      face_value: batch.face_value,
      valid_from: batch.valid_from,
      valid_to: batch.valid_to,
      kind: batch.kind ?? 'pickup',
      balance: null,
      valid_days: batch.valid_days ?? null,
      extended_at: null,
      status,
      status_before_void: null,
      distributor_id: null,
      remark: batch.remark,
      redeemed_at: null,
      created_at: at.getTime(),
      updated_at: at.getTime(),
    }))
  }

  /** The card numbers for indexes [start, start + n): sequential by formula, random fresh ones not taken yet. */
  async function numbersFor (dbx: Db, batch: BatchRow, plan: NumberPlan, random: RandomNumbers | null, start: number, n: number): Promise<string[]> {
    if (plan.mode === 'sequential') return Array.from({ length: n }, (_, i) => sequentialNumber(plan, start + i))
    const nos = Array.from({ length: n }, () => random!.next())
    // Replace numbers another batch already holds; repeat until none collide.
    for (let taken = await repo.existingCardNos(dbx, batch.merchant_id, nos); taken.length; taken = await repo.existingCardNos(dbx, batch.merchant_id, nos)) {
      const set = new Set(taken)
      for (let i = 0; i < nos.length; i++) if (set.has(nos[i])) nos[i] = random!.next()
    }
    return nos
  }

  async function loadProductIds (rows: BatchRow[]): Promise<Map<number, number[]>> {
    return productIdsOfSets(db, rows.map((r) => r.product_set_id))
  }

  async function failBatch (batch: BatchRow, code: string): Promise<void> {
    // Never a half batch: the cards already written go, in chunks, then the batch is failed.
    await repo.deleteBatchCards(db, batch.merchant_id, batch.id)
    await batchesRepo.markBatchFailed(db, batch.id, code, clock.now())
    log.info({ batch_no: batch.batch_no, code }, 'cards.batch.failed')
  }

  /** Generates the rest of a claimed batch, chunk by chunk, renewing the lease with each commit. */
  async function generate (batch: BatchRow, maxChunks = Infinity): Promise<void> {
    const plan = planOf(batch)
    const random = plan.mode === 'random' ? new RandomNumbers(plan) : null
    let done = await repo.countBatchCards(db, batch.id)
    const quantity = Number(batch.quantity)
    let chunks = 0

    const prepare = async (start: number) => {
      const n = Math.min(chunkSize, quantity - start)
      const nos = await numbersFor(db, batch, plan, random, start, n)
      return { start, nos, sealed: worker.seal(await sealRequest(batch, nos)) }
    }
    let next = done < quantity ? await prepare(done) : null
    while (next && chunks < maxChunks && !stopping) {
      const current = next
      const sealed = await current.sealed
      // Seal the following chunk on the worker while this one is inserted.
      const following = current.start + current.nos.length < quantity ? prepare(current.start + current.nos.length) : null
      const now = clock.now()
      try {
        await db.transaction(async (trx) => {
          const held = await batchesRepo.renewLease(trx, batch.id, now.getTime(), current.start + current.nos.length, now.getTime() + LEASE_MS)
          if (!held) throw new Error('batch lease lost')
          await repo.insertCards(trx, cardRows(batch, current.start, current.nos, sealed, now))
        })
      } catch (err) {
        await following?.catch(() => undefined)
        if (isUniqueViolation(err)) {
          await failBatch(batch, errors.cardNumberConflict.code)
          return
        }
        throw err
      }
      done = current.start + current.nos.length
      chunks++
      next = following ? await following : null
    }
    if (done >= quantity) {
      await batchesRepo.markBatchReady(db, batch.id, quantity, clock.now())
      log.info({ batch_no: batch.batch_no, quantity }, 'cards.batch.ready')
    }
  }

  /** Claims one batch that needs work (no live lease), or none. */
  async function claim (): Promise<BatchRow | undefined> {
    const now = clock.now().getTime()
    const candidates = await batchesRepo.leaseCandidates(db, now, 5)
    for (const c of candidates) {
      if (await batchesRepo.takeLease(db, c.id, now, now + LEASE_MS)) return { ...c, lease_until: now + LEASE_MS }
    }
    return undefined
  }

  const service = {
    async create (merchantId: number, body: CreateBatchBody, actor: Actor): Promise<Batch> {
      const quantity = body.quantity
      const mode = body.number_mode ?? 'sequential'
      const prefix = body.prefix ?? ''
      const numberLength = body.number_length ?? 8
      if (body.valid_from && body.valid_to && body.valid_from > body.valid_to) throw errors.validityInvalid()
      const kind = body.kind ?? 'pickup'
      const productIds = body.product_ids ?? []
      const restrictions = await checkKind(merchantId, kind, body)
      const products = await findProducts(db, merchantId, productIds)
      if (products.length !== productIds.length) throw errors.productIdsInvalid()
      if (mode === 'random' && !randomSpaceFits(numberLength, quantity)) throw errors.numberSpaceTooSmall()
      const merchant = await merchants.findById(merchantId)
      // Loaded before the transaction: on SQLite the transaction holds the only connection.
      await merchants.pepper(merchantId)
      const now = clock.now()

      const batch = await db.transaction(async (trx) => {
        // The counter row serialises batch creation per merchant, so two overlapping batches
        // created at the same moment see each other: one succeeds whole, the other fails whole.
        const serialFrom = await reserveCounter(trx, merchantId, 'card_serial', quantity)
        const batchNo = await nextBatchNo(trx, merchantId, merchant!.timezone, now)
        let plan: NumberPlan
        if (mode === 'random') {
          plan = { mode, prefix, length: numberLength, quantity }
        } else if (body.start_number !== undefined) {
          plan = { mode, prefix, first: BigInt(body.start_number) + 1n, width: 0, quantity }
        } else {
          plan = { mode, prefix, first: await highestSequential(trx, merchantId, prefix, numberLength) + 1n, width: numberLength, quantity }
          if (!fitsWidth(plan)) throw errors.numberSpaceTooSmall()
        }
        if (plan.mode === 'sequential') await checkConflicts(trx, merchantId, plan)
        const setId = await productSetFor(trx, merchantId, productIds, now)
        const row: Omit<BatchRow, 'id'> = {
          merchant_id: merchantId,
          batch_no: batchNo,
          name: body.name ?? (kind === 'stored_value' ? `储值券 ${yuan(body.face_value!)} 元 ${quantity} 张` : `${products[0].name} ${quantity} 张`),
          source: 'generated',
          prefix,
          number_length: plan.mode === 'sequential' && plan.width === 0 ? 0 : numberLength,
          number_mode: mode,
          start_number: body.start_number ?? null,
          number_first: plan.mode === 'sequential' ? plan.first.toString() : null,
          number_width: plan.mode === 'sequential' ? plan.width : numberLength,
          password_length: body.password_length ?? 10,
          password_charset: body.password_charset ?? 'digits',
          quantity,
          product_set_id: setId,
          face_value: body.face_value ?? null,
          valid_from: body.valid_from ?? null,
          valid_to: body.valid_to ?? null,
          kind,
          valid_days: body.valid_days ?? null,
          restrictions: restrictions ? JSON.stringify(restrictions) : null,
          remark: body.remark ?? null,
          activate: body.activate ?? false,
          status: 'generating',
          generated: 0,
          error_code: null,
          serial_from: serialFrom,
          serial_to: serialFrom + quantity - 1,
          lease_until: quantity <= syncLimit ? now.getTime() + LEASE_MS : null,
          created_by: actor.id,
          created_at: now.getTime(),
          updated_at: now.getTime(),
        }
        const created = { ...row, id: await batchesRepo.insertBatch(trx, row) } as BatchRow
        await insertAudit(trx, merchantId, actor, {
          action: 'card_batches.create', target_type: 'card_batch', target_id: created.batch_no,
          summary: { quantity, kind, product_ids: productIds, face_value: body.face_value ?? null, number_mode: mode, prefix, activate: Boolean(body.activate) },
        }, now)

        if (quantity <= syncLimit) {
          const numbers = await numbersFor(trx, created, plan, plan.mode === 'random' ? new RandomNumbers(plan) : null, 0, quantity)
          const sealed = sealInline(await sealRequest(created, numbers))
          try {
            await repo.insertCards(trx, cardRows(created, 0, numbers, sealed, now))
          } catch (err) {
            if (isUniqueViolation(err)) throw errors.cardNumberConflict()
            throw err
          }
          await batchesRepo.markBatchReady(trx, created.id, quantity, now)
          return { ...created, status: 'ready' as const, generated: quantity, lease_until: null }
        }
        return created
      })
      if (batch.status === 'generating' && autoRun) void service.runPending()
      return toBatch(batch, [...productIds].sort((a, b) => a - b))
    },

    async list (merchantId: number, q: { status?: string; cursor?: string; limit?: number }): Promise<{ items: Batch[]; next_cursor: string | null }> {
      const limit = q.limit ?? 50
      const rows = await batchesRepo.listBatches(db, merchantId, { status: q.status, beforeId: q.cursor ? Number(q.cursor) : undefined, limit })
      const ids = await loadProductIds(rows)
      const counts = await countsByBatch(db, merchantId, rows.map((r) => Number(r.id)))
      return {
        items: rows.map((r) => ({ ...toBatch(r, ids.get(Number(r.product_set_id)) ?? []), counts: counts.get(Number(r.id)) })),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },

    async get (merchantId: number, batchNo: string): Promise<Batch> {
      const row = await batchesRepo.findBatch(db, merchantId, batchNo)
      if (!row) throw errors.batchNotFound()
      const ids = await loadProductIds([row])
      return { ...toBatch(row, ids.get(Number(row.product_set_id)) ?? []), counts: await repo.batchCounts(db, merchantId, row.id) }
    },

    /**
     * Works through every batch that needs generating and has no live lease (new ones, and
     * those whose process died). One run at a time per process. Never rejects: it runs from a
     * timer, and a database that is briefly away must cost a log line and a later retry, not
     * the process (an unhandled rejection ends it).
     */
    async runPending (opts: { maxChunks?: number } = {}): Promise<void> {
      if (running) return running
      running = (async () => {
        try {
          for (let batch = await claim(); batch && !stopping; batch = await claim()) {
            try {
              await generate(batch, opts.maxChunks)
            } catch (err) {
              log.error({ err, batch_no: batch.batch_no }, 'cards.batch.generation_failed')
            }
            if (opts.maxChunks !== undefined) break
          }
        } catch (err) {
          // claim() failed: the lease it may have taken runs out and the next run takes it again.
          log.error({ err }, 'cards.batch.runner_failed')
        } finally {
          running = null
        }
      })()
      return running
    },

    /** Periodic pick-up of interrupted jobs; returns a stop function. */
    startRunner (everyMs = 5_000): () => void {
      const timer = setInterval(() => { void service.runPending() }, everyMs)
      timer.unref()
      void service.runPending()
      return () => clearInterval(timer)
    },

    async close (): Promise<void> {
      stopping = true
      await running?.catch(() => undefined)
      await worker.close()
    },
  }
  return service
}

export type BatchesService = ReturnType<typeof createBatchesService>
