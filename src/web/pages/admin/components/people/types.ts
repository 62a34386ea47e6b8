// The shapes the people pages (管理员, 操作日志, 券商管理) use, taken from the generated API types.
import type { operations } from '../../../shared/api-types.js'

type Answer<Op extends keyof operations> =
  operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T : never

export type AdminView = Answer<'listAdmins'>['items'][number]
export type AuditEntry = Answer<'listAuditLogs'>['items'][number]
export type DistributorView = Answer<'listDistributors'>['items'][number]
export type AuditQuery = NonNullable<operations['listAuditLogs']['parameters']['query']>
export type PermissionCode = NonNullable<operations['createAdmin']['requestBody']>['content']['application/json']['permissions'][number]
