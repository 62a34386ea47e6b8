// Wangdiantong (旺店通) classic openapi2: trade_push, logistics_sync_query, logistics_sync_ack.
// Base https://api.wangdian.cn/openapi2/ (sandbox https://sandbox.wangdian.cn/openapi2/).
import got from 'got'
import { wdtClassicSign } from './wdt-signing.js'

export const WDT_ENDPOINT = 'https://api.wangdian.cn/openapi2/'

export class ErpError extends Error {
  constructor (message: string, readonly retryable: boolean) {
    super(message)
    this.name = 'ErpError'
  }
}

export interface WdtConfig { sid: string; appkey: string; appsecret: string; shop_no: string; endpoint?: string | null }

export function wdtClassic (cfg: WdtConfig, now: () => Date = () => new Date()) {
  async function post (path: string, params: Record<string, string>): Promise<any> {
    const all: Record<string, string> = { sid: cfg.sid, appkey: cfg.appkey, timestamp: String(Math.floor(now().getTime() / 1000)), ...params }
    all.sign = wdtClassicSign(all, cfg.appsecret)
    let body: string
    let status: number
    try {
      const res = await got.post(new URL(path, cfg.endpoint || WDT_ENDPOINT).toString(), { form: all, timeout: { request: 15_000 }, retry: { limit: 0 }, followRedirect: false, throwHttpErrors: false })
      body = res.body
      status = res.statusCode
    } catch (err) {
      throw new ErpError(`network: ${(err as { code?: string }).code ?? (err as Error).message}`, true)
    }
    if (status >= 500 || status === 429) throw new ErpError(`HTTP ${status}`, true)
    let json: any
    try { json = JSON.parse(body) } catch { throw new ErpError(`HTTP ${status}: not JSON`, false) }
    // code 0 is success; anything else is the ERP refusing this request.
    if (Number(json.code) !== 0) throw new ErpError(`${json.code}: ${json.message ?? ''}`, false)
    return json
  }
  return {
    pushTrades: (trades: object[]) => post('trade_push.php', { shop_no: cfg.shop_no, switch: '0', trade_list: JSON.stringify(trades) }),
    querySync: (limit = 100) => post('logistics_sync_query.php', { shop_no: cfg.shop_no, limit: String(limit) }),
    ackSync: (list: Array<{ rec_id: string; status: 0 | 1; message: string }>) => post('logistics_sync_ack.php', { logistics_list: JSON.stringify(list) }),
  }
}
