// The pickup flow's rules (pickup-flow.ts), shared by the customer's page and the
// staff pickups, with the API's answers made here.
import t, { type Test } from 'tap'
import { ApiError } from './api.js'
import type { CardCredentials } from './card-input.js'
import { usePickupFlow, type OrderFields } from './pickup-flow.js'
import type { CardView, RedeemConfig } from './types.js'

const apple = { product_id: 1, name: '苹果礼盒', image_url: null, description: null }
const peach = { product_id: 2, name: '桃子礼盒', image_url: null, description: null }
const cardWith = (...products: CardView['products']): CardView => ({
  card: { card_no: 'T000001', face_value: 38800, valid_from: null, valid_to: null }, products,
})
const CONSIGNEE = { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' }

function configWith (mode: 'none' | 'any' | 'window', available_dates: string[] = []): RedeemConfig {
  return {
    merchant: { code: 'default', name: '默认商户' },
    storefront: { site_name: '提货', logo_url: null, theme_color: '#d9363e', welcome_text: '', notice_text: '', success_text: '' },
    pickup: { enabled: true, pause_message: null },
    reservation: { mode, min_days_ahead: 1, max_days_ahead: 7, blocked_weekdays: [], blocked_dates: [], today: '2026-11-23', daily_cap: null, available_dates },
  }
}

/** A flow whose server answers from the lists given (one answer per call, errors thrown). */
function fakeFlow (opts: { delivers?: boolean; renewsToken?: boolean; verified?: Array<CardView | ApiError>; placed?: Array<string | ApiError> } = {}) {
  const sent: Array<{ fields: OrderFields; credentials: CardCredentials }> = []
  const verified = [...(opts.verified ?? [cardWith(apple, peach)])]
  const placed = [...(opts.placed ?? ['20261123000000000001'])]
  const answer = <T>(list: Array<T | ApiError>): T => {
    const a = list.shift()
    if (a === undefined) throw new Error('no answer left')
    if (a instanceof ApiError) throw a
    return a
  }
  const flow = usePickupFlow<string>({
    delivers: opts.delivers ?? true,
    renewsToken: opts.renewsToken,
    verify: async () => answer(verified),
    submit: async (fields, credentials) => {
      sent.push({ fields, credentials })
      return answer(placed)
    },
  })
  return { flow, sent }
}

async function verifiedFlow (t: Test, opts: Parameters<typeof fakeFlow>[0] = {}) {
  const f = fakeFlow(opts)
  f.flow.cardNo = 'T000 001'
  f.flow.password = '1234 5678'
  t.equal(await f.flow.verify(), true, 'verified')
  return f
}

t.test('nothing is sent without both the card number and the password', async (t) => {
  const { flow } = fakeFlow({ verified: [] })
  t.equal(await flow.verify(), false)
  t.same(flow.errors, { card_no: '请输入卡号', password: '请输入密码' })
  t.equal(flow.card, null)
})

t.test('the only product of a card is chosen for the customer; a choice stands while the card still offers it', async (t) => {
  const { flow } = await verifiedFlow(t, { verified: [cardWith(peach)] })
  t.equal(flow.productId, 2)
  t.same(flow.checkProduct(), {})

  const two = await verifiedFlow(t, { verified: [cardWith(apple, peach), cardWith(apple, peach), cardWith(apple)] })
  t.equal(two.flow.productId, null, 'two products: the customer chooses')
  t.same(two.flow.checkProduct(), { product: '请选择一款商品' })
  two.flow.productId = 2
  t.equal(await two.flow.verify(), true)
  t.equal(two.flow.productId, 2, 'verified again: the choice stands')
  t.equal(await two.flow.verify(), true)
  t.equal(two.flow.productId, 1, 'no longer offered: the only product left')
})

t.test('a delivery date is asked only when the goods are sent and the merchant takes reservations; the window needs one', async (t) => {
  const { flow } = fakeFlow()
  t.equal(flow.hasDates, false, 'no rules loaded')
  flow.config = configWith('none')
  t.equal(flow.hasDates, false)
  t.same(flow.checkDate(), {})

  flow.config = configWith('any', ['2026-11-24', '2026-11-25'])
  t.equal(flow.hasDates, true)
  t.same(flow.checkDate(), {}, '"any": a date may be left out')

  flow.config = configWith('window', ['2026-11-24', '2026-11-25'])
  t.same(flow.checkDate(), { reserve_date: '请选择发货日期' })
  flow.reserveDate = '2026-11-26'
  t.same(flow.checkDate(), { reserve_date: '请选择发货日期' }, 'a day no longer offered does not count')
  t.equal(flow.reserveDate, '', 'and is dropped')
  flow.reserveDate = '2026-11-25'
  t.same(flow.checkDate(), {})

  const counter = fakeFlow({ delivers: false })
  counter.flow.config = configWith('window', ['2026-11-24'])
  t.equal(counter.flow.hasDates, false, 'nothing to deliver at the counter (到店提货)')
})

t.test('the address is tidied and checked where the goods are sent; at the counter only the remark is', async (t) => {
  const { flow } = fakeFlow()
  flow.consignee = { ...CONSIGNEE, name: ' 张三 ', phone: '138-0013-8000' }
  t.same(flow.checkDelivery(), {})
  t.same(flow.consignee, CONSIGNEE)
  flow.consignee = { ...CONSIGNEE, phone: '1380013' }
  t.same(flow.checkDelivery(), { phone: '请填写正确的 11 位手机号码' })

  const counter = fakeFlow({ delivers: false })
  t.same(counter.flow.checkDelivery(), {}, 'no address at the counter')
  counter.flow.remark = '长'.repeat(501)
  t.same(counter.flow.checkOrder(), { product: '请选择一款商品', remark: '备注不能超过 500 个字' })
})

t.test('the order carries the address only where the goods are sent, the date only when asked, the remark trimmed', async (t) => {
  const { flow, sent } = await verifiedFlow(t)
  flow.config = configWith('any', ['2026-11-24'])
  Object.assign(flow, { productId: 1, consignee: CONSIGNEE, reserveDate: '2026-11-24', remark: '  放门口  ' })
  t.same(await flow.submit(), { placed: '20261123000000000001' })
  t.same(sent[0], {
    fields: { product_id: 1, consignee: CONSIGNEE, reserve_date: '2026-11-24', remark: '放门口' },
    credentials: { card_no: 'T000001', password: '12345678' },
  })

  const counter = await verifiedFlow(t, { delivers: false })
  Object.assign(counter.flow, { productId: 2, consignee: CONSIGNEE, reserveDate: '2026-11-24', remark: '   ' })
  await counter.flow.submit()
  t.same(counter.sent[0].fields, { product_id: 2 }, 'no address, date or empty remark at the counter')
})

t.test('a refused card is dropped to be verified again; other refusals keep it', async (t) => {
  const { flow } = await verifiedFlow(t, {
    placed: [new ApiError(422, 'product_not_allowed', '该卡券不能提这款商品'), new ApiError(409, 'card_redeemed', '该卡券已提货', [{ path: '/order_no', message: '20261123000000000009' }])],
  })
  flow.productId = 1
  const outcome = await flow.submit()
  t.match(outcome, { error: { code: 'product_not_allowed' } })
  t.same(flow.errors, { product: '该卡券不能提这款商品' })
  t.ok(flow.card, 'the card stays verified')
  await flow.submit()
  t.same(flow.errors, { card_no: '该卡券已提货' })
  t.equal(flow.redeemedOrderNo, '20261123000000000009', 'the order that used it, for the link')
  t.equal(flow.card, null, 'the card goes back to be verified')
  t.equal(flow.busy, false)
})

t.test('pickup_paused shows the merchant\'s message above the form until an answer says otherwise', async (t) => {
  const { flow } = await verifiedFlow(t, { placed: [new ApiError(503, 'pickup_paused', '系统维护中'), '20261123000000000001'] })
  flow.productId = 1
  await flow.submit()
  t.equal(flow.paused, '系统维护中')
  t.same(flow.errors, {}, 'no field is to blame')
  t.ok(flow.card, 'the card stays verified')
  t.same(await flow.submit(), { placed: '20261123000000000001' })
  t.equal(flow.paused, '')
})

t.test('an expired verification token: the card is verified again with its password and the order sent again, once', async (t) => {
  const expired = new ApiError(401, 'token_invalid', '验证已过期')
  const renewed = await verifiedFlow(t, { renewsToken: true, verified: [cardWith(apple), cardWith(apple)], placed: [expired, '20261123000000000001'] })
  t.same(await renewed.flow.submit(), { placed: '20261123000000000001' })
  t.equal(renewed.sent.length, 2)

  const locked = new ApiError(423, 'card_locked', '密码错误次数过多，该卡已锁定')
  const refused = await verifiedFlow(t, { renewsToken: true, verified: [cardWith(apple), locked], placed: [expired] })
  t.match(await refused.flow.submit(), { error: { code: 'card_locked' } })
  t.same(refused.flow.errors, { password: '密码错误次数过多，该卡已锁定' })
  t.equal(refused.flow.card, null, 'refused on the second verification: back to the card')
  t.equal(refused.sent.length, 1, 'not sent again')

  const staff = await verifiedFlow(t, { placed: [expired] })
  t.match(await staff.flow.submit(), { error: { code: 'token_invalid' } }, 'without a token to renew, the refusal is the answer')
})

t.test('reset clears the form for the next card', async (t) => {
  const { flow } = await verifiedFlow(t)
  Object.assign(flow, { productId: 1, consignee: CONSIGNEE, remark: '备注', reserveDate: '2026-11-24', errors: { form: 'x' }, redeemedOrderNo: '1' })
  flow.reset()
  t.match(flow, { cardNo: '', password: '', card: null, productId: null, remark: '', reserveDate: '', errors: {}, redeemedOrderNo: '' })
  t.same(flow.consignee, { name: '', phone: '', province: '', city: '', district: '', address: '' })
})
