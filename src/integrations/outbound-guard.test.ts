// The outbound guard through the real code paths: settings routes, the outbox handlers and the
// logs a merchant reads. A real listener on 127.0.0.1 and [::1] counts what reaches it.
import t from 'tap'
import type { LookupFunction } from 'node:net'
import { enqueue, type OutboxMessage } from '../modules/outbox/outbox.repository.js'
import { buildTestApp, createTestDatabase } from '../test-support/build-test-app.js'
import { LOOPBACK_HOSTS, loopbackListener } from '../test-support/loopback-listener.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../test-support/redeem-fixture.js'

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
/** What a merchant admin must never see of an internal answer or address. */
const LEAK = /INTERNAL|127\.0\.0\.1|::1|7f00|2130706433/

function smsSettings (provider: 'aliyun' | 'tencent', endpoint: string | null) {
  return {
    provider, sign_name: '鲜果铺', admin_phones: [], templates: {}, card_issued_include_password: false,
    aliyun: { access_key_id: 'LTAIkey', access_key_secret: 'aliyunsecret', endpoint: provider === 'aliyun' ? endpoint : null },
    tencent: { secret_id: 'AKIDkey', secret_key: 'tencentsecret', sdk_app_id: '1400000000', endpoint: provider === 'tencent' ? endpoint : null },
    switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false },
    limits: { per_minute: 100, per_day: 1000 },
  }
}

/** The merchant's paths that call a vendor: how to point each at `endpoint`, and one call through the outbox. */
async function vendorPaths (f: RedeemFixture) {
  const admin = f.auth(f.token)
  const merchant = await f.db('merchants').where({ code: 'default' }).first('id')
  const put = async (url: string, payload: object) => {
    const res = await f.app.inject({ method: 'PUT', url, headers: admin, payload })
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  }
  let n = 0
  const queue = async (topic: OutboxMessage['topic'], payload: Record<string, unknown>) => {
    const key = `guard-test:${++n}`
    await enqueue(f.db, [{ merchant_id: merchant.id, topic, idempotency_key: key, payload }], f.app.clock.now())
    return key
  }
  const v = await f.verify(f.cards[0].card_no, f.cards[0].password)
  const orderNo = (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
  await f.app.services.worker.drainAll()
  const order = JSON.parse((await f.db('outbox').where({ topic: 'order.created' }).first()).payload).order
  await put('/api/v1/settings/e-waybill', { sender: SENDER })
  const courier = async (base: string) => (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: admin, payload: { name: `${base} 电子面单`, base_code: base } })).json().id as number
  const sf = await courier('SF')
  const zto = await courier('ZTO')
  let phone = 13900000000
  const sms = (provider: 'aliyun' | 'tencent') => async (endpoint: string) => {
    await put('/api/v1/settings/notifications', smsSettings(provider, endpoint))
    const res = await f.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: admin, payload: { phone: String(++phone) } })
    return (await f.db('outbox').where({ id: res.json().outbox_id }).first('idempotency_key')).idempotency_key as string
  }
  const erp = (protocol: 'wdt_classic' | 'wdt_qjb') => async (endpoint: string) => {
    await put('/api/v1/settings/erp', { protocol, sid: 'sid', appkey: 'key', appsecret: 'secret:salt', shop_no: 'KQ01', endpoint })
    return queue('erp.push', { order, refund: false })
  }
  const waybill = (vendor: 'sf' | 'kuaidi100', id: number) => async (endpoint: string) => {
    const account = vendor === 'sf' ? { vendor, partner_id: 'KQ', check_word: 'cw', endpoint } : { vendor, key: 'k', secret: 's', kuaidicom: 'zhongtong', endpoint }
    await put(`/api/v1/couriers/${id}/account`, account)
    return queue('ewaybill.request', { order_no: orderNo, account_id: id })
  }
  const subscription = async (endpoint: string) => {
    await put('/api/v1/settings/tracking', { kuaidi100_salt: 'salt', kuaidi100_key: 'pollkey', kuaidi100_poll_endpoint: endpoint })
    return queue('tracking.subscribe', { company: 'zhongtong', number: 'ZT5550001', order_no: orderNo })
  }
  return {
    orderNo,
    paths: {
      'SMS Aliyun': sms('aliyun'), 'SMS Tencent': sms('tencent'), 'ERP classic': erp('wdt_classic'), 'ERP 旗舰版': erp('wdt_qjb'),
      'e-waybill SF': waybill('sf', sf), 'e-waybill Kuaidi100': waybill('kuaidi100', zto), 'Kuaidi100 subscription': subscription,
    } as Record<string, (endpoint: string) => Promise<string>>,
  }
}

