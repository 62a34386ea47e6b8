import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { migrationsCurrent } from '../shared/db.js'
import { appError } from '../shared/errors.js'
import { errorResponses } from '../shared/schemas.js'

const notReady = appError('not_ready', 503, '服务尚未就绪')
/** How long /readyz waits for the database. */
const READY_TIMEOUT_MS = 3000

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
    let timer: NodeJS.Timeout | undefined
    try {
      // Reading the migration list is the database's answer too: down, it throws; frozen, it
      // does not answer within READY_TIMEOUT_MS (a load balancer's check must not hang).
      const answered = Promise.race([
        migrationsCurrent(app.db),
        new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(notReady({ message: '数据库无响应' })), READY_TIMEOUT_MS) }),
      ])
      if (!await answered) throw notReady({ message: '数据库迁移尚未完成' })
    } catch (err) {
      if ((err as { code?: string }).code === notReady.code) throw err
      throw notReady({ message: '数据库不可用' })
    } finally {
      clearTimeout(timer)
    }
    return { status: 'ready' as const }
  })
}
