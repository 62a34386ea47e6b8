// PATCH beside every settings PUT: only the fields that change, merged over the stored section
// and checked as the PUT checks it; secrets stay kept; the PUT still wants the whole section.
import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { mergeSection } from './section-patch.js'

t.test('the merge: objects field by field, arrays and null replace', async (t) => {
  t.same(mergeSection({ a: 1, o: { x: 1, y: 2 }, list: [1, 2], n: 'v' }, { o: { y: 3 }, list: [9], n: null }), { a: 1, o: { x: 1, y: 3 }, list: [9], n: null })
  t.same(mergeSection({ sender: null }, { sender: { name: '王' } }), { sender: { name: '王' } })
})

t.test('every section takes a PATCH with one field', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const call = (method: 'GET' | 'PUT' | 'PATCH', section: string, payload?: object) =>
    ta.app.inject({ method, url: `/api/v1/settings/${section}`, headers: ta.auth(token), ...(payload ? { payload } : {}) })

  // Storefront: the PUT wants all six fields; the PATCH one.
  const put = await call('PUT', 'storefront', { site_name: '鲜果铺' })
  t.equal(put.statusCode, 422)
  t.equal(put.json().details.length, 5, 'the PUT is as it was: five fields missing')
  const storefront = await call('PATCH', 'storefront', { site_name: '鲜果铺' })
  t.equal(storefront.statusCode, 200, storefront.body)
  t.match(storefront.json(), { site_name: '鲜果铺', theme_color: '#d9363e', welcome_text: '请输入卡号和密码提货' })
  t.equal((await call('GET', 'storefront')).json().site_name, '鲜果铺')
  t.equal((await call('PATCH', 'storefront', {})).statusCode, 422, 'an empty patch changes nothing')

  // Pickup: a nested field, the rest of the reservation kept; the cross-field rule still holds.
  const pickup = await call('PATCH', 'pickup', { reservation: { mode: 'window', max_days_ahead: 7 } })
  t.equal(pickup.statusCode, 200, pickup.body)
  t.same(pickup.json().reservation, { mode: 'window', min_days_ahead: 1, max_days_ahead: 7, blocked_weekdays: [], blocked_dates: [] })
  const crossed = await call('PATCH', 'pickup', { reservation: { min_days_ahead: 9 } })
  t.equal(crossed.statusCode, 422)
  t.equal(crossed.json().details[0].path, '/reservation/min_days_ahead')

  // Notifications: the stored secret is kept; switches merge one by one.
  const secret = 'AliyunSecret-1234'
  t.equal((await call('PUT', 'notifications', {
    provider: 'aliyun', aliyun: { access_key_id: 'LTAI5tKey', access_key_secret: secret }, sign_name: '鲜果铺', admin_phones: [],
    switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: true },
    templates: {}, card_issued_include_password: false, limits: { per_minute: 1, per_day: 10 },
  })).statusCode, 200)
  const sms = await call('PATCH', 'notifications', { switches: { shipped_customer: true } })
  t.equal(sms.statusCode, 200, sms.body)
  t.match(sms.json(), { provider: 'aliyun', sign_name: '鲜果铺', switches: { shipped_customer: true, card_issued: true, order_submitted_customer: false }, aliyun: { access_key_id: 'LTAI5tKey', access_key_secret: '****1234' } })
  const renamed = await call('PATCH', 'notifications', { aliyun: { access_key_id: 'LTAI5tOther' } })
  t.match(renamed.json().aliyun, { access_key_id: 'LTAI5tOther', access_key_secret: '****1234' }, 'the secret is kept when omitted')
  const refused = await call('PATCH', 'notifications', { card_issued_include_password: true, limits: { per_day: 0 } })
  t.equal(refused.statusCode, 422)
  t.same(refused.json().details, [{ path: '/limits/per_day', message: '每个手机号每天条数应为 1 至 1000 之间的整数' }])

  // ERP: nothing stored yet, so a PATCH must bring what the PUT needs; later one field does.
  const empty = await call('PATCH', 'erp', { shop_no: 'KQ01' })
  t.equal(empty.statusCode, 422)
  t.same(empty.json().details.map((d: { path: string }) => d.path).sort(), ['/appkey', '/protocol', '/sid'])
  t.equal((await call('PUT', 'erp', { protocol: 'wdt_classic', sid: 'kqsid', appkey: 'kqkey', appsecret: 'wdtsecret', shop_no: 'KQ01' })).statusCode, 200)
  const erp = await call('PATCH', 'erp', { shop_no: 'KQ02' })
  t.match(erp.json(), { protocol: 'wdt_classic', sid: 'kqsid', shop_no: 'KQ02', appsecret: '****cret' })

  // E-waybill: the sender field by field.
  const sender = { name: '王五', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 1 号' }
  const partial = await call('PATCH', 'e-waybill', { sender: { name: '王五' } })
  t.equal(partial.statusCode, 422, 'a sender is complete or nothing')
  t.same(partial.json().details.map((d: { message: string }) => d.message).sort(), ['请填写寄件人电话', '请填写寄件区县', '请填写寄件城市', '请填写寄件省份', '请填写寄件详细地址'].sort())
  t.equal((await call('PUT', 'e-waybill', { sender })).statusCode, 200)
  t.same((await call('PATCH', 'e-waybill', { sender: { address: '文三路 2 号' } })).json(), { sender: { ...sender, address: '文三路 2 号' } })

  // Tracking: every field was optional already.
  const tracking = await call('PATCH', 'tracking', { sf_ip_allowlist: ['10.0.0.0/8'] })
  t.equal(tracking.statusCode, 200)
  t.same(tracking.json().sf_ip_allowlist, ['10.0.0.0/8'])

  const audit = await ta.db('audit_logs').where('action', 'like', 'settings.%').orderBy('id').pluck('action')
  t.same(audit, [
    'settings.storefront.update', 'settings.pickup.update', 'settings.notifications.update', 'settings.notifications.update', 'settings.notifications.update',
    'settings.erp.update', 'settings.erp.update', 'settings.e_waybill.update', 'settings.e_waybill.update', 'settings.tracking.update',
  ], 'every save is audited; a refused patch is not')
})
