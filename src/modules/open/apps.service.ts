// Open-platform apps (开发平台): keys, secrets shown once, scopes, allowlists, rate limits, and
// the app lookup (briefly cached) behind every signed request.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt, randomString } from '../../shared/crypto.js'
import { iso } from '../../shared/schemas.js'
import { TtlCache } from '../../shared/ttl-cache.js'
import { missingPermission, type Permission } from '../admins/permissions.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import * as repo from './apps.repository.js'
import type { AppRow } from './apps.repository.js'
import type { App, AppWithSecret, CreateApp, UpdateApp } from './apps.schemas.js'
import { allowlistInvalid, appNotFound } from './open.errors.js'

export const ROTATION_OVERLAP_MS = 24 * 3600_000

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

/** Checks an IPv4/IPv6 address or CIDR. */
export function validCidr (s: string): boolean {
  const [addr, prefix] = s.split('/')
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr)
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 32))
  return /^[0-9a-fA-F:]+$/.test(addr) && addr.includes(':') && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 128))
}

/**
 * Apps are looked up on every signed request, so rows are kept APP_CACHE_MS. On this instance
 * an update, a disable or a rotation takes effect at once (the entry is dropped after its
 * transaction commits); another instance may still serve its cached row for up to APP_CACHE_MS
 * after the commit: a disabled app can be accepted there for up to 3 s, and a new secret can be
 * refused there for up to 3 s (the previous one keeps working 24 h, so a caller that switches
 * only after seconds is never refused).
 */
const APP_CACHE_MS = 3_000
const APP_KEY = /^ak_[A-Za-z0-9]{24}$/

