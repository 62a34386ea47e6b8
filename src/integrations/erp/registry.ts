// The ERP adapters by protocol id (the ERP settings' `protocol`): the modules pick one here,
// never by an if-chain of their own.
import type { VendorHttp } from '../vendor-endpoints.js'
import type { ErpAdapter } from './port.js'
import { wdtClassicAdapter } from './wdt-classic.js'
import { wdtQjb } from './wdt-qjb.js'

/** The settings of a connection, with its secret opened. */
export interface ErpConnectionConfig { sid: string; appkey: string; secret: string; shop_no: string; endpoint: string | null }

type Factory = (cfg: ErpConnectionConfig, http: VendorHttp, now: () => Date) => ErpAdapter

export const ERP_ADAPTERS = {
  wdt_classic: (c, http, now) => wdtClassicAdapter({ sid: c.sid, appkey: c.appkey, appsecret: c.secret, shop_no: c.shop_no, endpoint: c.endpoint }, http, now),
  wdt_qjb: (c, http, now) => {
    // The 旗舰版 appsecret is issued as "secret:salt".
    const [signing, salt = ''] = c.secret.split(':')
    return wdtQjb({ sid: c.sid, key: c.appkey, secret: signing, salt, shop_no: c.shop_no, endpoint: c.endpoint }, http, now)
  },
} as const satisfies Record<string, Factory>

export type ErpProtocol = keyof typeof ERP_ADAPTERS

export function erpAdapter (id: ErpProtocol, cfg: ErpConnectionConfig, http: VendorHttp, now: () => Date): ErpAdapter {
  return ERP_ADAPTERS[id](cfg, http, now)
}
