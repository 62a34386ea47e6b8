// Where vendor calls may go. Each vendor has the hosts it publishes; a merchant may pick any
// of them (https) or leave the endpoint empty for the adapter's default. Any other host needs
// the operator, not a merchant: KAQUAN_VENDOR_HOSTS lists extra hosts (an on-premises ERP, a
// proxy, a sandbox). The endpoint is checked when the settings are saved and again before every
// call, and the address the call connects to is checked by shared/outbound.ts unless the
// operator set KAQUAN_ALLOW_PRIVATE_VENDORS.
import type { LookupFunction } from 'node:net'
import { appError } from '../shared/errors.js'
import { OutboundError, createOutbound, endpointRefused, type OutboundRequest, type OutboundResponse } from '../shared/outbound.js'

interface Published {
  /** What the merchant is told (Chinese, like every text a merchant reads). */
  label: string
  hosts: ReadonlyArray<string | RegExp>
  shown: string
  schemes: readonly string[]
}

const HTTPS = ['https:'] as const
// Region ids as Aliyun and Tencent spell them (cn-hangzhou, ap-southeast-1, na-siliconvalley):
// a bare `[a-z0-9-]+` would also match other services' names on the same domain.
const REGION = '(?:cn|ap|na|eu|me|sa|us|af)-[a-z]+(?:-\\d+)?'

export const VENDOR_HOSTS = {
  // The central endpoint and the regional ones (dysmsapi.ap-southeast-1.aliyuncs.com …).
  aliyun_sms: { label: '阿里云短信', hosts: ['dysmsapi.aliyuncs.com', new RegExp(`^dysmsapi\\.${REGION}\\.aliyuncs\\.com$`)], shown: 'dysmsapi.aliyuncs.com、dysmsapi.<地域>.aliyuncs.com', schemes: HTTPS },
  // The nearest-region endpoint and the regional ones (sms.ap-guangzhou.tencentcloudapi.com …).
  tencent_sms: { label: '腾讯云短信', hosts: ['sms.tencentcloudapi.com', new RegExp(`^sms\\.${REGION}\\.tencentcloudapi\\.com$`)], shown: 'sms.tencentcloudapi.com、sms.<地域>.tencentcloudapi.com', schemes: HTTPS },
  wdt_classic: { label: '旺店通企业版', hosts: ['api.wangdian.cn', 'sandbox.wangdian.cn'], shown: 'api.wangdian.cn、sandbox.wangdian.cn', schemes: HTTPS },
  // The 旗舰版 gateway is documented as http://wdt.wangdian.cn/openapi (open.wangdian.cn qjbguide).
  wdt_qjb: { label: '旺店通旗舰版', hosts: ['wdt.wangdian.cn'], shown: 'wdt.wangdian.cn', schemes: ['http:', 'https:'] },
  sf: { label: '顺丰开放平台', hosts: ['bspgw.sf-express.com', 'sfapi.sf-express.com', 'sfapi-sbox.sf-express.com'], shown: 'bspgw.sf-express.com、sfapi.sf-express.com、sfapi-sbox.sf-express.com（沙箱）', schemes: HTTPS },
  kuaidi100: { label: '快递100电子面单', hosts: ['api.kuaidi100.com'], shown: 'api.kuaidi100.com', schemes: HTTPS },
  kuaidi100_poll: { label: '快递100订阅', hosts: ['poll.kuaidi100.com'], shown: 'poll.kuaidi100.com', schemes: HTTPS },
  // Files named by a vendor's answer, never by a merchant: SF's cloud print (COM_RECE_CLOUD_PRINT_WAYBILLS)
  // answers a URL on its object store, eos-scp-core-shenzhen-futian1-oss.sf-express.com in every
  // published answer (sandbox and production; SF's Java demo `printWayBills`); another region of
  // the same store is accepted. Kuaidi100's label link (`label` of label/order) is one of its own
  // hosts; the link's exact host is not documented, so any kuaidi100.com host, http or https.
  sf_file: { label: '顺丰面单文件', hosts: [/^eos-scp-core-[a-z0-9-]+-oss\.sf-express\.com$/], shown: 'eos-scp-core-*-oss.sf-express.com', schemes: HTTPS },
  kuaidi100_file: { label: '快递100面单文件', hosts: ['kuaidi100.com', /^([a-z0-9-]+\.)+kuaidi100\.com$/], shown: '*.kuaidi100.com', schemes: ['http:', 'https:'] },
} as const satisfies Record<string, Published>

export type Vendor = keyof typeof VENDOR_HOSTS

export const vendorEndpointNotAllowed = appError('vendor_endpoint_not_allowed', 422, '接口地址不是该服务商公布的地址；请留空使用默认地址，其他地址需由平台运维允许')

function parse (url: string | URL): URL | null {
  try { return new URL(url) } catch { return null }
}

const defaultPort = (u: URL) => u.port || (u.protocol === 'https:' ? '443' : '80')

