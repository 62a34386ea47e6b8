// The shapes the open-platform pages (应用管理, Webhook, 投递记录) use, taken from the generated API types.
import type { operations } from '../../../shared/api-types.js'

type Answer<Op extends keyof operations, S extends number = 200> =
  operations[Op]['responses'] extends { [K in S]: { content: { 'application/json': infer T } } } ? T : never

export type AppView = Answer<'listApps'>['items'][number]
export type AppWithSecret = Answer<'createApp', 201>
export type AppScope = NonNullable<operations['createApp']['requestBody']>['content']['application/json']['scopes'][number]
export type EndpointView = Answer<'listWebhookEndpoints'>['items'][number]
export type EventType = NonNullable<NonNullable<operations['createWebhookEndpoint']['requestBody']>['content']['application/json']['event_types']>[number]
export type DeliveryView = Answer<'listDeliveries'>['items'][number]
export type AttemptView = DeliveryView['attempt_log'][number]
