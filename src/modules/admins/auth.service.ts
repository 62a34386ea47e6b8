// Admin login, sessions and captchas. Sessions are JWTs whose session id is checked against
// the database on every request, so logout and disabling an admin take effect at once on
// every instance. The captcha is an ALTCHA proof-of-work challenge: the browser spends about
// a second of CPU per login attempt, which a person does not notice and a guessing script
// pays for every try; there is nothing to read, so it is as usable without sight.
import { randomBytes } from 'node:crypto'
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib'
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2'
import { SignJWT, jwtVerify } from 'jose'
import type { Clock } from '../../shared/clock.js'
import { deriveKey, hmacKey, hashPassword, randomString, verifyPassword } from '../../shared/crypto.js'
import type { Db } from '../../shared/db.js'
import { addressKey, failed, lockIfSpent, reserve, succeeded, type Guard } from '../../shared/guards.js'
import { assertStrongPassword } from '../../shared/passwords.js'
import { tooManyAttempts, unauthorized } from '../../shared/errors.js'
import type { Actor } from '../audit/audit.repository.js'
import { insertAudit } from '../audit/audit.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import * as errors from './admins.errors.js'
import * as repo from './admins.repository.js'
import type { SessionContext } from './admins.repository.js'
import { toAdmin } from './admins.mapper.js'
import type { LoginBody } from './admins.schemas.js'

const SESSION_MS = 12 * 3600_000
const CAPTCHA_MS = 5 * 60_000
const MINUTE = 60_000
/** 5 wrong passwords for one username lock it for 15 minutes (unknown usernames alike). */
export const ACCOUNT_GUARD: Guard = { kind: 'login_account', max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }
/** 20 failed logins from one address (IPv6: one /64) in 10 minutes block it for 10 minutes from the 20th. */
export const LOGIN_ADDRESS_GUARD: Guard = { kind: 'login_addr', max: 20, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }
/** Making a challenge costs a PBKDF2 run: 30 a minute per address (IPv6: /64) is plenty for people. */
export const CAPTCHA_GUARD: Guard = { kind: 'captcha_addr', max: 30, windowMs: MINUTE, lockMs: MINUTE }
export const DEFAULT_MERCHANT_CODE = 'default'

/**
 * The proof of work asked per login: PBKDF2-SHA256 with `cost` iterations, tried `counter`
 * times on average. About a second on one core of a phone or a laptop (WebCrypto, which the
 * widget spreads over its workers), a couple of milliseconds for the server to check.
 */
export interface CaptchaWork { cost: number; counter: [number, number] }
export const CAPTCHA_WORK: CaptchaWork = { cost: 1_000, counter: [1_000, 2_500] }

export interface AuthDeps { db: Db; masterKey: Buffer; captcha: boolean; clock: Clock; merchants: MerchantsService; captchaWork?: CaptchaWork }

/**
 * The subject of an account's counter: the admin's id when the username names one — every
 * spelling the database matches (MySQL compares case-insensitively) is one counter — and the
 * name as typed, lower-cased, when it names nobody, so unknown ones are counted alike.
 */
export function accountSubject (admin: { id: number } | undefined, merchantCode: string, username: string): string {
  return admin ? adminAccount(admin.id) : `name:${merchantCode.toLowerCase()}:${repo.normalUsername(username)}`
}

/** The account counter of an admin that exists. */
export const adminAccount = (id: number): string => `admin:${Number(id)}`

