// Webhook endpoints, fan-out of domain events to them, delivery over HTTP with an SSRF guard,
// and the delivery log with retry and replay.
import { isIP } from 'node:net'
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt, randomString } from '../../shared/crypto.js'
import { validationFailed } from '../../shared/errors.js'
import { OutboundError, parseRetryAfter, refusedRange, type Outbound, type OutboundResponse } from '../../shared/outbound.js'
import { iso } from '../../shared/schemas.js'
import { SharedReads } from '../../shared/ttl-cache.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import type { OpenService } from '../open/open.service.js'
import { EVENT_TOPICS, OPT_IN_TOPICS, enqueueOne, listRows, requeue, type EventTopic, type ListedRow } from '../outbox/outbox.repository.js'
import { toOpenOrder } from '../orders/orders.repository.js'
import type { Order } from '../orders/orders.schemas.js'
import { HandlerError, type Handler, type OutboxRow } from '../outbox/outbox.types.js'
import { newWebhookSecret, webhookHeaders } from './webhook-signing.js'
import { deliveryNotFound, endpointNotFound, replayRangeInvalid, urlInvalid, urlPrivate } from './webhooks.errors.js'
import * as repo from './webhooks.repository.js'
import type { EndpointRow } from './webhooks.repository.js'
import type { CreateEndpointBody, UpdateEndpointBody } from './webhooks.schemas.js'

const ROTATION_MS = 24 * 3600_000
const MAX_RESPONSE_BYTES = 64 * 1024
const EXCERPT_CHARS = 1024

/**
 * The start of a receiver's answer as the delivery log keeps it. A receiver that echoes the
 * request back (a debugging endpoint often does) must not put our signatures or secrets into a
 * log every admin with webhooks.write reads: each is replaced before the answer is cut.
 */
export function responseExcerpt (body: string, hidden: string[]): string {
  let text = body
  for (const h of hidden) if (h.length >= 8) text = text.split(h).join('[已隐藏]')
  return text.slice(0, EXCERPT_CHARS)
}

/**
 * An endpoint URL as stored. Unless the operator allows private receivers
 * (KAQUAN_ALLOW_PRIVATE_WEBHOOKS), an address that can never be delivered to — localhost or an
 * IP literal outside public unicast, in any spelling URL parsing turns into one — is refused
 * when it is typed, with its reason. A name is judged where it resolves, when each delivery
 * connects (shared/outbound.ts): a name may point elsewhere tomorrow.
 */
export function checkWebhookUrl (raw: string, opts: { allowPrivate: boolean } = { allowPrivate: true }): string {
  let url: URL
  try { url = new URL(raw) } catch { throw urlInvalid() }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw urlInvalid()
  if (url.username || url.password) throw urlInvalid()
  if (!opts.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
    if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && refusedRange(host) !== null)) throw urlPrivate()
  }
  return url.toString()
}

/** `http` is the outbound client with the webhook policy (KAQUAN_ALLOW_PRIVATE_WEBHOOKS), `allowPrivate` that policy. */
interface Deps { db: Knex; clock: Clock; masterKey: Buffer; http: Outbound; allowPrivate: boolean; merchants: MerchantsService; open: OpenService; log: { info: (o: object, m: string) => void } }

