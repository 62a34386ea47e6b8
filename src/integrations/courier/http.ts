import got, { type Response } from 'got'
import { CourierError } from './port.js'

/** A form POST with the outbox's rules: 15 s, no own retries, no redirects; 5xx/429/network are transient. */
export async function postForm (url: string, form: Record<string, string>): Promise<any> {
  let res: Response<string>
  try {
    res = await got.post(url, { form, timeout: { request: 15_000 }, retry: { limit: 0 }, followRedirect: false, throwHttpErrors: false })
  } catch (err) {
    throw new CourierError(`network: ${(err as { code?: string }).code ?? (err as Error).message}`, true)
  }
  if (res.statusCode >= 500 || res.statusCode === 429) throw new CourierError(`HTTP ${res.statusCode}`, true)
  try {
    return JSON.parse(res.body)
  } catch {
    throw new CourierError(`HTTP ${res.statusCode}: not JSON`, false)
  }
}
