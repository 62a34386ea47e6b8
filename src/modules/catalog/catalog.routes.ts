// /api/v1/products — the merchant's pickup products (products.read, products.write).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses, IdParams, OkResponse } from '../../shared/schemas.js'
import {
  CreateProductBodySchema, ProductListQuerySchema, ProductListSchema, ProductSchema, UpdateProductBodySchema,
} from './catalog.schemas.js'

const security = [{ adminBearer: [] }]
const tags = ['products']

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('products.read')
  const write = app.requirePermission('products.write')

  app.get('/api/v1/products', {
    schema: { operationId: 'listProducts', tags, security, querystring: ProductListQuerySchema, response: { 200: ProductListSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => ({ items: await app.services.catalog.list(sessionOf(req).merchant.id, req.query) }))

  app.post('/api/v1/products', {
    schema: { operationId: 'createProduct', tags, security, body: CreateProductBodySchema, response: { 201: ProductSchema, ...errorResponses } },
    onRequest: write,
  }, async (req, reply) => {
    reply.code(201)
    return app.services.catalog.create(sessionOf(req).merchant.id, req.body, actorOf(req))
  })

  app.get('/api/v1/products/:id', {
    schema: { operationId: 'getProduct', tags, security, params: IdParams, response: { 200: ProductSchema, ...errorResponses } },
    onRequest: read,
  }, async (req) => app.services.catalog.get(sessionOf(req).merchant.id, req.params.id))

  app.patch('/api/v1/products/:id', {
    schema: {
      operationId: 'updateProduct', tags, security, params: IdParams, body: UpdateProductBodySchema,
      response: { 200: ProductSchema, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => app.services.catalog.update(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))

  app.delete('/api/v1/products/:id', {
    schema: {
      operationId: 'deleteProduct', tags, security, params: IdParams, summary: 'Delete a product no card uses (409 product_in_use otherwise)',
      response: { 200: OkResponse, ...errorResponses },
    },
    onRequest: write,
  }, async (req) => {
    await app.services.catalog.remove(sessionOf(req).merchant.id, req.params.id, actorOf(req))
    return { ok: true }
  })
}
