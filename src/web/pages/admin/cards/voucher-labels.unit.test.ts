import t from 'tap'
import { ledgerNote, restrictionLines, signedYuan, validityText, yuanPlain } from './voucher-labels.js'

const name = (id: number) => ({ 1: '苹果礼盒', 2: '桃子礼盒' } as Record<number, string>)[id] ?? `商品 #${id}`

t.test('restrictions in words: none is the whole catalogue; several goods lists are any one of them', async (t) => {
  t.same(restrictionLines(null, name), ['全部商品可用'])
  t.same(restrictionLines({}, name), ['全部商品可用'])
  t.same(restrictionLines({ provinces: ['浙江省', '江苏省'] }, name), ['全部商品可用', '仅限收货地区：浙江省、江苏省'], 'a region alone leaves every product')
  t.same(restrictionLines({ product_ids: [1, 2] }, name), ['指定商品：苹果礼盒、桃子礼盒'])
  t.same(restrictionLines({ categories: ['水果'], suppliers: ['米厂'], provinces: ['浙江省'] }, name),
    ['指定类目：水果', '指定供应商：米厂', '仅限收货地区：浙江省', '（商品符合以上任意一项即可）'])
  t.same(restrictionLines({ product_ids: [9] }, name), ['指定商品：商品 #9'], 'a product not loaded is named by its number')
})

t.test('validity: fixed dates, N days from the day after activation, or none', async (t) => {
  t.equal(validityText({ valid_from: '2027-01-01', valid_to: '2027-03-31', valid_days: null }), '2027-01-01 至 2027-03-31')
  t.equal(validityText({ valid_from: null, valid_to: null, valid_days: 90 }), '激活次日起 90 天')
  t.equal(validityText({ valid_from: '2026-12-08', valid_to: '2027-03-07', valid_days: 90 }), '2026-12-08 至 2027-03-07', 'an activated N-day voucher has its dates')
  t.equal(validityText({ valid_from: null, valid_to: null }), '不限')
})

t.test('amounts in yuan and what a ledger row says', async (t) => {
  t.equal(yuanPlain(20000), '200.00')
  t.equal(yuanPlain(null), '—')
  t.equal(signedYuan(-5000), '-50.00')
  t.equal(signedYuan(5050), '+50.50')
  t.equal(ledgerNote({ type: 'adjust', ref_type: null, ref_id: null, detail: { reason: '客服补偿' } }), '原因：客服补偿')
  t.equal(ledgerNote({ type: 'capture', ref_type: 'hold', ref_id: 'H1', detail: { amount: 5000 } }), '冻结的 50.00 元转为扣款，冻结单 H1')
  t.equal(ledgerNote({ type: 'release', ref_type: 'hold', ref_id: 'H2', detail: { lapsed: true } }), '冻结超时自动解冻，冻结单 H2')
  t.equal(ledgerNote({ type: 'extend', ref_type: null, ref_id: null, detail: { from: '2027-02-21', to: '2027-03-23' } }), '有效期 2027-02-21 → 2027-03-23')
})
