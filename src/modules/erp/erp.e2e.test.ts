// End to end through the outbox against a fake Wangdiantong on 127.0.0.1 that checks every
// signature, for classic openapi2 and for 旗舰版: a gift box pushed as one line per ERP good with
// the card's face value, a final refusal kept on the order with the ERP's reason, a transient
// error retried on the schedule, 重试 from 集成调用 showing the push as waiting again, and the
// back-sync recording a per-item acknowledgement error and storing the ERP's stock.
// Answers are shaped as in WDT's documents (trade_push, logistics_sync_ack, api_goods_stock_change_query
// at https://open.wangdian.cn/qyb/open/apidoc/doc?path=<name>.php; sales.* at
// https://open.wangdian.cn/qjb/open/apidoc/doc?path=<method>).
import { createServer } from 'node:http'
import t, { type Test as Tap } from 'tap'
import { wdtClassicSign, wdtQjbSign } from '../../integrations/erp/wdt-signing.js'
import { fixedClock } from '../../shared/clock.js'
import { RETRY_DELAYS_MS } from '../../workers/outbox-worker.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

const CLASSIC_SECRET = 'classic-secret'
const QJB_SECRET = 'qjb-secret'

interface Call { method: string; params: Record<string, string>; body: any }
interface FakeWdt {
  url: string
  calls: Call[]
  /** Scripted answers per method (trade_push.php, sales.RawTrade.pushSelf2 …), used first, one each. */
  script: Record<string, unknown[]>
  of (method: string): Call[]
}

/** Both protocols on one port: classic by path (form, md5 pack sign), 旗舰版 on /openapi (query sign over the body). */
async function fakeWdt (t: { teardown (fn: () => unknown): void }, defaults: Record<string, unknown>): Promise<FakeWdt> {
  const fake: FakeWdt = { url: '', calls: [], script: {}, of: (m) => fake.calls.filter((c) => c.method === m) }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://x')
      let method: string
      let params: Record<string, string>
      let body: any
      let signed: boolean
      if (url.pathname === '/openapi') {
        params = Object.fromEntries(url.searchParams)
        method = params.method
        body = JSON.parse(raw)
        const { sign, ...rest } = params
        signed = sign === wdtQjbSign({ ...rest, body: raw }, QJB_SECRET)
      } else {
        params = Object.fromEntries(new URLSearchParams(raw))
        method = url.pathname.split('/').pop()!
        const { sign, ...rest } = params
        signed = sign === wdtClassicSign(rest, CLASSIC_SECRET)
        body = null
      }
      fake.calls.push({ method, params, body })
      const out = !signed
        ? (url.pathname === '/openapi' ? { status: 1, message: '验证失败' } : { code: 1100, message: '签名错误' })
        : fake.script[method]?.length ? fake.script[method].shift() : defaults[method] ?? (url.pathname === '/openapi' ? { status: 0, data: [] } : { code: 0 })
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(out))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  fake.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  return fake
}

async function setup (t: Tap, connection: object) {
  const clock = fixedClock('2026-12-02T02:00:00Z')
  const f = await redeemFixture(t, { quantity: 4, clock })
  const admin = f.auth(f.token)
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: admin, payload: connection })).statusCode, 200)
  // The apple box is two S-1 and one S-2.
  const patched = await f.app.inject({ method: 'PATCH', url: `/api/v1/products/${f.apple}`, headers: admin, payload: { erp_goods: [{ goods_no: 'G-APPLE', spec_no: 'S-1', quantity: 2 }, { goods_no: 'G-PEAR', spec_no: 'S-2', quantity: 1 }] } })
  t.same(patched.json().erp_goods, [{ goods_no: 'G-APPLE', spec_no: 'S-1', quantity: 2 }, { goods_no: 'G-PEAR', spec_no: 'S-2', quantity: 1 }], 'the mapping is set through the products API')
  const order = async (i: number): Promise<string> => {
    const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
    return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
  }
  const orderRow = (no: string) => f.db('orders').where({ order_no: no }).first()
  const pushRow = (no: string) => f.db('outbox').where({ topic: 'erp.push', idempotency_key: `erp:${no}:push` }).first()
  return { f, clock, admin, order, orderRow, pushRow }
}