export function createAppsService ({ db, clock, masterKey }: { db: Knex; clock: Clock; masterKey: Buffer }) {
  const key = deriveKey(masterKey, 'app-secret')
  const byKey = new TtlCache<string, AppRow | undefined>(10_000, APP_CACHE_MS, () => clock.now().getTime())
  // Bumped by every change to an app: a lookup that was already running when an app changed
  // may have read the old row, and does not put it back into the cache.
  let generation = 0
  const forget = (appKey: string) => { generation++; byKey.delete(appKey) }
  // The secrets of a cached row, decrypted once while the row is cached (a row is one object
  // for as long as it is cached, and a changed app is a new row).
  const plainSecrets = new WeakMap<AppRow, { current: string; previous: string | null }>()
  const seal = (secret: string, appKey: string) => encrypt(key, secret, appKey)
  const open = (enc: string, appKey: string) => decrypt(key, enc, appKey).toString('utf8')

  function toApp (r: AppRow): App {
    const secret = open(r.secret_enc, r.app_key)
    return {
      id: Number(r.id), name: r.name, app_key: r.app_key, scopes: JSON.parse(r.scopes), ip_allowlist: JSON.parse(r.ip_allowlist),
      rate_limit: Number(r.rate_limit), status: r.status, secret_hint: `****${secret.slice(-4)}`,
      previous_secret_expires_at: r.old_secret_expires_at && Number(r.old_secret_expires_at) > clock.now().getTime() ? iso(r.old_secret_expires_at) : null,
      created_at: iso(r.created_at)!, updated_at: iso(r.updated_at)!,
    }
  }
  async function load (merchantId: number, id: number): Promise<AppRow> {
    const row = await repo.findApp(db, merchantId, id)
    if (!row) throw appNotFound()
    return row
  }
  function checkAllowlist (list: string[] | undefined): void {
    if (list?.some((c) => !validCidr(c))) throw allowlistInvalid()
  }

  return {
    /** Secrets that verify a request for this app now: the current one, and the previous one for 24 h after a rotation. */
    secretsOf (row: AppRow, now: Date): string[] {
      let plain = plainSecrets.get(row)
      if (!plain) {
        plain = { current: open(row.secret_enc, row.app_key), previous: row.old_secret_enc ? open(row.old_secret_enc, row.app_key) : null }
        plainSecrets.set(row, plain)
      }
      return plain.previous !== null && Number(row.old_secret_expires_at) > now.getTime() ? [plain.current, plain.previous] : [plain.current]
    },

    async findByKey (appKey: string): Promise<AppRow | undefined> {
      // Keys are ak_ + 24 letters and digits; anything else names no app and costs no lookup.
      if (!APP_KEY.test(appKey)) return undefined
      const hit = byKey.get(appKey)
      if (hit) return hit.value
      const seen = generation
      const row = await repo.findAppByKey(db, appKey)
      if (seen === generation) byKey.set(appKey, row)
      return row
    },

    async list (merchantId: number): Promise<App[]> {
      return (await repo.listApps(db, merchantId)).map(toApp)
    },

    async create (merchantId: number, body: CreateApp, actor: Actor, granter: Permission[]): Promise<AppWithSecret> {
      assertMayHoldSecrets(granter, body.scopes)
      checkAllowlist(body.ip_allowlist)
      const appKey = `ak_${randomString(24)}`
      const secret = `sk_${randomString(40)}`
      const now = clock.now().getTime()
      const id = await db.transaction(async (trx) => {
        const newId = await repo.insertApp(trx, {
          merchant_id: merchantId, name: body.name, app_key: appKey, secret_enc: seal(secret, appKey), scopes: JSON.stringify(body.scopes),
          ip_allowlist: JSON.stringify(body.ip_allowlist ?? []), rate_limit: body.rate_limit ?? 50, status: 'enabled', created_at: now, updated_at: now,
        })
        await insertAudit(trx, merchantId, actor, { action: 'apps.create', target_type: 'app', target_id: appKey, summary: { name: body.name, scopes: body.scopes } }, new Date(now))
        return newId
      })
      return { ...toApp(await load(merchantId, id)), app_secret: secret }
    },

    async update (merchantId: number, id: number, body: UpdateApp, actor: Actor, granter: Permission[]): Promise<App> {
      const row = await load(merchantId, id)
      const held = JSON.parse(row.scopes) as string[]
      if (body.scopes !== undefined) assertMayHoldSecrets(granter, body.scopes.filter((s) => !held.includes(s)))
      if (body.ip_allowlist !== undefined || body.status === 'enabled') assertMayHoldSecrets(granter, [...held, ...(body.scopes ?? [])])
      checkAllowlist(body.ip_allowlist)
      const now = clock.now().getTime()
      const patch: Parameters<typeof repo.updateApp>[2] = { updated_at: now }
      if (body.name !== undefined) patch.name = body.name
      if (body.scopes !== undefined) patch.scopes = JSON.stringify(body.scopes)
      if (body.ip_allowlist !== undefined) patch.ip_allowlist = JSON.stringify(body.ip_allowlist)
      if (body.rate_limit !== undefined) patch.rate_limit = body.rate_limit
      if (body.status !== undefined) patch.status = body.status
      try {
        await db.transaction(async (trx) => {
          await repo.updateApp(trx, id, patch)
          await insertAudit(trx, merchantId, actor, { action: 'apps.update', target_type: 'app', target_id: row.app_key, summary: body }, new Date(now))
        })
      } finally {
        forget(row.app_key)
      }
      return toApp(await load(merchantId, id))
    },

    /** A new secret, shown once; the previous one keeps working for 24 hours. */
    async rotate (merchantId: number, id: number, actor: Actor, granter: Permission[]): Promise<AppWithSecret> {
      const row = await load(merchantId, id)
      assertMayHoldSecrets(granter, JSON.parse(row.scopes) as string[])
      const secret = `sk_${randomString(40)}`
      const now = clock.now().getTime()
      try {
        await db.transaction(async (trx) => {
          await repo.updateApp(trx, id, {
            secret_enc: seal(secret, row.app_key), old_secret_enc: row.secret_enc, old_secret_expires_at: now + ROTATION_OVERLAP_MS, updated_at: now,
          })
          await insertAudit(trx, merchantId, actor, { action: 'apps.rotate_secret', target_type: 'app', target_id: row.app_key }, new Date(now))
        })
      } finally {
        forget(row.app_key)
      }
      return { ...toApp(await load(merchantId, id)), app_secret: secret }
    },
  }
}

export type AppsService = ReturnType<typeof createAppsService>
