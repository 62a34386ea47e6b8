import type { Knex } from 'knex'
import nock from 'nock'
import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { isMysql } from '../../shared/db.js'
import { kuaidi100PushSign } from '../../integrations/courier/courier-signing.js'
import { type CourierVendor } from '../../integrations/courier/port.js'
import { fakeProvider } from '../../integrations/sms/fake.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { smsMessagesOfOrder } from '../notifications/notifications.repository.js'
import { callState, courierTime } from './orders.timeline.js'
import { IntegrationError } from '../../integrations/errors.js'

const NOTIFICATIONS = {
  provider: 'console', sign_name: '鲜果铺', admin_phones: ['13900000001'],
  switches: { order_submitted_customer: true, order_submitted_admin: true, shipped_customer: true, card_issued: false },
  templates: {
    order_submitted_customer: { template_id: 'SMS_A', params: { no: 'order_no' } },
    order_submitted_admin: { template_id: 'SMS_B', params: { no: 'order_no' } },
    shipped_customer: { template_id: 'SMS_C', params: { no: 'order_no', waybill: 'waybill_no' } },
  },
  card_issued_include_password: false,
  limits: { per_minute: 1, per_day: 10 },
}
const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const WDT = 'https://sandbox.wangdian.cn'

interface Entry { time: string; kind: string; title: string; detail: string | null; state: string; actor: string | null }

async function place (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().order_no
}

t.test('courier times are Beijing time; unreadable ones fall back to when the push came', async (t) => {
  t.equal(courierTime('2026-11-23 18:00:00', 0), '2026-11-23T10:00:00.000Z')
  t.equal(courierTime('2026-11-23 18:00', 0), '2026-11-23T10:00:00.000Z')
  t.equal(courierTime('', Date.parse('2026-11-24T01:00:00Z')), '2026-11-24T01:00:00.000Z')
  t.equal(courierTime('昨天', Date.parse('2026-11-24T01:00:00Z')), '2026-11-24T01:00:00.000Z')
})

t.test('an outbox row as a timeline state', async (t) => {
  const base = { created_at: 1000, last_error: null, attempt_log: [] }
  t.match(callState({ ...base, status: 'pending', attempts: 0 }), { state: 'pending', at: 1000 })
  const failedOnce = { ...base, status: 'pending' as const, attempts: 1, last_error: 'HTTP 502', attempt_log: [{ outbox_id: 1, attempt: 1, status_code: 502, latency_ms: 3, error: 'HTTP 502', response_excerpt: null, started_at: 2000 }] }
  t.match(callState(failedOnce), { state: 'retrying', at: 2000, error: 'HTTP 502' })
  t.match(callState({ ...failedOnce, status: 'dead', last_error: 'sender incomplete' }), { state: 'failed', error: '电子面单寄件人信息不完整' }, 'our own reasons in Chinese')
  t.match(callState({ ...failedOnce, status: 'done', last_error: null }), { state: 'done', error: null })
})

