// The SMS providers by id (the notification settings' `provider`): the modules pick one here,
// never by an if-chain of their own. `console` (development) is the default and needs nothing.
import type { VendorHttp } from '../vendor-endpoints.js'
import type { SmsProvider } from './port.js'
import { aliyunProvider } from './aliyun.js'
import { tencentProvider } from './tencent.js'

export interface SmsProviderConfigs {
  aliyun: Parameters<typeof aliyunProvider>[0]
  tencent: Parameters<typeof tencentProvider>[0]
}

type Factories = { [K in keyof SmsProviderConfigs]: (cfg: SmsProviderConfigs[K], http: VendorHttp, now: () => Date) => SmsProvider }

export const SMS_PROVIDERS: Factories = {
  aliyun: (cfg, http, now) => aliyunProvider(cfg, http, now),
  tencent: (cfg, http, now) => tencentProvider(cfg, http, now),
}

export type SmsProviderId = keyof SmsProviderConfigs

export function smsProvider<K extends SmsProviderId> (id: K, cfg: SmsProviderConfigs[K], http: VendorHttp, now: () => Date): SmsProvider {
  return SMS_PROVIDERS[id](cfg, http, now)
}
