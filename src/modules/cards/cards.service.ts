// The card list and the bulk actions (批量激活/反激活/作废/恢复/删除/修改). A bulk action works
// set-based in chunks: each chunk selects the ids of eligible cards, writes one ledger row per
// card with INSERT … SELECT and updates them, all in one transaction; nothing is loaded beyond
// a chunk of ids.
import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { affected, isMysql, type Db } from '../../shared/db.js'
import { validationFailed } from '../../shared/errors.js'
import { iso } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { findProducts, productSetFor, productsOfSets } from '../catalog/catalog.repository.js'
import { enqueue } from '../outbox/outbox.repository.js'
import { anyEndpointWants } from '../webhooks/webhooks.repository.js'
import { appNames } from '../open/apps.repository.js'
import { findAdmin } from '../admins/admins.repository.js'
import * as errors from './cards.errors.js'
import * as repo from './cards.repository.js'
import type { CardRow } from './cards.repository.js'
import type {
  BulkAction, BulkBody, BulkFields, BulkResult, BulkTarget, Card, CardFilter, CardListQuery, StatusCounts,
} from './cards.schemas.js'

const CHUNK = 2000

/** Which states each action applies to, and the reason recorded for the others. */
const ELIGIBLE: Record<BulkAction, { from: string[]; skip: (status: string) => string }> = {
  activate: { from: ['inactive'], skip: (s) => (s === 'active' ? 'already_active' : s) },
  deactivate: { from: ['active'], skip: (s) => (s === 'inactive' ? 'already_inactive' : s) },
  // 只有未兑换的卡才能进行作废
  void: { from: ['inactive', 'active'], skip: (s) => (s === 'voided' ? 'already_voided' : s) },
  restore: { from: ['voided'], skip: () => 'not_voided' },
  // 只有标记为已作废的卡才能进行删除
  delete: { from: ['voided'], skip: () => 'not_voided' },
  update: { from: ['inactive', 'active', 'voided', 'redeemed'], skip: (s) => s },
}

const EVENT_OF: Partial<Record<BulkAction, 'card.activated' | 'card.voided'>> = { activate: 'card.activated', void: 'card.voided' }

const ACTIVITY_TYPE: Record<BulkAction, string> = {
  activate: 'activate', deactivate: 'deactivate', void: 'void', restore: 'restore', delete: 'delete', update: 'edit',
}

/** Fields that change what a card redeems: a redeemed card keeps what it was redeemed with. */
const REDEMPTION_FIELDS = ['product_ids', 'valid_from', 'valid_to', 'face_value'] as const

export interface CardsDeps { db: Knex; clock: Clock }

