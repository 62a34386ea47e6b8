// Uploads of the card import and the phone-list issue: multipart, and their refusals (422)
// carry the row-level report in the body, which the pages show as a table. (api.ts's send()
// turns a refusal into an ApiError and keeps only the message and details.)
import { ApiError } from '../api.js'
import { NETWORK_MESSAGE } from '../../shared/api.js'
import { session, sessionLapsed } from '../session.js'

export interface RowProblem { row: number; column: string; problem: string }
export interface Refusal {
  code: string
  message: string
  details?: Array<{ path: string; message: string }>
  problems?: RowProblem[]
  problems_total?: number
  report_id?: number | null
}

/** Posts the form; a 422 with a row-level report answers it instead of throwing. */
export async function upload<T> (url: string, form: FormData): Promise<{ ok: true; body: T } | { ok: false; body: Refusal }> {
  let res: Response
  try {
    res = await fetch(url, { method: 'POST', body: form, headers: { accept: 'application/json', authorization: `Bearer ${session.token}` }, cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'network_error', NETWORK_MESSAGE)
  }
  if (res.status === 401) sessionLapsed()
  let body: unknown = null
  try { body = await res.json() } catch { body = null }
  if (res.ok) return { ok: true, body: body as T }
  const e = (body ?? {}) as Refusal
  if (res.status === 422 && Array.isArray(e.problems) && e.problems.length) return { ok: false, body: e }
  throw new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? '服务器繁忙，请稍后再试', e.details ?? [])
}
