// Request signing, scheme v1 (spec/open-platform.md): HMAC-SHA256 with the app secret over
//   METHOD \n PATH \n CANONICAL_QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
// Used by the verifying plugin and by the client that mall developers (and our tests) use.
import { createHash, createHmac } from 'node:crypto'

/** RFC 3986: unreserved characters stay, everything else is %XX upper case. */
export function rfc3986 (s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function decode (s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '))
}

/**
 * The canonical query from a raw query string: decoded (a `+` is a space), re-encoded per
 * RFC 3986, sorted by name then value in byte order, joined by `&`. Empty values are kept.
 */
export function canonicalQuery (rawQuery: string): string {
  if (rawQuery === '') return ''
  const pairs = rawQuery.split('&').filter((p) => p !== '').map((p) => {
    const i = p.indexOf('=')
    const name = i < 0 ? p : p.slice(0, i)
    const value = i < 0 ? '' : p.slice(i + 1)
    return [rfc3986(decode(name)), rfc3986(decode(value))] as const
  })
  const bytes = (s: string) => Buffer.from(s, 'utf8')
  pairs.sort((a, b) => Buffer.compare(bytes(a[0]), bytes(b[0])) || Buffer.compare(bytes(a[1]), bytes(b[1])))
  return pairs.map(([n, v]) => `${n}=${v}`).join('&')
}

// Most signed requests are GETs: the hash of no body is a constant.
const EMPTY_BODY_HASH = createHash('sha256').digest('hex')

export function bodyHash (body: Buffer | string | undefined): string {
  if (body === undefined || body.length === 0) return EMPTY_BODY_HASH
  return createHash('sha256').update(body).digest('hex')
}

export function stringToSign (method: string, path: string, rawQuery: string, timestamp: string, nonce: string, body: Buffer | string | undefined): string {
  return [method.toUpperCase(), path, canonicalQuery(rawQuery), timestamp, nonce, bodyHash(body)].join('\n')
}

export function sign (secret: string, toSign: string): string {
  return 'v1=' + createHmac('sha256', Buffer.from(secret, 'utf8')).update(toSign).digest('base64')
}

/** Splits a request URL into its path (exactly as sent) and raw query string. */
export function splitUrl (url: string): { path: string; query: string } {
  const i = url.indexOf('?')
  return i < 0 ? { path: url, query: '' } : { path: url.slice(0, i), query: url.slice(i + 1) }
}