export function createCardsService ({ db, clock }: CardsDeps) {
  const wantsEvent = (merchantId: number, topic: string) => anyEndpointWants(db, merchantId, topic)

  async function resolveFilter (merchantId: number, f: CardFilter): Promise<CardFilter & { batch_id?: number | null }> {
    if (!f.batch_no) return f
    const batch = await repo.findBatch(db, merchantId, f.batch_no)
    return { ...f, batch_id: batch ? Number(batch.id) : null }
  }

  async function toCards (rows: CardRow[]): Promise<Card[]> {
    if (rows.length === 0) return []
    const sets = await productsOfSets(db, rows.map((r) => Number(r.product_set_id)))
    const batchIds = [...new Set(rows.map((r) => Number(r.batch_id)))]
    const batches = new Map((await db('card_batches').whereIn('id', batchIds).select('id', 'batch_no')).map((b) => [Number(b.id), b.batch_no as string]))
    const distIds = [...new Set(rows.map((r) => r.distributor_id).filter((d): d is number => d !== null).map(Number))]
    const dists = new Map(distIds.length ? (await db('distributors').whereIn('id', distIds).select('id', 'name')).map((d) => [Number(d.id), d.name as string]) : [])
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

  /** The cards a target names, as a query (no eligibility applied yet). */
  async function targetQuery (merchantId: number, target: BulkTarget): Promise<(q: Knex.QueryBuilder) => Knex.QueryBuilder> {
    const kinds = [target.filter !== undefined, target.serial_from !== undefined || target.serial_to !== undefined, target.card_nos !== undefined]
    if (kinds.filter(Boolean).length !== 1) {
      throw validationFailed({ message: '请指定一种操作范围：筛选条件、卡序号区间或卡号列表', details: [{ path: '/target', message: '必须且只能指定 filter、serial_from/serial_to 或 card_nos 之一' }] })
    }
    const hidden = await repo.unreadyBatchIds(db, merchantId)
    if (target.filter) {
      const filter = await resolveFilter(merchantId, target.filter)
      return (q) => repo.applyCardFilter(q, merchantId, filter, hidden)
    }
    if (target.card_nos) {
      const nos = [...new Set(target.card_nos)]
      return (q) => repo.applyCardFilter(q, merchantId, {}, hidden).whereIn('card_no', nos)
    }
    if (target.serial_from === undefined || target.serial_to === undefined || target.serial_from > target.serial_to) {
      throw validationFailed({ details: [{ path: '/target/serial_to', message: '卡序号区间需要起止两个序号，且起始不大于结束' }] })
    }
    const { serial_from: from, serial_to: to } = target
    return (q) => repo.applyCardFilter(q, merchantId, { serial_from: from, serial_to: to }, hidden)
  }

  /** Extra per-card conditions of an update: validity must stay from ≤ to. */
  function updateCondition (fields: BulkFields): ((q: Knex.QueryBuilder) => Knex.QueryBuilder) | null {
    const from = fields.valid_from
    const to = fields.valid_to
    if (from && to === undefined) return (q) => q.where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', from))
    if (to && from === undefined) return (q) => q.where((w) => w.whereNull('valid_from').orWhere('valid_from', '<=', to))
    return null
  }

  function eligibleStatuses (action: BulkAction, fields: BulkFields | undefined): string[] {
    if (action === 'update' && fields && REDEMPTION_FIELDS.some((f) => fields[f] !== undefined)) {
      return ['inactive', 'active', 'voided']
    }
    return ELIGIBLE[action].from
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
    if (fields?.distributor_id) {
      const d = await db('distributors').where({ merchant_id: merchantId, id: fields.distributor_id }).first('id')
      if (!d) throw errors.distributorInvalid()
    }
    const target = await targetQuery(merchantId, body.target)
    const eligible = eligibleStatuses(body.action, fields)
    const extra = fields ? updateCondition(fields) : null
    return { target, eligible, extra }
  }

  async function countPlan (p: Awaited<ReturnType<typeof plan>>, action: BulkAction): Promise<{ matched: number; eligible: number; skipped: Record<string, number> }> {
    const byStatus = await repo.countByStatus(p.target(db('cards')))
    const skipped: Record<string, number> = {}
    let eligible = 0
    for (const status of ['inactive', 'active', 'redeemed', 'voided'] as const) {
      const n = byStatus[status]
      if (n === 0) continue
      if (p.eligible.includes(status)) eligible += n
      else {
        const reason = ELIGIBLE[action].skip(status)
        skipped[reason] = (skipped[reason] ?? 0) + n
      }
    }
    if (p.extra && eligible > 0) {
      const ok = Number((await p.extra(p.target(db('cards')).whereIn('status', p.eligible)).count({ n: '*' }).first())?.n ?? 0)
      if (ok < eligible) skipped.validity_conflict = eligible - ok
      eligible = ok
    }
    return { matched: byStatus.total, eligible, skipped }
  }

  function updatePatch (action: BulkAction, fields: BulkFields | undefined, setId: number | null, now: Date, trx: Db): Record<string, unknown> {
    const at = now.getTime()
    switch (action) {
      case 'activate': return { status: 'active', updated_at: at }
      case 'deactivate': return { status: 'inactive', updated_at: at }
      // status_before_void first: MySQL assigns left to right with the new values.
      case 'void': return { status_before_void: trx.ref('status'), status: 'voided', updated_at: at }
      case 'restore': return { status: trx.ref('status_before_void'), status_before_void: null, updated_at: at }
      default: {
        const patch: Record<string, unknown> = { updated_at: at }
        if (setId !== null) patch.product_set_id = setId
        for (const k of ['valid_from', 'valid_to', 'face_value', 'remark', 'distributor_id'] as const) {
          if (fields?.[k] !== undefined) patch[k] = fields[k]
        }
        return patch
      }
    }
  }

  function toStatusSql (action: BulkAction): string | null {
    switch (action) {
      case 'activate': return "'active'"
      case 'deactivate': return "'inactive'"
      case 'void': return "'voided'"
      case 'restore': return 'status_before_void'
      case 'delete': return 'NULL'
      default: return 'status'
    }
  }

  const service = {
    async list (merchantId: number, q: CardListQuery): Promise<{ items: Card[]; next_cursor: string | null; counts: StatusCounts }> {
      const limit = q.limit ?? 50
      const filter = await resolveFilter(merchantId, q)
      const hidden = await repo.unreadyBatchIds(db, merchantId)
      const page = repo.applyCardFilter(db<CardRow>('cards'), merchantId, filter, hidden)
      if (q.cursor) page.andWhere('serial', '>', Number(q.cursor))
      const rows = await page.orderBy('serial').limit(limit) as CardRow[]
      // Counts by status for the same filter, whatever state it asks for, so tabs can show them.
      const counts = await repo.countByStatus(repo.applyCardFilter(db('cards'), merchantId, { ...filter, status: undefined, redeemed: undefined }, hidden))
      return {
        items: await toCards(rows),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].serial) : null,
        counts,
      }
    },

    async get (merchantId: number, cardNo: string) {
      const row = await repo.findCardByNo(db, merchantId, cardNo)
      const hidden = row ? await repo.unreadyBatchIds(db, merchantId) : []
      if (!row || hidden.includes(Number(row.batch_id))) throw errors.cardNotFound()
      const [card] = await toCards([row])
      const batch = await db('card_batches').where({ id: row.batch_id }).first('batch_no', 'created_at', 'created_by')
      const creator = batch.created_by ? await findAdmin(db, merchantId, Number(batch.created_by)) : undefined
      const activities = await db('card_activities').where({ merchant_id: merchantId, card_id: row.id }).orderBy('id')
      // Creating a batch is recorded once, on the batch; the card's history starts from it.
      const history = [{
        type: 'issue', actor_type: creator ? 'admin' : 'system', actor_name: creator?.username ?? 'system',
        from_status: null, to_status: null, ref_type: 'batch', ref_id: batch.batch_no as string, detail: null, ip: null,
        created_at: iso(batch.created_at)!,
      }, ...activities.map((a) => ({
        type: a.type as string,
        actor_type: a.actor_type as string,
        actor_name: a.actor_name as string,
        from_status: a.from_status as string | null,
        to_status: a.to_status as string | null,
        ref_type: a.ref_type as string | null,
        ref_id: a.ref_id as string | null,
        detail: a.detail ? JSON.parse(a.detail) as Record<string, unknown> : null,
        ip: a.ip as string | null,
        created_at: iso(a.created_at)!,
      }))]
      return { ...card, history }
    },

    /** A bulk action; `dry_run` answers with the same counts and changes nothing. */
    async bulk (merchantId: number, body: BulkBody, actor: Actor): Promise<BulkResult> {
      const p = await plan(merchantId, body)
      const counted = await countPlan(p, body.action)
      const dryRun = body.dry_run ?? false
      if (dryRun || counted.eligible === 0) {
        return { action: body.action, dry_run: dryRun, matched: counted.matched, changed: dryRun ? counted.eligible : 0, skipped: counted.skipped }
      }
      const now = clock.now()
      const opId = randomUUID()
      const setId = body.fields?.product_ids ? await productSetFor(db, merchantId, body.fields.product_ids, now) : null
      const detail = body.fields ? JSON.stringify(body.fields) : null
      const toStatus = toStatusSql(body.action)
      // card.activated / card.voided go to webhooks; written only when an endpoint wants them,
      // so activating a million cards for nobody writes no million events.
      const eventTopic = EVENT_OF[body.action] && await wantsEvent(merchantId, EVENT_OF[body.action]!) ? EVENT_OF[body.action]! : null
      let changed = 0
      let lastId = 0
      for (;;) {
        const n = await db.transaction(async (trx) => {
          const select = p.target(trx('cards')).whereIn('status', p.eligible).andWhere('id', '>', lastId)
          if (p.extra) p.extra(select)
          select.orderBy('id').limit(CHUNK)
          // Lock the chunk on MySQL so a redemption cannot slip between ledger and update.
          if (isMysql(trx)) select.forUpdate()
          const picked = await select.select('id', 'card_no') as Array<{ id: number; card_no: string }>
          const ids = picked.map((r) => Number(r.id))
          if (ids.length === 0) return -1
          lastId = ids[ids.length - 1]
          if (eventTopic) {
            await enqueue(trx, picked.map((r) => ({
              merchant_id: merchantId, topic: eventTopic, idempotency_key: `${eventTopic}:${opId}:${r.id}`, payload: { card_no: r.card_no },
            })), now)
          }
          await trx.raw(`INSERT INTO card_activities
              (merchant_id, card_id, card_no, type, actor_type, actor_id, actor_name, from_status, to_status, ref_type, ref_id, detail, ip, created_at)
            SELECT merchant_id, id, card_no, ?, ?, ?, ?, status, ${toStatus}, 'bulk', ?, ?, ?, ?
            FROM cards WHERE id IN (${ids.map(() => '?').join(',')})`,
          [ACTIVITY_TYPE[body.action], actor.type, actor.id, actor.name, opId, detail, actor.ip, now.getTime(), ...ids])
          const q = trx('cards').whereIn('id', ids).whereIn('status', p.eligible)
          return affected(body.action === 'delete' ? await q.delete() : await q.update(updatePatch(body.action, body.fields, setId, now, trx)))
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
