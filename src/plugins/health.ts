import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { migrationsCurrent } from '../shared/db.js'
import { appError } from '../shared/errors.js'
import { errorResponses } from '../shared/schemas.js'

const notReady = appError('not_ready', 503, '服务尚未就绪')

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    schema: { operationId: 'healthz', tags: ['system'], summary: 'The process is up', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    logLevel: 'warn',
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    schema: {
      operationId: 'readyz', tags: ['system'], summary: 'The database answers and every migration has run',
      response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errorResponses },
    },
    logLevel: 'warn',
  }, async () => {
    try {
      // Reading the migration list is the database's answer too: down, it throws.
      if (!await migrationsCurrent(app.db)) throw notReady({ message: '数据库迁移尚未完成' })
    } catch (err) {
      if ((err as { code?: string }).code === notReady.code) throw err
      throw notReady({ message: '数据库不可用' })
    }
    return { status: 'ready' as const }
  })
}
