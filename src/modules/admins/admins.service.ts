import type { Clock } from '../../shared/clock.js'
import { hashPassword } from '../../shared/crypto.js'
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { forbidden } from '../../shared/errors.js'
import { lockedUntil, succeeded } from '../../shared/guards.js'
import { assertStrongPassword } from '../../shared/passwords.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { generateAdminPassword, merchantNotFound, type MerchantsService } from '../merchants/merchants.service.js'
import * as errors from './admins.errors.js'
import { permissionsOf, toAdmin } from './admins.mapper.js'
import * as repo from './admins.repository.js'
import type { Admin, CreateAdminBody, UpdateAdminBody } from './admins.schemas.js'
import { PERMISSIONS, type Permission } from './permissions.js'
import { ACCOUNT_GUARD, adminAccount } from './auth.service.js'

/**
 * Nobody hands out what they do not hold: the permissions granted (added to an admin) must all
 * be the granter's own. Otherwise admins.write alone would be the key to every other permission.
 */
export function assertCanGrant (granter: Permission[], granted: Permission[]): void {
  const missing = granted.filter((p) => !granter.includes(p))
  if (missing.length) throw forbidden({ message: `不能授予自己没有的权限：${missing.map((p) => PERMISSIONS[p]).join('、')}`, details: missing.map((p) => ({ path: '/permissions', message: p })) })
}

/** Changing or deleting an admin who holds more than you would hand you what they hold (their login, at the next step). */
function assertHoldsNoMore (granter: Permission[], row: repo.AdminRow, what: string): void {
  const beyond = permissionsOf(row).filter((p) => !granter.includes(p))
  if (beyond.length) throw forbidden({ message: `该管理员拥有您没有的权限（${beyond.map((p) => PERMISSIONS[p]).join('、')}），不能${what}`, details: beyond.map((p) => ({ path: '/permission', message: p })) })
}

