// One place turns every error into `{ code, message, request_id, details? }`.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isDatabaseUnavailable, isDeadlock } from '../shared/db.js'
import {
  AppError, badRequest, databaseUnavailable, internalError, invalidJson, notFound, payloadTooLarge, unsupportedMediaType, validationFailed,
} from '../shared/errors.js'
import { validationDetails } from '../shared/validation.js'

interface ValidationItem { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> }

/** Maps anything thrown in a request to an AppError. */
export function toAppError (err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err
  const e = err as FastifyError & { validation?: ValidationItem[]; validationContext?: string }
  if (Array.isArray(e.validation)) {
    return validationFailed({ details: validationDetails(e.validation, e.validationContext) })
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidJson()
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge()
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return unsupportedMediaType()
  }
  if (isDatabaseUnavailable(e)) return databaseUnavailable({ headers: { 'retry-after': '5' } })
  // InnoDB rolled the request's transaction back whole to break a deadlock: nothing changed, and it may simply be sent again.
  if (isDeadlock(e)) return databaseUnavailable({ headers: { 'retry-after': '1' } })
  if (e instanceof SyntaxError && e.statusCode === 400) return invalidJson()
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 404) return notFound()
    if (e.statusCode === 413) return payloadTooLarge()
    if (e.statusCode === 415) return unsupportedMediaType()
    return new AppError(badRequest.code, e.statusCode, badRequest().message)
  }
  return internalError()
}

export function sendError (reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  if (err.headers) reply.headers(err.headers)
  return reply.code(err.statusCode).send({
    code: err.code,
    message: err.message,
    request_id: String(request.id),
    ...(err.details ? { details: err.details } : {}),
  })
}

export default fp(async function errorsPlugin (app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const mapped = toAppError(err)
    if (mapped.code === databaseUnavailable.code) request.log.warn({ err: { code: (err as { code?: string }).code, message: err.message } }, 'request.database_unavailable')
    else if (mapped.statusCode >= 500) request.log.error({ err }, 'request.failed')
    else request.log.info({ code: mapped.code, status: mapped.statusCode }, 'request.rejected')
    return sendError(reply, request, mapped)
  })
  app.setNotFoundHandler((request, reply) => sendError(reply, request, notFound()))
}, { name: 'errors' })
