// The pages talk to the API with relative URLs only, so they work under any host name.
import type { ErrorResponse } from './types.js'

export type ErrorDetail = NonNullable<ErrorResponse['details']>[number]

/** An API error as the pages use it: the stable code decides where and how it is shown. */
export class ApiError extends Error {
  constructor (
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds from a Retry-After header (locked card, too many attempts). */
    readonly retryAfter: number | null = null,
  ) {
    super(message)
  }
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
const SERVER_MESSAGE = '服务器繁忙，请稍后再试'

export async function api<T> (method: 'GET' | 'POST', url: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  let res: Response
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE)
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] }
    const retry = Number(res.headers.get('retry-after'))
    throw new ApiError(
      res.status,
      e.code ?? `http_${res.status}`,
      // Our errors carry a message (5xx ones are generic, but 503 pickup_paused has the merchant's);
      // a proxy's HTML error page has none.
      e.message ?? (res.status >= 500 ? SERVER_MESSAGE : NETWORK_MESSAGE),
      Array.isArray(e.details) ? e.details : [],
      Number.isFinite(retry) && retry > 0 ? retry : null,
    )
  }
  return data as T
}

export function asApiError (err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err))
}
