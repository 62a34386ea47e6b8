// Admin authentication and permissions for /api/v1 routes:
//   onRequest: app.requirePermission('cards.activate')
// onRequest, before the body is read or validated: a caller without the permission learns
// nothing about the route's schema from a 422, and uploads nothing.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { Actor } from '../modules/audit/audit.repository.js'
import type { SessionContext } from '../modules/admins/admins.repository.js'
import { permissionsOf } from '../modules/admins/admins.mapper.js'
import { missingPermission, type Permission } from '../modules/admins/permissions.js'

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null
  }
  interface FastifyInstance {
    /** Any logged-in admin. */
    requireAdmin: onRequestAsyncHookHandler
    /** A logged-in admin holding this permission (or one of the alternatives); otherwise 403 `forbidden` naming the first, and nothing happens. */
    requirePermission: (permission: Permission, ...alternatives: Permission[]) => onRequestAsyncHookHandler
  }
}

function bearer (request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  return m ? m[1] : undefined
}

/** The session of an authenticated request (only call behind requireAdmin/requirePermission). */
export function sessionOf (request: FastifyRequest): SessionContext {
  if (!request.session) throw new Error('route is missing its auth hook')
  return request.session
}

/** For routes whose permission depends on the body (bulk actions): 403 unless held. */
export function assertPermission (request: FastifyRequest, permission: Permission): void {
  if (!permissionsOf(sessionOf(request).admin).includes(permission)) throw missingPermission(permission)
}

/** Who did it, for the audit log. */
export function actorOf (request: FastifyRequest): Actor {
  const s = sessionOf(request)
  return { type: 'admin', id: Number(s.admin.id), name: s.admin.username, ip: request.ip }
}

export default fp(async function adminAuth (app: FastifyInstance) {
  app.decorateRequest('session', null)

  async function authenticate (request: FastifyRequest): Promise<SessionContext> {
    if (!request.session) request.session = await app.services.auth.authenticate(bearer(request))
    return request.session
  }

  app.decorate('requireAdmin', async function (request: FastifyRequest) {
    await authenticate(request)
  })
  app.decorate('requirePermission', (permission: Permission, ...alternatives: Permission[]) => async function (request: FastifyRequest) {
    const s = await authenticate(request)
    const held = permissionsOf(s.admin)
    if (![permission, ...alternatives].some((p) => held.includes(p))) throw missingPermission(permission)
  })
}, { name: 'admin-auth', dependencies: ['services'] })
