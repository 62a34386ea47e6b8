import t from 'tap'
import nock from 'nock'
import { wdtClassicSign } from '../../integrations/erp/wdt-signing.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

async function order (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
}

t.test('ERP push → back-sync → shipped, with acknowledgements', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 3 })
  const put = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', appsecret: 'wdtsecret', shop_no: 'KQ01', endpoint: 'https://sandbox.wangdian.cn/openapi2/' } })
  t.equal(put.statusCode, 200)
  t.equal(put.json().appsecret, '****cret')

  let pushed: Record<string, string> = {}
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php', (b) => { pushed = b as Record<string, string>; return true }).reply(200, { code: 0, message: 'ok', new_count: 1, chg_count: 0 })
  const orderNo = await order(f, 0)
  await f.app.services.worker.drainAll()
  const { sign, ...rest } = pushed
  t.equal(sign, wdtClassicSign(rest, 'wdtsecret'), 'signed as documented')
  t.match(rest, { sid: 'kqsid', appkey: 'kqkey', shop_no: 'KQ01' })
  const trade = JSON.parse(pushed.trade_list)[0]
  t.match(trade, { tid: orderNo, trade_status: 30, receiver_mobile: '13800138000', order_list: [{ goods_no: 'G-APPLE', spec_no: 'S-1', num: 1 }] })
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).erp_status, 'pushed')

  // A refusal is kept on the order and not retried; a 5xx is retried.
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 1090, message: '店铺不存在' })
  const refused = await order(f, 1)
  await f.app.services.worker.drainAll()
  t.match(await f.db('orders').where({ order_no: refused }).first(), { erp_status: 'failed', erp_error: '1090: 店铺不存在' })
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(502, 'bad gateway')
  const later = await order(f, 2)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: later }).first()).erp_status, 'retrying')

  let acked: Array<{ rec_id: string; status: number; message: string }> = []
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [
    { rec_id: 11, tid: orderNo, logistics_no: 'SF1234567890', logistics_name_erp: '顺丰速运' },
    { rec_id: 12, tid: '00000000000000000000', logistics_no: 'YT1', logistics_name_erp: '圆通速递' },
    { rec_id: 13, tid: refused, logistics_no: 'XX1234567', logistics_name_erp: '不存在的快递' },
  ] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_ack.php', (b) => { acked = JSON.parse((b as Record<string, string>).logistics_list); return true }).reply(200, { code: 0, errors: [] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/api_goods_stock_change_query.php').reply(200, { code: 0, stock_change_list: [] })
  const sync = await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: f.auth(f.token) })
  t.same(sync.json(), { shipped: 1, failed: 2, stock_updated: 0, ack_failed: 0 })
  t.same(acked, [
    { rec_id: '11', status: 0, message: '成功' },
    { rec_id: '12', status: 1, message: '订单不存在' },
    { rec_id: '13', status: 1, message: '未知物流公司 不存在的快递' },
  ], 'every record acknowledged, failures with a reason')
  t.match(await f.db('orders').where({ order_no: orderNo }).first(), { status: 'shipped', courier_code: 'SF', waybill_no: 'SF1234567890' })
  t.equal((await f.db('outbox').where({ topic: 'order.shipped' })).length, 1, 'order.shipped emitted')
  t.notOk(f.logs.text().includes('wdtsecret'), 'the secret is never logged')
  const calls = await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?topic=erp.push', headers: f.auth(f.token) })
  t.same(calls.json().items.map((c: { status: string }) => c.status).sort(), ['dead', 'done', 'pending'], 'calls and their outcomes are visible')
  t.match(calls.json().items.find((c: { status: string }) => c.status === 'dead'), { last_error: '1090: 店铺不存在', attempt_log: [{ attempt: 1 }] })
})

