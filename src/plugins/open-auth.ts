// Request verification for /open/v1 (spec/open-platform.md). Runs before the body is parsed:
// the raw bytes are collected, the eight checks answer in the spec's order, and only then is
// the JSON parsed. A request that fails a check changes nothing (the nonce is stored only after
// every check has passed). Also: Idempotency-Key replay for POSTs.
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { decrypt, deriveKey, encrypt, safeEqual, sha256Hex } from '../shared/crypto.js'
import { readAtMost } from '../shared/streams.js'
import { invalidJson, payloadTooLarge, validationFailed } from '../shared/errors.js'
import type { AppRow } from '../modules/open/apps.repository.js'
import type { Scope } from '../modules/open/apps.schemas.js'
import type { IdempotencyRow } from '../modules/open/open-auth.repository.js'
import * as errors from '../modules/open/open.errors.js'
import { inCidr } from '../shared/ip.js'
import { reserve, succeeded, type Guard, type Reservation } from '../shared/guards.js'
import { isMysql } from '../shared/db.js'
import type { Knex } from 'knex'
import { sign, splitUrl, stringToSign } from '../modules/open/signature.js'
import type { MerchantRow } from '../modules/merchants/merchants.service.js'

const WINDOW_S = 300
/**
 * A nonce is kept until its request's timestamp has left the window, plus a margin for the
 * clock's second boundaries: a request stamped 300 s ahead stays refusable until 300 s after
 * its stamp, not only until 600 s after it arrived.
 */
const NONCE_MARGIN_MS = 60_000
const BODY_LIMIT = 1024 * 1024
const IDEMPOTENCY_TTL_MS = 24 * 3600_000
const NO_BODY = Buffer.alloc(0)

export interface OpenContext { app: AppRow; merchant: MerchantRow; scopes: Scope[] }

declare module 'fastify' {
  interface FastifyRequest {
    open: OpenContext | null
    rawBody: Buffer | null
    idempotency: { key: string; hash: string; store: boolean } | null
  }
  interface FastifyContextConfig {
    /** The scope an /open/v1 route needs. */
    scope?: Scope
  }
}

/** The verified app and merchant of an /open/v1 request. */
export function openOf (request: FastifyRequest): OpenContext {
  if (!request.open) throw new Error('open route without verification')
  return request.open
}

/**
 * Each app's rate: `rate` requests a second, bursts up to twice that. On MySQL, where several
 * instances share the database, it is counted there — at most 2 × rate in a window of 2 s, in
 * guard_counters by the one atomic statement of the guess limits — so N instances allow the
 * app's rate, not N times it. SQLite serves one instance: a token bucket in memory is exact
 * there and costs no write (a second write per signed request doubled what signing costs in
 * bench:open).
 */
function appRate (rate: number): Guard {
  return { kind: 'app_rate', max: Math.max(1, rate * 2), windowMs: 2000, lockMs: 0 }
}

class TokenBuckets {
  private readonly buckets = new Map<number, { tokens: number; at: number }>()
  take (appId: number, rate: number, nowMs: number): Reservation {
    const b = this.buckets.get(appId) ?? { tokens: rate * 2, at: nowMs }
    b.tokens = Math.min(rate * 2, b.tokens + ((nowMs - b.at) / 1000) * rate)
    b.at = nowMs
    this.buckets.set(appId, b)
    if (b.tokens < 1) return { allowed: false, retryAfterMs: Math.ceil((1 - b.tokens) / rate) * 1000 }
    b.tokens -= 1
    return { allowed: true }
  }

  giveBack (appId: number, rate: number): void {
    const b = this.buckets.get(appId)
    if (b) b.tokens = Math.min(rate * 2, b.tokens + 1)
  }
}