async function retryOnSchedule (t: Tap, s: Awaited<ReturnType<typeof setup>>, no: string) {
  await s.f.app.services.worker.drainAll()
  const row = await s.pushRow(no)
  t.match(await s.orderRow(no), { erp_status: 'retrying' }, 'a transient error: retrying')
  t.equal(row.status, 'pending')
  t.equal(Number(row.attempts), 1)
  const delay = Number(row.next_attempt_at) - s.clock.now().getTime()
  t.ok(delay >= RETRY_DELAYS_MS[0] * 0.9 && delay <= RETRY_DELAYS_MS[0] * 1.1, `the next try on the schedule (${delay} ms)`)
  await s.f.app.services.worker.drainAll()
  t.equal((await s.orderRow(no)).erp_status, 'retrying', 'not before its time')
  s.clock.advance(RETRY_DELAYS_MS[0] * 1.2)
  await s.f.app.services.worker.drainAll()
  t.equal((await s.orderRow(no)).erp_status, 'pushed', 'sent again at its time and accepted')
}

async function retryFromCalls (t: Tap, s: Awaited<ReturnType<typeof setup>>, no: string) {
  const dead = await s.pushRow(no)
  t.equal(dead.status, 'dead')
  const res = await s.f.app.inject({ method: 'POST', url: `/api/v1/integration-calls/${dead.id}/retry`, headers: s.admin })
  t.equal(res.statusCode, 200)
  t.match(await s.orderRow(no), { erp_status: 'pending', erp_error: null }, '重试: the order shows the push waiting again, not the old failure')
  await s.f.app.services.worker.drainAll()
  t.equal((await s.orderRow(no)).erp_status, 'pushed')
}

