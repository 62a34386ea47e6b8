import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { AuditPageSchema, AuditQuerySchema } from './audit.schemas.js'

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/audit-logs', {
    schema: {
      operationId: 'listAuditLogs', tags: ['audit'], security: [{ adminBearer: [] }],
      summary: 'Audit log, newest first; `action` matches itself and its sub-actions (e.g. "admins")',
      querystring: AuditQuerySchema, response: { 200: AuditPageSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('audit.read'),
  }, async (req) => app.services.audit.list(sessionOf(req).merchant.id, req.query))
}
