// What an order is in Wangdiantong: its lines (one per ERP good), the face value split over
// them, and the meaning of what classic trade_push and 旗舰版 pushSelf2 are sent.
import t from 'tap'
import { classicTrade } from '../../integrations/erp/wdt-classic.js'
import { qjbTrade } from '../../integrations/erp/wdt-qjb.js'
import { erpLines, erpTrade } from './erp-trade.js'

const order = {
  order_no: '20261202000001', product: { product_id: 7, name: '水果礼盒', goods_no: 'G-BOX', spec_no: null },
  created_at: '2026-12-02T02:00:00.000Z', consignee: { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }, remark: null,
} as never

t.test('a product with no lines is itself, one of it, at the whole face value', async (t) => {
  const [line, ...more] = erpLines(order, [], 38800)
  t.same(more, [])
  t.match(line, { oid: '20261202000001-1', goods_id: '7', spec_id: 'G-BOX', goods_no: 'G-BOX', spec_no: '', num: 1, price_fen: 38800, adjust_fen: 0 })
})

t.test('a gift box: one line per ERP good, the amount split over the units exactly, spec_id never empty', async (t) => {
  const lines = erpLines(order, [{ goods_no: 'G-A', spec_no: 'S-A', quantity: 2 }, { goods_no: 'G-B', spec_no: null, quantity: 1 }], 10000)
  t.same(lines.map((l) => [l.oid, l.spec_id, l.num, l.price_fen, l.adjust_fen]), [
    ['20261202000001-1', 'S-A', 2, 3333, 0],
    ['20261202000001-2', 'G-B', 1, 3333, 1],
  ])
  t.equal(lines.reduce((s, l) => s + l.price_fen * l.num + l.adjust_fen, 0), 10000, 'the lines add up to the face value')
  t.ok(erpLines({ ...(order as object), product: { product_id: 9, name: 'x', goods_no: null, spec_no: null } } as never, [], 0).every((l) => l.spec_id === '9'), 'no code at all: our product id')
})

t.test('classic trade_push: paid and prices in yuan; a cancellation is trade_status 80 with its lines refund_status 5 (退款成功)', async (t) => {
  const goods = [{ goods_no: 'G-A', spec_no: 'S-A', quantity: 2 }, { goods_no: 'G-B', spec_no: 'S-B', quantity: 1 }]
  const pushed = classicTrade(erpTrade(order, false, goods, 10000)) as any
  t.match(pushed, { trade_status: 30, paid: 100 })
  t.same(pushed.order_list.map((l: any) => [l.spec_id, l.num, l.price, l.adjust_amount, l.status, l.refund_status]), [['S-A', 2, 33.33, 0, 30, 0], ['S-B', 1, 33.33, 0.01, 30, 0]])
  const cancelled = classicTrade(erpTrade(order, true, goods, 10000)) as any
  t.equal(cancelled.trade_status, 80)
  t.same(cancelled.order_list.map((l: any) => [l.oid, l.status, l.refund_status]), [['20261202000001-1', 80, 5], ['20261202000001-2', 80, 5]], 'the same oids, 退款成功')
})

t.test('旗舰版 pushSelf2: counts and amounts from the lines; a cancellation is trade refund_status 3 (全部退款), lines 5; json always sent', async (t) => {
  const goods = [{ goods_no: 'G-A', spec_no: 'S-A', quantity: 2 }, { goods_no: 'G-B', spec_no: 'S-B', quantity: 1 }]
  const { rawTrade, rawOrders } = qjbTrade(erpTrade(order, false, goods, 10000))
  t.match(rawTrade, { trade_status: 30, refund_status: 0, order_count: 2, goods_count: 3, receivable: 100, receiver_area: '浙江省 杭州市 西湖区', trade_time: '2026-12-02 10:00:00' })
  t.same(rawOrders.map((o) => [o.spec_id, o.num, o.price, o.total_amount, o.adjust_amount, o.json]), [['S-A', 2, 33.33, 66.66, 0, ''], ['S-B', 1, 33.33, 33.34, 0.01, '']])
  const cancelled = qjbTrade(erpTrade(order, true, goods, 10000))
  t.match(cancelled.rawTrade, { trade_status: 80, refund_status: 3 })
  t.same(cancelled.rawOrders.map((o) => [o.status, o.refund_status, o.refund_amount]), [[80, 5, 66.66], [80, 5, 33.34]])
  t.ok(cancelled.rawOrders.every((o) => 'json' in o && o.spec_id !== ''), 'every line carries json and a spec_id')
})
