// End to end through the outbox against local fake servers (no interception): a redemption is
// pushed to the ERP and texted to the customer; the ERP reports the shipment back, the order
// ships and the customer gets the shipped text; the courier's push marks it delivered.
import t from 'tap'
import { createServer } from 'node:http'
import { kuaidi100PushSign } from './courier/courier-signing.js'
import { CONSIGNEE, redeemFixture } from '../test-support/redeem-fixture.js'

async function fakeServer (t: { teardown (fn: () => unknown): void }, handle: (path: string, body: string) => unknown) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const out = handle(req.url ?? '', Buffer.concat(chunks).toString('utf8'))
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(out))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

t.test('redeem → ERP push + SMS A → ERP back-sync → shipped + SMS C → courier push → delivered', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const erpPushes: string[] = []
  let shipment: unknown[] = []
  const acks: string[] = []
  const erp = await fakeServer(t, (path, body) => {
    const form = new URLSearchParams(body)
    if (path.endsWith('trade_push.php')) { erpPushes.push(JSON.parse(form.get('trade_list')!)[0].tid); return { code: 0, new_count: 1 } }
    if (path.endsWith('logistics_sync_query.php')) { const out = shipment; shipment = []; return { code: 0, trades: out } }
    if (path.endsWith('logistics_sync_ack.php')) { acks.push(form.get('logistics_list')!); return { code: 0, errors: [] } }
    if (path.endsWith('api_goods_stock_change_query.php')) return { code: 0, stock_change_list: [] }
    return { code: 99, message: 'unknown' }
  })
  const texts: Array<{ TemplateId: string; TemplateParamSet: string[] }> = []
  const sms = await fakeServer(t, (_path, body) => {
    texts.push(JSON.parse(body))
    return { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: `s${texts.length}` }], RequestId: 'r' } }
  })
  const admin = f.auth(f.token)
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: admin, payload: { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'secret', shop_no: 'KQ', endpoint: `${erp}/openapi2/` } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: admin, payload: {
    provider: 'tencent', tencent: { secret_id: 'AKID', secret_key: 'tkey', sdk_app_id: '1400000001', endpoint: `${sms}/` }, sign_name: '鲜果铺', admin_phones: [],
    switches: { order_submitted_customer: true, order_submitted_admin: false, shipped_customer: true, card_issued: false },
    templates: { order_submitted_customer: { template_id: '1001', params: { no: 'order_no' } }, shipped_customer: { template_id: '1003', params: { no: 'order_no', waybill: 'waybill_no' } } },
    card_issued_include_password: false, limits: { per_minute: 5, per_day: 10 },
  } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: admin, payload: { kuaidi100_salt: 'salt1' } })

  const v = await f.verify(f.cards[0].card_no, f.cards[0].password)
  const orderNo = (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
  await f.app.services.worker.drainAll()
  t.same(erpPushes, [orderNo], 'pushed to the ERP')
  t.same(texts.map((x) => [x.TemplateId, x.TemplateParamSet]), [['1001', [orderNo]]], 'text A sent')

  shipment = [{ rec_id: 1, tid: orderNo, logistics_no: 'YT3000000001', logistics_name_erp: '圆通速递' }]
  t.same((await f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: admin })).json(), { shipped: 1, failed: 0, stock_updated: 0, ack_failed: 0 })
  t.same(JSON.parse(acks[0]), [{ rec_id: '1', status: 0, message: '成功' }])
  await f.app.services.worker.drainAll()
  t.same(texts.map((x) => x.TemplateId), ['1001', '1003'], 'text C sent when shipped')
  t.same(texts[1].TemplateParamSet, [orderNo, 'YT3000000001'])

  const param = JSON.stringify({ status: 'shutdown', lastResult: { nu: 'YT3000000001', state: '3', ischeck: '1', data: [{ ftime: '2026-11-25 09:00:00', context: '已签收' }] } })
  const push = await f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ param, sign: kuaidi100PushSign(param, 'salt1') }).toString() })
  t.equal(push.statusCode, 200)
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'delivered')
  const calls = await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls', headers: admin })
  const items = calls.json().items as Array<{ topic: string; status: string }>
  t.same(items.map((c) => c.topic).sort(), ['erp.push', 'sms.send', 'sms.send', 'tracking.apply'], 'the ERP push, both texts and the push\'s application are in the log')
  t.ok(items.every((c) => c.status === 'done'), 'every call done')
  t.notOk(f.logs.text().includes('tkey') || f.logs.text().includes('"secret"'), 'no credential in the log')
})
