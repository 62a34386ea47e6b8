// Tracking errors: a courier push whose merchant, signature, URL token or source address does
// not check out is answered signature_invalid (401) and nothing is stored.
import { appError } from '../../shared/errors.js'
export { signatureInvalid as pushUnauthorized } from '../../shared/errors.js'

/** A verified push we cannot read (not SF's JSON nor its XML route push): refused, so that SF sends it again. */
export const pushUnreadable = appError('tracking_push_unreadable', 400, '无法解析的路由推送内容')
