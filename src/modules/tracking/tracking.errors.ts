// Tracking errors: a courier push whose merchant, signature, URL token or source address does
// not check out is answered signature_invalid (401) and nothing is stored.
export { signatureInvalid as pushUnauthorized } from '../../shared/errors.js'