t.test('the timeline: created, ERP push, texts, shipped, waybill change, tracking, delivered — in time order', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  // 10:00 in Shanghai.
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const sms = fakeProvider()
  const f = await redeemFixture(t, { clock, quantity: 4, overrides: { smsProvider: sms } })
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: NOTIFICATIONS })).statusCode, 200)
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', appsecret: 'wdtsecret', shop_no: 'KQ01', endpoint: `${WDT}/openapi2/` } })).statusCode, 200)
  t.equal((await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.auth(f.token), payload: { kuaidi100_salt: 'saltyk100' } })).statusCode, 200)
  let token = f.token
  const timeline = async (orderNo: string): Promise<Entry[]> => {
    const res = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}/timeline`, headers: f.auth(token) })
    t.equal(res.statusCode, 200, res.body)
    return res.json().items
  }
  const post = (orderNo: string, action: string, payload?: object) =>
    f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/${action}`, headers: f.auth(f.token), ...(payload ? { payload } : {}) })

  nock(WDT).post('/openapi2/trade_push.php').reply(200, { code: 0, message: 'ok', new_count: 1, chg_count: 0 })
  const orderNo = await place(f, 0)
  t.same((await timeline(orderNo)).map((e) => e.kind), ['created'], 'before the worker ran: only the order')
  clock.advance(1000)
  await f.app.services.worker.drainAll()
  const early = await timeline(orderNo)
  t.same(early.map((e) => `${e.kind}:${e.state}`), ['created:done', 'erp_push:done', 'sms:done', 'sms:done'])
  t.match(early[0], { title: '下单', detail: '渠道：网页提货', actor: '顾客' })
  t.match(early[1], { title: '推送 ERP', detail: 'ERP 已收到订单' })
  t.same(early.filter((e) => e.kind === 'sms').map((e) => e.title).sort(), ['下单短信（发给顾客）', '下单通知（发给管理员）'].sort())
  t.ok(early.some((e) => e.detail === '发送至 138****8000（模板 SMS_A）'), 'phones masked, the template named')

  clock.advance(60 * 60_000) // 11:00
  t.equal((await post(orderNo, 'ship', { courier_code: 'ZTO', waybill_no: '7500001111' })).statusCode, 200)
  await f.app.services.worker.drainAll()
  clock.advance(60_000)
  t.equal((await post(orderNo, 'ship', { courier_code: 'YTO', waybill_no: 'YT1234567890' })).json().waybill_no, 'YT1234567890')

  const param = JSON.stringify({ status: 'shutdown', lastResult: { nu: 'YT1234567890', com: 'yuantong', state: '3', ischeck: '1', data: [
    { ftime: '2026-11-24 10:00:00', context: '已签收，签收人：本人' }, { ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' },
  ] } })
  clock.advance(24 * 60 * 60_000) // the 24th, 11:01
  const hook = await f.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', payload: new URLSearchParams({ param, sign: kuaidi100PushSign(param, 'saltyk100') }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.equal(hook.statusCode, 200)
  await f.app.services.worker.drainAll()
  token = await f.login()

  const items = await timeline(orderNo)
  t.same(items.map((e) => e.kind), ['created', 'erp_push', 'sms', 'sms', 'shipped', 'sms', 'waybill_changed', 'tracking', 'tracking', 'delivered'])
  const times = items.map((e) => Date.parse(e.time))
  t.same(times, [...times].sort((a, b) => a - b), 'oldest first')
  t.match(items[4], { title: '发货', detail: '中通快递 7500001111', actor: 'admin' })
  t.match(items[5], { title: '发货短信（发给顾客）', state: 'done' })
  t.match(items[6], { title: '修改运单', detail: '中通快递 7500001111 → 圆通速递 YT1234567890' })
  t.match(items[7], { time: '2026-11-23T10:00:00.000Z', detail: '【杭州】已揽收', actor: '快递100 推送' })
  t.match(items[9], { title: '已签收', actor: '快递推送' })
  t.same(sms.sent.map((m) => m.template_id).sort(), ['SMS_A', 'SMS_B', 'SMS_C'])
})

t.test('failures on the timeline: the ERP\'s refusal, the courier\'s reason, a text held back; cancel', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const clock = fixedClock('2026-11-23T02:00:00Z')
  const vendor: CourierVendor = {
    name: 'fake',
    async createWaybill (req) {
      if (req.receiver.address.includes('拒收')) throw new IntegrationError('8016: 重复下单', false)
      return { waybill_no: 'SF7444400000001', label: null }
    },
    async checkCredentials () { return { message: 'ok' } },
  }
  const f = await redeemFixture(t, { clock, quantity: 4, overrides: { smsProvider: fakeProvider(), courierVendor: vendor } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: NOTIFICATIONS })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: f.auth(f.token), payload: { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', appsecret: 'wdtsecret', shop_no: 'KQ01', endpoint: `${WDT}/openapi2/` } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const courier = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: '顺丰电子面单', base_code: 'SF', product_type: '1', monthly_account: '7551234567' } })).json()
  t.equal((await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${courier.id}/account`, headers: f.auth(f.token), payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: 'https://sfapi-sbox.sf-express.com/std/service' } })).statusCode, 200)
  const timeline = async (orderNo: string): Promise<Entry[]> => (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}/timeline`, headers: f.auth(f.token) })).json().items

  nock(WDT).post('/openapi2/trade_push.php').reply(200, { code: 1090, message: '店铺不存在' })
  const refused = await place(f, 0)
  await f.app.services.worker.drainAll()
  // A second order for the same phone within the minute: the customer's text is held back.
  nock(WDT).post('/openapi2/trade_push.php').reply(502, 'bad gateway')
  const v = await f.verify(f.cards[1].card_no, f.cards[1].password)
  const second = (await f.submit({ token: v.json().token, product_id: f.apple, consignee: { ...CONSIGNEE, address: '拒收路 1 号' } })).json().order_no
  await f.app.services.worker.drainAll()

  const a = await timeline(refused)
  t.match(a.find((e) => e.kind === 'erp_push'), { state: 'failed', detail: '失败：1090: 店铺不存在' }, 'the ERP\'s refusal with its reason')
  const b = await timeline(second)
  t.match(b.find((e) => e.kind === 'erp_push'), { state: 'retrying', detail: /^失败，将自动重试：/ })
  t.match(b.find((e) => e.kind === 'sms' && e.title === '下单短信（发给顾客）'), { state: 'dropped', detail: /未发送，超出发送频率限制/ }, 'a text held back by the limits shows as not sent')

  // E-waybills: one refused with the vendor's reason, one that ships.
  const ask = (orderNo: string) => f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: courier.id } })
  t.equal((await ask(second)).statusCode, 202)
  t.equal((await ask(refused)).statusCode, 202)
  clock.advance(60_000)
  await f.app.services.worker.drainAll()
  t.match((await timeline(second)).find((e) => e.kind === 'ewaybill'), { title: '电子面单取号', state: 'failed', detail: '失败：8016: 重复下单' })
  const shipped = await timeline(refused)
  t.match(shipped.find((e) => e.kind === 'ewaybill'), { state: 'done', detail: '取号成功，运单号 SF7444400000001' })
  t.match(shipped.find((e) => e.kind === 'shipped'), { detail: '顺丰电子面单 SF7444400000001', actor: '电子面单' })

  nock(WDT).post('/openapi2/trade_push.php').reply(200, { code: 0, message: 'ok', new_count: 0, chg_count: 1 })
  t.equal((await f.app.inject({ method: 'POST', url: `/api/v1/orders/${second}/cancel`, headers: f.auth(f.token) })).json().status, 'cancelled')
  await f.app.services.worker.drainAll()
  const cancelled = await timeline(second)
  t.match(cancelled.find((e) => e.kind === 'cancelled'), { title: '已取消', detail: '卡券已恢复为可用，可以重新提货', actor: 'admin' })
  t.match(cancelled.find((e) => e.kind === 'erp_refund'), { state: 'done', detail: 'ERP 已收到取消' })
  t.equal((await f.db('cards').where({ card_no: f.cards[1].card_no }).first()).status, 'active')
})