t.test('classic openapi2 end to end', async (t) => {
  const fake = await fakeWdt(t, {
    'logistics_sync_query.php': { code: 0, trades: [] },
    'api_goods_stock_change_query.php': { code: 0, stock_change_list: [] },
  })
  const s = await setup(t, { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', appsecret: CLASSIC_SECRET, shop_no: 'KQ01', endpoint: `${fake.url}/openapi2/` })

  // Success: one line per ERP good, the face value (388 元) split over the three units.
  fake.script['trade_push.php'] = [{ code: 0, message: '', new_count: 1, chg_count: 0 }]
  const ok = await s.order(0)
  await s.f.app.services.worker.drainAll()
  const trade = JSON.parse(fake.of('trade_push.php')[0].params.trade_list)[0]
  t.match(trade, { tid: ok, trade_status: 30, paid: 388 })
  t.same(trade.order_list.map((l: any) => [l.oid, l.goods_no, l.spec_no, l.spec_id, l.num, l.price, l.adjust_amount, l.refund_status]), [
    [`${ok}-1`, 'G-APPLE', 'S-1', 'S-1', 2, 129.33, 0, 0],
    [`${ok}-2`, 'G-PEAR', 'S-2', 'S-2', 1, 129.33, 0.01, 0],
  ])
  t.equal((await s.orderRow(ok)).erp_status, 'pushed')

  // A final refusal: kept on the order with the ERP's own reason, not retried.
  fake.script['trade_push.php'] = [{ code: 2310, message: '店铺编号在系统中不存在或已停用，请检查shop_id是否正确' }]
  const refused = await s.order(1)
  await s.f.app.services.worker.drainAll()
  t.match(await s.orderRow(refused), { erp_status: 'failed', erp_error: '2310: 店铺编号在系统中不存在或已停用，请检查shop_id是否正确' })
  t.equal((await s.pushRow(refused)).status, 'dead')

  // A transient one (system busy) is retried on the schedule.
  fake.script['trade_push.php'] = [{ code: 1234, message: '系统繁忙，请稍后再试' }, { code: 0, new_count: 1 }]
  await retryOnSchedule(t, s, await s.order(2))

  await retryFromCalls(t, s, refused)

  // The back-sync: a shipment whose acknowledgement WDT refuses per item, and stock changes.
  fake.script['logistics_sync_query.php'] = [{ code: 0, trades: [{ rec_id: 11, tid: ok, logistics_no: 'SF1234567890', logistics_name_erp: '顺丰速运' }] }]
  fake.script['logistics_sync_ack.php'] = [{ code: 0, message: '', errors: [{ rec_id: 11, error: '物流同步记录状态不正确' }] }]
  fake.script['api_goods_stock_change_query.php'] = [{
    code: 0, current_count: 3, stock_change_list: [
      { rec_id: '501', shop_id: '1', goods_id: String(s.f.apple), spec_id: 'S-1', sync_stock: 10, stock_change_count: 4 },
      { rec_id: '502', shop_id: '1', goods_id: String(s.f.apple), spec_id: 'S-2', sync_stock: 3, stock_change_count: 7 },
      { rec_id: '503', shop_id: '1', goods_id: '999', spec_id: 'NOT-OURS', sync_stock: 1, stock_change_count: 1 },
    ],
  }]
  fake.script['api_goods_stock_change_ack.php'] = [{ code: 0, message: '', errors: [] }]
  const sync = await s.f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: s.admin })
  t.same(sync.json(), { shipped: 1, failed: 1, stock_updated: 2, ack_failed: 1 })
  t.match(await s.orderRow(ok), { status: 'shipped', waybill_no: 'SF1234567890' })
  const last = (await s.f.app.inject({ method: 'GET', url: '/api/v1/erp/logistics-sync', headers: s.admin })).json()
  t.same(last.ack_errors, ['11: 物流同步记录状态不正确'], 'the per-item refusal is recorded with its reason')
  t.equal(last.stock_updated, 2)
  t.same(JSON.parse(fake.of('api_goods_stock_change_ack.php')[0].params.stock_sync_list), [
    { rec_id: '501', sync_stock: 10, stock_change_count: 4, syn_status: 1 },
    { rec_id: '502', sync_stock: 3, stock_change_count: 7, syn_status: 1 },
    { rec_id: '503', sync_stock: 1, stock_change_count: 1, syn_status: 0 },
  ], 'every stock record acknowledged: stored ones as synced, the unknown one as failed')
  const stock = (await s.f.app.inject({ method: 'GET', url: '/api/v1/erp/stock', headers: s.admin })).json()
  const apple = stock.items.find((i: any) => i.product_id === s.f.apple)
  t.match(apple, { available: 3, updated_at: s.clock.now().toISOString(), lines: [{ spec_no: 'S-1', quantity: 2, stock: 10 }, { spec_no: 'S-2', quantity: 1, stock: 3 }] }, 'a box is there as often as its scarcest good allows')
  t.notOk(s.f.logs.text().includes(CLASSIC_SECRET), 'the secret is never logged')
})

