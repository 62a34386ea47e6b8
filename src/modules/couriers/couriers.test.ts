import t from 'tap'
import nock from 'nock'
import { kuaidi100PrintSign, sfMsgDigest } from '../../integrations/courier/courier-signing.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'

const SF_SBOX = 'https://sfapi-sbox.sf-express.com'

async function setup (t: Parameters<typeof buildTestApp>[0], config = {}): Promise<TestApp & { token: string; h: { authorization: string } }> {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await buildTestApp(t, { config })
  const token = await f.login()
  return { ...f, token, h: f.auth(token) }
}

async function variant (f: Awaited<ReturnType<typeof setup>>, name = '省外顺丰'): Promise<{ id: number; code: string }> {
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.h, payload: { name, base_code: 'SF', product_type: '2', monthly_account: '7551234567' } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

t.test('a variant is edited, disabled and enabled; names stay unique; the list says which have an account', async (t) => {
  const f = await setup(t)
  const v = await variant(f)
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.h, payload: { name: '省外顺丰', base_code: 'SF' } })).json().code, 'courier_name_taken')
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.h, payload: { name: '顺丰速运', base_code: 'SF' } })).statusCode, 409, 'a catalogue name is taken too')

  const edit = await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { name: '省外顺丰次晨', product_type: '1', monthly_account: '' } })
  t.equal(edit.statusCode, 200)
  t.match(edit.json(), { id: v.id, code: v.code, name: '省外顺丰次晨', product_type: '1', monthly_account: null, disabled: false, vendor: null })
  t.equal((await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { name: '顺丰速运' } })).statusCode, 409)
  t.equal((await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { name: '  ' } })).statusCode, 422, 'a blank name is refused')
  t.equal((await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: {} })).statusCode, 422, 'an empty edit is refused')
  t.equal((await f.app.inject({ method: 'PATCH', url: '/api/v1/couriers/9999', headers: f.h, payload: { disabled: true } })).json().code, 'courier_not_found')

  const off = await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { disabled: true } })
  t.equal(off.json().disabled, true)
  const list = (await f.app.inject({ method: 'GET', url: '/api/v1/couriers', headers: f.h })).json().items
  t.match(list.find((c: { id: number | null }) => c.id === v.id), { disabled: true, name: '省外顺丰次晨' })
  t.match(list.find((c: { code: string }) => c.code === 'SF'), { disabled: false, vendor: null, custom: false })
  t.equal((await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { disabled: false } })).json().disabled, false)
  const audit = await f.db('audit_logs').whereIn('action', ['couriers.update', 'couriers.disable', 'couriers.enable']).orderBy('id')
  t.same(audit.map((a) => a.action), ['couriers.update', 'couriers.disable', 'couriers.enable'])
  t.equal((await f.db('merchant_couriers').where({ id: v.id }).first()).name, '省外顺丰次晨')
})

