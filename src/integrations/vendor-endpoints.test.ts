import t from 'tap'
import { ALIYUN_ENDPOINT } from './sms/aliyun.js'
import { TENCENT_ENDPOINT } from './sms/tencent.js'
import { WDT_ENDPOINT } from './erp/wdt-classic.js'
import { WDT_QJB_ENDPOINT } from './erp/wdt-qjb.js'
import { SF_ENDPOINT } from './courier/sf.js'
import { KUAIDI100_ENDPOINT } from './courier/kuaidi100.js'
import { KUAIDI100_POLL } from '../modules/tracking/tracking.service.js'
import { createVendorHttp, isAllowedEndpoint, type Vendor } from './vendor-endpoints.js'
import { AppError } from '../shared/errors.js'

t.test('every adapter default is one of its vendor\'s published endpoints', async (t) => {
  const defaults: Array<[Vendor, string]> = [
    ['aliyun_sms', ALIYUN_ENDPOINT], ['tencent_sms', TENCENT_ENDPOINT], ['wdt_classic', WDT_ENDPOINT], ['wdt_qjb', WDT_QJB_ENDPOINT],
    ['sf', SF_ENDPOINT], ['kuaidi100', KUAIDI100_ENDPOINT], ['kuaidi100_poll', KUAIDI100_POLL],
  ]
  for (const [vendor, url] of defaults) t.ok(isAllowedEndpoint(vendor, url, []), `${vendor}: ${url}`)
})

t.test('published hosts: https on the default port; regional hosts by region id only', async (t) => {
  const allowed: Array<[Vendor, string]> = [
    ['aliyun_sms', 'https://dysmsapi.aliyuncs.com/'], ['aliyun_sms', 'https://dysmsapi.ap-southeast-1.aliyuncs.com/'], ['aliyun_sms', 'https://dysmsapi.cn-hangzhou.aliyuncs.com'],
    ['tencent_sms', 'https://sms.ap-guangzhou.tencentcloudapi.com/'], ['tencent_sms', 'https://sms.na-siliconvalley.tencentcloudapi.com/'],
    ['wdt_classic', 'https://sandbox.wangdian.cn/openapi2/'], ['wdt_qjb', 'https://wdt.wangdian.cn/openapi'],
    ['sf', 'https://sfapi-sbox.sf-express.com/std/service'], ['sf', 'https://sfapi.sf-express.com/std/service'],
    ['sf', 'https://BSPGW.sf-express.com/std/service'],
  ]
  for (const [vendor, url] of allowed) t.ok(isAllowedEndpoint(vendor, url, []), `${vendor}: ${url}`)
  const refused: Array<[Vendor, string, string]> = [
    ['aliyun_sms', 'http://dysmsapi.aliyuncs.com/', 'plain http'],
    ['aliyun_sms', 'https://dysmsapi.aliyuncs.com:8443/', 'another port'],
    ['aliyun_sms', 'https://dysmsapi.oss-cn-hangzhou.aliyuncs.com/', 'an OSS bucket named dysmsapi'],
    ['aliyun_sms', 'https://dysmsapi.aliyuncs.com.evil.example/', 'a suffix'],
    ['aliyun_sms', 'https://evil.example/dysmsapi.aliyuncs.com', 'the host in the path'],
    ['aliyun_sms', 'https://user:pw@dysmsapi.aliyuncs.com/', 'credentials in the URL'],
    ['aliyun_sms', 'https://sms.tencentcloudapi.com/', 'another vendor\'s host'],
    ['tencent_sms', 'https://sms.internal.tencentcloudapi.com/', 'not a region id'],
    ['wdt_classic', 'https://wdt.wangdian.cn/openapi', 'the 旗舰版 host for the classic protocol'],
    ['wdt_qjb', 'https://api.wangdian.cn/openapi2/', 'the classic host for 旗舰版'],
    ['wdt_qjb', 'http://47.92.239.46/openapi', 'an address, even a public one'],
    ['sf', 'https://127.0.0.1/std/service', 'loopback'],
    ['kuaidi100', 'https://poll.kuaidi100.com/poll', 'the subscription host for e-waybills'],
    ['kuaidi100_poll', 'http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['kuaidi100_poll', 'file:///etc/passwd', 'not http'],
    ['kuaidi100_poll', 'not a url', 'not a URL'],
  ]
  for (const [vendor, url, what] of refused) t.notOk(isAllowedEndpoint(vendor, url, []), `${vendor}: ${what}`)
})

t.test('the operator\'s hosts: `host` on any port, `host:port` on that port only, http allowed', async (t) => {
  const hosts = ['erp.internal.example', 'proxy.example:8443', '10.0.0.5:8080', '[fd00::5]']
  t.ok(isAllowedEndpoint('wdt_classic', 'http://erp.internal.example/openapi2/', hosts))
  t.ok(isAllowedEndpoint('wdt_classic', 'https://erp.internal.example:9000/openapi2/', hosts))
  t.ok(isAllowedEndpoint('aliyun_sms', 'https://proxy.example:8443/', hosts))
  t.notOk(isAllowedEndpoint('aliyun_sms', 'https://proxy.example/', hosts), 'the listed port only')
  t.ok(isAllowedEndpoint('sf', 'http://10.0.0.5:8080/std/service', hosts))
  t.notOk(isAllowedEndpoint('sf', 'http://10.0.0.5/std/service', hosts))
  t.ok(isAllowedEndpoint('sf', 'http://[fd00::5]:81/', hosts))
  t.notOk(isAllowedEndpoint('sf', 'http://erp.internal.example.evil/', hosts))
  t.ok(isAllowedEndpoint('sf', 'https://proxy.example/', ['proxy.example:443']), 'port 443 is https\'s default')
})

t.test('save time: empty is the default, an allowed URL is kept, anything else is a 422 naming the field', async (t) => {
  const http = createVendorHttp({ hosts: [], allowPrivate: false })
  t.equal(http.checkEndpoint('aliyun_sms', '', '/aliyun/endpoint'), null)
  t.equal(http.checkEndpoint('aliyun_sms', null, '/aliyun/endpoint'), null)
  t.equal(http.checkEndpoint('aliyun_sms', ' https://dysmsapi.aliyuncs.com/ ', '/aliyun/endpoint'), 'https://dysmsapi.aliyuncs.com/')
  let caught: unknown
  try { http.checkEndpoint('aliyun_sms', 'http://127.0.0.1:8080/', '/aliyun/endpoint') } catch (err) { caught = err }
  t.ok(caught instanceof AppError)
  t.match(caught, { code: 'vendor_endpoint_not_allowed', statusCode: 422, details: [{ path: '/aliyun/endpoint', message: /dysmsapi\.aliyuncs\.com/ }] })
})

t.test('call time: a URL that is not allowed is refused as final before anything is sent', async (t) => {
  const http = createVendorHttp({ hosts: [], allowPrivate: true })
  let caught: unknown
  try { await http.request('wdt_classic', 'http://127.0.0.1:9/openapi2/trade_push.php', { method: 'POST', form: {} }) } catch (err) { caught = err }
  t.match(caught, { reason: 'not_allowed', final: true, message: /^endpoint_not_allowed/ })
})