t.test('strict policy: no spelling of loopback reaches the listener, on any path; the merchant sees only "refused"', async (t) => {
  const l = await loopbackListener(t)
  // The operator listed every spelling as a vendor host, so the save passes and the connect-time check is what stops them.
  const database = await createTestDatabase(t)
  const f = await redeemFixture(t, { quantity: 1, database, config: { allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: LOOPBACK_HOSTS } })
  const admin = f.auth(f.token)
  const urls = (path: string) => [...LOOPBACK_HOSTS.map((h) => `http://${h}:${l.port}${path}`), `https://127.0.0.1:${l.port}${path}`, `https://[::1]:${l.port}${path}`]

  const { paths } = await vendorPaths(f)
  for (const [name, point] of Object.entries(paths)) {
    for (const url of urls('/api')) {
      const key = await point(url)
      await f.app.services.worker.drainAll()
      const row = await f.db('outbox').where({ idempotency_key: key }).first()
      t.match(row, { status: 'dead', attempts: 1, last_error: /^address_refused/ }, `${name} → ${url}: refused once, not retried`)
    }
    t.equal(l.connections(), 0, `${name}: the listener accepted no connection`)
  }
  t.match(await f.db('orders').first('erp_status', 'erp_error'), { erp_status: 'failed', erp_error: /^address_refused/ })
  t.ok((await f.db('sms_messages')).every((m) => m.status === 'failed' && /^address_refused/.test(m.error)), 'every text failed as refused')

  const hooks = [...LOOPBACK_HOSTS.map((h) => `https://${h}:${l.port}/hook`), `http://localhost:${l.port}/hook`, `http://127.0.0.1:${l.port}/hook`, `http://[::1]:${l.port}/hook`]
  // Typed into this instance, every spelling is refused at once; stored by an instance that
  // allowed them (the operator changed the policy since), the connect-time check stops them.
  const loose = await buildTestApp(t, { database })
  const looseAdmin = loose.auth(await loose.login())
  for (const url of hooks) {
    const refused = await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: admin, payload: { url } })
    t.equal(refused.json().code, 'webhook_url_private', `${url}: refused when typed`)
    const ep = await loose.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: looseAdmin, payload: { url } })
    t.equal(ep.statusCode, 201, url)
    await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.json().id}/test`, headers: admin })
  }
  await f.app.services.worker.drainAll()
  const deliveries = await f.db('outbox').where({ topic: 'webhook.delivery' })
  t.equal(deliveries.length, hooks.length)
  t.ok(deliveries.every((d) => d.status === 'dead' && /^address_refused/.test(d.last_error)), 'every delivery refused, not retried')
  t.equal(l.connections(), 0, 'webhooks: the listener accepted no connection')

  for (const url of ['/api/v1/sms-messages?limit=200', '/api/v1/integration-calls?limit=200', '/api/v1/deliveries?limit=200']) {
    const res = await f.app.inject({ method: 'GET', url, headers: admin })
    t.equal(res.statusCode, 200)
    t.notMatch(res.body, LEAK, `${url} names no address and no answer`)
    t.ok(res.json().items.length > 0)
  }
})

t.test('a published host that resolves to loopback is refused at connect time', async (t) => {
  const toLoopback: LookupFunction = ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }])
    else cb(null, '127.0.0.1', 4)
  }) as never
  const f = await redeemFixture(t, { quantity: 1, config: { allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: [] }, overrides: { outboundLookup: toLoopback } })
  const { paths } = await vendorPaths(f)
  const published: Record<string, string | null> = {
    'SMS Aliyun': null, 'SMS Tencent': 'https://sms.ap-guangzhou.tencentcloudapi.com/', 'ERP classic': null, 'ERP 旗舰版': null,
    'e-waybill SF': 'https://sfapi-sbox.sf-express.com/std/service', 'e-waybill Kuaidi100': null, 'Kuaidi100 subscription': null,
  }
  for (const [name, point] of Object.entries(paths)) {
    const key = await point(published[name] as never)
    await f.app.services.worker.drainAll()
    t.match(await f.db('outbox').where({ idempotency_key: key }).first(), { status: 'dead', last_error: /^address_refused/ }, `${name}: refused, not "connection refused"`)
  }
  const ep = await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: f.auth(f.token), payload: { url: 'https://hooks.example.com/kaquan' } })
  await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.json().id}/test`, headers: f.auth(f.token) })
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'webhook.delivery' }).first(), { status: 'dead', last_error: /^address_refused/ })
})