t.test('the timeline needs orders.read; an unknown order is 404', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const orderNo = await place(f, 0)
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'cards1', name: '卡券', password: 'Viewer123-kq#Pw', permissions: ['cards.read'] } })
  const other = await f.login('cards1', 'Viewer123-kq#Pw')
  t.equal((await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}/timeline`, headers: f.auth(other) })).statusCode, 403)
  const missing = await f.app.inject({ method: 'GET', url: '/api/v1/orders/00000000000000000000/timeline', headers: f.auth(f.token) })
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().code, 'order_not_found')
})

t.test('an order\'s texts and outbox rows are read through indexes', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const merchantId = Number((await f.db('merchants').first('id')).id)
  const rows = Array.from({ length: 300 }, (_, i) => ({
    merchant_id: merchantId, phone: '13800138000', event: 'order_submitted_customer', template_id: 'SMS_A', provider: 'console',
    status: 'sent', order_no: `2026112300000${String(i).padStart(5, '0')}`, created_at: i,
  }))
  await f.db.batchInsert('sms_messages', rows, 100)
  t.equal((await smsMessagesOfOrder(f.db, merchantId, rows[7].order_no)).length, 1)
  const { sql, bindings } = f.db('sms_messages').where({ merchant_id: merchantId, order_no: rows[7].order_no }).orderBy('id').toSQL()
  if (isMysql(f.db)) {
    await f.db.raw('ANALYZE TABLE sms_messages')
    const [plan] = (await f.db.raw(`EXPLAIN ${sql}`, bindings as Knex.RawBinding[]) as [Array<{ type: string; key: string | null }>])[0]
    t.equal(plan.key, 'sms_messages_merchant_id_order_no_index', JSON.stringify(plan))
  } else {
    const plan = (await f.db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.RawBinding[]) as Array<{ detail: string }>).map((r) => r.detail).join('; ')
    t.match(plan, /USING INDEX sms_messages_merchant_id_order_no_index/, plan)
  }
  // The outbox rows of an order by their keys: the unique index.
  const orderNo = await place(f, 0)
  const q = f.db('outbox').whereIn('idempotency_key', [`order.created:${orderNo}`, `erp:${orderNo}:push`]).toSQL()
  if (isMysql(f.db)) {
    const [plan] = (await f.db.raw(`EXPLAIN ${q.sql}`, q.bindings as Knex.RawBinding[]) as [Array<{ type: string; key: string | null }>])[0]
    t.equal(plan.key, 'outbox_idempotency_key_unique', `outbox by key: ${JSON.stringify(plan)}`)
  } else {
    const plan = (await f.db.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as Knex.RawBinding[]) as Array<{ detail: string }>).map((r) => r.detail).join('; ')
    t.match(plan, /USING INDEX outbox_idempotency_key_unique/, plan)
  }
})
