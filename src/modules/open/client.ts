// A small client for the Kaquan open API (/open/v1) that signs every request (scheme v1).
// Mall developers can copy it; our tests use it. Node 20+, no dependencies.
//
//   const kq = new KaquanClient({ baseUrl: 'https://cards.example.com', appKey: 'ak_…', appSecret: 'sk_…' })
//   const issue = await kq.request('POST', '/open/v1/card-issues', { out_order_no: 'M1', batch_no: 'B…', items: [{ phone: '13800138000', quantity: 1 }], send_sms: true })
import { randomBytes } from 'node:crypto'
import { sign, splitUrl, stringToSign } from './signature.js'

export interface KaquanClientOptions {
  baseUrl: string
  appKey: string
  appSecret: string
  /** Override for tests: seconds since the epoch. */
  now?: () => number
}

export interface SignedHeaders {
  'x-kq-app-key': string
  'x-kq-timestamp': string
  'x-kq-nonce': string
  'x-kq-signature': string
  [name: string]: string
}

/** The four signing headers for one request; `pathWithQuery` is sent exactly as given. */
export function signRequest (opts: { appKey: string; appSecret: string; method: string; pathWithQuery: string; body?: string; timestamp?: number; nonce?: string }): SignedHeaders {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = opts.nonce ?? randomBytes(12).toString('base64url')
  const { path, query } = splitUrl(opts.pathWithQuery)
  return {
    'x-kq-app-key': opts.appKey,
    'x-kq-timestamp': timestamp,
    'x-kq-nonce': nonce,
    'x-kq-signature': sign(opts.appSecret, stringToSign(opts.method, path, query, timestamp, nonce, opts.body ?? '')),
  }
}

export class KaquanClient {
  constructor (private readonly opts: KaquanClientOptions) {}

  /** Sends a signed request; resolves with the status, headers and parsed JSON body. */
  async request<T = unknown> (method: string, pathWithQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: T }> {
    const raw = body === undefined ? undefined : JSON.stringify(body)
    const signed = signRequest({
      appKey: this.opts.appKey, appSecret: this.opts.appSecret, method, pathWithQuery, body: raw,
      timestamp: this.opts.now?.(),
    })
    const res = await fetch(this.opts.baseUrl.replace(/\/$/, '') + pathWithQuery, {
      method,
      headers: { ...signed, ...(raw === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: raw,
    })
    return { status: res.status, headers: res.headers, body: await res.json() as T }
  }
}
