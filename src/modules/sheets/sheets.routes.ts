import { PassThrough } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { actorOf, assertPermission, sessionOf } from '../../plugins/admin-auth.js'
import { FilePart, multipartDoc } from '../../plugins/swagger.js'
import { validationFailed } from '../../shared/errors.js'
import { isCalendarDayInRange } from '../../shared/dates.js'
import { DATE_INVALID_MESSAGE } from '../../shared/validation.js'
import { errorResponses, IdParams } from '../../shared/schemas.js'
import { CardFilterSchema } from '../cards/cards.schemas.js'
import { OrderListQuerySchema } from '../orders/orders.schemas.js'
import { fileMissing, fileTooLarge, MAX_IMPORT_BYTES, XLSX_TYPE } from './xlsx.js'
import { importRejected, type CardExportParams, type OrderExportParams } from './sheets.service.js'
import type { Actor } from '../audit/audit.repository.js'

const security = [{ adminBearer: [] }]
const ImportResult = Type.Object({
  imported: Type.Integer(), rows: Type.Integer(), dry_run: Type.Boolean(), batch_no: Type.Union([Type.String(), Type.Null()]),
  report_id: Type.Union([Type.Integer(), Type.Null()], { description: 'GET /api/v1/imports/{report_id}/report downloads the problems as xlsx' }),
  problems: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), problem: Type.String() }), { description: 'The first 10,000 problems' }),
  problems_total: Type.Integer({ description: 'Every problem found (problems lists the first 10,000)' }),
})
const CardExportQuery = Type.Composite([CardFilterSchema, Type.Object({
  include_passwords: Type.Optional(Type.Boolean({ default: false })),
  format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('zip')], { default: 'xlsx' })),
})])
const { cursor: _cursor, limit: _limit, ...orderExportFields } = OrderListQuerySchema.properties
const OrderExportQuery = Type.Object(orderExportFields, { additionalProperties: false })
const Binary = { description: 'xlsx (or zip) file', type: 'string', format: 'binary' } as const

/** The uploaded file and the text fields of a multipart request. */
async function multipartFile (req: FastifyRequest): Promise<{ file: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw fileMissing()
  const fields: Record<string, string> = {}
  let file: Buffer | null = null
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20 } })) {
      if (part.type === 'file') file = await part.toBuffer()
      else fields[part.fieldname] = String(part.value)
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge()
    throw err
  }
  if (!file) throw fileMissing()
  return { file, fields }
}

function sendFile (reply: FastifyReply, name: string, type: string) {
  const out = new PassThrough()
  reply.header('content-type', type)
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
  reply.header('cache-control', 'no-store')
  return out
}

/** Streams a card export (the download, ended early when the export fails part way). */
function streamCardExport (req: FastifyRequest, reply: FastifyReply, merchantId: number, query: CardExportParams, actor: Actor) {
  const { include_passwords: passwords, format, ...filter } = query
  const fmt = format ?? 'xlsx'
  const out = sendFile(reply, `cards.${fmt}`, fmt === 'zip' ? 'application/zip' : XLSX_TYPE)
  req.server.services.sheets.exportCards(out, merchantId, filter, { passwords: Boolean(passwords), format: fmt }, actor)
    .catch((err) => {
      if ((err as { code?: string }).code === 'EXPORT_ABORTED') req.log.info('cards.export.cut_off')
      else req.log.error({ err }, 'cards.export.failed')
      out.destroy(err)
    })
  return reply.send(out)
}

/** Streams an order export (订单导出). */
function streamOrderExport (req: FastifyRequest, reply: FastifyReply, merchantId: number, query: OrderExportParams, actor: Actor) {
  const out = sendFile(reply, 'orders.xlsx', XLSX_TYPE)
  req.server.services.sheets.orderExport(out, merchantId, query, actor)
    .catch((err) => { req.log.error({ err }, 'orders.export.failed'); out.destroy(err) })
  return reply.send(out)
}

function int (v: string | undefined, path: string): number | undefined {
  if (v === undefined || v === '') return undefined
  if (!/^\d+$/.test(v)) throw validationFailed({ details: [{ path, message: '须为非负整数' }] })
  return Number(v)
}

function date (v: string | undefined, path: string): string | undefined {
  if (v === undefined || v === '') return undefined
  if (!isCalendarDayInRange(v)) throw validationFailed({ details: [{ path, message: `日期${DATE_INVALID_MESSAGE}`, code: 'date_invalid' }] })
  return v
}

