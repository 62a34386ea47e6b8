import { OutboundError } from '../../shared/outbound.js'
import type { Vendor, VendorHttp } from '../vendor-endpoints.js'
import { CourierError } from './port.js'

/**
 * A form POST through the outbound guard: network trouble, 5xx and 429 are transient; a refused
 * address or endpoint is final; an answer that is not JSON is a refusal. Messages never carry the body.
 */
export async function postForm (http: VendorHttp, vendor: Vendor, url: string, form: Record<string, string>): Promise<any> {
  let res
  try {
    res = await http.request(vendor, url, { method: 'POST', form })
  } catch (err) {
    if (err instanceof OutboundError) throw new CourierError(err.message, !err.final)
    throw new CourierError('network: ERR_NETWORK', true)
  }
  if (res.status >= 500 || res.status === 429) throw new CourierError(`HTTP ${res.status}`, true)
  try {
    return JSON.parse(res.body)
  } catch {
    throw new CourierError(`HTTP ${res.status}: not JSON`, false)
  }
}
