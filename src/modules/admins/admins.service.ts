import type { Clock } from '../../shared/clock.js'
import { hashPassword } from '../../shared/crypto.js'
import { isUniqueViolation, type Db } from '../../shared/db.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import * as errors from './admins.errors.js'
import { permissionsOf, toAdmin } from './admins.mapper.js'
import * as repo from './admins.repository.js'
import type { Admin, CreateAdminBody, UpdateAdminBody } from './admins.schemas.js'
import type { Permission } from './permissions.js'

export function createAdminsService ({ db, clock }: { db: Db; clock: Clock }) {
  async function load (merchantId: number, id: number) {
    const row = await repo.findAdmin(db, merchantId, id)
    if (!row) throw errors.adminNotFound()
    return row
  }

  return {
    async list (merchantId: number): Promise<Admin[]> {
      return (await repo.listAdmins(db, merchantId)).map(toAdmin)
    },

    async get (merchantId: number, id: number): Promise<Admin> {
      return toAdmin(await load(merchantId, id))
    },

    async create (merchantId: number, body: CreateAdminBody, actor: Actor): Promise<Admin> {
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
        return toAdmin((await repo.findAdmin(db, merchantId, id))!)
      } catch (err) {
        if (isUniqueViolation(err)) throw errors.usernameTaken()
        throw err
      }
    },

    async update (merchantId: number, id: number, body: UpdateAdminBody, actor: Actor): Promise<Admin> {
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
      return toAdmin(await load(merchantId, id))
    },

    async remove (merchantId: number, id: number, actor: Actor): Promise<void> {
      const row = await load(merchantId, id)
      if (actor.type === 'admin' && actor.id === id) throw errors.cannotDeleteSelf()
      if (Number(row.is_owner) === 1 || row.is_owner === true) throw errors.ownerProtected()
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
