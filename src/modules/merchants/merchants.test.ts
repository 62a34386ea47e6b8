// The merchant profile (商户信息): read by any admin, changed with settings.write, audited; the
// display name is what the pickup page and the staff receipts show.
import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'

t.test('the profile is read, changed field by field, audited, and shown on the pickup page', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const call = (method: 'GET' | 'PATCH', payload?: object, tk = token) => ta.app.inject({ method, url: '/api/v1/merchant', headers: ta.auth(tk), ...(payload ? { payload } : {}) })

  const got = await call('GET')
  t.equal(got.statusCode, 200)
  t.match(got.json(), { code: 'default', name: '默认商户', contact_name: null, contact_phone: null, timezone: 'Asia/Shanghai' })

  const changed = await call('PATCH', { name: '  鲜果铺 ', contact_name: '王经理', contact_phone: '0571-88886666' })
  t.equal(changed.statusCode, 200, changed.body)
  t.match(changed.json(), { code: 'default', name: '鲜果铺', contact_name: '王经理', contact_phone: '0571-88886666', timezone: 'Asia/Shanghai' })
  const partly = await call('PATCH', { contact_name: null })
  t.match(partly.json(), { name: '鲜果铺', contact_name: null, contact_phone: '0571-88886666' }, 'fields not sent stay; null clears')

  const config = await ta.app.inject({ method: 'GET', url: '/api/v1/redeem/default/config' })
  t.equal(config.json().merchant.name, '鲜果铺', 'the pickup page footer shows the new name at once')
  const me = await ta.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ta.auth(token) })
  t.equal(me.json().merchant.name, '鲜果铺', 'and so does the staff page (its receipts)')

  const audit = await ta.db('audit_logs').where({ action: 'merchants.update' }).orderBy('id')
  t.equal(audit.length, 2)
  t.same(JSON.parse(audit[0].summary), { name: { from: '默认商户', to: '鲜果铺' }, contact_name: { from: null, to: '王经理' }, contact_phone: { from: null, to: '0571-88886666' } })
  await call('PATCH', { contact_phone: '0571-88886666' })
  t.equal((await ta.db('audit_logs').where({ action: 'merchants.update' })).length, 2, 'no change, no audit row')

  const zone = await call('PATCH', { timezone: 'Mars/Olympus' })
  t.equal(zone.statusCode, 422)
  t.equal(zone.json().code, 'timezone_invalid')
  t.equal((await call('PATCH', { timezone: 'Asia/Urumqi' })).json().timezone, 'Asia/Urumqi')

  for (const [body, path, message] of [
    [{}, '/', '请至少修改一项'],
    [{ name: '' }, '/name', '请填写商户名称'],
    [{ contact_phone: 'call me' }, '/contact_phone', '联系电话只能由数字、空格、括号、+ 和 - 组成，5–20 位'],
    [{ code: 'other' }, '/code', '不支持的字段 code'],
  ] as const) {
    const res = await call('PATCH', body)
    t.equal(res.statusCode, 422, JSON.stringify(body))
    t.same(res.json().details, [{ path, message }])
  }
  t.equal((await ta.db('merchants').where({ code: 'default' }).first()).code, 'default', 'the code never changes')

  await ta.app.inject({ method: 'POST', url: '/api/v1/admins', headers: ta.auth(token), payload: { username: 'clerk01', name: '店员', password: 'Clerk12345-kq#Pw', permissions: ['orders.read'] } })
  const clerk = await ta.login('clerk01', 'Clerk12345-kq#Pw')
  t.equal((await call('GET', undefined, clerk)).statusCode, 200, 'any admin reads it')
  const refused = await call('PATCH', { name: 'x' }, clerk)
  t.equal(refused.statusCode, 403)
  t.match(refused.json().message, /settings\.write/)
})