export function createAdminsService ({ db, clock, merchants }: { db: Db; clock: Clock; merchants: MerchantsService }) {
  async function load (merchantId: number, id: number) {
    const row = await repo.findAdmin(db, merchantId, id)
    if (!row) throw errors.adminNotFound()
    return row
  }

  /** Admin views with the login lock read from the account counters. */
  async function views (merchantId: number, rows: repo.AdminRow[]): Promise<Admin[]> {
    const locks = await lockedUntil(db, ACCOUNT_GUARD, rows.map((r) => adminAccount(r.id)), clock.now())
    return rows.map((r) => toAdmin(r, locks.get(adminAccount(r.id)) ?? null))
  }
  const view = async (merchantId: number, row: repo.AdminRow) => (await views(merchantId, [row]))[0]

  /**
   * A new random password for `row`, made like the first admin's and returned once: its sessions
   * end and a login lock is lifted in the same transaction, so it works at once; audited.
   */
  async function issuePassword (merchantId: number, row: repo.AdminRow, actor: Actor, summary: Record<string, unknown>): Promise<string> {
    const password = generateAdminPassword()
    const hash = await hashPassword(password)
    const now = clock.now()
    await db.transaction(async (trx) => {
      await repo.updateAdmin(trx, merchantId, row.id, { password_hash: hash }, now)
      await repo.revokeAdminSessions(trx, row.id, now)
      await succeeded(trx, [{ guard: ACCOUNT_GUARD, subject: adminAccount(row.id), mode: 'clear' }])
      await insertAudit(trx, merchantId, actor, { action: 'admins.password_reset', target_type: 'admin', target_id: row.id, summary }, now)
    })
    return password
  }

  return {
    /**
     * The operator's reset (`npm run admin:reset-password`): a new random password, printed once, made
     * like the first admin's, returned once; every session of the admin ends, its login lock is
     * lifted, and the audit log says so. The password is never stored or logged in clear.
     */
    async operatorReset (merchantCode: string, username: string): Promise<{ admin_id: number; password: string; status: string }> {
      const merchant = await merchants.findByCode(merchantCode.toLowerCase())
      if (!merchant) throw merchantNotFound()
      const row = await repo.findAdminByUsername(db, merchant.id, username)
      if (!row) throw errors.adminNotFound()
      const password = await issuePassword(merchant.id, row, { type: 'system', id: null, name: 'cli', ip: null }, { username: row.username, sessions_revoked: true })
      return { admin_id: Number(row.id), password, status: row.status }
    },

    async list (merchantId: number): Promise<Admin[]> {
      return views(merchantId, await repo.listAdmins(db, merchantId))
    },

    async get (merchantId: number, id: number): Promise<Admin> {
      return view(merchantId, await load(merchantId, id))
    },

    /** `granter`: the permissions of the admin doing it. */
    async create (merchantId: number, body: CreateAdminBody, actor: Actor, granter: Permission[]): Promise<Admin> {
      assertCanGrant(granter, body.permissions as Permission[])
      const merchant = (await merchants.findById(merchantId))!
      assertStrongPassword(body.password, [body.username, merchant.code])
      const hash = await hashPassword(body.password)
      const now = clock.now()
      try {
        const id = await db.transaction(async (trx) => {
          const newId = await repo.insertAdmin(trx, {
            merchant_id: merchantId,
            username: body.username,
            name: body.name,
            phone: body.phone ?? null,
            password_hash: hash,
            permissions: body.permissions as Permission[],
            is_owner: false,
            at: now,
          })
          await insertAudit(trx, merchantId, actor, {
            action: 'admins.create', target_type: 'admin', target_id: newId,
            summary: { username: body.username, permissions: body.permissions },
          }, now)
          return newId
        })
        return view(merchantId, (await repo.findAdmin(db, merchantId, id))!)
      } catch (err) {
        if (isUniqueViolation(err)) throw errors.usernameTaken()
        throw err
      }
    },

    async update (merchantId: number, id: number, body: UpdateAdminBody, actor: Actor, granter: Permission[]): Promise<Admin> {
      const row = await load(merchantId, id)
      const isSelf = actor.type === 'admin' && actor.id === id
      const isOwner = Number(row.is_owner) === 1 || row.is_owner === true
      if (isSelf && (body.status === 'disabled' ||
          (body.permissions !== undefined && !isOwner && !body.permissions.includes('admins.write')))) {
        throw errors.cannotLockSelfOut()
      }
      // The owner holds every permission and cannot be disabled by staff.
      if (isOwner && !isSelf && (body.status !== undefined || body.permissions !== undefined || body.password !== undefined)) {
        throw errors.ownerProtected()
      }
      if (body.permissions !== undefined) assertCanGrant(granter, (body.permissions as Permission[]).filter((p) => !permissionsOf(row).includes(p)))
      if (!isSelf && (body.password !== undefined || body.status !== undefined || body.permissions !== undefined)) assertHoldsNoMore(granter, row, '修改其密码、状态或权限')
      if (body.password !== undefined) assertStrongPassword(body.password, [row.username, (await merchants.findById(merchantId))!.code])
      const now = clock.now()
      const fields: Parameters<typeof repo.updateAdmin>[3] = {}
      if (body.name !== undefined) fields.name = body.name
      if (body.phone !== undefined) fields.phone = body.phone
      if (body.permissions !== undefined && !isOwner) fields.permissions = body.permissions as Permission[]
      if (body.status !== undefined) fields.status = body.status
      if (body.password !== undefined) fields.password_hash = await hashPassword(body.password)
      await db.transaction(async (trx) => {
        await repo.updateAdmin(trx, merchantId, id, fields, now)
        // A new password or a disabled account ends every session of that admin.
        if (body.password !== undefined || body.status === 'disabled') await repo.revokeAdminSessions(trx, id, now)
        await insertAudit(trx, merchantId, actor, {
          action: 'admins.update', target_type: 'admin', target_id: id,
          summary: {
            username: row.username,
            changed: Object.keys(body).filter((k) => k !== 'password').concat(body.password !== undefined ? ['password'] : []),
            ...(body.permissions !== undefined ? { permissions_before: permissionsOf(row), permissions_after: body.permissions } : {}),
            ...(body.status !== undefined ? { status: body.status } : {}),
          },
        }, now)
      })
      return view(merchantId, await load(merchantId, id))
    },

    /**
     * 重置密码: a new random password for another admin, answered once. Every session of that
     * admin ends and a login lock is lifted, so the new password works at once; one's own
     * password is changed with the old one (修改密码), the owner's only by the owner.
     */
    async resetPassword (merchantId: number, id: number, actor: Actor, granter: Permission[]): Promise<{ password: string; admin: Admin }> {
      const row = await load(merchantId, id)
      if (actor.type === 'admin' && actor.id === id) throw errors.cannotResetOwnPassword()
      if (Number(row.is_owner) === 1 || row.is_owner === true) throw errors.ownerProtected()
      assertHoldsNoMore(granter, row, '重置其密码')
      const password = await issuePassword(merchantId, row, actor, { username: row.username })
      return { password, admin: await view(merchantId, await load(merchantId, id)) }
    },

    async remove (merchantId: number, id: number, actor: Actor, granter: Permission[]): Promise<void> {
      const row = await load(merchantId, id)
      if (actor.type === 'admin' && actor.id === id) throw errors.cannotDeleteSelf()
      if (Number(row.is_owner) === 1 || row.is_owner === true) throw errors.ownerProtected()
      assertHoldsNoMore(granter, row, '删除')
      const now = clock.now()
      await db.transaction(async (trx) => {
        await repo.deleteAdmin(trx, merchantId, id)
        await insertAudit(trx, merchantId, actor, {
          action: 'admins.delete', target_type: 'admin', target_id: id, summary: { username: row.username },
        }, now)
      })
    },
  }
}

export type AdminsService = ReturnType<typeof createAdminsService>
