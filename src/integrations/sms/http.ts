import { OutboundError, type OutboundRequest } from '../../shared/outbound.js'
import type { Vendor, VendorHttp } from '../vendor-endpoints.js'
import { SmsError } from './port.js'

/**
 * One call through the outbound guard, classified for the outbox: network trouble, 5xx and 429
 * are transient; a refused address or endpoint is final. Messages never carry the body.
 */
export async function call (http: VendorHttp, vendor: Vendor, url: string, opts: OutboundRequest): Promise<{ status: number; json: any }> {
  let res
  try {
    res = await http.request(vendor, url, opts)
  } catch (err) {
    if (err instanceof OutboundError) throw new SmsError(err.message, !err.final)
    throw new SmsError('network: ERR_NETWORK', true)
  }
  if (res.status >= 500 || res.status === 429) throw new SmsError(`HTTP ${res.status}`, true)
  try {
    return { status: res.status, json: JSON.parse(res.body) }
  } catch {
    throw new SmsError(`HTTP ${res.status}: not JSON`, res.status >= 500)
  }
}
