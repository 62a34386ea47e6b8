// The e-waybill vendors by id (a courier account's `vendor`): the modules pick one here, never
// by an if-chain of their own. Adding a vendor is an adapter and one entry.
import type { VendorHttp } from '../vendor-endpoints.js'
import type { CourierLabels, CourierVendor } from './port.js'
import { sfVendor } from './sf.js'
import { sfLabels } from './sf-print.js'
import { kuaidi100Vendor } from './kuaidi100.js'
import { kuaidi100Labels } from './kuaidi100-print.js'

/** An account's opened credentials (the e-waybill schemas' fields for its vendor) and endpoint. */
export interface CourierAccountConfig { credentials: Record<string, string | null>; endpoint: string | null }

/** A vendor's order creation and its label, print and cancel calls. */
export type CourierAdapter = CourierVendor & CourierLabels

type Factory = (cfg: CourierAccountConfig, http: VendorHttp, now: () => Date) => CourierAdapter

export const COURIER_VENDORS = {
  sf: ({ credentials: c, endpoint }, http, now) => {
    const account = { partner_id: c.partner_id!, check_word: c.check_word!, endpoint }
    return { ...sfVendor(account, http, now), ...sfLabels({ ...account, template_code: c.template_code }, http, now) }
  },
  kuaidi100: ({ credentials: c, endpoint }, http, now) => {
    const account = { ...c, key: c.key!, secret: c.secret!, kuaidicom: c.kuaidicom!, endpoint }
    return { ...kuaidi100Vendor(account, http, now), ...kuaidi100Labels(account, http, now) }
  },
} as const satisfies Record<string, Factory>

export type CourierVendorId = keyof typeof COURIER_VENDORS

export const isCourierVendor = (id: string | null | undefined): id is CourierVendorId => Boolean(id) && Object.hasOwn(COURIER_VENDORS, id!)

export function courierVendor (id: CourierVendorId, cfg: CourierAccountConfig, http: VendorHttp, now: () => Date): CourierAdapter {
  return COURIER_VENDORS[id](cfg, http, now)
}