t.test('Wangdiantong 旗舰版: pushSelf2 with positional arguments, getSyncListExt → update', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const { wdtQjbSign } = await import('../../integrations/erp/wdt-signing.js')
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { protocol: 'wdt_qjb', sid: 'qsid', appkey: 'qkey', appsecret: 'qsecret:qsalt', shop_no: 'QJ01'} })
  const calls: Array<{ query: Record<string, string>; body: unknown[] }> = []
  const reply = (data: unknown) => (uri: string, body: unknown) => {
    const query = Object.fromEntries(new URL(uri, 'http://wdt.wangdian.cn').searchParams)
    calls.push({ query, body: body as unknown[] })
    return [200, { status: 0, data }]
  }
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(reply({ new_count: 1, chg_count: 0, error_list: [] }))
  const orderNo = await order(f, 0)
  await f.app.services.worker.drainAll()
  const push = calls[0]
  t.equal(push.query.method, 'sales.RawTrade.pushSelf2')
  t.match(push.query, { sid: 'qsid', key: 'qkey', salt: 'qsalt', v: '1.0' })
  const { sign, ...params } = push.query
  t.equal(sign, wdtQjbSign({ ...params, body: JSON.stringify(push.body) }, 'qsecret'), 'signed over the query and the raw body')
  t.equal(push.body[0], 'QJ01')
  t.match((push.body[1] as unknown[])[0], { tid: orderNo, trade_status: 30, receiver_area: '浙江省 杭州市 西湖区', receiver_mobile: '13800138000' })
  t.match((push.body[2] as unknown[])[0], { tid: orderNo, goods_no: 'G-APPLE', spec_no: 'S-1', num: 1 })
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).erp_status, 'pushed')

  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(reply({ order: [{ sync_id: 7, tid: orderNo, logistics_no: 'YT2000000001', logistics_name: '圆通速递' }] }))
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(reply({}))
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(reply([]))
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(reply({ id_list: [] }))
  const sync = await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: f.auth(f.token) })
  t.same(sync.json(), { shipped: 1, failed: 0, stock_updated: 0, ack_failed: 0 })
  t.equal(calls[1].query.method, 'sales.LogisticsSync.getSyncListExt')
  t.same(calls[2], { query: calls[2].query, body: [[{ sync_id: '7', status: 0, error_msg: '' }]] })
  t.equal(calls[2].query.method, 'sales.LogisticsSync.update')
  t.match(await f.db('orders').where({ order_no: orderNo }).first(), { status: 'shipped', courier_code: 'YTO', waybill_no: 'YT2000000001' })
})

t.test('旗舰版 errors: a refusal is not retried, a 5xx is', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { protocol: 'wdt_qjb', sid: 'qsid', appkey: 'qkey', appsecret: 'qsecret:qsalt', shop_no: 'QJ01'} })
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(200, { status: 1, message: '验证失败' })
  const refused = await order(f, 0)
  await f.app.services.worker.drainAll()
  t.match(await f.db('orders').where({ order_no: refused }).first(), { erp_status: 'failed', erp_error: '1: 验证失败' })
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply(503, 'busy')
  const later = await order(f, 1)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: later }).first()).erp_status, 'retrying')
  const rows = await f.db('outbox').where({ topic: 'erp.push' }).orderBy('id')
  t.same(rows.map((r) => r.status), ['dead', 'pending'])
})

