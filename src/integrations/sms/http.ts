import got, { type Response } from 'got'
import { SmsError } from './port.js'

/** One call with the outbox's rules: 15 s, no retries of got's own, no redirects. */
export async function call (url: string, opts: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; searchParams?: Record<string, string> }): Promise<{ status: number; json: any }> {
  let res: Response<string>
  try {
    res = await got(url, {
      method: opts.method, headers: opts.headers, body: opts.body, searchParams: opts.searchParams,
      timeout: { request: 15_000 }, retry: { limit: 0 }, followRedirect: false, throwHttpErrors: false,
    })
  } catch (err) {
    throw new SmsError(`network: ${(err as { code?: string }).code ?? (err as Error).message}`, true)
  }
  if (res.statusCode >= 500 || res.statusCode === 429) throw new SmsError(`HTTP ${res.statusCode}`, true)
  try {
    return { status: res.statusCode, json: JSON.parse(res.body) }
  } catch {
    throw new SmsError(`HTTP ${res.statusCode}: not JSON`, res.statusCode >= 500)
  }
}
