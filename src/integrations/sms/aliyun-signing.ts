// Aliyun OpenAPI request signing (Dysms SendSms uses either).
//  RPC v1: https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
//  V3 ACS3-HMAC-SHA256: https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
import { createHash, createHmac } from 'node:crypto'

/** RFC 3986 percent-encoding as Aliyun specifies (space → %20, * → %2A, ~ kept). */
export function aliyunEncode (s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function rpcCanonicalQuery (params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k])}`).join('&')
}

/** RPC v1 (HMAC-SHA1): Base64(HMAC-SHA1(secret + "&", METHOD & %2F & pe(canonical query))). */
export function rpcSignature (method: string, params: Record<string, string>, accessKeySecret: string): { stringToSign: string; signature: string } {
  const stringToSign = `${method.toUpperCase()}&${aliyunEncode('/')}&${aliyunEncode(rpcCanonicalQuery(params))}`
  return { stringToSign, signature: createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64') }
}

const sha256hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex')

export interface V3Request {
  method: string
  path: string
  query: Record<string, string>
  /** Lower-case header names; host and the x-acs-* headers are signed. */
  headers: Record<string, string>
  body: string
}

/** V3: hex HMAC-SHA256 over "ACS3-HMAC-SHA256\n" + hex SHA-256 of the canonical request. */
export function v3Signature (req: V3Request, accessKeyId: string, accessKeySecret: string) {
  const query = Object.keys(req.query).sort().map((k) => `${aliyunEncode(k)}=${aliyunEncode(req.query[k])}`).join('&')
  const headers: Record<string, string> = { ...req.headers, 'x-acs-content-sha256': req.headers['x-acs-content-sha256'] ?? sha256hex(req.body) }
  const names = Object.keys(headers).map((h) => h.toLowerCase()).filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-')).sort()
  const canonical = [
    req.method.toUpperCase(), req.path, query,
    names.map((h) => `${h}:${headers[h].trim()}\n`).join(''), names.join(';'), headers['x-acs-content-sha256'],
  ].join('\n')
  const hashed = sha256hex(canonical)
  const signature = createHmac('sha256', accessKeySecret).update(`ACS3-HMAC-SHA256\n${hashed}`).digest('hex')
  return {
    canonicalRequest: canonical,
    hashedCanonicalRequest: hashed,
    signature,
    authorization: `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`,
  }
}