t.test('settings: an endpoint outside the vendor\'s published hosts is a 422 and nothing is stored', async (t) => {
  const f = await buildTestApp(t, { config: { allowPrivateVendors: false, vendorHosts: [] } })
  const admin = f.auth(await f.login())
  const courier = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: admin, payload: { name: '顺丰', base_code: 'SF' } })).json()
  const cases: Array<[string, string, (endpoint: string | null) => object, string]> = [
    ['/api/v1/settings/notifications', 'https://dysmsapi.ap-southeast-1.aliyuncs.com/', (e) => smsSettings('aliyun', e), '/aliyun/endpoint'],
    ['/api/v1/settings/notifications', 'https://sms.tencentcloudapi.com/', (e) => smsSettings('tencent', e), '/tencent/endpoint'],
    ['/api/v1/settings/erp', 'https://sandbox.wangdian.cn/openapi2/', (e) => ({ protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'x', shop_no: 'KQ', endpoint: e }), '/endpoint'],
    ['/api/v1/settings/erp', 'http://wdt.wangdian.cn/openapi', (e) => ({ protocol: 'wdt_qjb', sid: 's', appkey: 'k', appsecret: 'x:y', shop_no: 'KQ', endpoint: e }), '/endpoint'],
    [`/api/v1/couriers/${courier.id}/account`, 'https://sfapi-sbox.sf-express.com/std/service', (e) => ({ vendor: 'sf', partner_id: 'KQ', check_word: 'cw', endpoint: e }), '/endpoint'],
    [`/api/v1/couriers/${courier.id}/account`, 'https://api.kuaidi100.com/label/order', (e) => ({ vendor: 'kuaidi100', key: 'k', secret: 's', kuaidicom: 'shunfeng', endpoint: e }), '/endpoint'],
    ['/api/v1/settings/tracking', 'https://poll.kuaidi100.com/poll', (e) => ({ kuaidi100_poll_endpoint: e }), '/kuaidi100_poll_endpoint'],
  ]
  const snapshot = async () => JSON.stringify([await f.db('settings').orderBy(['merchant_id', 'section']), await f.db('merchant_couriers').orderBy('id')])
  for (const [url, good, body, path] of cases) {
    for (const bad of ['http://127.0.0.1:8080/', 'https://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'https://evil.example.com/', good.replace('https:', 'http:').replace('http://wdt.', 'http://api.'), `${new URL(good).origin}:8443/`]) {
      const before = await snapshot()
      const res = await f.app.inject({ method: 'PUT', url, headers: admin, payload: body(bad) })
      t.equal(res.statusCode, 422, `${url} ${bad}`)
      t.match(res.json(), { code: 'vendor_endpoint_not_allowed', message: /服务商/, details: [{ path }] })
      t.equal(await snapshot(), before, 'nothing stored')
    }
    const ok = await f.app.inject({ method: 'PUT', url, headers: admin, payload: body(good) })
    t.equal(ok.statusCode, 200, `${url}: the published ${good} is accepted`)
    t.equal((await f.app.inject({ method: 'PUT', url, headers: admin, payload: body(null) })).statusCode, 200, 'none: the default')
  }

  const operator = await buildTestApp(t, { config: { allowPrivateVendors: false, vendorHosts: ['erp.internal.example:8443'] } })
  const op = operator.auth(await operator.login())
  const erp = (endpoint: string) => operator.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: op, payload: { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'x', shop_no: 'KQ', endpoint } })
  const listed = await erp('http://erp.internal.example:8443/openapi2/')
  t.equal(listed.statusCode, 200, 'a host the operator listed is accepted')
  t.equal(listed.json().endpoint, 'http://erp.internal.example:8443/openapi2/')
  t.equal((await erp('http://erp.internal.example/openapi2/')).statusCode, 422, 'on the listed port only')
})

