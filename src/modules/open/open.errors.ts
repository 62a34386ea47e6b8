// Error codes of the open platform: the signed-request checks, idempotency, issues, and the apps console.
import { appError } from '../../shared/errors.js'

// The codes of spec/open-platform.md, in the order the checks run.
export const signatureMissing = appError('signature_missing', 401, '缺少签名请求头')
export const appInvalid = appError('app_invalid', 401, '应用不存在')
export const appDisabled = appError('app_disabled', 403, '应用已停用')
export const timestampOutOfWindow = appError('timestamp_out_of_window', 401, '请求时间与服务器时间相差超过 300 秒')
export { signatureInvalid } from '../../shared/errors.js'
export const nonceReplayed = appError('nonce_replayed', 401, '该 nonce 已使用过')
export const ipNotAllowed = appError('ip_not_allowed', 403, '调用方 IP 不在白名单内')
export const scopeMissing = appError('scope_missing', 403, '应用没有调用该接口的权限')
export const rateLimited = appError('rate_limited', 429, '请求过于频繁')

export const idempotencyKeyReused = appError('idempotency_key_reused', 422, '同一 Idempotency-Key 的请求内容不同')
export const requestInProgress = appError('request_in_progress', 409, '相同 Idempotency-Key 的请求仍在处理中')

export { batchNotFound, cardNotFound } from '../cards/cards.errors.js'
export { orderNotFound } from '../orders/orders.errors.js'
export const insufficientCards = appError('insufficient_cards', 409, '该批次可发放的卡券不足，未发放任何卡券')
export const phoneInvalid = appError('phone_invalid', 422, '手机号格式不正确')
export const quantityInvalid = appError('quantity_invalid', 422, '数量不正确：每个手机号 1-1000 张，每次最多 5000 张')
export const issueNotFound = appError('issue_not_found', 404, '发卡单不存在')

export const appNotFound = appError('app_not_found', 404, '应用不存在')
export const allowlistInvalid = appError('ip_allowlist_invalid', 422, 'IP 白名单格式不正确')
