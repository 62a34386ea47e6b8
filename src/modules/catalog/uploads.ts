// Image uploads for products: checked by content (magic bytes), not by name or header,
// stored under the data folder by content hash, served back read-only.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FilePart, multipartDoc } from '../../plugins/swagger.js'
import { Type } from '@sinclair/typebox'
import { sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import { notFound } from '../../shared/errors.js'
import { uploadInvalid, uploadTooLarge } from './catalog.errors.js'
import { UploadSchema } from './catalog.schemas.js'

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

const TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const
type Ext = keyof typeof TYPES

export function sniffImage (buf: Buffer): Ext | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpg'
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return null
}

export const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/v1/uploads', {
    schema: {
      operationId: 'uploadImage', tags: ['products'], security: [{ adminBearer: [] }], consumes: ['multipart/form-data'],
      summary: 'Upload an image: a product picture or the storefront logo (multipart field "file"; JPEG, PNG or WebP, at most 5 MB; products.write or settings.write)',
      response: { 201: UploadSchema, ...errorResponses },
    },
    config: multipartDoc({ file: FilePart('JPEG, PNG or WebP, at most 5 MB') }),
    // Product pictures, and the storefront's logo (店铺设置).
    onRequest: app.requirePermission('products.write', 'settings.write'),
  }, async (req, reply) => {
    const merchantId = sessionOf(req).merchant.id
    const file = await req.file({ limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 } })
    if (!file) throw uploadInvalid()
    let buf: Buffer
    try {
      buf = await file.toBuffer()
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw uploadTooLarge()
      throw err
    }
    const ext = sniffImage(buf)
    if (!ext) throw uploadInvalid()
    const name = `${createHash('sha256').update(buf).digest('hex')}.${ext}`
    const dir = join(app.config.dataDir, 'uploads', String(merchantId))
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, name), buf)
    reply.code(201)
    return { url: `${app.config.publicBaseUrl}/uploads/${merchantId}/${name}`, content_type: TYPES[ext], size: buf.length }
  })

  app.get('/uploads/:merchant_id/:file', {
    schema: {
      operationId: 'getUpload', tags: ['products'], summary: 'An uploaded image',
      params: Type.Object({ merchant_id: Type.String({ pattern: '^[0-9]+$' }), file: Type.String({ pattern: '^[0-9a-f]{64}\\.(jpg|png|webp)$' }) }),
    },
  }, async (req, reply) => {
    const path = join(app.config.dataDir, 'uploads', req.params.merchant_id, req.params.file)
    if (!existsSync(path)) throw notFound()
    const ext = req.params.file.split('.')[1] as Ext
    reply.header('content-type', TYPES[ext])
    reply.header('cache-control', 'public, max-age=31536000, immutable')
    reply.header('x-content-type-options', 'nosniff')
    return reply.send(createReadStream(path))
  })
}