t.test('旗舰版 end to end', async (t) => {
  const ok0 = (data: unknown) => ({ status: 0, data })
  const fake = await fakeWdt(t, {
    'sales.LogisticsSync.getSyncListExt': ok0([]),
    'sales.StockSync.getSelfWaitSyncIdListOpen': ok0({ id_list: [] }),
    'sales.StockSync.syncSuccess': { status: 0 },
  })
  const s = await setup(t, { protocol: 'wdt_qjb', sid: 'qsid', appkey: 'qkey', appsecret: `${QJB_SECRET}:qsalt`, shop_no: 'QJ01', endpoint: `${fake.url}/openapi` })

  fake.script['sales.RawTrade.pushSelf2'] = [ok0({ chg_count: 0, new_count: 1, error_list: [] })]
  const ok = await s.order(0)
  await s.f.app.services.worker.drainAll()
  const [shop, [rawTrade], rawOrders] = fake.of('sales.RawTrade.pushSelf2')[0].body
  t.equal(shop, 'QJ01')
  t.match(rawTrade, { tid: ok, trade_status: 30, refund_status: 0, order_count: 2, goods_count: 3, receivable: 388 })
  t.same(rawOrders.map((o: any) => [o.oid, o.spec_no, o.spec_id, o.num, o.price, o.total_amount, o.json]), [
    [`${ok}-1`, 'S-1', 'S-1', 2, 129.33, 258.66, ''],
    [`${ok}-2`, 'S-2', 'S-2', 1, 129.33, 129.34, ''],
  ])
  t.equal((await s.orderRow(ok)).erp_status, 'pushed')

  fake.script['sales.RawTrade.pushSelf2'] = [{ status: 100, message: '店铺编号不存在或已停用' }]
  const refused = await s.order(1)
  await s.f.app.services.worker.drainAll()
  t.match(await s.orderRow(refused), { erp_status: 'failed', erp_error: '100: 店铺编号不存在或已停用' })

  // 数据库错误 (status 4) is transient.
  fake.script['sales.RawTrade.pushSelf2'] = [{ status: 4, message: '数据库错误' }, ok0({ new_count: 1, error_list: [] })]
  await retryOnSchedule(t, s, await s.order(2))

  await retryFromCalls(t, s, refused)

  fake.script['sales.LogisticsSync.getSyncListExt'] = [ok0([{ sync_id: 7, tid: ok, logistics_no: 'YT2000000001', logistics_name: '圆通速递' }])]
  fake.script['sales.LogisticsSync.update'] = [ok0(['同步结果状态为空!'])]
  fake.script['sales.StockSync.getSelfWaitSyncIdListOpen'] = [ok0({ id_list: [2447, 2448], position: 239126414 })]
  fake.script['sales.StockSync.batchCalcStock'] = [ok0({
    success_date: [
      { rec_id: 2447, goods_id: String(s.f.apple), spec_id: 'S-1', outer_id: 'G-APPLE', spec_outer_id: 'S-1', match_code: 'S-1', syn_stock: 8, stock_change_count: 2, stock_syn_rule_id: -10000, stock_syn_rule_no: '', stock_syn_warehouses: '6', stock_syn_mask: 0, stock_syn_percent: 100, stock_syn_plus: 1, stock_syn_min: 1, stock_syn_max: 550, is_auto_listing: true, is_auto_delisting: true },
    ],
    error_date: [{ rec_id: 2448, err_msg: 'force_sync' }],
  })]
  const sync = await s.f.app.inject({ method: 'POST', url: '/api/v1/erp/logistics-sync', headers: s.admin })
  t.same(sync.json(), { shipped: 1, failed: 1, stock_updated: 1, ack_failed: 1 })
  t.same((await s.f.app.inject({ method: 'GET', url: '/api/v1/erp/logistics-sync', headers: s.admin })).json().ack_errors, ['同步结果状态为空!'], 'LogisticsSync.update\'s data[] is recorded')
  t.same(fake.of('sales.StockSync.getSelfWaitSyncIdListOpen').map((c) => c.body), [[100, 0], [100, 239126414]], 'paged by the position it answered')
  t.same(fake.of('sales.StockSync.batchCalcStock')[0].body, [[{ api_goods_id: 2447, force_sync: false }, { api_goods_id: 2448, force_sync: false }]])
  const success = fake.of('sales.StockSync.syncSuccess')
  t.equal(success.length, 1, 'only the stored figure is reported as synced')
  t.match(success[0].body, [2447, { syn_stock: 8, stock_change_count: 2, stock_syn_rule_id: -10000, is_syn_success: true, is_manual: false }])
  const apple = (await s.f.app.inject({ method: 'GET', url: '/api/v1/erp/stock', headers: s.admin })).json().items.find((i: any) => i.product_id === s.f.apple)
  t.match(apple, { available: null, lines: [{ spec_no: 'S-1', stock: 8 }, { spec_no: 'S-2', stock: null }] }, 'no figure yet for S-2: how many boxes is not known')
  t.notOk(s.f.logs.text().includes(QJB_SECRET), 'the secret is never logged')
})
