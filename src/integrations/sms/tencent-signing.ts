// Tencent Cloud API signature v3 (TC3-HMAC-SHA256): https://cloud.tencent.com/document/api/213/30654
import { createHash, createHmac } from 'node:crypto'

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

export interface Tc3Request {
  service: string
  host: string
  /** Unix seconds; the credential scope uses its UTC date. */
  timestamp: number
  payload: string
  contentType?: string
  /** When given, signed as the lower-case x-tc-action header (the current docs do). */
  action?: string
}

export function tc3Signature (req: Tc3Request, secretId: string, secretKey: string) {
  const date = new Date(req.timestamp * 1000).toISOString().slice(0, 10)
  const contentType = req.contentType ?? 'application/json; charset=utf-8'
  const headers: Array<[string, string]> = [['content-type', contentType], ['host', req.host]]
  if (req.action) headers.push(['x-tc-action', req.action.toLowerCase()])
  const signedHeaders = headers.map(([k]) => k).join(';')
  const canonical = ['POST', '/', '', headers.map(([k, v]) => `${k}:${v}\n`).join(''), signedHeaders, sha256hex(req.payload)].join('\n')
  const scope = `${date}/${req.service}/tc3_request`
  const stringToSign = ['TC3-HMAC-SHA256', String(req.timestamp), scope, sha256hex(canonical)].join('\n')
  const secretDate = hmac(`TC3${secretKey}`, date)
  const secretService = hmac(secretDate, req.service)
  const secretSigning = hmac(secretService, 'tc3_request')
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex')
  return {
    hashedCanonicalRequest: sha256hex(canonical),
    secretDate: secretDate.toString('hex'),
    secretService: secretService.toString('hex'),
    secretSigning: secretSigning.toString('hex'),
    signature,
    authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}