t.test('an endpoint stored while allowed and no longer allowed is refused at call time, before connecting', async (t) => {
  const l = await loopbackListener(t, (res) => res.end(JSON.stringify({ Code: 'OK', BizId: 'b1' })))
  // First instance: the operator allows the local host (as the test default does).
  const first = await buildTestApp(t)
  const admin = first.auth(await first.login())
  const put = await first.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: admin, payload: smsSettings('aliyun', `http://127.0.0.1:${l.port}/`) })
  t.equal(put.statusCode, 200)
  // Then the operator drops it (even with private addresses allowed, the host alone decides).
  const second = await buildTestApp(t, { database: { config: first.config.database, dir: first.config.dataDir }, config: { allowPrivateVendors: true, vendorHosts: [] } })
  const res = await second.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: second.auth(await second.login()), payload: { phone: '13600136000' } })
  await second.app.services.worker.drainAll()
  t.match(await second.db('outbox').where({ id: res.json().outbox_id }).first(), { status: 'dead', attempts: 1, last_error: /^endpoint_not_allowed/ }, 'final, not retried')
  t.match(await second.db('sms_messages').first(), { status: 'failed', error: /^endpoint_not_allowed/ })
  t.equal(l.connections(), 0, 'nothing was sent')
})

t.test('what a merchant reads after a failed call: the vendor\'s code and message, short; never an internal body', async (t) => {
  const l = await loopbackListener(t, (res, path) => {
    res.setHeader('content-type', 'application/json')
    if (path.startsWith('/html')) { res.setHeader('content-type', 'text/html'); res.end('INTERNAL admin console <html>…</html>'); return }
    if (path.startsWith('/tencent')) { res.end(JSON.stringify({ Response: { Error: { Code: 'FailedOperation.Something', Message: `${'很长的说明'.repeat(300)} INTERNAL` } } })); return }
    if (path.startsWith('/erp')) { res.end(JSON.stringify({ code: 1090, message: `店铺不存在 ${'x'.repeat(3000)} INTERNAL` })); return }
    res.statusCode = 500
    res.end('INTERNAL stack trace')
  })
  const f = await redeemFixture(t, { quantity: 1 })
  const admin = f.auth(f.token)
  const { paths } = await vendorPaths(f)
  const base = `http://127.0.0.1:${l.port}`
  const cases: Array<[string, string, RegExp]> = [
    ['SMS Aliyun', `${base}/html/`, /^HTTP 200: not JSON$/],
    ['SMS Tencent', `${base}/tencent/`, /^FailedOperation\.Something: 很长的说明/],
    ['ERP classic', `${base}/erp/`, /^1090: 店铺不存在/],
    ['e-waybill SF', `${base}/html/`, /^HTTP 200: not JSON$/],
    ['Kuaidi100 subscription', `${base}/html/`, /^HTTP 200: not JSON$/],
    ['ERP 旗舰版', `${base}/fail`, /^HTTP 500$/],
  ]
  for (const [name, url, reason] of cases) {
    const key = await paths[name](url)
    await f.app.services.worker.drainAll()
    const row = await f.db('outbox').where({ idempotency_key: key }).first()
    t.match(row.last_error, reason, name)
    t.ok(row.last_error.length <= 200, `${name}: at most 200 characters`)
  }
  t.ok(l.requests() >= cases.length, 'every call reached the listener (private addresses allowed here)')
  const ep = await f.app.inject({ method: 'POST', url: '/api/v1/webhook-endpoints', headers: admin, payload: { url: `http://127.0.0.1:1/hook` } })
  await f.app.inject({ method: 'POST', url: `/api/v1/webhook-endpoints/${ep.json().id}/test`, headers: admin })
  await f.app.services.worker.drainAll()
  t.match(await f.db('outbox').where({ topic: 'webhook.delivery' }).first(), { status: 'pending', last_error: 'network: ECONNREFUSED' }, 'a network error by its code, not the address it tried')

  t.match(await f.db('orders').first('erp_error'), { erp_error: /^HTTP 500$|^1090: 店铺不存在/ })
  for (const url of ['/api/v1/sms-messages', '/api/v1/integration-calls?limit=200', '/api/v1/deliveries']) {
    const res = await f.app.inject({ method: 'GET', url, headers: admin })
    t.notMatch(res.body, /INTERNAL|127\.0\.0\.1/, `${url}: no internal answer, no address`)
  }
  const calls = (await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?limit=200', headers: admin })).json()
  t.ok(calls.items.every((c: { last_error: string | null; attempt_log: Array<{ error: string | null }> }) => (c.last_error ?? '').length <= 200 && c.attempt_log.every((a) => (a.error ?? '').length <= 200)), 'every reason is short')
})
