// The card list, a card's history and the bulk actions (批量激活/反激活/作废/恢复/删除/修改). A bulk
// action works set-based in chunks: each chunk picks the ids of eligible cards and moves them
// (one ledger row per card, one update) in one transaction; nothing is loaded beyond a chunk of
// ids. Which states each action takes is card-rules.ts; the statements are the repository's.
import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { validationFailed } from '../../shared/errors.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findProducts, productSetFor, productsOfSets } from '../catalog/catalog.repository.js'
import { distributorExists, distributorNames } from '../distributors/distributors.repository.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { anyEndpointWants } from '../webhooks/webhooks.repository.js'
import { appNames } from '../open/apps.repository.js'
import { findAdmin } from '../admins/admins.repository.js'
import { findBatchById } from './batches.repository.js'
import { ACTION_RULES, eligibleStatuses, tally, validityGuard } from './card-rules.js'
import * as errors from './cards.errors.js'
import * as repo from './cards.repository.js'
import type { CardRow, CardSelection } from './cards.repository.js'
import type {
  BulkAction, BulkBody, BulkFields, BulkResult, BulkTarget, Card, CardListQuery, StatusCounts,
} from './cards.schemas.js'

const CHUNK = 2000

export interface CardsDeps { db: Knex; clock: Clock }

export function createCardsService ({ db, clock }: CardsDeps) {
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
    return { selection, hidden, eligible: eligibleStatuses(body.action, fields), guard: fields ? validityGuard(fields) : null }
  }

  async function countPlan (merchantId: number, p: Awaited<ReturnType<typeof plan>>, action: BulkAction): Promise<{ matched: number; eligible: number; skipped: Record<string, number> }> {
    const byStatus = await repo.countCardsByStatus(db, merchantId, p.selection, p.hidden)
    const { eligible, skipped } = tally(action, p.eligible, byStatus)
    if (p.guard && eligible > 0) {
      const ok = await repo.countMovable(db, merchantId, p.selection, p.hidden, p.eligible, p.guard)
      if (ok < eligible) skipped.validity_conflict = eligible - ok
      return { matched: byStatus.total, eligible: ok, skipped }
    }
    return { matched: byStatus.total, eligible, skipped }
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
    async list (merchantId: number, q: CardListQuery): Promise<{ items: Card[]; next_cursor: string | null; counts: StatusCounts }> {
      const limit = q.limit ?? 50
      const filter = await repo.resolveCardFilter(db, merchantId, q)
      const hidden = await repo.unreadyBatchIds(db, merchantId)
      const rows = await repo.cardsPage(db, merchantId, filter, hidden, { after: q.cursor ? Number(q.cursor) : undefined, limit })
      // Counts by status for the same filter, whatever state it asks for, so tabs can show them.
      const counts = await repo.countCardsByStatus(db, merchantId, { ...filter, status: undefined, redeemed: undefined }, hidden)
      return {
        items: await toCards(merchantId, rows),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].serial) : null,
        counts,
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
        ref_type: a.ref_type,
        ref_id: a.ref_id,
        detail: a.detail ? JSON.parse(a.detail) as Record<string, unknown> : null,
        ip: a.ip,
        created_at: iso(a.created_at)!,
      }))]
      return { ...card, history }
    },

    /** A bulk action; `dry_run` answers with the same counts and changes nothing. */
    async bulk (merchantId: number, body: BulkBody, actor: Actor): Promise<BulkResult> {
      const p = await plan(merchantId, body)
      const counted = await countPlan(merchantId, p, body.action)
      const dryRun = body.dry_run ?? false
      if (dryRun || counted.eligible === 0) {
        return { action: body.action, dry_run: dryRun, matched: counted.matched, changed: dryRun ? counted.eligible : 0, skipped: counted.skipped }
      }
      const now = clock.now()
      const opId = randomUUID()
      const rule = ACTION_RULES[body.action]
      const setId = body.fields?.product_ids ? await productSetFor(db, merchantId, body.fields.product_ids, now) : null
      const move: repo.SetMoveRule = {
        from: p.eligible, to: rule.to, type: rule.activity, actor, ref: { type: 'bulk', id: opId }, at: now,
        set: editedColumns(body.fields, setId), detail: body.fields ?? null,
      }
      // card.activated / card.voided go to webhooks; written only when an endpoint wants them,
      // so activating a million cards for nobody writes no million events.
      const eventTopic = rule.event && await wantsEvent(merchantId, rule.event) ? rule.event : null
      let changed = 0
      let lastId = 0
      for (;;) {
        const n = await db.transaction(async (trx) => {
          const picked = await repo.pickMovable(trx, merchantId, p.selection, p.hidden, { from: p.eligible, guard: p.guard, afterId: lastId, limit: CHUNK })
          const ids = picked.map((r) => Number(r.id))
          if (ids.length === 0) return -1
          lastId = ids[ids.length - 1]
          if (eventTopic) {
            await enqueue(trx, picked.map((r) => ({
              merchant_id: merchantId, topic: eventTopic, idempotency_key: `${eventTopic}:${opId}:${r.id}`, payload: { card_no: r.card_no },
            })), now)
          }
          return repo.moveCardSet(trx, merchantId, ids, move)
        })
        if (n < 0) break
        changed += n
      }
      await insertAudit(db, merchantId, actor, {
        action: `cards.bulk.${body.action}`, target_type: 'cards', target_id: opId,
        summary: { target: body.target, fields: body.fields ?? null, matched: counted.matched, changed, skipped: counted.skipped },
      }, now)
      return { action: body.action, dry_run: false, matched: counted.matched, changed, skipped: counted.skipped }
    },

    /** One card, through the bulk action; 409 with the reason when the card's state does not allow it. */
    async single (merchantId: number, cardNo: string, action: BulkAction, fields: BulkFields | undefined, actor: Actor): Promise<BulkResult> {
      const r = await service.bulk(merchantId, { action, target: { card_nos: [cardNo] }, fields }, actor)
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
