// The console's one API client: openapi-fetch over the generated types of openapi/openapi.json
// (../shared/api-types.ts), so a renamed path, parameter or field fails `npm run typecheck`
// instead of a page. Every call carries the session's token; `ok()` unwraps an answer or throws
// the API's error (stable code, Chinese message) as an ApiError, the same class the pickup
// pages use. A 401 while signed in ends the session (the router then shows the login page and
// comes back afterwards).
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '../shared/api-types.js'
import { ApiError, NETWORK_MESSAGE, type ErrorDetail } from '../shared/api.js'

export { ApiError }

const SERVER_MESSAGE = '服务器繁忙，请稍后再试'

let tokenOf: () => string = () => ''
let onUnauthorized: () => void = () => {}

/** Wires the client to the session (main.ts). */
export function bindSession (token: () => string, unauthorized: () => void): void {
  tokenOf = token
  onUnauthorized = unauthorized
}

const auth: Middleware = {
  onRequest ({ request }) {
    const token = tokenOf()
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`)
    return request
  },
  onResponse ({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) onUnauthorized()
    return response
  },
}

export const client = createClient<paths>({ baseUrl: '', cache: 'no-store', credentials: 'same-origin' })
client.use(auth)

/** The error of a failed answer, as the console shows it. */
function toApiError (response: Response, error: unknown): ApiError {
  const e = (error && typeof error === 'object' ? error : {}) as { code?: string; message?: string; details?: ErrorDetail[] }
  const retry = Number(response.headers.get('retry-after'))
  return new ApiError(
    response.status,
    e.code ?? `http_${response.status}`,
    e.message ?? (response.status >= 500 ? SERVER_MESSAGE : NETWORK_MESSAGE),
    Array.isArray(e.details) ? e.details : [],
    Number.isFinite(retry) && retry > 0 ? retry : null,
  )
}

/** Awaits an openapi-fetch call: its data, or its error thrown as an ApiError. */
export async function ok<T> (call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response }
  try {
    r = await call
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE)
  }
  if (!r.response.ok) throw toApiError(r.response, r.error)
  return r.data as T
}

/**
 * A raw authorised request, for what openapi-fetch does not model well: multipart uploads and
 * file downloads. Throws the API's error like `ok()`.
 */
export async function send (method: string, url: string, body?: BodyInit): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const token = tokenOf()
  if (token) headers.authorization = `Bearer ${token}`
  let res: Response
  try {
    res = await fetch(url, { method, headers, body, cache: 'no-store', credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE)
  }
  if (res.status === 401 && token) onUnauthorized()
  if (!res.ok) {
    let data: unknown = null
    try { data = await res.json() } catch { data = null }
    throw toApiError(res, data)
  }
  return res
}

/** Saves a response's body as a file (the name from Content-Disposition when it has one). */
export async function saveResponse (res: Response, fallbackName: string): Promise<void> {
  const disposition = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