t.test('测试连接: a read-only 查询店铺 with the form\'s parameters; the vendor\'s own message when it refuses; nothing saved', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 1 })
  const test = (payload: object) => f.app.inject({ method: 'POST', url: '/api/v1/settings/erp/test', headers: f.auth(f.token), payload })
  const classic = { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', shop_no: 'KQ01', endpoint: 'https://sandbox.wangdian.cn/openapi2/' }

  const missing = await test(classic)
  t.equal(missing.statusCode, 422, 'no stored appsecret and none given')
  t.match(missing.json(), { code: 'validation_failed', details: [{ path: '/appsecret' }] })

  let asked: Record<string, string> = {}
  nock('https://sandbox.wangdian.cn').post('/openapi2/shop.php', (b) => { asked = b as Record<string, string>; return true }).reply(200, { code: 0, total_count: 1, shoplist: [{ shop_no: 'KQ01', shop_name: '鲜果旗舰店' }] })
  const good = await test({ ...classic, appsecret: 'wdtsecret' })
  t.equal(good.statusCode, 200)
  t.match(good.json(), { ok: true, message: '连接成功：店铺 KQ01（鲜果旗舰店） 可以使用', shop_name: '鲜果旗舰店' })
  const { sign, ...rest } = asked
  t.equal(sign, wdtClassicSign(rest, 'wdtsecret'), 'signed like every other call')
  t.match(rest, { sid: 'kqsid', appkey: 'kqkey', shop_no: 'KQ01' })
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/settings/erp', headers: f.auth(f.token) })).json(), null, 'a test saves nothing')

  nock('https://sandbox.wangdian.cn').post('/openapi2/shop.php').reply(200, { code: 1100, message: '签名错误' })
  t.match((await test({ ...classic, appsecret: 'wrong' })).json(), { ok: false, message: '连接失败：旺店通返回：1100: 签名错误', shop_name: null })
  nock('https://sandbox.wangdian.cn').post('/openapi2/shop.php').reply(200, { code: 0, total_count: 0, shoplist: [] })
  t.match((await test({ ...classic, appsecret: 'wdtsecret', shop_no: 'NOPE' })).json(), { ok: false, message: '连接失败：旺店通返回：旺店通中没有店铺编号为 NOPE 的店铺' })
  nock('https://sandbox.wangdian.cn').post('/openapi2/shop.php').reply(503, 'busy')
  t.match((await test({ ...classic, appsecret: 'wdtsecret' })).json(), { ok: false, message: '连接失败：旺店通接口暂时不可用（HTTP 503）' })
  const refused = await test({ ...classic, appsecret: 'wdtsecret', endpoint: 'https://evil.example/openapi2/' })
  t.equal(refused.statusCode, 422, 'only the vendor\'s hosts, as when saving')
  t.equal(refused.json().code, 'vendor_endpoint_not_allowed')

  // Saved, then tested with the appsecret left blank: the stored one signs.
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { ...classic, appsecret: 'wdtsecret' } })
  nock('https://sandbox.wangdian.cn').post('/openapi2/shop.php', (b) => { asked = b as Record<string, string>; return true }).reply(200, { code: 0, shoplist: [{ shop_no: 'KQ01', shop_name: '鲜果旗舰店' }] })
  t.equal((await test(classic)).json().ok, true)
  const { sign: sign2, ...rest2 } = asked
  t.equal(sign2, wdtClassicSign(rest2, 'wdtsecret'), 'the stored appsecret')

  // 旗舰版: setting.Shop.queryShop with the shop as its one argument.
  let query: Record<string, string> = {}
  let body: unknown = null
  nock('http://wdt.wangdian.cn').post('/openapi').query(true).reply((uri, b) => {
    query = Object.fromEntries(new URL(uri, 'http://wdt.wangdian.cn').searchParams)
    body = b
    return [200, { status: 0, data: { details: [{ shop_no: 'QJ01', shop_name: '旗舰店' }], total_count: 1 } }]
  })
  const qjb = await test({ protocol: 'wdt_qjb', sid: 'qsid', appkey: 'qkey', appsecret: 'qsecret:qsalt', shop_no: 'QJ01' })
  t.match(qjb.json(), { ok: true, shop_name: '旗舰店' })
  t.match(query, { method: 'setting.Shop.queryShop', sid: 'qsid', key: 'qkey', salt: 'qsalt' })
  t.same(body, [{ shop_no: 'QJ01' }])
  t.notOk(f.logs.text().includes('wdtsecret') || f.logs.text().includes('qsecret'), 'no secret in the log')
})

t.test('立即同步 and the periodic pull record the last back-sync; a failure keeps its reason and the last good time', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 1 })
  const admin = f.auth(f.token)
  const last = async () => (await f.app.inject({ method: 'GET', url: '/api/v1/erp/logistics-sync', headers: admin })).json()
  const unconfigured = await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: admin })
  t.equal(unconfigured.statusCode, 409)
  t.equal(unconfigured.json().code, 'erp_not_configured')
  t.equal(await last(), null, 'no sync yet')

  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: admin, payload: { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'secret', shop_no: 'KQ', endpoint: 'https://sandbox.wangdian.cn/openapi2/' } })
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 0 })
  const orderNo = await order(f, 0)
  await f.app.services.worker.drainAll()
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [
    { rec_id: 1, tid: orderNo, logistics_no: 'SF1234567890', logistics_name_erp: '顺丰速运' },
    { rec_id: 2, tid: 'NOSUCHORDER', logistics_no: 'SF1', logistics_name_erp: '顺丰速运' },
  ] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_ack.php').reply(200, { code: 0 })
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/api_goods_stock_change_query.php').reply(200, { code: 0, stock_change_list: [] })
  t.same((await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: admin })).json(), { shipped: 1, failed: 1, stock_updated: 0, ack_failed: 0 })
  const ok = await last()
  t.match(ok, { trigger: 'manual', ok: true, shipped: 1, failed: 1, error: null })
  t.equal(ok.last_ok_at, ok.finished_at)

  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 1020, message: 'appkey 无效' })
  const failed = await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: admin })
  t.equal(failed.statusCode, 502)
  t.same({ code: failed.json().code, message: failed.json().message }, { code: 'erp_call_failed', message: '同步失败：旺店通返回：1020: appkey 无效' })
  t.match(await last(), { trigger: 'manual', ok: false, shipped: 0, failed: 0, error: '旺店通返回：1020: appkey 无效', last_ok_at: ok.last_ok_at })

  // The periodic pull (the worker's call) is recorded as such.
  nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [] })
  nock('https://sandbox.wangdian.cn').post('/openapi2/api_goods_stock_change_query.php').reply(200, { code: 0, stock_change_list: [] })
  await f.app.services.erp.syncLogistics((await f.db('merchants').first()).id)
  t.match(await last(), { trigger: 'schedule', ok: true, shipped: 0, failed: 0, error: null })
})