/** Takes one request of the app's rate (see appRate), and gives it back for a request refused after all. */
function rateOf (db: Knex) {
  if (!isMysql(db)) {
    const buckets = new TokenBuckets()
    return {
      take: async (appId: number, rate: number, now: Date) => buckets.take(appId, rate, now.getTime()),
      giveBack: async (appId: number, rate: number) => buckets.giveBack(appId, rate),
    }
  }
  return {
    take: (appId: number, rate: number, now: Date) => reserve(db, appRate(rate), String(appId), now),
    giveBack: (appId: number, rate: number) => succeeded(db, [{ guard: appRate(rate), subject: String(appId), mode: 'refund' }]),
  }
}

function rateRefusal (r: Reservation): Error | null {
  return r.allowed ? null : errors.rateLimited({ headers: { 'retry-after': String(Math.max(1, Math.ceil(r.retryAfterMs / 1000))) } })
}

export async function registerOpenAuth (app: FastifyInstance): Promise<void> {
  // Stored replies can hold card passwords (cards:secrets): encrypted at rest, bound to their app and key.
  const replyKey = deriveKey(app.config.masterKey, 'idempotency-reply')
  const sealReply = (appId: number, key: string, body: string) => encrypt(replyKey, body, `${appId}:${key}`)
  const openReply = (appId: number, key: string, enc: string) => decrypt(replyKey, enc, `${appId}:${key}`).toString('utf8')
  const rate = rateOf(app.db)
  app.decorateRequest('open', null)
  app.decorateRequest('rawBody', null)
  app.decorateRequest('idempotency', null)

  // The body was collected and verified in preParsing; parse the verified bytes.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    if ((body as Buffer).length === 0) return done(null, undefined)
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')))
    } catch {
      done(invalidJson(), undefined)
    }
  })

  app.addHook('preParsing', async (request, _reply, payload) => {
    // Without Content-Length or Transfer-Encoding an HTTP/1 request has no body (RFC 9112 §6.3), and
    // Fastify parses none: nothing to collect, and the stream is handed on untouched.
    const { 'content-length': length, 'transfer-encoding': coding } = request.headers
    if (length === undefined && coding === undefined && request.raw.httpVersionMajor < 2) {
      request.rawBody = NO_BODY
      request.open = await verify(request, NO_BODY)
      return payload
    }
    const raw = await readAtMost(payload, BODY_LIMIT, payloadTooLarge)
    request.rawBody = raw
    request.open = await verify(request, raw)
    return Readable.from(raw.length ? [raw] : [])
  })

  async function verify (request: FastifyRequest, raw: Buffer): Promise<OpenContext> {
    const h = request.headers
    const appKey = h['x-kq-app-key']
    const timestamp = h['x-kq-timestamp']
    const nonce = h['x-kq-nonce']
    const signature = h['x-kq-signature']
    // 1. every signing header, well-formed
    if (typeof appKey !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof signature !== 'string' ||
        !/^[0-9]{1,12}$/.test(timestamp) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) {
      throw errors.signatureMissing()
    }
    // 2. a known, enabled app
    const row = await app.services.apps.findByKey(appKey)
    if (!row) throw errors.appInvalid()
    if (row.status !== 'enabled') throw errors.appDisabled()
    // 3. the time window
    const now = app.clock.now()
    if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > WINDOW_S) throw errors.timestampOutOfWindow()
    // 4. the signature, constant-time, against the current and (during a rotation) the previous secret
    const { path, query } = splitUrl(request.url)
    let toSign: string
    try {
      toSign = stringToSign(request.method, path, query, timestamp, nonce, raw)
    } catch {
      // A query that does not decode (a stray %) cannot have been signed.
      throw errors.signatureInvalid()
    }
    const valid = app.services.apps.secretsOf(row, now).map((secret) => safeEqual(sign(secret, toSign), signature))
    if (!valid.includes(true)) throw errors.signatureInvalid()
    // 5-8. The nonce is used by one insert that the primary key refuses for a replay; no read
    // first. It runs only once checks 6-8 (all in memory) have passed, so a refused request
    // leaves no nonce behind. The rate token is taken before the insert and given back when the
    // insert finds a replay (or fails): a replayed request costs the app no rate. A request refused by 6-8
    // reads the nonce (the refusal's path only) so that a replay still answers nonce_replayed,
    // the checks' order.
    const allow = JSON.parse(row.ip_allowlist) as string[]
    const scopes = JSON.parse(row.scopes) as Scope[]
    const needed = request.routeOptions.config?.scope
    const refusal = allow.length && !allow.some((c) => inCidr(request.ip, c))
      ? errors.ipNotAllowed()
      : needed && !scopes.includes(needed)
        ? errors.scopeMissing()
        : rateRefusal(await rate.take(row.id, Number(row.rate_limit), now))
    if (refusal) {
      if (await app.services.open.nonceUsed(row.id, nonce, now)) throw errors.nonceReplayed()
      throw refusal
    }
    // A concurrent replay loses on the primary key; an expired row that housekeeping has not
    // removed yet is taken over by one conditional update.
    const nonceExpires = Math.max(now.getTime(), (Number(timestamp) + WINDOW_S) * 1000) + NONCE_MARGIN_MS
    let used = false
    try {
      used = await app.services.open.useNonce(row.id, nonce, nonceExpires, now)
    } finally {
      if (!used) await rate.giveBack(row.id, Number(row.rate_limit))
    }
    if (!used) throw errors.nonceReplayed()
    const merchant = await app.services.merchants.findById(row.merchant_id)
    return { app: row, merchant: merchant!, scopes }
  }

  // Idempotency-Key: the first response is kept for 24 hours and replayed for the same body.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key']
    if (request.method !== 'POST' || key === undefined) return
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw validationFailed({ details: [{ path: 'headers/idempotency-key', message: '1-255 个可打印 ASCII 字符' }] })
    }
    const appId = openOf(request).app.id
    const hash = sha256Hex(`${request.method} ${request.url}\n`.concat(request.rawBody?.toString('utf8') ?? ''))
    // The key is reserved by its primary key: of two racing requests, one runs and one replays.
    const r = await app.services.open.reserveIdempotencyKey(appId, key, hash, app.clock.now(), IDEMPOTENCY_TTL_MS)
    if (!r.reserved) return replay(request, r.row, hash, reply)
    request.idempotency = { key, hash, store: true }
  })

  async function replay (request: FastifyRequest, row: IdempotencyRow | undefined, hash: string, reply: FastifyReply) {
    if (!row || row.request_hash !== hash) throw errors.idempotencyKeyReused()
    if (row.status !== 'done') throw errors.requestInProgress()
    const body = await withSecretsAsNow(request, row.response_body ? openReply(row.app_id, row.key, row.response_body) : '')
    return reply.code(Number(row.response_status)).header('idempotent-replayed', 'true').header('content-type', 'application/json; charset=utf-8').send(body)
  }

  /**
   * A stored answer may carry card passwords (an issue made with cards:secrets). Replayed, it is
   * held to the app's scopes now — a scope taken away since takes the passwords out — and, like
   * any answer with passwords, it is audited.
   */
  async function withSecretsAsNow (request: FastifyRequest, body: string): Promise<string> {
    if (!body.includes('"password"')) return body
    let parsed: { issue_no?: string; cards?: Array<{ password?: string }> }
    try { parsed = JSON.parse(body) } catch { return body }
    const cards = (parsed.cards ?? []).filter((c) => c.password !== undefined)
    if (cards.length === 0) return body
    const { app: row, merchant, scopes } = openOf(request)
    if (!scopes.includes('cards:secrets')) {
      for (const c of cards) delete c.password
      return JSON.stringify(parsed)
    }
    await app.services.open.recordSecretsRead(merchant.id, { type: 'app', id: Number(row.id), name: row.app_key, ip: request.ip }, parsed.issue_no ?? null, cards.length, 'idempotent_replay')
    return body
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency
    if (!idem?.store) return payload
    idem.store = false
    const appId = openOf(request).app.id
    await app.services.open.storeIdempotentReply(appId, idem.key, reply.statusCode, sealReply(appId, idem.key, typeof payload === 'string' ? payload : String(payload ?? '')))
    return payload
  })
}