export function createWebhooksService ({ db, clock, masterKey, http, allowPrivate, merchants, open, log }: Deps) {
  const key = deriveKey(masterKey, 'webhook-secret')
  const seal = (secret: string, id: string) => encrypt(key, secret, `endpoint:${id}`)
  const unseal = (enc: string, id: number) => decrypt(key, enc, `endpoint:${id}`).toString('utf8')

  function toEndpoint (r: EndpointRow) {
    return {
      id: Number(r.id), url: r.url, description: r.description, event_types: JSON.parse(r.event_types) as string[],
      enabled: Boolean(Number(r.enabled)), disabled_reason: r.disabled_reason,
      secret_hint: `****${unseal(r.secret_enc, r.id).slice(-4)}`,
      created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
    }
  }
  async function load (merchantId: number, id: number): Promise<EndpointRow> {
    const row = await repo.findEndpoint(db, merchantId, id)
    if (!row) throw endpointNotFound()
    return row
  }
  function checkTypes (types: string[] | undefined): void {
    const bad = types?.find((t) => !(EVENT_TOPICS as readonly string[]).includes(t))
    if (bad) throw validationFailed({ details: [{ path: '/event_types', message: `未知事件 ${bad}` }] })
  }

  // Endpoints are read for every delivery; a burst of deliveries shares one read.
  const endpointCache = new Map<number, { row: EndpointRow | undefined; at: number }>()
  async function endpointFor (id: number): Promise<EndpointRow | undefined> {
    const hit = endpointCache.get(id)
    if (hit && Date.now() - hit.at < 2_000) return hit.row
    const row = await repo.findEndpointById(db, id)
    endpointCache.set(id, { row, at: Date.now() })
    return row
  }

  async function deliver (row: OutboxRow, now: Date) {
    const endpoint = await endpointFor(Number(row.destination))
    if (!endpoint || !Number(endpoint.enabled)) throw new HandlerError('endpoint disabled or deleted', false)
    const { body } = JSON.parse(row.payload) as { body: string }
    const secrets = [unseal(endpoint.secret_enc, endpoint.id)]
    if (endpoint.old_secret_enc && Number(endpoint.old_secret_expires_at) > now.getTime()) secrets.push(unseal(endpoint.old_secret_enc, endpoint.id))
    const signed = webhookHeaders(secrets, row.event_id!, Math.floor(now.getTime() / 1000), body)
    const headers = { 'content-type': 'application/json', 'user-agent': 'Kaquan-Webhooks/1.0', ...signed }

    let status: number
    let excerpt: string
    let retryAfter: OutboundResponse['headers'][string]
    try {
      // Nobody needs more than the start of an answer; a huge one is cut off.
      const res = await http.request(endpoint.url, { method: 'POST', body, headers, maxBytes: MAX_RESPONSE_BYTES })
      status = res.status
      retryAfter = res.headers['retry-after']
      const signatures = signed['webhook-signature'].split(' ')
      const hidden = [...secrets, ...secrets.map((x) => x.replace(/^whsec_/, '')), signed['webhook-signature'], ...signatures, ...signatures.map((x) => x.replace(/^v1,/, ''))]
      // Longest first: a signature's base64 part inside the whole header must not be hidden piecemeal.
      excerpt = responseExcerpt(res.body, hidden.sort((a, b) => b.length - a.length))
    } catch (err) {
      const e = err instanceof OutboundError ? err : new OutboundError('network', 'network: ERR_NETWORK', 'ERR_NETWORK')
      // A refused address is recorded as refused, never with the address it resolved to.
      if (e.final) throw new HandlerError(e.message, false, { error: e.message })
      throw new HandlerError(e.message, true, { error: e.reason === 'timeout' ? 'timeout after 15 s' : e.message, status_code: null })
    }
    const report = { status_code: status, response_excerpt: excerpt }
    if (status >= 200 && status < 300) return report
    if (status === 410) {
      // Gone: the receiver asks us to stop. The endpoint is disabled; nothing more is sent.
      endpointCache.delete(endpoint.id)
      throw new HandlerError('410 gone', false, { ...report, error: 'HTTP 410' }, async (trx) => {
        await repo.updateEndpoint(trx, endpoint.id, { enabled: false, disabled_reason: 'gone (HTTP 410)', updated_at: now.getTime() })
      })
    }
    const failed = new HandlerError(`HTTP ${status}`, true, { ...report, error: `HTTP ${status}` })
    // A receiver that is busy (429) or down for a while (503) may say when to come back.
    if (status === 429 || status === 503) failed.retryAfterMs = parseRetryAfter(retryAfter, now.getTime())
    throw failed
  }

  /** The resource as the open API's GET shows it, at the time of the event. */
  async function eventData (row: OutboxRow, topic: EventTopic): Promise<Record<string, unknown>> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>
    const updatedAt = iso(row.created_at)!
    if (payload.order) return toOpenOrder(payload.order as Order)
    if (topic === 'card.redeemed' || topic === 'card.activated' || topic === 'card.voided') {
      const merchant = await merchants.findById(row.merchant_id)
      return await open.card(merchant!, payload.card_no as string)
    }
    if (topic === 'security.guessing') return { ...payload, updated_at: updatedAt }
    return { ...payload, status: topic === 'issue.cancelled' ? 'cancelled' : payload.status ?? 'issued', updated_at: updatedAt }
  }

  /** Does this endpoint take the topic? Empty event_types means every event, except the opt-in ones. */
  function wants (e: EndpointRow, topic: EventTopic): boolean {
    const types = JSON.parse(e.event_types) as string[]
    return types.includes(topic) || (types.length === 0 && !OPT_IN_TOPICS.includes(topic))
  }

  // Events fanned out at the same moment share one read of the merchant's endpoints.
  const reading = new SharedReads<number, EndpointRow[]>()

  /** Fans one event out: one delivery per enabled endpoint that wants it, written as the event completes. */
  const fanOut: Handler = async (row) => {
    const topic = row.topic as EventTopic
    const endpoints = (await reading.get(row.merchant_id, () => repo.enabledEndpoints(db, row.merchant_id))).filter((e) => wants(e, topic))
    if (endpoints.length === 0) return {}
    const data = await eventData(row, topic)
    const eventId = `msg_${randomString(24)}`
    const body = JSON.stringify({ type: topic, timestamp: iso(row.created_at), data })
    // Queued as the event completes, leased to the worker that fanned it out, which sends them at once.
    return {
      next: endpoints.map((e) => ({
        merchant_id: row.merchant_id, topic: 'webhook.delivery' as const, destination: String(e.id), event_type: topic, event_id: eventId,
        idempotency_key: `webhook:${row.id}:${e.id}`, payload: { body },
      })),
    }
  }

  const handlers: Record<string, Handler> = { 'webhook.delivery': deliver }

  function toDelivery (r: ListedRow) {
    return {
      id: Number(r.id), endpoint_id: Number(r.destination), event_type: r.event_type!, webhook_id: r.event_id!,
      status: r.status === 'done' ? 'succeeded' : r.status, attempts: Number(r.attempts),
      next_attempt_at: r.status === 'pending' ? iso(r.next_attempt_at) : null, last_status_code: r.last_status_code ?? null,
      last_error: r.last_error, created_at: iso(r.created_at)!,
      attempt_log: r.attempt_log.map((a) => ({
        attempt: Number(a.attempt), started_at: iso(a.started_at)!, status_code: a.status_code === null ? null : Number(a.status_code),
        latency_ms: Number(a.latency_ms), error: a.error, response_excerpt: a.response_excerpt,
      })),
    }
  }

  return {
    handlers,
    /** An event row's fan-out to the endpoints that want it (the outbox routing calls it for every event). */
    fanOut: fanOut as Handler,

    async list (merchantId: number) {
      return (await repo.listEndpoints(db, merchantId)).map(toEndpoint)
    },

    async create (merchantId: number, body: CreateEndpointBody, actor: Actor) {
      const url = checkWebhookUrl(body.url, { allowPrivate })
      checkTypes(body.event_types)
      const secret = newWebhookSecret()
      const now = clock.now().getTime()
      const id = await db.transaction(async (trx) => {
        // The secret is sealed to the endpoint's id, known only once the row exists.
        const newId = await repo.insertEndpoint(trx, {
          merchant_id: merchantId, url, description: body.description ?? null, secret_enc: 'pending', event_types: JSON.stringify(body.event_types ?? []),
          enabled: body.enabled ?? true, created_at: now, updated_at: now,
        })
        await repo.updateEndpoint(trx, newId, { secret_enc: seal(secret, String(newId)) })
        await insertAudit(trx, merchantId, actor, { action: 'webhooks.create', target_type: 'webhook_endpoint', target_id: newId, summary: { url, event_types: body.event_types ?? [] } }, new Date(now))
        return newId
      })
      // An event fanned out from now on reads the endpoints afresh, not a read begun before this.
      reading.forget(merchantId)
      return { ...toEndpoint(await load(merchantId, id)), secret }
    },

    async update (merchantId: number, id: number, body: UpdateEndpointBody, actor: Actor) {
      await load(merchantId, id)
      const patch: repo.EndpointPatch = { updated_at: clock.now().getTime() }
      if (body.url !== undefined) patch.url = checkWebhookUrl(body.url, { allowPrivate })
      if (body.event_types !== undefined) { checkTypes(body.event_types); patch.event_types = JSON.stringify(body.event_types) }
      if (body.description !== undefined) patch.description = body.description
      if (body.enabled !== undefined) { patch.enabled = body.enabled; if (body.enabled) patch.disabled_reason = null }
      endpointCache.delete(id)
      await db.transaction(async (trx) => {
        await repo.updateEndpoint(trx, id, patch)
        await insertAudit(trx, merchantId, actor, { action: 'webhooks.update', target_type: 'webhook_endpoint', target_id: id, summary: body }, clock.now())
      })
      reading.forget(merchantId)
      return toEndpoint(await load(merchantId, id))
    },

    async remove (merchantId: number, id: number, actor: Actor) {
      await load(merchantId, id)
      endpointCache.delete(id)
      await db.transaction(async (trx) => {
        await repo.deleteEndpoint(trx, id)
        await insertAudit(trx, merchantId, actor, { action: 'webhooks.delete', target_type: 'webhook_endpoint', target_id: id }, clock.now())
      })
      reading.forget(merchantId)
    },

    /** A new secret; for 24 hours every delivery carries both signatures. */
    async rotate (merchantId: number, id: number, actor: Actor) {
      const row = await load(merchantId, id)
      const secret = newWebhookSecret()
      const now = clock.now().getTime()
      endpointCache.delete(id)
      await db.transaction(async (trx) => {
        await repo.updateEndpoint(trx, id, { secret_enc: seal(secret, String(id)), old_secret_enc: row.secret_enc, old_secret_expires_at: now + ROTATION_MS, updated_at: now })
        await insertAudit(trx, merchantId, actor, { action: 'webhooks.rotate_secret', target_type: 'webhook_endpoint', target_id: id }, new Date(now))
      })
      return { ...toEndpoint(await load(merchantId, id)), secret }
    },

    /** Queues a `webhook.test` delivery to this endpoint. */
    async test (merchantId: number, id: number) {
      const endpoint = await load(merchantId, id)
      const now = clock.now()
      const eventId = `msg_${randomString(24)}`
      const body = JSON.stringify({ type: 'webhook.test', timestamp: now.toISOString(), data: { endpoint_id: endpoint.id, message: '这是一条测试消息' } })
      const deliveryId = await enqueueOne(db, { merchant_id: merchantId, topic: 'webhook.delivery', destination: String(endpoint.id), event_type: 'webhook.test', event_id: eventId, idempotency_key: `webhook-test:${eventId}`, payload: { body } }, now)
      return { delivery_id: deliveryId, webhook_id: eventId }
    },

    async deliveries (merchantId: number, q: { status?: string; endpoint_id?: number; event_type?: string; cursor?: string; limit?: number }) {
      const limit = q.limit ?? 50
      const rows = await listRows(db, merchantId, {
        topics: ['webhook.delivery'], status: q.status === 'succeeded' ? 'done' : q.status, destination: q.endpoint_id ? String(q.endpoint_id) : undefined,
        eventType: q.event_type, before: q.cursor ? Number(q.cursor) : undefined, limit,
      })
      return {
        items: rows.map(toDelivery),
        next_cursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
      }
    },

    /** Sends a delivery again now, with a fresh retry schedule. */
    async retry (merchantId: number, id: number, actor: Actor) {
      const now = clock.now().getTime()
      const n = await requeue(db, merchantId, { topic: 'webhook.delivery', id, statuses: ['dead', 'done', 'pending'] }, now)
      if (n !== 1) throw deliveryNotFound()
      await insertAudit(db, merchantId, actor, { action: 'webhooks.retry', target_type: 'delivery', target_id: id }, new Date(now))
      return { requeued: 1 }
    },

    /** Re-queues the endpoint's dead (or all) deliveries created in [since, until). */
    async replay (merchantId: number, id: number, body: { since: string; until?: string; status: 'dead' | 'all' }, actor: Actor) {
      await load(merchantId, id)
      const since = Date.parse(body.since)
      const until = body.until === undefined ? undefined : Date.parse(body.until)
      if (until !== undefined && until <= since) throw replayRangeInvalid({ details: [{ path: '/until', message: '结束时间必须晚于开始时间' }] })
      const now = clock.now().getTime()
      const n = await requeue(db, merchantId, { topic: 'webhook.delivery', destination: String(id), since, until, statuses: body.status === 'dead' ? ['dead'] : ['dead', 'done'] }, now)
      await insertAudit(db, merchantId, actor, { action: 'webhooks.replay', target_type: 'webhook_endpoint', target_id: id, summary: { ...body, requeued: n } }, new Date(now))
      return { requeued: n }
    },
  }
}

export type WebhooksService = ReturnType<typeof createWebhooksService>
