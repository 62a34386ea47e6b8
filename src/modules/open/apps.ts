// Open-platform apps (开发平台): keys, secrets shown once, scopes, allowlists, rate limits.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { Knex } from 'knex'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt, randomString } from '../../shared/crypto.js'
import { appError } from '../../shared/errors.js'
import { TtlCache } from '../../shared/ttl-cache.js'
import { missingPermission, type Permission } from '../admins/permissions.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import { errorResponses, IdParams, iso, Timestamp, NullableTimestamp } from '../../shared/schemas.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'

export const SCOPES = ['products:read', 'cards:issue', 'cards:read', 'cards:secrets', 'redeem', 'orders:read'] as const
export type Scope = typeof SCOPES[number]
export const ROTATION_OVERLAP_MS = 24 * 3600_000

export const appNotFound = appError('app_not_found', 404, '应用不存在')

/**
 * An app with `cards:secrets` reads card passwords through the open API: creating one, granting
 * the scope, taking a new secret of such an app, widening its allowlist or switching it back on
 * is a way to the passwords, so it needs the permission that guards them, not only apps.write.
 */
function assertMayHoldSecrets (granter: Permission[], scopes: readonly string[]): void {
  if (scopes.includes('cards:secrets') && !granter.includes('cards.export_secrets')) {
    throw missingPermission('cards.export_secrets', '授予或使用 cards:secrets（读取卡密）')
  }
}
export const allowlistInvalid = appError('ip_allowlist_invalid', 422, 'IP 白名单格式不正确')

const Cidr = Type.String({ maxLength: 64, description: 'IPv4 or IPv6 address, optionally /prefix' })
export const CreateAppSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  scopes: Type.Array(Type.Union(SCOPES.map((s) => Type.Literal(s))), { uniqueItems: true }),
  ip_allowlist: Type.Optional(Type.Array(Cidr, { maxItems: 100 })),
  rate_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 50, description: 'Requests per second (burst 2×)' })),
}, { additionalProperties: false })
export const UpdateAppSchema = Type.Object({
  name: Type.Optional(CreateAppSchema.properties.name),
  scopes: Type.Optional(CreateAppSchema.properties.scopes),
  ip_allowlist: Type.Optional(Type.Array(Cidr, { maxItems: 100 })),
  rate_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
}, { additionalProperties: false, minProperties: 1 })

export const AppSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  app_key: Type.String(),
  scopes: Type.Array(Type.String()),
  ip_allowlist: Type.Array(Type.String()),
  rate_limit: Type.Integer(),
  status: Type.String(),
  secret_hint: Type.String({ description: 'Last four characters of the secret' }),
  previous_secret_expires_at: NullableTimestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
})
export const AppWithSecretSchema = Type.Composite([AppSchema, Type.Object({ app_secret: Type.String({ description: 'Shown only now' }) })])
type App = Static<typeof AppSchema>

export interface AppRow {
  id: number
  merchant_id: number
  name: string
  app_key: string
  secret_enc: string
  old_secret_enc: string | null
  old_secret_expires_at: number | null
  scopes: string
  ip_allowlist: string
  rate_limit: number
  status: 'enabled' | 'disabled'
  created_at: number
  updated_at: number
}

/** Checks an IPv4/IPv6 address or CIDR. */
export function validCidr (s: string): boolean {
  const [addr, prefix] = s.split('/')
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr)
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 32))
  return /^[0-9a-fA-F:]+$/.test(addr) && addr.includes(':') && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 128))
}

/** Apps are looked up on every signed request: kept briefly; changes here drop the entry at once. */
const APP_CACHE_MS = 3_000
const APP_KEY = /^ak_[A-Za-z0-9]{24}$/

