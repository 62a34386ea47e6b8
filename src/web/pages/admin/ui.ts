// What every console page does with a failed call: the API's Chinese message, as it is (a 403
// already names the missing permission). Field errors are the page's to place.
import { ElMessage } from 'element-plus'
import { asApiError, type ApiError } from '../shared/api.js'

export function showError (err: unknown): ApiError {
  const e = asApiError(err)
  // A lapsed session is already on its way to the login form.
  if (e.status !== 401) ElMessage.error({ message: e.message, grouping: true })
  return e
}

/** Field errors of a 400 by field name (the part of `details[].path` after the last "/"). */
export function fieldErrors (err: ApiError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of err.details) {
    const key = (d.path ?? '').split('/').filter(Boolean).pop() ?? ''
    if (key && !out[key]) out[key] = d.message
  }
  return out
}
