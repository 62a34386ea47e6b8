// Tenancy: merchants, their peppers, and the first start of an installation.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt, hashPassword, randomString } from '../../shared/crypto.js'
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { TtlCache } from '../../shared/ttl-cache.js'
import { assertStrongPassword } from '../../shared/passwords.js'
import { insertAdmin } from '../admins/admins.repository.js'
import { insertAudit } from '../audit/audit.repository.js'
import { PERMISSION_CODES } from '../admins/permissions.js'

import { merchantCodeTaken, merchantNotFound, timezoneInvalid } from './merchants.errors.js'
import { anyMerchant, findMerchantByCode, findMerchantById, insertMerchant, setMerchantPepper, updateMerchant, type MerchantRow } from './merchants.repository.js'
import type { MerchantProfile, UpdateMerchantBody } from './merchants.schemas.js'
import type { Actor } from '../audit/audit.repository.js'
import { iso } from '../../shared/schemas.js'

export { merchantCodeTaken, merchantNotFound }
export type { MerchantRow }

export const MERCHANT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,31}$/

export interface NewMerchant {
  code: string
  name: string
  timezone?: string
  admin_username: string
  /** When absent a random password is generated and returned once. */
  admin_password?: string
}

/** Merchants change rarely and are read on every customer request: kept for a few seconds. */
const MERCHANT_CACHE_MS = 10_000

export function createMerchantsService ({ db, masterKey, clock }: { db: Db; masterKey: Buffer; clock: Clock }) {
  const pepperKey = deriveKey(masterKey, 'merchant-pepper')
  const peppers = new Map<number, Buffer>()
  // Only merchants that exist are kept: an unknown code in a URL is looked up again (by a unique index).
  const cache = new TtlCache<string, MerchantRow>(10_000, MERCHANT_CACHE_MS)

  async function cached (key: string, load: () => Promise<MerchantRow | undefined>): Promise<MerchantRow | undefined> {
    const hit = cache.get(key)
    if (hit) return hit.value
    const row = await load()
    if (row) cache.set(key, row)
    return row
  }

  return {
    async findByCode (code: string): Promise<MerchantRow | undefined> {
      return cached(`code:${code}`, () => findMerchantByCode(db, code))
    },

    async findById (id: number): Promise<MerchantRow | undefined> {
      return cached(`id:${id}`, () => findMerchantById(db, id))
    },

    /** The profile as the back office shows it. */
    async profile (id: number): Promise<MerchantProfile> {
      const row = await findMerchantById(db, id)
      if (!row) throw merchantNotFound()
      return profileOf(row)
    },

    /**
     * Changes the fields given, audited with their old and new values in the same transaction.
     * The display name is what the pickup page's footer and the staff receipts print; other
     * instances see a change within MERCHANT_CACHE_MS.
     */
    async update (id: number, body: UpdateMerchantBody, actor: Actor): Promise<MerchantProfile> {
      if (body.timezone !== undefined && !isTimeZone(body.timezone)) throw timezoneInvalid({ details: [{ path: '/timezone', message: timezoneInvalid().message }] })
      const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as UpdateMerchantBody
      if (typeof fields.name === 'string') fields.name = fields.name.trim()
      const now = clock.now()
      let code = ''
      await db.transaction(async (trx) => {
        const old = await findMerchantById(trx, id)
        if (!old) throw merchantNotFound()
        code = old.code
        const changed = Object.keys(fields).filter((k) => old[k as keyof UpdateMerchantBody] !== fields[k as keyof UpdateMerchantBody]) as Array<keyof UpdateMerchantBody>
        if (changed.length === 0) return
        await updateMerchant(trx, id, fields, now)
        await insertAudit(trx, id, actor, {
          action: 'merchants.update', target_type: 'merchant', target_id: id,
          summary: Object.fromEntries(changed.map((k) => [k, { from: old[k], to: fields[k] }])),
        }, now)
      })
      cache.delete(`id:${id}`)
      cache.delete(`code:${code}`)
      return this.profile(id)
    },

    /** The merchant's secret for card hashes, decrypted once per process. */
    async pepper (merchantId: number): Promise<Buffer> {
      const cached = peppers.get(merchantId)
      if (cached) return cached
      const row = await findMerchantById(db, merchantId)
      if (!row) throw merchantNotFound()
      const pepper = decrypt(pepperKey, row.pepper_enc, `merchant:${merchantId}`)
      peppers.set(merchantId, pepper)
      return pepper
    },

    /** Creates a merchant and its first admin (the owner, holding every permission). */
    async create (input: NewMerchant): Promise<{ merchant_id: number; admin_id: number; generated_password?: string }> {
      if (!MERCHANT_CODE_PATTERN.test(input.code)) throw new Error('merchant code: 2-32 lower-case letters, digits or "-"')
      if (input.admin_password !== undefined) assertStrongPassword(input.admin_password, [input.admin_username, input.code])
      const password = input.admin_password ?? generateAdminPassword()
      const hash = await hashPassword(password)
      const now = clock.now()
      try {
        return await db.transaction(async (trx) => {
          const merchantId = await insertMerchant(trx, { code: input.code, name: input.name, timezone: input.timezone ?? 'Asia/Shanghai', at: now })
          // The pepper is bound to its merchant id, which only exists after the insert.
          await setMerchantPepper(trx, merchantId, encrypt(pepperKey, randomBytes(32), `merchant:${merchantId}`))
          const adminId = await insertAdmin(trx, {
            merchant_id: merchantId,
            username: input.admin_username,
            name: '管理员',
            phone: null,
            password_hash: hash,
            permissions: [...PERMISSION_CODES],
            is_owner: true,
            at: now,
          })
          await insertAudit(trx, merchantId, { type: 'system', id: null, name: 'system', ip: null }, {
            action: 'merchants.create', target_type: 'merchant', target_id: merchantId,
            summary: { code: input.code, admin_username: input.admin_username },
          }, now)
          return { merchant_id: merchantId, admin_id: adminId, generated_password: input.admin_password ? undefined : password }
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw merchantCodeTaken()
        throw err
      }
    },

    /**
     * First start: creates the default merchant and its admin `admin` when there is no
     * merchant at all. Several instances starting at once race on the unique code; the
     * losers see the conflict and do nothing.
     */
    async ensureDefault (adminPassword: string | undefined): Promise<{ created: boolean; generated_password?: string }> {
      if (await anyMerchant(db)) return { created: false }
      try {
        const r = await this.create({ code: 'default', name: '默认商户', admin_username: 'admin', admin_password: adminPassword })
        return { created: true, generated_password: r.generated_password }
      } catch (err) {
        if ((err as { code?: string }).code === merchantCodeTaken.code) return { created: false }
        throw err
      }
    },
  }
}

function profileOf (row: MerchantRow): MerchantProfile {
  return {
    code: row.code, name: row.name, contact_name: row.contact_name ?? null, contact_phone: row.contact_phone ?? null,
    timezone: row.timezone, updated_at: iso(row.updated_at)!,
  }
}

/** An IANA zone name the runtime knows (Asia/Shanghai, UTC …). */
export function isTimeZone (tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** 16 random letters and digits without look-alikes (about 92 bits): typed once, then changed. */
export function generateAdminPassword (): string {
  return randomString(16, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789')
}

export type MerchantsService = ReturnType<typeof createMerchantsService>
