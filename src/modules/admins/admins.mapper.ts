import { iso } from '../../shared/schemas.js'
import type { AdminRow } from './admins.repository.js'
import type { Admin } from './admins.schemas.js'
import { PERMISSION_CODES, type Permission } from './permissions.js'

/** The permissions an admin holds: the owner (first admin of a merchant) holds them all. */
export function permissionsOf (row: AdminRow): Permission[] {
  if (row.is_owner === true || Number(row.is_owner) === 1) return [...PERMISSION_CODES]
  const stored = JSON.parse(row.permissions) as string[]
  return PERMISSION_CODES.filter((p) => stored.includes(p))
}

/** The public view of an admin row (never the password hash); `lockedUntil` from the login counter. */
export function toAdmin (row: AdminRow, lockedUntil: number | null): Admin {
  return {
    id: Number(row.id),
    username: row.username,
    name: row.name,
    phone: row.phone,
    permissions: permissionsOf(row),
    is_owner: row.is_owner === true || Number(row.is_owner) === 1,
    status: row.status,
    locked_until: iso(lockedUntil),
    last_login_at: iso(row.last_login_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  }
}
