import { isUniqueViolation, type Db } from '../../shared/db.js'
import type { Permission } from './permissions.js'

export interface AdminRow {
  id: number
  merchant_id: number
  username: string
  name: string
  phone: string | null
  password_hash: string
  permissions: string
  is_owner: number | boolean
  status: 'active' | 'disabled'
  last_login_at: number | null
  created_at: number
  updated_at: number
}

export interface SessionContext {
  session_id: string
  expires_at: number
  admin: AdminRow
  merchant: { id: number; code: string; name: string; timezone: string }
}

/** Usernames are kept in lower case and found in any case, on both databases (MySQL compares case-insensitively anyway). */
export const normalUsername = (username: string): string => username.toLowerCase()

export async function findAdminByUsername (db: Db, merchantId: number, username: string): Promise<AdminRow | undefined> {
  return db<AdminRow>('admins').where({ merchant_id: merchantId, username: normalUsername(username) }).first()
}

export async function findAdmin (db: Db, merchantId: number, id: number): Promise<AdminRow | undefined> {
  return db<AdminRow>('admins').where({ merchant_id: merchantId, id }).first()
}

/** Display names by admin id (the name, or the username when it has none). */
export async function adminNames (db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  return new Map((await db('admins').whereIn('id', ids).select('id', 'name', 'username')).map((a) => [Number(a.id), (a.name || a.username) as string]))
}

export async function listAdmins (db: Db, merchantId: number): Promise<AdminRow[]> {
  return db<AdminRow>('admins').where({ merchant_id: merchantId }).orderBy('id')
}

export async function insertAdmin (db: Db, row: {
  merchant_id: number; username: string; name: string; phone: string | null
  password_hash: string; permissions: Permission[]; is_owner: boolean; at: Date
}): Promise<number> {
  const [id] = await db('admins').insert({
    merchant_id: row.merchant_id,
    username: normalUsername(row.username),
    name: row.name,
    phone: row.phone,
    password_hash: row.password_hash,
    permissions: JSON.stringify(row.permissions),
    is_owner: row.is_owner,
    status: 'active',
    created_at: row.at.getTime(),
    updated_at: row.at.getTime(),
  })
  return Number(id)
}

export async function updateAdmin (db: Db, merchantId: number, id: number, fields: Partial<{
  name: string; phone: string | null; password_hash: string; permissions: Permission[]; status: 'active' | 'disabled'
}>, at: Date): Promise<void> {
  const patch: Record<string, unknown> = { updated_at: at.getTime() }
  if (fields.name !== undefined) patch.name = fields.name
  if (fields.phone !== undefined) patch.phone = fields.phone
  if (fields.password_hash !== undefined) patch.password_hash = fields.password_hash
  if (fields.permissions !== undefined) patch.permissions = JSON.stringify(fields.permissions)
  if (fields.status !== undefined) patch.status = fields.status
  await db('admins').where({ merchant_id: merchantId, id }).update(patch)
}

export async function deleteAdmin (db: Db, merchantId: number, id: number): Promise<number> {
  return db('admins').where({ merchant_id: merchantId, id }).delete()
}

export async function recordLogin (db: Db, id: number, at: Date): Promise<void> {
  await db('admins').where({ id }).update({ last_login_at: at.getTime() })
}

export async function insertSession (db: Db, s: { id: string; admin_id: number; merchant_id: number; ip: string | null; created_at: Date; expires_at: Date }): Promise<void> {
  await db('admin_sessions').insert({
    id: s.id,
    admin_id: s.admin_id,
    merchant_id: s.merchant_id,
    ip: s.ip,
    created_at: s.created_at.getTime(),
    expires_at: s.expires_at.getTime(),
  })
}

/** The session with its admin and merchant, when it is neither revoked nor expired. */
export async function findLiveSession (db: Db, sessionId: string, now: Date): Promise<SessionContext | undefined> {
  const row = await db('admin_sessions as s')
    .join('admins as a', 'a.id', 's.admin_id')
    .join('merchants as m', 'm.id', 'a.merchant_id')
    .where('s.id', sessionId)
    .whereNull('s.revoked_at')
    .andWhere('s.expires_at', '>', now.getTime())
    .first(
      's.id as session_id', 's.expires_at as session_expires_at', 'a.*',
      'm.code as merchant_code', 'm.name as merchant_name', 'm.timezone as merchant_timezone',
    )
  if (!row) return undefined
  const { session_id: sid, session_expires_at: exp, merchant_code: code, merchant_name: mname, merchant_timezone: tz, ...admin } = row
  return {
    session_id: sid,
    expires_at: Number(exp),
    admin: admin as AdminRow,
    merchant: { id: Number(admin.merchant_id), code, name: mname, timezone: tz },
  }
}

export async function revokeSession (db: Db, sessionId: string, at: Date): Promise<void> {
  await db('admin_sessions').where({ id: sessionId }).whereNull('revoked_at').update({ revoked_at: at.getTime() })
}

export async function revokeAdminSessions (db: Db, adminId: number, at: Date, exceptSessionId?: string): Promise<void> {
  const q = db('admin_sessions').where({ admin_id: adminId }).whereNull('revoked_at')
  if (exceptSessionId) q.andWhereNot('id', exceptSessionId)
  await q.update({ revoked_at: at.getTime() })
}

/** Marks a solved login challenge used (its primary key is the nonce); false when it was used already. */
export async function useChallenge (db: Db, nonce: string, expiresAt: number): Promise<boolean> {
  try {
    await db('used_challenges').insert({ id: nonce, expires_at: expiresAt })
    return true
  } catch (err) {
    if (isUniqueViolation(err)) return false
    throw err
  }
}

export async function pruneAuthTables (db: Db, now: Date): Promise<void> {
  await db('used_challenges').where('expires_at', '<', now.getTime()).delete()
  // Sessions are kept a day after they end: "who was logged in" is sometimes asked.
  await db('admin_sessions').where('expires_at', '<', now.getTime() - 86_400_000).delete()
}