t.test('the account: secrets masked on read, kept when left out, required when new', async (t) => {
  const f = await setup(t)
  const v = await variant(f)
  const url = `/api/v1/couriers/${v.id}/account`
  const empty = await f.app.inject({ method: 'GET', url, headers: f.h })
  t.same(empty.json(), { id: v.id, code: v.code, vendor: null, has_credentials: false, endpoint: null, credentials: {} })

  const noSecret = await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'sf', partner_id: 'KQTEST' } })
  t.equal(noSecret.statusCode, 422)
  t.match(noSecret.json().details, [{ path: '/check_word', message: '请填写校验码' }], 'a new account needs its check word')

  const saved = await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_SBOX}/std/service` } })
  t.equal(saved.statusCode, 200)
  t.same(saved.json(), { id: v.id, code: v.code, vendor: 'sf', has_credentials: true, endpoint: `${SF_SBOX}/std/service`, credentials: { partner_id: 'KQTEST', check_word: '****d123' } })
  t.notOk(saved.body.includes('checkword123'))
  t.same((await f.app.inject({ method: 'GET', url, headers: f.h })).json(), saved.json(), 'read back masked')

  // Left out: kept (the form cannot show it). A new partner id alone is enough.
  const kept = await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'sf', partner_id: 'KQTEST2' } })
  t.same(kept.json().credentials, { partner_id: 'KQTEST2', check_word: '****d123' })
  t.equal(kept.json().endpoint, null, 'the endpoint left out is the default')
  const row = await f.db('merchant_couriers').where({ id: v.id }).first()
  t.notOk(String(row.credentials_enc).includes('checkword'), 'stored encrypted')
  t.equal((await f.db('merchant_couriers').where({ id: v.id }).first()).vendor, 'sf')

  // Switching vendor: the other vendor's secrets are not carried over.
  const k100 = await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'kuaidi100', kuaidicom: 'shunfeng', partner_id: '7551234567' } })
  t.equal(k100.statusCode, 422)
  t.same(k100.json().details.map((d: { path: string }) => d.path), ['/key', '/secret'])
  const k = await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'kuaidi100', key: 'k100key-abcd', secret: 'k100secret-wxyz', kuaidicom: 'shunfeng', partner_id: '7551234567', partner_key: 'pk-1234', net: '深圳南山网点', pay_type: 'MONTHLY', temp_id: 'tpl-1' } })
  t.equal(k.statusCode, 200)
  t.same(k.json().credentials, { key: '****abcd', secret: '****wxyz', kuaidicom: 'shunfeng', partner_id: '7551234567', partner_key: '****', partner_secret: null, net: '深圳南山网点', pay_type: 'MONTHLY', temp_id: 'tpl-1' })
  t.equal((await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'kuaidi100', kuaidicom: 'ShunFeng' } })).statusCode, 422, 'kuaidicom is the lower-case code')
  t.equal((await f.app.inject({ method: 'PUT', url, headers: f.h, payload: { vendor: 'sf', partner_id: 'x', check_word: 'y', endpoint: 'https://evil.example.com/std/service' } })).json().code, 'vendor_endpoint_not_allowed')
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/couriers/9999/account', headers: f.h })).statusCode, 404)
  const list = (await f.app.inject({ method: 'GET', url: '/api/v1/couriers', headers: f.h })).json().items
  t.equal(list.find((c: { id: number | null }) => c.id === v.id).vendor, 'kuaidi100', 'the list names the account\'s vendor')
  const audits = await f.db('audit_logs').where({ action: 'couriers.set_account' })
  t.notOk(JSON.stringify(audits).includes('k100secret'), 'no secret in the audit log')
})

t.test('SF test call: the order query signed with the stored account; a refusal shows SF\'s reason', async (t) => {
  const f = await setup(t)
  const v = await variant(f)
  const url = `/api/v1/couriers/${v.id}/account/test`
  t.equal((await f.app.inject({ method: 'POST', url, headers: f.h })).json().code, 'courier_account_invalid', 'no account yet')
  await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${v.id}/account`, headers: f.h, payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_SBOX}/std/service` } })

  let form: Record<string, string> = {}
  nock(SF_SBOX).post('/std/service', (body) => { form = body as Record<string, string>; return true })
    .reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: false, errorCode: '8018', errorMsg: '未获取到订单信息' }) })
  const ok = await f.app.inject({ method: 'POST', url, headers: f.h })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { ok: true, message: '顺丰已接受顾客编码和校验码（订单结果查询接口调用成功）', vendor_code: null })
  t.equal(form.serviceCode, 'EXP_RECE_SEARCH_ORDER_RESP', 'a read-only query, never an order')
  t.equal(form.partnerID, 'KQTEST')
  t.equal(form.msgDigest, sfMsgDigest(form.msgData, form.timestamp, 'checkword123'))

  nock(SF_SBOX).post('/std/service').reply(200, { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效' })
  t.same((await f.app.inject({ method: 'POST', url, headers: f.h })).json(), { ok: false, message: '顺丰未通过：A1006: 数字签名无效', vendor_code: 'A1006' })
  nock(SF_SBOX).post('/std/service').reply(503, 'busy')
  t.same((await f.app.inject({ method: 'POST', url, headers: f.h })).json(), { ok: false, message: '顺丰未通过：服务商返回 HTTP 503，请稍后再试', vendor_code: null })
  nock(SF_SBOX).post('/std/service').reply(200, '<html>not the api</html>')
  t.match((await f.app.inject({ method: 'POST', url, headers: f.h })).json(), { ok: false, message: /应答不是服务商的接口格式（HTTP 200）/ })
  t.ok(nock.isDone())
  t.equal(await f.db('outbox').count('* as n').first().then((r) => Number(r?.n)), 0, 'nothing queued: the admin waits for the answer')
})

t.test('Kuaidi100 test call: 时效查询 signed with key and secret; an unreachable operator endpoint said in Chinese', async (t) => {
  const f = await setup(t, { vendorHosts: ['127.0.0.1:9'], allowPrivateVendors: true })
  const v = await variant(f, '顺丰快递100')
  const acc = `/api/v1/couriers/${v.id}/account`
  await f.app.inject({ method: 'PUT', url: acc, headers: f.h, payload: { vendor: 'kuaidi100', key: 'k100key', secret: 'k100secret', kuaidicom: 'shunfeng' } })
  let form: Record<string, string> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { form = body as Record<string, string>; return true }).reply(200, { code: 200, message: 'success', data: [] })
  t.same((await f.app.inject({ method: 'POST', url: `${acc}/test`, headers: f.h })).json(), { ok: true, message: '快递100 已接受授权 key 和 secret（时效查询接口调用成功）', vendor_code: null })
  t.equal(form.method, 'time')
  t.equal(form.sign, kuaidi100PrintSign(form.param, form.t, 'k100key', 'k100secret'))
  t.match(JSON.parse(form.param), { kuaidicom: 'shunfeng' })

  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 30002, message: '签名错误' })
  t.same((await f.app.inject({ method: 'POST', url: `${acc}/test`, headers: f.h })).json(), { ok: false, message: '快递100未通过：30002: 签名错误', vendor_code: '30002' })

  // An operator-allowed endpoint with nobody listening (port 9, discard): refused, said so.
  await f.app.inject({ method: 'PUT', url: acc, headers: f.h, payload: { vendor: 'kuaidi100', kuaidicom: 'shunfeng', endpoint: 'http://127.0.0.1:9/label/order' } })
  const down = (await f.app.inject({ method: 'POST', url: `${acc}/test`, headers: f.h })).json()
  t.match(down, { ok: false, message: /^快递100未通过：无法连接到服务商（ECONNREFUSED）/ })
})

t.test('a disabled variant takes no new e-waybills; the sender read with settings.write; tracking settings show the poll key masked', async (t) => {
  const f = await setup(t)
  const v = await variant(f)
  await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${v.id}/account`, headers: f.h, payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123' } })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.h, payload: { sender: { name: '仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '1 号' } } })
  await f.app.inject({ method: 'PATCH', url: `/api/v1/couriers/${v.id}`, headers: f.h, payload: { disabled: true } })
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/orders/e-waybill', headers: f.h, payload: { order_nos: ['X'], courier_account_id: v.id } })
  t.equal(res.json().code, 'courier_disabled')

  // A settings-only admin reads the sender it edits (全局设置 → 电子面单寄件人).
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.h, payload: { username: 'settings01', name: '设置员', password: 'Staff12345-kq#Pw', permissions: ['settings.write'] } })
  const settingsOnly = f.auth(await f.login('settings01', 'Staff12345-kq#Pw'))
  t.match((await f.app.inject({ method: 'GET', url: '/api/v1/settings/e-waybill', headers: settingsOnly })).json(), { sender: { name: '仓库', district: '余杭区' } })

  const s = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: f.h, payload: { kuaidi100_key: 'pollkey-9876', kuaidi100_salt: 'salt-5555' } })
  t.match(s.json(), { kuaidi100_key: '****9876', kuaidi100_salt: '****5555', kuaidi100_poll_endpoint: null })
  t.notOk(s.body.includes('pollkey'))
})