export const sheetsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const svc = () => app.services.sheets

  app.get('/api/v1/cards/export', {
    schema: {
      operationId: 'exportCards', tags: ['cards'], security, summary: 'Card export (卡券导出) for printers: xlsx, or zip with one QR PNG per card',
      description: 'The same filters as the card list. Passwords need cards.export_secrets; every export with passwords is audited. ' +
        'A browser saves a large export straight to disk through POST /api/v1/cards/export-link instead.',
      querystring: CardExportQuery,
      response: { 200: Binary, ...errorResponses },
    },
    onRequest: app.requirePermission('cards.export'),
  }, async (req, reply) => {
    if (req.query.include_passwords) assertPermission(req, 'cards.export_secrets')
    return streamCardExport(req, reply, sessionOf(req).merchant.id, req.query, actorOf(req))
  })

  app.post('/api/v1/cards/export-link', {
    schema: {
      operationId: 'createCardExportLink', tags: ['cards'], security, body: CardExportQuery,
      summary: 'A single-use link to a card export, valid for 60 seconds',
      description: 'The body is the query of GET /api/v1/cards/export. The answer\'s url needs no Authorization header: a page navigates to it and the browser ' +
        'saves the file to disk as it streams (a million rows never sit in the page\'s memory). It works once; the permissions are checked again when it is used.',
      response: { 201: Type.Object({ url: Type.String(), expires_at: Type.String({ format: 'date-time' }) }), ...errorResponses },
    },
    onRequest: app.requirePermission('cards.export'),
  }, async (req, reply) => {
    if (req.body.include_passwords) assertPermission(req, 'cards.export_secrets')
    const s = sessionOf(req)
    const link = await svc().createExportLink(s.merchant.id, Number(s.admin.id), { kind: 'cards.export', params: req.body })
    reply.code(201)
    return { url: `/api/v1/downloads/${link.token}`, expires_at: link.expires_at }
  })

  app.get('/api/v1/downloads/:token', {
    schema: {
      operationId: 'download', tags: ['cards'], summary: 'Follows a single-use download link (no Authorization header: the link is the credential)',
      params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }),
      response: { 200: Binary, ...errorResponses },
    },
  }, async (req, reply) => {
    const taken = await svc().takeExportLink(req.params.token, req.ip)
    if (taken.link.kind === 'orders.export') return streamOrderExport(req, reply, taken.merchantId, taken.link.params, taken.actor)
    if (taken.link.kind === 'orders.labels') {
      const pdf = await app.services.eWaybill.labelsPdf(taken.merchantId, taken.link.params.order_nos)
      return reply.header('content-type', 'application/pdf').header('content-disposition', "attachment; filename*=UTF-8''labels.pdf").send(pdf)
    }
    return streamCardExport(req, reply, taken.merchantId, taken.link.params, taken.actor)
  })

  app.get('/api/v1/cards/import-template', {
    schema: { operationId: 'cardImportTemplate', tags: ['cards'], security, summary: 'The card import template (with instructions in Chinese)', response: { 200: Binary, ...errorResponses } },
    onRequest: app.requirePermission('cards.import'),
  }, async (_req, reply) => {
    reply.header('content-type', XLSX_TYPE).header('content-disposition', "attachment; filename*=UTF-8''card-import-template.xlsx")
    return reply.send(await svc().cardTemplate())
  })

  app.post('/api/v1/cards/import', {
    schema: {
      operationId: 'importCards', tags: ['cards'], security, consumes: ['multipart/form-data'],
      summary: 'Card import (卡券导入): every row valid → one new batch; any problem → nothing imported and a row-level report',
      description: 'Multipart fields: file (xlsx), product_ids (comma-separated), name, face_value (cents), valid_from, valid_to, activate (true/false), dry_run (true/false).',
      response: {
        200: ImportResult,
        422: Type.Composite([Type.Object({ code: Type.String(), message: Type.String(), request_id: Type.String(), details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))) }), Type.Partial(ImportResult)], { description: 'import_rejected (with the row-level problems) or another validation error' }),
        ...errorResponses,
      },
    },
    config: multipartDoc({
      file: FilePart('The filled-in template (xlsx, at most 20 MB)'),
      product_ids: Type.String({ description: 'Product ids, comma-separated (一卡多提)', examples: ['1,2'] }),
      name: Type.Optional(Type.String({ description: 'Batch name' })),
      face_value: Type.Optional(Type.String({ description: 'Cents, for rows without one', examples: ['19900'] })),
      valid_from: Type.Optional(Type.String({ description: 'YYYY-MM-DD, for rows without one' })),
      valid_to: Type.Optional(Type.String({ description: 'YYYY-MM-DD, for rows without one' })),
      activate: Type.Optional(Type.String({ enum: ['true', 'false'], default: 'false' })),
      dry_run: Type.Optional(Type.String({ enum: ['true', 'false'], default: 'false', description: 'Check every row, import nothing' })),
    }),
    onRequest: app.requirePermission('cards.import'),
  }, async (req, reply) => {
    const { file, fields } = await multipartFile(req)
    const productIds = (fields.product_ids ?? '').split(/[,\s]+/).filter(Boolean).map((id) => int(id, '/product_ids')!)
    const result = await svc().importCards(sessionOf(req).merchant.id, file, {
      name: fields.name || undefined, product_ids: productIds, face_value: int(fields.face_value, '/face_value') ?? null,
      valid_from: date(fields.valid_from, '/valid_from') ?? null, valid_to: date(fields.valid_to, '/valid_to') ?? null,
      activate: fields.activate === 'true', dry_run: fields.dry_run === 'true',
    }, actorOf(req))
    if (result.problems.length) {
      reply.code(422)
      return { code: importRejected.code, message: importRejected().message, request_id: String(req.id), ...result }
    }
    return result
  })

  app.get('/api/v1/imports/:id/report', {
    schema: { operationId: 'importReport', tags: ['cards'], security, params: IdParams, summary: 'The row-level report of a refused import (or of a ship import\'s rows in error), as xlsx', response: { 200: Binary, ...errorResponses } },
    onRequest: app.requirePermission('cards.import', 'orders.ship'),
  }, async (req, reply) => {
    const buf = await svc().report(sessionOf(req).merchant.id, req.params.id)
    reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename*=UTF-8''import-report-${req.params.id}.xlsx`)
    return reply.send(buf)
  })

  app.get('/api/v1/orders/export', {
    schema: {
      operationId: 'exportOrders', tags: ['orders'], security, summary: 'Order export (订单导出) with the list filters and tab, for printing software',
      querystring: OrderListQuerySchema, response: { 200: Binary, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.export'),
  }, async (req, reply) => {
    const { cursor: _c, limit: _l, ...query } = req.query
    return streamOrderExport(req, reply, sessionOf(req).merchant.id, query, actorOf(req))
  })

  app.post('/api/v1/orders/export-link', {
    schema: {
      operationId: 'createOrderExportLink', tags: ['orders'], security, body: OrderExportQuery,
      summary: 'A single-use link to an order export, valid for 60 seconds',
      description: 'The body is the query of GET /api/v1/orders/export (the list\'s filters and tab). The answer\'s url needs no Authorization header: ' +
        'the console navigates to it and the browser saves the file to disk as it streams. It works once; orders.export is checked again when it is used.',
      response: { 201: Type.Object({ url: Type.String(), expires_at: Type.String({ format: 'date-time' }) }), ...errorResponses },
    },
    onRequest: app.requirePermission('orders.export'),
  }, async (req, reply) => {
    const s = sessionOf(req)
    const link = await svc().createExportLink(s.merchant.id, Number(s.admin.id), { kind: 'orders.export', params: req.body })
    reply.code(201)
    return { url: `/api/v1/downloads/${link.token}`, expires_at: link.expires_at }
  })

  app.get('/api/v1/card-issues/phone-template', {
    schema: { operationId: 'phoneListTemplate', tags: ['cards'], security, summary: 'Template for issuing cards to a list of phones', response: { 200: Binary, ...errorResponses } },
    onRequest: app.requirePermission('cards.activate'),
  }, async (_req, reply) => {
    reply.header('content-type', XLSX_TYPE).header('content-disposition', "attachment; filename*=UTF-8''phone-list-template.xlsx")
    return reply.send(await svc().phoneTemplate())
  })

  app.post('/api/v1/card-issues/import-phones', {
    schema: {
      operationId: 'issueToPhones', tags: ['cards'], security, consumes: ['multipart/form-data'],
      summary: 'Issue cards to a list of phones (phone, quantity) as the open platform does: all or nothing',
      description: 'Multipart fields: file (xlsx), batch_no, send_sms (true/false).',
      response: {
        201: Type.Object({ issue_no: Type.String(), out_order_no: Type.String(), status: Type.String(), cards: Type.Array(Type.Object({ card_no: Type.String(), phone: Type.String(), redeem_url: Type.String() }, { additionalProperties: true })) }),
        422: Type.Object({ code: Type.String(), message: Type.String(), request_id: Type.String(), details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))), report_id: Type.Optional(Type.Union([Type.Integer(), Type.Null()])), problems: Type.Optional(Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), problem: Type.String() }), { description: 'The first 10,000 problems' })), problems_total: Type.Optional(Type.Integer()) }),
        ...errorResponses,
      },
    },
    config: multipartDoc({
      file: FilePart('Rows of phone, quantity (xlsx; the template from GET /api/v1/card-issues/phone-template)'),
      batch_no: Type.String({ description: 'The batch the cards come from' }),
      send_sms: Type.Optional(Type.String({ enum: ['true', 'false'], default: 'false', description: 'Text each phone its cards' })),
    }),
    // Issuing activates cards and binds them to phones: the activation permission.
    onRequest: app.requirePermission('cards.activate'),
  }, async (req, reply) => {
    const { file, fields } = await multipartFile(req)
    if (!fields.batch_no) throw validationFailed({ details: [{ path: '/batch_no', message: '请选择批次' }] })
    // With the password in card-issued texts, texting a list of phones sends passwords wherever the list says.
    if (fields.send_sms === 'true' && (await app.services.notifications.get(sessionOf(req).merchant.id)).card_issued_include_password) {
      assertPermission(req, 'cards.export_secrets')
    }
    const r = await svc().issueFromPhones(sessionOf(req).merchant.id, file, { batch_no: fields.batch_no, send_sms: fields.send_sms === 'true' }, actorOf(req))
    if (!r.issued) {
      reply.code(422)
      return { code: importRejected.code, message: '手机号列表有错误，未发放任何卡券', request_id: String(req.id), report_id: r.report_id, problems: r.problems, problems_total: r.problems_total }
    }
    reply.code(201)
    return r.issue
  })

  app.get('/api/v1/orders/ship-import-template', {
    schema: { operationId: 'shipImportTemplate', tags: ['orders'], security, response: { 200: Binary, ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (_req, reply) => {
    reply.header('content-type', XLSX_TYPE).header('content-disposition', "attachment; filename*=UTF-8''ship-import-template.xlsx")
    return reply.send(await svc().shipTemplate())
  })

  app.post('/api/v1/orders/ship-import', {
    schema: {
      operationId: 'shipImport', tags: ['orders'], security, consumes: ['multipart/form-data'],
      summary: 'Batch shipping (批量发货): order_no, courier (code or name), waybill_no per row; a repeat changes nothing',
      response: {
        200: Type.Object({
          shipped: Type.Integer(), would_ship: Type.Integer({ description: 'Dry run: rows that would ship' }), already_shipped: Type.Integer(), error: Type.Integer(),
          dry_run: Type.Boolean(),
          report_id: Type.Union([Type.Integer(), Type.Null()], { description: 'Rows in error: GET /api/v1/imports/{report_id}/report downloads them as xlsx' }),
          rows: Type.Array(Type.Object({
            row: Type.Integer(), order_no: Type.String(),
            result: Type.Union(['shipped', 'would_ship', 'already_shipped', 'error'].map((x) => Type.Literal(x))),
            column: Type.Optional(Type.String({ description: 'The column in error: order_no, courier, waybill_no, or * (the whole row)' })),
            problem: Type.Optional(Type.String()),
          }), { description: 'The first 10,000 rows; the counts above cover all' }),
        }),
        ...errorResponses,
      },
    },
    config: multipartDoc({
      file: FilePart('Rows of order_no, courier, waybill_no (xlsx; the template from GET /api/v1/orders/ship-import-template)'),
      dry_run: Type.Optional(Type.String({ enum: ['true', 'false'], default: 'false', description: 'Check every row, ship nothing' })),
    }),
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => {
    const { file, fields } = await multipartFile(req)
    return svc().shipImport(sessionOf(req).merchant.id, file, { dry_run: fields.dry_run === 'true' }, actorOf(req))
  })
}
