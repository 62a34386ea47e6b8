// E-waybill routes: the sender settings, a courier variant's vendor account, and waybill
// requests (answered 202: the order ships when the courier answers through the outbox).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, sessionOf } from '../../plugins/admin-auth.js'
import { errorResponses } from '../../shared/schemas.js'
import {
  CloudPrintResultSchema, CourierAccountParamsSchema, CourierAccountSchema, CourierAccountTestSchema, DownloadLinkSchema, EWaybillSettingsSchema, LabelsBodySchema,
  OrderNoParamsSchema, PutEWaybillSettingsSchema, RequestManyBodySchema, RequestOneBodySchema, RequestResultSchema, SavedEWaybillSettingsSchema, VendorCredentialsSchema,
  WaybillCancelResultSchema,
} from './e-waybill.schemas.js'
import { patchSchema, patchSection } from '../settings/section-patch.js'

const security = [{ adminBearer: [] }]

export const eWaybillRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/v1/settings/e-waybill', {
    schema: { operationId: 'getEWaybillSettings', tags: ['settings'], security, response: { 200: EWaybillSettingsSchema, ...errorResponses } },
    // Read by who ships (the completeness check before an e-waybill) and by who edits it (全局设置).
    onRequest: app.requirePermission('orders.ship', 'settings.write'),
  }, async (req) => app.services.eWaybill.getSettings(sessionOf(req).merchant.id))

  app.put('/api/v1/settings/e-waybill', {
    schema: { operationId: 'putEWaybillSettings', tags: ['settings'], security, summary: 'The e-waybill sender (寄件人): every field required', body: PutEWaybillSettingsSchema, response: { 200: SavedEWaybillSettingsSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.putSettings(sessionOf(req).merchant.id, req.body, actorOf(req)))

  app.patch('/api/v1/settings/e-waybill', {
    schema: { operationId: 'patchEWaybillSettings', tags: ['settings'], security, body: patchSchema(PutEWaybillSettingsSchema), response: { 200: SavedEWaybillSettingsSchema, ...errorResponses } },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => {
    const m = sessionOf(req).merchant.id
    return patchSection(req, PutEWaybillSettingsSchema, await app.services.eWaybill.getSettings(m), req.body, (whole) => app.services.eWaybill.putSettings(m, whole, actorOf(req)))
  })

  app.get('/api/v1/couriers/:id/account', {
    schema: {
      operationId: 'getCourierAccount', tags: ['orders'], security, params: CourierAccountParamsSchema,
      summary: 'The e-waybill vendor account of a courier variant; secrets masked (****abcd)', response: { 200: CourierAccountSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.getAccount(sessionOf(req).merchant.id, req.params.id))

  app.post('/api/v1/couriers/:id/account/test', {
    schema: {
      operationId: 'testCourierAccount', tags: ['orders'], security, params: CourierAccountParamsSchema,
      summary: 'A harmless read-only call to the vendor with the stored account (15 s at most); the outcome in Chinese',
      response: { 200: CourierAccountTestSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.testAccount(sessionOf(req).merchant.id, req.params.id))

  app.put('/api/v1/couriers/:id/account', {
    schema: {
      operationId: 'setCourierAccount', tags: ['orders'], security, params: CourierAccountParamsSchema, body: VendorCredentialsSchema,
      summary: 'The e-waybill vendor account of a courier variant (SF open platform or Kuaidi100); secrets stored encrypted, kept when omitted, returned masked',
      response: { 200: CourierAccountSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('settings.write'),
  }, async (req) => app.services.eWaybill.setAccount(sessionOf(req).merchant.id, req.params.id, req.body, actorOf(req)))

  app.post('/api/v1/orders/:order_no/e-waybill', {
    schema: { operationId: 'requestEWaybill', tags: ['orders'], security, params: OrderNoParamsSchema, body: RequestOneBodySchema, summary: 'Request an e-waybill; the order ships when the courier answers', response: { 202: RequestResultSchema, ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const r = await app.services.eWaybill.request(sessionOf(req).merchant.id, [req.params.order_no], req.body.courier_account_id, actorOf(req))
    app.services.worker.kick()
    reply.code(202)
    return r
  })

  app.post('/api/v1/orders/e-waybill', {
    schema: { operationId: 'requestEWaybills', tags: ['orders'], security, body: RequestManyBodySchema, response: { 202: RequestResultSchema, ...errorResponses } },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const r = await app.services.eWaybill.request(sessionOf(req).merchant.id, req.body.order_nos, req.body.courier_account_id, actorOf(req))
    app.services.worker.kick()
    reply.code(202)
    return r
  })

  const pdf = { description: 'PDF (application/pdf): the labels, one or more pages per order', type: 'string', format: 'binary' } as const

  app.get('/api/v1/orders/:order_no/label.pdf', {
    schema: {
      operationId: 'getOrderLabel', tags: ['orders'], security, params: OrderNoParamsSchema, produces: ['application/pdf'],
      summary: 'The e-waybill label (面单) of an order as a PDF, fetched from the courier now (SF cloud print; Kuaidi100 label image)',
      response: { 200: pdf, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const file = await app.services.eWaybill.labelsPdf(sessionOf(req).merchant.id, [req.params.order_no])
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename*=UTF-8''label-${encodeURIComponent(req.params.order_no)}.pdf`).send(file)
  })

  app.post('/api/v1/orders/labels', {
    schema: {
      operationId: 'createLabelsLink', tags: ['orders'], security, body: LabelsBodySchema,
      summary: 'A single-use link (60 s) to one PDF with the labels of the ticked orders, in their order',
      description: 'Every order must have an e-waybill (409 e_waybill_missing otherwise, nothing created). The link needs no Authorization header: the page navigates to it; the labels are fetched from the couriers when it is followed.',
      response: { 201: DownloadLinkSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req, reply) => {
    const s = sessionOf(req)
    await app.services.eWaybill.checkLabels(s.merchant.id, req.body.order_nos)
    const link = await app.services.sheets.createExportLink(s.merchant.id, Number(s.admin.id), { kind: 'orders.labels', params: { order_nos: req.body.order_nos } })
    reply.code(201)
    return { url: `/api/v1/downloads/${link.token}`, expires_at: link.expires_at }
  })

  app.post('/api/v1/orders/:order_no/label/print', {
    schema: {
      operationId: 'printOrderLabel', tags: ['orders'], security, params: OrderNoParamsSchema,
      summary: 'Cloud print (云打印/复打): the Kuaidi100 label sent to the merchant\'s cloud printer (siid) again',
      response: { 200: CloudPrintResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => app.services.eWaybill.cloudPrint(sessionOf(req).merchant.id, req.params.order_no, actorOf(req)))

  app.post('/api/v1/orders/:order_no/e-waybill/cancel', {
    schema: {
      operationId: 'cancelEWaybill', tags: ['orders'], security, params: OrderNoParamsSchema,
      summary: '取消电子面单: the waybill is given back (the order is pending again) and cancelled at the courier through the outbox',
      description: 'Refused once the courier has collected the parcel (409 waybill_collected). The order itself can be cancelled (POST /cancel) once the courier confirmed the cancel (409 waybill_cancel_pending before, waybill_cancel_refused when the courier refused).',
      response: { 200: WaybillCancelResultSchema, ...errorResponses },
    },
    onRequest: app.requirePermission('orders.ship'),
  }, async (req) => {
    const r = await app.services.eWaybill.cancelEWaybill(sessionOf(req).merchant.id, req.params.order_no, actorOf(req))
    app.services.worker.kick()
    return r
  })
}
