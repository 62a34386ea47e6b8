import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import swagger, { type SwaggerTransform } from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Type, type TProperties } from '@sinclair/typebox'

/** A file field of a multipart body: Swagger UI offers a file picker. */
export const FilePart = (description: string) => Type.String({ format: 'binary', description })

/**
 * Route config describing a multipart body in the OpenAPI document only. The route reads its
 * parts as a stream (@fastify/multipart), so the fields cannot be a body schema Fastify would
 * validate; the document still lists them, and Swagger UI shows a form with a file picker.
 */
export function multipartDoc (fields: TProperties) {
  const body = Type.Object(fields)
  const swaggerTransform: SwaggerTransform = ({ schema, url }) => ({ schema: { ...schema, body }, url })
  return { swaggerTransform }
}

export default fp(async function swaggerPlugin (app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kaquan API',
        description: 'Pickup cards (提货卡): admin API `/api/v1`, customer API `/api/v1/redeem`, open platform `/open/v1`. ' +
          'Every error is `{ code, message, request_id, details? }`.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          adminBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token from POST /api/v1/auth/login' },
          kqSignature: { type: 'apiKey', in: 'header', name: 'X-Kq-Signature', description: 'Scheme v1: X-Kq-App-Key, X-Kq-Timestamp, X-Kq-Nonce and X-Kq-Signature as spec/open-platform.md describes' },
        },
      },
      tags: [
        { name: 'auth', description: 'Admin login and sessions' },
        { name: 'admins', description: 'Staff accounts and permissions' },
        { name: 'audit', description: 'Who did what' },
        { name: 'products', description: 'Pickup products (提货商品) and their images' },
        { name: 'card-batches', description: 'Creating cards (创建卡券)' },
        { name: 'cards', description: 'The card list, history and bulk actions (卡券管理)' },
        { name: 'distributors', description: 'Distributors (券商)' },
        { name: 'orders', description: 'The order desk, shipping, couriers, staff pickups' },
        { name: 'redeem', description: 'Customer pickup API (no login; scoped by merchant code)' },
        { name: 'settings', description: 'Merchant settings (全局设置)' },
        { name: 'apps', description: 'Open-platform apps and their secrets (开发平台)' },
        { name: 'tracking', description: 'Inbound courier tracking pushes' },
        { name: 'webhooks', description: 'Webhook endpoints (Standard Webhooks) and deliveries' },
        { name: 'open', description: 'Open platform for malls: signed requests (scheme v1)' },
        { name: 'system', description: 'Health and readiness' },
      ],
    },
    hideUntagged: true,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
}, { name: 'swagger' })
