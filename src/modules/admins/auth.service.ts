// Admin login, sessions and captchas. Sessions are JWTs whose session id is checked against
// the database on every request, so logout and disabling an admin take effect at once on
// every instance.
import { randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import svgCaptchaModule from 'svg-captcha'
import type { Clock } from '../../shared/clock.js'
import { deriveKey, hmacKey, hashPassword, randomString, sha256Hex, safeEqual, verifyPassword } from '../../shared/crypto.js'
import type { Db } from '../../shared/db.js'
import { countAttempts, recordAttempt } from '../../shared/attempts.js'
import { tooManyAttempts, unauthorized } from '../../shared/errors.js'
import type { Actor } from '../audit/audit.repository.js'
import { insertAudit } from '../audit/audit.repository.js'
import * as errors from './admins.errors.js'
import * as repo from './admins.repository.js'
import type { SessionContext } from './admins.repository.js'
import { toAdmin } from './admins.mapper.js'
import type { LoginBody } from './admins.schemas.js'

const SESSION_MS = 12 * 3600_000
const CAPTCHA_MS = 5 * 60_000
const LOCK_AFTER = 5
const LOCK_MS = 15 * 60_000
const IP_WINDOW_MS = 10 * 60_000
const IP_MAX_FAILURES = 20
// No look-alikes (0/O, 1/l/I): the code is read by a person.
// The module is callable (text → svg), which its type declarations leave out.
const renderCaptcha = svgCaptchaModule as unknown as (text: string, opts: Record<string, unknown>) => string
const CAPTCHA_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export interface AuthDeps { db: Db; masterKey: Buffer; captcha: boolean; clock: Clock }

export function createAuthService ({ db, masterKey, captcha, clock }: AuthDeps) {
  const sessionKey = hmacKey(deriveKey(masterKey, 'admin-session'))
  let dummyHash: Promise<string> | undefined

  async function checkAddress (ip: string): Promise<void> {
    const since = new Date(clock.now().getTime() - IP_WINDOW_MS)
    if (await countAttempts(db, 'login_ip', ip, since) >= IP_MAX_FAILURES) {
      throw tooManyAttempts({ headers: { 'retry-after': String(IP_WINDOW_MS / 1000) } })
    }
  }

  async function checkCaptcha (body: LoginBody, ip: string): Promise<void> {
    if (!captcha) return
    if (!body.captcha_id || !body.captcha_code) throw errors.captchaRequired()
    const answer = await repo.consumeCaptcha(db, body.captcha_id, clock.now())
    if (answer === undefined || !safeEqual(answer, sha256Hex(body.captcha_code.trim().toUpperCase()))) {
      await recordAttempt(db, 'login_ip', ip, clock.now())
      throw errors.captchaInvalid()
    }
  }

  return {
    async createCaptcha () {
      const text = randomString(4, CAPTCHA_ALPHABET)
      const id = randomBytes(16).toString('hex')
      const expiresAt = new Date(clock.now().getTime() + CAPTCHA_MS)
      await repo.insertCaptcha(db, id, sha256Hex(text), expiresAt)
      const svg = renderCaptcha(text, { noise: 2, width: 120, height: 40, fontSize: 46, background: '#f4f6f8' })
      return { captcha_id: id, svg, expires_at: expiresAt.toISOString() }
    },

    async login (body: LoginBody, ip: string) {
      await checkAddress(ip)
      await checkCaptcha(body, ip)
      const now = clock.now()
      const admin = await repo.findAdminByUsername(db, body.username)
      if (!admin) {
        // Same work as a real check, so an unknown username cannot be told apart by timing.
        dummyHash ??= hashPassword(randomString(16))
        await verifyPassword(body.password, await dummyHash)
        await recordAttempt(db, 'login_ip', ip, now)
        throw errors.loginFailed()
      }
      if (admin.locked_until !== null && Number(admin.locked_until) > now.getTime()) {
        await recordAttempt(db, 'login_ip', ip, now)
        throw errors.accountLocked()
      }
      if (!await verifyPassword(body.password, admin.password_hash)) {
        await recordAttempt(db, 'login_ip', ip, now)
        const failures = await repo.incrementFailedAttempts(db, admin.id)
        if (failures >= LOCK_AFTER) {
          await repo.lockAdmin(db, admin.id, new Date(now.getTime() + LOCK_MS))
          await insertAudit(db, admin.merchant_id, { type: 'system', id: null, name: 'system', ip }, {
            action: 'admins.locked', target_type: 'admin', target_id: admin.id, summary: { username: admin.username },
          }, now)
          throw errors.accountLocked()
        }
        throw errors.loginFailed()
      }
      if (admin.status !== 'active') throw errors.accountDisabled()

      const sessionId = randomBytes(24).toString('base64url')
      const expiresAt = new Date(now.getTime() + SESSION_MS)
      await db.transaction(async (trx) => {
        await repo.insertSession(trx, { id: sessionId, admin_id: admin.id, merchant_id: admin.merchant_id, ip, created_at: now, expires_at: expiresAt })
        await repo.recordLogin(trx, admin.id, now)
      })
      const token = await new SignJWT({ sid: sessionId, mid: admin.merchant_id })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(admin.id))
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .setAudience('kaquan-admin')
        .sign(await sessionKey)
      const fresh = await repo.findAdmin(db, admin.merchant_id, admin.id)
      return { token, expires_at: expiresAt.toISOString(), admin: toAdmin(fresh!) }
    },

    /** The live session behind a bearer token, or 401. */
    async authenticate (token: string | undefined): Promise<SessionContext> {
      if (!token) throw unauthorized()
      let sid: unknown
      try {
        const { payload } = await jwtVerify(token, await sessionKey, {
          audience: 'kaquan-admin', algorithms: ['HS256'], currentDate: clock.now(),
        })
        sid = payload.sid
      } catch {
        throw errors.sessionExpired()
      }
      if (typeof sid !== 'string') throw errors.sessionExpired()
      const ctx = await repo.findLiveSession(db, sid, clock.now())
      if (!ctx || ctx.admin.status !== 'active') throw errors.sessionExpired()
      return ctx
    },

    async logout (sessionId: string): Promise<void> {
      await repo.revokeSession(db, sessionId, clock.now())
    },

    /** Changes one's own password; every other session of that admin ends. */
    async changePassword (ctx: SessionContext, oldPassword: string, newPassword: string, actor: Actor): Promise<void> {
      if (!await verifyPassword(oldPassword, ctx.admin.password_hash)) throw errors.passwordIncorrect()
      const hash = await hashPassword(newPassword)
      const now = clock.now()
      await db.transaction(async (trx) => {
        await repo.updateAdmin(trx, ctx.merchant.id, ctx.admin.id, { password_hash: hash }, now)
        await repo.revokeAdminSessions(trx, ctx.admin.id, now, ctx.session_id)
        await insertAudit(trx, ctx.merchant.id, actor, { action: 'admins.password_changed', target_type: 'admin', target_id: ctx.admin.id }, now)
      })
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