export function createAppsService ({ db, clock, masterKey }: { db: Knex; clock: Clock; masterKey: Buffer }) {
  const key = deriveKey(masterKey, 'app-secret')
  const byKey = new TtlCache<string, AppRow | undefined>(10_000, APP_CACHE_MS)
  const seal = (secret: string, appKey: string) => encrypt(key, secret, appKey)
  const open = (enc: string, appKey: string) => decrypt(key, enc, appKey).toString('utf8')

  function toApp (r: AppRow): App & { secret_hint: string } {
    const secret = open(r.secret_enc, r.app_key)
    return {
      id: Number(r.id), name: r.name, app_key: r.app_key, scopes: JSON.parse(r.scopes), ip_allowlist: JSON.parse(r.ip_allowlist),
      rate_limit: Number(r.rate_limit), status: r.status, secret_hint: `****${secret.slice(-4)}`,
      previous_secret_expires_at: r.old_secret_expires_at && Number(r.old_secret_expires_at) > clock.now().getTime() ? iso(r.old_secret_expires_at) : null,
      created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
    }
  }
  async function load (merchantId: number, id: number): Promise<AppRow> {
    const row = await db<AppRow>('apps').where({ merchant_id: merchantId, id }).first()
    if (!row) throw appNotFound()
    return row
  }
  function checkAllowlist (list: string[] | undefined): void {
    if (list?.some((c) => !validCidr(c))) throw allowlistInvalid()
  }

  return {
    /** Secrets that verify a request for this app now: the current one, and the previous one for 24 h after a rotation. */
    secretsOf (row: AppRow, now: Date): string[] {
      const out = [open(row.secret_enc, row.app_key)]
      if (row.old_secret_enc && Number(row.old_secret_expires_at) > now.getTime()) out.push(open(row.old_secret_enc, row.app_key))
      return out
    },

    async findByKey (appKey: string): Promise<AppRow | undefined> {
      // Keys are ak_ + 24 letters and digits; anything else names no app and costs no lookup.
      if (!APP_KEY.test(appKey)) return undefined
      const hit = byKey.get(appKey)
      if (hit) return hit.value
      const row = await db<AppRow>('apps').where({ app_key: appKey }).first()
      byKey.set(appKey, row)
      return row
    },

    async list (merchantId: number): Promise<App[]> {
      return (await db<AppRow>('apps').where({ merchant_id: merchantId }).orderBy('id')).map(toApp)
    },

    async create (merchantId: number, body: Static<typeof CreateAppSchema>, actor: Actor, granter: Permission[]) {
      assertMayHoldSecrets(granter, body.scopes)
      checkAllowlist(body.ip_allowlist)
      const appKey = `ak_${randomString(24)}`
      const secret = `sk_${randomString(40)}`
      const now = clock.now().getTime()
      const id = await db.transaction(async (trx) => {
        const [newId] = await trx('apps').insert({
          merchant_id: merchantId, name: body.name, app_key: appKey, secret_enc: seal(secret, appKey), scopes: JSON.stringify(body.scopes),
          ip_allowlist: JSON.stringify(body.ip_allowlist ?? []), rate_limit: body.rate_limit ?? 50, status: 'enabled', created_at: now, updated_at: now,
        })
        await insertAudit(trx, merchantId, actor, { action: 'apps.create', target_type: 'app', target_id: appKey, summary: { name: body.name, scopes: body.scopes } }, new Date(now))
        return Number(newId)
      })
      return { ...toApp(await load(merchantId, id)), app_secret: secret }
    },

    async update (merchantId: number, id: number, body: Static<typeof UpdateAppSchema>, actor: Actor, granter: Permission[]): Promise<App> {
      const row = await load(merchantId, id)
      const held = JSON.parse(row.scopes) as string[]
      if (body.scopes !== undefined) assertMayHoldSecrets(granter, body.scopes.filter((s) => !held.includes(s)))
      if (body.ip_allowlist !== undefined || body.status === 'enabled') assertMayHoldSecrets(granter, [...held, ...(body.scopes ?? [])])
      checkAllowlist(body.ip_allowlist)
      const now = clock.now().getTime()
      const patch: Record<string, unknown> = { updated_at: now }
      if (body.name !== undefined) patch.name = body.name
      if (body.scopes !== undefined) patch.scopes = JSON.stringify(body.scopes)
      if (body.ip_allowlist !== undefined) patch.ip_allowlist = JSON.stringify(body.ip_allowlist)
      if (body.rate_limit !== undefined) patch.rate_limit = body.rate_limit
      if (body.status !== undefined) patch.status = body.status
      byKey.delete(row.app_key)
      await db.transaction(async (trx) => {
        await trx('apps').where({ id }).update(patch)
        await insertAudit(trx, merchantId, actor, { action: 'apps.update', target_type: 'app', target_id: row.app_key, summary: body }, new Date(now))
      })
      return toApp(await load(merchantId, id))
    },

    /** A new secret, shown once; the previous one keeps working for 24 hours. */
    async rotate (merchantId: number, id: number, actor: Actor, granter: Permission[]) {
      const row = await load(merchantId, id)
      assertMayHoldSecrets(granter, JSON.parse(row.scopes) as string[])
      const secret = `sk_${randomString(40)}`
      const now = clock.now().getTime()
      byKey.delete(row.app_key)
      await db.transaction(async (trx) => {
        await trx('apps').where({ id }).update({
          secret_enc: seal(secret, row.app_key), old_secret_enc: row.secret_enc, old_secret_expires_at: now + ROTATION_OVERLAP_MS, updated_at: now,
        })
        await insertAudit(trx, merchantId, actor, { action: 'apps.rotate_secret', target_type: 'app', target_id: row.app_key }, new Date(now))
      })
      return { ...toApp(await load(merchantId, id)), app_secret: secret }
    },
  }
}

export type AppsService = ReturnType<typeof createAppsService>

const security = [{ adminBearer: [] }]
const tags = ['apps']

export const appsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const write = app.requirePermission('apps.write')
  app.get('/api/v1/apps', {
    schema: { operationId: 'listApps', tags, security, response: { 200: Type.Object({ items: Type.Array(AppSchema) }), ...errorResponses } },
    onRequest: write,
  }, async (req) => ({ items: await app.services.apps.list(sessionOf(req).merchant.id) }))

  app.post('/api/v1/apps', {
    schema: { operationId: 'createApp', tags, security, body: CreateAppSchema, summary: 'Create an app; the secret is in this answer only', response: { 201: AppWithSecretSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201).header('cache-control', 'no-store')
    return app.services.apps.create(sessionOf(req).merchant.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin))
  })

  app.patch('/api/v1/apps/:id', {
    schema: { operationId: 'updateApp', tags, security, params: IdParams, body: UpdateAppSchema, response: { 200: AppSchema, ...errorResponses } },
    onRequest: write,
  }, async (req) => app.services.apps.update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req), permissionsOf(sessionOf(req).admin)))

  app.post('/api/v1/apps/:id/rotate-secret', {
    schema: { operationId: 'rotateAppSecret', tags, security, params: IdParams, summary: 'New secret (shown once); the old one works 24 hours more', response: { 200: AppWithSecretSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    return app.services.apps.rotate(sessionOf(req).merchant.id, req.params.id, actorOf(req), permissionsOf(sessionOf(req).admin))
  })
}
