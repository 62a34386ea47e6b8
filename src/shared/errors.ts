// One error type for every rule the service enforces. Codes are lower snake_case, public and
// never renamed; messages are what a merchant or customer reads, so they are Chinese.

/** `code` is set where a client may act on the kind of problem (date_invalid). */
export interface ErrorDetail { path: string; message: string; code?: string }

export class AppError extends Error {
  readonly code: string
  readonly statusCode: number
  readonly details?: ErrorDetail[]
  readonly headers?: Record<string, string>

  constructor (code: string, statusCode: number, message: string, opts: { details?: ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.statusCode = statusCode
    this.details = opts.details
    this.headers = opts.headers
  }
}

export type AppErrorFactory = ((opts?: { message?: string; details?: ErrorDetail[]; headers?: Record<string, string> }) => AppError) & { code: string; statusCode: number }

/** Declares a catalogued error: `export const cardRedeemed = appError('card_redeemed', 409, '该卡已提货')`. */
export function appError (code: string, statusCode: number, message: string): AppErrorFactory {
  const make = (opts: { message?: string; details?: ErrorDetail[]; headers?: Record<string, string> } = {}) =>
    new AppError(code, statusCode, opts.message ?? message, opts)
  return Object.assign(make, { code, statusCode })
}

// Errors shared by every module.
export const validationFailed = appError('validation_failed', 422, '提交的数据不正确')
export const invalidJson = appError('invalid_json', 400, '请求内容不是合法的 JSON')
export const payloadTooLarge = appError('payload_too_large', 413, '请求内容过大')
export const unsupportedMediaType = appError('unsupported_media_type', 415, '不支持的请求内容类型')
export const notFound = appError('not_found', 404, '请求的资源不存在')
export const unauthorized = appError('unauthorized', 401, '请先登录')
export const forbidden = appError('forbidden', 403, '没有执行此操作的权限')
export const tooManyAttempts = appError('too_many_attempts', 429, '尝试次数过多，请稍后再试')
export const internalError = appError('internal_error', 500, '服务器内部错误，请稍后再试')
export const badRequest = appError('bad_request', 400, '请求不正确')
/** A signed request (open API, courier push) whose signature or token does not verify. */
export const signatureInvalid = appError('signature_invalid', 401, '签名不正确')
export const databaseUnavailable = appError('database_unavailable', 503, '服务暂时不可用，请稍后再试')

/** Every code that the shared error mapper can produce, for the OpenAPI description. */
export const SHARED_ERROR_CODES = [
  validationFailed, invalidJson, payloadTooLarge, unsupportedMediaType, notFound,
  unauthorized, forbidden, tooManyAttempts, internalError, badRequest, databaseUnavailable,
].map((e) => e.code)
