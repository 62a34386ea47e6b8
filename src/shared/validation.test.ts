// Validation errors name the field in Chinese and say what is wrong; dates are real days.
import t from 'tap'
import { buildTestApp } from '../test-support/build-test-app.js'
import { createProduct } from '../test-support/factories.js'
import { validationDetails } from './validation.js'

t.test('messages name the field and the problem, never schema text', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const post = (url: string, payload: object, method: 'POST' | 'PUT' | 'PATCH' = 'POST') => ta.app.inject({ method, url, headers: ta.auth(token), payload })
  const batch = (extra: object) => post('/api/v1/card-batches', { quantity: 10, product_ids: [apple], ...extra })

  const cases: Array<[string, ReturnType<typeof post>, Array<{ path: string; message: string; code?: string }>]> = [
    ['prefix pattern', batch({ prefix: '0AB' }), [{ path: '/prefix', message: '卡号前缀只能由字母和数字组成，且不能以 0 开头，最多 16 位' }]],
    ['quantity too large', batch({ quantity: 2_000_000 }), [{ path: '/quantity', message: '数量应为 1 至 1000000 之间的整数' }]],
    ['missing quantity', post('/api/v1/card-batches', { product_ids: [apple] }), [{ path: '/quantity', message: '请填写数量' }]],
    ['empty products', batch({ product_ids: [] }), [{ path: '/product_ids', message: '请至少选择一项提货商品' }]],
    ['literal union', batch({ password_charset: 'emoji' }), [{ path: '/password_charset', message: '密码字符只能是 digits（数字）、letters（字母）或 alnum（字母和数字）' }]],
    ['nullable money', batch({ face_value: -1 }), [{ path: '/face_value', message: '面值应为 0 至 10000000000 之间的整数（单位：分）' }]],
    ['unknown field', batch({ colour: 'red' }), [{ path: '/colour', message: '不支持的字段 colour' }]],
    ['bulk action', post('/api/v1/cards/bulk', { action: 'burn', target: { serial_from: 1, serial_to: 2 } }), [{ path: '/action', message: '操作只能是 activate（激活）、deactivate（反激活）、void（作废）、restore（恢复）、delete（删除）、update（修改）或 extend（储值券延期）' }]],
    ['bulk card number', post('/api/v1/cards/bulk', { action: 'activate', target: { card_nos: ['A-1'] } }), [{ path: '/target/card_nos/0', message: '卡号只能由字母和数字组成，最多 48 位' }]],
    ['product name', post('/api/v1/products', { name: '' }), [{ path: '/name', message: '请填写商品名称' }]],
    ['product name too long', post('/api/v1/products', { name: '长'.repeat(101) }), [{ path: '/name', message: '商品名称最多 100 个字符' }]],
    ['admin username and phone', post('/api/v1/admins', { username: 'a_b', name: '店员', phone: '12345', password: 'Clerk12345-kq#Pw' }), [
      { path: '/username', message: '用户名只能由字母和数字组成，3–32 位' }, { path: '/phone', message: '手机号应为 11 位中国大陆手机号' },
    ]],
    ['distributor phone', post('/api/v1/distributors', { name: '华东', phone: '1' }), [{ path: '/phone', message: '联系电话应为 11 位中国大陆手机号' }]],
    ['storefront colour', post('/api/v1/settings/storefront', { theme_color: 'red' }, 'PATCH'), [{ path: '/theme_color', message: '主题色应为 # 加 6 位十六进制数，例如 #d9363e' }]],
    ['pickup nested', post('/api/v1/settings/pickup', { reservation: { mode: 'soon' } }, 'PATCH'), [{ path: '/reservation/mode', message: '预约发货方式只能是 none（不预约）、any（任意日期）或 window（指定范围）' }]],
  ]
  for (const [name, res, details] of cases) {
    const r = await res
    t.equal(r.statusCode, 422, name)
    t.equal(r.json().code, 'validation_failed', name)
    t.same(r.json().details, details, name)
    t.notMatch(r.body, /anyOf|应当|must /, `${name}: no schema text`)
  }
})

t.test('dates are real days from 2000 to 2099, wherever the API takes one', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const apple = await createProduct(ta, token)
  const dateError = (path: string, label: string) => ({ path, message: `${label}不是有效的日期，应为 2000-01-01 至 2099-12-31 之间真实存在的日期（YYYY-MM-DD）`, code: 'date_invalid' })
  const batch = (extra: object) => ta.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: ta.auth(token), payload: { quantity: 5, product_ids: [apple], ...extra } })

  const bad = await batch({ valid_from: '1373-01-78', valid_to: '5665-80-92' })
  t.equal(bad.statusCode, 422)
  t.same(bad.json().details, [dateError('/valid_from', '有效期开始日期'), dateError('/valid_to', '有效期结束日期')])
  for (const day of ['2027-13-01', '2027-01-32', '2027-02-29', '2026-02-30', '1999-12-31', '2100-01-01', '2027-1-1']) {
    t.same((await batch({ valid_to: day })).json().details, [dateError('/valid_to', '有效期结束日期')], day)
  }
  t.equal((await batch({ valid_from: '2028-02-29', valid_to: '2099-12-31' })).statusCode, 201, 'a leap day and the last day are fine')
  t.equal((await batch({ valid_from: null })).statusCode, 201, 'null still means no date')

  const bulk = await ta.app.inject({ method: 'POST', url: '/api/v1/cards/bulk', headers: ta.auth(token), payload: { action: 'update', target: { serial_from: 1, serial_to: 2 }, fields: { valid_to: '2027-02-30' } } })
  t.same(bulk.json().details, [dateError('/fields/valid_to', '有效期结束日期')])
  const list = await ta.app.inject({ method: 'GET', url: '/api/v1/cards?valid_on=2027-04-31', headers: ta.auth(token) })
  t.same(list.json().details, [dateError('querystring/valid_on', '有效日期')])
  const orders = await ta.app.inject({ method: 'GET', url: '/api/v1/orders?created_from=2027-00-10', headers: ta.auth(token) })
  t.equal(orders.statusCode, 422)
  t.equal(orders.json().details[0].code, 'date_invalid')
  const pickup = await ta.app.inject({ method: 'PATCH', url: '/api/v1/settings/pickup', headers: ta.auth(token), payload: { reservation: { blocked_dates: ['2027-01-01', '2027-06-31'] } } })
  t.same(pickup.json().details, [dateError('/reservation/blocked_dates/1', '不发货日期')])
  t.same((await ta.app.inject({ method: 'GET', url: '/api/v1/settings/pickup', headers: ta.auth(token) })).json().reservation.blocked_dates, [], 'nothing stored')
})

t.test('an unlabelled field keeps a Chinese message without union noise', async (t) => {
  const details = validationDetails([
    { instancePath: '/x', keyword: 'type', params: { type: 'null' }, parentSchema: { type: 'null' } },
    { instancePath: '/x', keyword: 'maxLength', params: { limit: 3 }, parentSchema: { type: 'string', maxLength: 3 } },
    { instancePath: '/x', keyword: 'anyOf', params: {}, parentSchema: { anyOf: [] } },
  ], 'body')
  t.equal(details.length, 1)
  t.equal(details[0].path, '/x')
  t.match(details[0].message, /3/)
  t.notMatch(details[0].message, /anyOf|null/)
})