/** One of the operator's entries, `host` (any port) or `host:port`, against a URL. */
function operatorAllows (u: URL, entry: string): boolean {
  const e = parse(`http://${entry}`)
  if (!e) return false
  if (e.hostname !== u.hostname) return false
  // `new URL('http://h:80')` drops the port: an entry that names one keeps it.
  const port = /:\d+$/.test(entry) ? entry.slice(entry.lastIndexOf(':') + 1) : null
  return port === null || String(Number(port)) === defaultPort(u)
}

/** May a call for this vendor go to `url`? Its published hosts (https, default port) or the operator's. */
export function isAllowedEndpoint (vendor: Vendor, url: string | URL, operatorHosts: readonly string[]): boolean {
  const u = parse(url)
  if (!u || u.username || u.password) return false
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (operatorHosts.some((entry) => operatorAllows(u, entry))) return true
  const v: Published = VENDOR_HOSTS[vendor]
  if (!v.schemes.includes(u.protocol) || u.port !== '') return false
  return v.hosts.some((h) => (typeof h === 'string' ? h === u.hostname : h.test(u.hostname)))
}

export interface VendorPolicy {
  /** KAQUAN_VENDOR_HOSTS: extra hosts merchants may use, `host` or `host:port`. */
  hosts: readonly string[]
  /** KAQUAN_ALLOW_PRIVATE_VENDORS: vendor calls may reach private addresses. */
  allowPrivate: boolean
  /** Replaces DNS for these calls (tests). */
  lookup?: LookupFunction
}

export interface VendorHttp {
  /** Save time: empty → null (the vendor's default); an allowed URL as given; anything else 422 at `path`. */
  checkEndpoint (vendor: Vendor, raw: string | null | undefined, path: string): string | null
  /** Call time: refused as final before any connection when the URL is not allowed (any more). */
  request (vendor: Vendor, url: string | URL, req: OutboundRequest): Promise<OutboundResponse>
  /**
   * A call whose answer is JSON, classified for the outbox in the adapter's own error type
   * (`fail(message, retryable)`): network trouble, 5xx and 429 transient; a refused address or
   * endpoint final; an answer that is not JSON a refusal. Messages never carry the body.
   */
  json<E extends Error> (vendor: Vendor, url: string | URL, req: OutboundRequest, fail: (message: string, retryable: boolean) => E): Promise<{ status: number; json: any }>
  /**
   * A file (a label PDF or image): its bytes when the answer is 200 and whole, classified as
   * `json` is otherwise (network, 5xx and 429 transient; any other status, or a file cut off at
   * `maxBytes`, final).
   */
  file<E extends Error> (vendor: Vendor, url: string | URL, req: OutboundRequest, fail: (message: string, retryable: boolean) => E): Promise<Buffer>
}

/** A call that got an answer the vendor may mean: network trouble, 5xx and 429 are thrown as `fail` (transient; a refused address final). */
async function answered<E extends Error> (http: VendorHttp, vendor: Vendor, url: string | URL, req: OutboundRequest, fail: (message: string, retryable: boolean) => E): Promise<OutboundResponse> {
  let res: OutboundResponse
  try {
    res = await http.request(vendor, url, req)
  } catch (err) {
    if (err instanceof OutboundError) throw fail(err.message, !err.final)
    throw fail('network: ERR_NETWORK', true)
  }
  if (res.status >= 500 || res.status === 429) throw fail(`HTTP ${res.status}`, true)
  return res
}

export function createVendorHttp (policy: VendorPolicy): VendorHttp {
  const outbound = createOutbound({ allowPrivate: policy.allowPrivate, lookup: policy.lookup })
  return {
    checkEndpoint (vendor, raw, path) {
      const value = raw?.trim()
      if (!value) return null
      if (isAllowedEndpoint(vendor, value, policy.hosts)) return value
      const v: Published = VENDOR_HOSTS[vendor]
      throw vendorEndpointNotAllowed({ details: [{ path, message: `${v.label}的接口地址只能使用 ${v.shown}（${v.schemes.includes('http:') ? 'http 或 https' : 'https'}），或留空使用默认地址` }] })
    },
    async request (vendor, url, req) {
      if (!isAllowedEndpoint(vendor, url, policy.hosts)) throw endpointRefused()
      return await outbound.request(url, req)
    },
    async file (vendor, url, req, fail) {
      const res = await answered(this, vendor, url, req, fail)
      if (res.status !== 200) throw fail(`HTTP ${res.status}`, false)
      if (res.truncated) throw fail(`HTTP ${res.status}: file larger than ${req.maxBytes ?? 'the limit'} bytes`, false)
      return res.bytes
    },
    async json (vendor, url, req, fail) {
      const res = await answered(this, vendor, url, req, fail)
      try {
        return { status: res.status, json: JSON.parse(res.body) }
      } catch {
        throw fail(`HTTP ${res.status}: not JSON`, false)
      }
    },
  }
}
