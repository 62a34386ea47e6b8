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

/**
 * The signing guide the merchant console links to (/docs#/open): Swagger UI renders a tag's
 * description as Markdown, and /docs is served by this server, so the guide opens without the
 * internet. The contract itself is spec/open-platform.md; the README has a runnable example.
 */
const OPEN_SIGNING_GUIDE = [
  'Open platform for malls: signed requests (scheme v1). 开放平台接口签名说明：',
  '',
  '1. 在商户后台「开放平台 → 应用管理」创建应用，得到 `app_key`（ak_…）和 `app_secret`（sk_…，只显示一次）。',
  '2. 每个请求带 4 个请求头：`X-Kq-App-Key`（应用 Key）、`X-Kq-Timestamp`（Unix 秒，与服务器相差不超过 300 秒）、' +
    '`X-Kq-Nonce`（16–64 位 `[A-Za-z0-9_-]`，每次不同）、`X-Kq-Signature`（`v1=` + Base64(HMAC-SHA256(app_secret, string_to_sign))）。',
  '3. `string_to_sign` 是下面 6 行用 `\\n` 连接（末尾没有换行）：',
  '   1. 请求方法，大写（`GET`、`POST`）；',
  '   2. 请求路径，不含查询串（`/open/v1/orders`）；',
  '   3. 规范化查询串：每个参数按 RFC 3986 编码为 `name=value`，按名称再按值排序，用 `&` 连接；没有参数时为空行；',
  '   4. `X-Kq-Timestamp` 的值；',
  '   5. `X-Kq-Nonce` 的值；',
  '   6. 请求体原始字节的 SHA-256，小写十六进制（没有请求体时为空串的 SHA-256）。',
  '4. 错误返回 `{ code, message, request_id }`，检查顺序：`signature_missing`、`app_invalid` / `app_disabled`、`timestamp_out_of_window`、' +
    '`signature_invalid`、`nonce_replayed`、`ip_not_allowed`、`scope_missing`、`rate_limited`（带 `Retry-After`）。',
  '5. 轮换密钥后，旧密钥继续有效 24 小时。',
  '',
  'Example (test vector): secret `sk_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e`, `GET /open/v1/orders?updated_after=2026-01-01T08%3A00%3A00%2B08%3A00&limit=50&cursor=`, ' +
    'timestamp `1767225600`, nonce `0a1b2c3d4e5f6a7b` → canonical query `cursor=&limit=50&updated_after=2026-01-01T08%3A00%3A00%2B08%3A00`, ' +
    'signature `v1=dKYSXEyjCom8nTjs4qPHREpjiDQDogGgz+Ed7qmbZdo=`.',
].join('\n')

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
        { name: 'open', description: OPEN_SIGNING_GUIDE },
        { name: 'system', description: 'Health and readiness' },
      ],
    },
    hideUntagged: true,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
}, { name: 'swagger' })