export function createAuthService ({ db, masterKey, captcha, clock, merchants, captchaWork = CAPTCHA_WORK }: AuthDeps) {
  const sessionKey = hmacKey(deriveKey(masterKey, 'admin-session'))
  const challengeSecret = deriveKey(masterKey, 'altcha-challenge').toString('hex')
  const challengeKeySecret = deriveKey(masterKey, 'altcha-derived-key').toString('hex')
  let dummyHash: Promise<string> | undefined

  /** A valid, unexpired, signed challenge solved correctly and never used before, or 422. */
  async function checkCaptcha (raw: string | undefined): Promise<void> {
    if (!captcha) return
    if (!raw) throw errors.captchaRequired()
    let payload: Payload
    try {
      payload = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Payload
    } catch {
      throw errors.captchaInvalid()
    }
    const params = payload?.challenge?.parameters
    const expires = Number(params?.data?.exp)
    if (!params || !payload.solution || params.algorithm !== 'PBKDF2/SHA-256' || !Number.isFinite(expires)) throw errors.captchaInvalid()
    let verified = false
    try {
      verified = (await verifySolution({
        challenge: payload.challenge as Challenge, solution: payload.solution, deriveKey: pbkdf2,
        hmacSignatureSecret: challengeSecret, hmacKeySignatureSecret: challengeKeySecret,
      })).verified
    } catch {
      verified = false
    }
    // The expiry is signed inside the challenge's data and read against our clock.
    if (!verified || expires <= clock.now().getTime()) throw errors.captchaInvalid()
    if (!await repo.useChallenge(db, String(params.nonce).slice(0, 64), expires)) throw errors.captchaInvalid({ message: '验证已使用过，请重新验证' })
  }

  /** The stored hash to check a password against: the admin's, or one of the same cost for nobody. */
  async function hashFor (admin: repo.AdminRow | undefined): Promise<string> {
    if (admin) return admin.password_hash
    dummyHash ??= hashPassword(randomString(16))
    return dummyHash
  }

  function lockedFor (ms: number) {
    const minutes = Math.max(1, Math.ceil(ms / MINUTE))
    return errors.accountLocked({ message: `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, headers: { 'retry-after': String(Math.ceil(ms / 1000)) } })
  }

  return {
    async createCaptcha (ip: string) {
      const now = clock.now()
      const turn = await reserve(db, CAPTCHA_GUARD, addressKey(ip), now)
      if (!turn.allowed) throw tooManyAttempts({ headers: { 'retry-after': String(Math.ceil(turn.retryAfterMs / 1000)) } })
      const expires = now.getTime() + CAPTCHA_MS
      const challenge = await createChallenge({
        algorithm: 'PBKDF2/SHA-256', cost: captchaWork.cost, counter: randomInt(captchaWork.counter[1], captchaWork.counter[0]),
        deriveKey: pbkdf2, hmacSignatureSecret: challengeSecret, hmacKeySignatureSecret: challengeKeySecret,
        data: { exp: expires },
      })
      return { parameters: challenge.parameters, signature: challenge.signature!, expires_at: new Date(expires).toISOString() }
    },

    /**
     * Every attempt is counted before anything secret is checked: the address first, then the
     * captcha, then the account (merchant + username as typed, known or not), then the password
     * against the admin's hash or a dummy of the same cost — the same work and the same answer
     * for an unknown username.
     */
    async login (body: LoginBody, ip: string) {
      const now = clock.now()
      const address = addressKey(ip)
      const spend = await reserve(db, LOGIN_ADDRESS_GUARD, address, now)
      if (!spend.allowed) throw tooManyAttempts({ headers: { 'retry-after': String(Math.ceil(spend.retryAfterMs / 1000)) } })
      try {
        await checkCaptcha(body.captcha)
      } catch (err) {
        await lockIfSpent(db, LOGIN_ADDRESS_GUARD, address, now)
        throw err
      }
      const merchantCode = (body.merchant_code ?? DEFAULT_MERCHANT_CODE).toLowerCase()
      const merchant = await merchants.findByCode(merchantCode)
      const admin = merchant ? await repo.findAdminByUsername(db, merchant.id, body.username) : undefined
      const account = accountSubject(admin, merchantCode, body.username)
      const turn = await reserve(db, ACCOUNT_GUARD, account, now)
      const ok = await verifyPassword(body.password, await hashFor(admin))
      if (!turn.allowed || !admin || !ok) await lockIfSpent(db, LOGIN_ADDRESS_GUARD, address, now)
      if (!turn.allowed) throw lockedFor(turn.retryAfterMs)
      if (!admin || !ok) {
        const lock = await failed(db, ACCOUNT_GUARD, account, now)
        if (lock.lockedNow && admin) {
          await insertAudit(db, admin.merchant_id, { type: 'system', id: null, name: 'system', ip }, {
            action: 'admins.locked', target_type: 'admin', target_id: admin.id, summary: { username: admin.username },
          }, now)
        }
        if (lock.locked) throw lockedFor(lock.retryAfterMs)
        throw errors.loginFailed()
      }
      await succeeded(db, [{ guard: LOGIN_ADDRESS_GUARD, subject: address, mode: 'refund' }, { guard: ACCOUNT_GUARD, subject: account, mode: 'clear' }])
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
      return { token, expires_at: expiresAt.toISOString(), admin: toAdmin(fresh!, null) }
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

    /**
     * Changes one's own password; every other session of that admin ends. The old password is
     * a secret checked here too: counted on the account like a login (a stolen session cannot
     * guess its way to the password).
     */
    async changePassword (ctx: SessionContext, oldPassword: string, newPassword: string, actor: Actor): Promise<void> {
      const now = clock.now()
      const account = accountSubject(ctx.admin, ctx.merchant.code, ctx.admin.username)
      const turn = await reserve(db, ACCOUNT_GUARD, account, now)
      const ok = await verifyPassword(oldPassword, ctx.admin.password_hash)
      if (!turn.allowed) throw lockedFor(turn.retryAfterMs)
      if (!ok) {
        const lock = await failed(db, ACCOUNT_GUARD, account, now)
        if (lock.locked) throw lockedFor(lock.retryAfterMs)
        throw errors.passwordIncorrect()
      }
      await succeeded(db, [{ guard: ACCOUNT_GUARD, subject: account, mode: 'clear' }])
      assertStrongPassword(newPassword, [ctx.admin.username, ctx.merchant.code], '/new_password')
      const hash = await hashPassword(newPassword)
      await db.transaction(async (trx) => {
        await repo.updateAdmin(trx, ctx.merchant.id, ctx.admin.id, { password_hash: hash }, now)
        await repo.revokeAdminSessions(trx, ctx.admin.id, now, ctx.session_id)
        await insertAudit(trx, ctx.merchant.id, actor, { action: 'admins.password_changed', target_type: 'admin', target_id: ctx.admin.id }, now)
      })
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
