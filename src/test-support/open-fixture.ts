import type { LightMyRequestResponse } from 'fastify'
import { signRequest } from '../modules/open/client.js'
import type { RedeemFixture } from './redeem-fixture.js'

export interface OpenApp { app_key: string; app_secret: string; id: number }

export async function createApp (f: RedeemFixture, scopes: string[], extra: object = {}): Promise<OpenApp> {
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/apps', headers: f.auth(f.token), payload: { name: '商城', scopes, ...extra } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

let seq = 0

/** A signed /open/v1 request through inject; `patch` alters headers after signing (to break them). */
export async function openRequest (f: RedeemFixture, app: OpenApp, method: string, url: string, body?: unknown, opts: {
  headers?: Record<string, string | undefined>; timestamp?: number; nonce?: string; remoteAddress?: string; secret?: string; target?: RedeemFixture['app']
} = {}): Promise<LightMyRequestResponse> {
  const raw = body === undefined ? undefined : JSON.stringify(body)
  const signed = signRequest({
    appKey: app.app_key, appSecret: opts.secret ?? app.app_secret, method, pathWithQuery: url, body: raw,
    timestamp: opts.timestamp ?? Math.floor(f.app.clock.now().getTime() / 1000),
    nonce: opts.nonce ?? `nonce-${Date.now()}-${seq++}-abcdefgh`,
  })
  const headers: Record<string, string> = { ...signed, ...(raw === undefined ? {} : { 'content-type': 'application/json' }) }
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v === undefined) delete headers[k]
    else headers[k] = v
  }
  return (opts.target ?? f.app).inject({ method: method as 'GET', url, headers, payload: raw, remoteAddress: opts.remoteAddress ?? '127.0.0.1' })
}
