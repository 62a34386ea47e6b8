// No path to a card password without cards.export_secrets, and nobody hands out a permission
// or a scope they do not hold: the escalations a staff member tried, each refused and
// changing nothing, and the legitimate paths audited.
import t from 'tap'
import { redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import ExcelJS from 'exceljs'
import { openRequest } from '../../test-support/open-fixture.js'
import { multipart } from '../../test-support/http.js'

async function staff (f: RedeemFixture, username: string, permissions: string[]): Promise<string> {
  const password = `${username}-Pass-2026!`
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username, name: username, password, permissions } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return f.login(username, password)
}

t.test('apps.write alone cannot make, widen or re-key an app that reads card passwords', async (t) => {
  const f = await redeemFixture(t)
  const dev = await staff(f, 'dev1', ['apps.write'])
  const call = (method: 'POST' | 'PATCH', url: string, payload?: object) => f.app.inject({ method, url, headers: f.auth(dev), payload })
  const apps = async () => (await f.db('apps')).length

  const create = await call('POST', '/api/v1/apps', { name: '偷卡密', scopes: ['cards:issue', 'cards:secrets'] })
  t.equal(create.statusCode, 403)
  t.equal(create.json().code, 'forbidden')
  t.match(create.json().message, /导出卡券密码/)
  t.equal(await apps(), 0, 'no app was made')

  const plain = await call('POST', '/api/v1/apps', { name: '商城', scopes: ['cards:issue'] })
  t.equal(plain.statusCode, 201, 'an app without the secrets scope is fine')
  const widen = await call('PATCH', `/api/v1/apps/${plain.json().id}`, { scopes: ['cards:issue', 'cards:secrets'] })
  t.equal(widen.statusCode, 403)
  t.same(JSON.parse((await f.db('apps').where({ id: plain.json().id }).first()).scopes), ['cards:issue'], 'the scopes did not change')

  // The owner makes one with the scope; the staff member cannot take a new secret of it.
  const owned = await f.app.inject({ method: 'POST', url: '/api/v1/apps', headers: f.auth(f.token), payload: { name: '自营商城', scopes: ['cards:issue', 'cards:secrets'] } })
  t.equal(owned.statusCode, 201)
  const before = (await f.db('apps').where({ id: owned.json().id }).first()).secret_enc
  const rotate = await call('POST', `/api/v1/apps/${owned.json().id}/rotate-secret`)
  t.equal(rotate.statusCode, 403)
  t.notOk('app_secret' in rotate.json())
  t.equal((await f.db('apps').where({ id: owned.json().id }).first()).secret_enc, before, 'the secret did not change')
  t.equal((await call('PATCH', `/api/v1/apps/${owned.json().id}`, { name: '改名' })).statusCode, 200, 'other edits of that app are fine')
  t.equal((await call('PATCH', `/api/v1/apps/${owned.json().id}`, { ip_allowlist: ['0.0.0.0/0'] })).statusCode, 403, 'but not opening its allowlist')
  await f.app.inject({ method: 'PATCH', url: `/api/v1/apps/${owned.json().id}`, headers: f.auth(f.token), payload: { status: 'disabled' } })
  t.equal((await call('PATCH', `/api/v1/apps/${owned.json().id}`, { status: 'enabled' })).statusCode, 403, 'nor switching it back on')
  t.equal((await f.db('apps').where({ id: owned.json().id }).first()).status, 'disabled')
})

t.test('the open API answers with passwords only for a secrets app, and audits every such answer', async (t) => {
  const f = await redeemFixture(t, { batch: { activate: false } })
  const owned = (await f.app.inject({ method: 'POST', url: '/api/v1/apps', headers: f.auth(f.token), payload: { name: '自营商城', scopes: ['cards:issue', 'cards:read', 'cards:secrets'] } })).json()
  const body = { out_order_no: 'M-1', batch_no: f.batchNo, items: [{ phone: '13800138000', quantity: 3 }], send_sms: false }
  const issued = await openRequest(f, owned, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'M-1' } })
  t.equal(issued.statusCode, 201, issued.body)
  t.equal(issued.json().cards.length, 3)
  t.ok(issued.json().cards.every((c: { password?: string }) => typeof c.password === 'string'))
  const read = await openRequest(f, owned, 'GET', `/open/v1/card-issues/${issued.json().issue_no}`)
  t.equal(read.statusCode, 200)
  const audit = await f.db('audit_logs').where({ action: 'cards.secrets_read' })
  t.equal(audit.length, 2, 'the issue and the read are both audited')
  t.match(JSON.parse(audit[0].summary), { cards: 3, via: 'open_api' })
  t.equal(audit[0].actor_type, 'app')
  t.equal(audit[0].actor_name, owned.app_key)
  // The stored reply for Idempotency-Key replays holds them only encrypted, and replays them intact.
  const stored = await f.db('idempotency_keys')
  t.equal(stored.length, 1)
  for (const c of issued.json().cards) t.notOk(String(stored[0].response_body).includes(c.password), 'no plaintext password at rest')
  t.notOk(String(stored[0].response_body).includes(issued.json().issue_no), 'nor anything else of the reply')
  const replayed = await openRequest(f, owned, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'M-1' } })
  t.equal(replayed.headers['idempotent-replayed'], 'true')
  t.same(replayed.json(), issued.json(), 'the replay is the first answer')
  t.match(JSON.parse((await f.db('audit_logs').where({ action: 'cards.secrets_read' }).orderBy('id', 'desc').first()).summary), { cards: 3, via: 'idempotent_replay' }, 'and audited like one')
  await f.app.inject({ method: 'PATCH', url: `/api/v1/apps/${owned.id}`, headers: f.auth(f.token), payload: { scopes: ['cards:issue', 'cards:read'] } })
  const after = await openRequest(f, owned, 'POST', '/open/v1/card-issues', body, { headers: { 'idempotency-key': 'M-1' } })
  t.equal(after.json().cards.length, 3)
  t.ok(after.json().cards.every((c: { password?: string }) => c.password === undefined), 'once the scope is taken away, a replay carries no password')
})

t.test('admins.write cannot grant what it does not hold, nor take over an admin who holds more', async (t) => {
  const f = await redeemFixture(t)
  const hr = await staff(f, 'hr1', ['admins.write'])
  const holder = (await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'printer1', name: '印刷', password: 'printer1-Pass-2026!', permissions: ['cards.export', 'cards.export_secrets'] } })).json()
  const as = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => f.app.inject({ method, url, headers: f.auth(hr), payload })
  const snapshot = async () => JSON.stringify(await f.db('admins').orderBy('id').select('username', 'permissions', 'password_hash', 'status'))
  const before = await snapshot()

  const me = (await f.db('admins').where({ username: 'hr1' }).first()).id
  for (const [label, res] of [
    ['grant itself the password export', await as('PATCH', `/api/v1/admins/${me}`, { permissions: ['admins.write', 'cards.export_secrets'] })],
    ['create an admin holding it', await as('POST', '/api/v1/admins', { username: 'friend1', name: 'x', password: 'friend1-Pass-2026!', permissions: ['cards.export_secrets'] })],
    ['reset the password of an admin who holds it', await as('PATCH', `/api/v1/admins/${holder.id}`, { password: 'taken-over-2026!' })],
    ['disable that admin', await as('PATCH', `/api/v1/admins/${holder.id}`, { status: 'disabled' })],
    ['delete that admin', await as('DELETE', `/api/v1/admins/${holder.id}`)],
  ] as const) {
    t.equal(res.statusCode, 403, label)
    t.equal(res.json().code, 'forbidden', label)
  }
  t.equal(await snapshot(), before, 'nothing changed')
  t.equal((await as('POST', '/api/v1/admins', { username: 'friend2', name: 'x', password: 'friend2-Pass-2026!', permissions: ['admins.write'] })).statusCode, 201, 'granting what one holds is fine')
  t.equal((await as('PATCH', `/api/v1/admins/${holder.id}`, { name: '印刷部' })).statusCode, 200, 'and renaming anyone')
})

t.test('a missing permission is named; the schema stays hidden from who may not call the route', async (t) => {
  const f = await redeemFixture(t)
  const viewer = await staff(f, 'viewer1', ['cards.read'])
  const res = await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: f.auth(viewer), payload: { wrong: 'shape' } })
  t.equal(res.statusCode, 403, 'the permission is checked before the body: no 422 telling the schema')
  t.same(res.json().details, [{ path: '/permission', message: 'cards.create' }])
  t.match(res.json().message, /创建卡券/)
  const anonymous = await f.app.inject({ method: 'POST', url: '/api/v1/card-batches', payload: { wrong: 'shape' } })
  t.equal(anonymous.statusCode, 401)
})

t.test('settings.write alone cannot switch on the password in the card-issued text', async (t) => {
  const f = await redeemFixture(t)
  const ops = await staff(f, 'ops1', ['settings.write'])
  const settings = {
    provider: 'console', sign_name: '鲜果铺', admin_phones: [], templates: {}, limits: { per_minute: 1, per_day: 10 },
    switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: true },
  }
  const put = (token: string, include: boolean) => f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(token), payload: { ...settings, card_issued_include_password: include } })
  const denied = await put(ops, true)
  t.equal(denied.statusCode, 403)
  t.same(denied.json().details, [{ path: '/permission', message: 'cards.export_secrets' }])
  t.equal((await f.db('settings').where({ section: 'notifications' })).length, 0, 'nothing saved')
  t.equal((await put(ops, false)).statusCode, 200, 'the rest of the settings are theirs')
  t.equal((await put(f.token, true)).statusCode, 200, 'the owner may switch it on')
  t.equal((await put(ops, true)).statusCode, 200, 'keeping what is already on is not granting it')
  // But with the password in the texts, sending them through another account reads them.
  const rerouted = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(ops), payload: {
    ...settings, card_issued_include_password: true, provider: 'aliyun', aliyun: { access_key_id: 'LTAI-mine', access_key_secret: 'my-own-secret' },
  } })
  t.equal(rerouted.statusCode, 403, 'another provider account while the password is in the texts')
  const template = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(ops), payload: {
    ...settings, card_issued_include_password: true, templates: { card_issued: { template_id: 'SMS_MINE', params: { p: 'password' } } },
  } })
  t.equal(template.statusCode, 403, 'or another card-issued template')
  t.equal(JSON.parse((await f.db('settings').where({ section: 'notifications' }).first()).value).provider, 'console', 'nothing changed')
  t.equal((await put(ops, false)).statusCode, 200, 'and switching it off needs nothing')
})

t.test('with the password in texts, texting a phone list needs cards.export_secrets, and every such text is audited', async (t) => {
  const f = await redeemFixture(t, { batch: { activate: false } })
  const seller = await staff(f, 'seller9', ['cards.activate'])
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: f.auth(f.token), payload: {
    provider: 'console', sign_name: '鲜果铺', admin_phones: [], templates: { card_issued: { template_id: 'SMS_CARD', params: { no: 'card_no', pw: 'password' } } }, limits: { per_minute: 5, per_day: 10 },
    switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: true }, card_issued_include_password: true,
  } })
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('手机号')
  ws.addRow(['phone', 'quantity'])
  ws.addRow(['13700000001', 2])
  const file = Buffer.from(await wb.xlsx.writeBuffer())
  const send = (token: string, sms: boolean) => { const m = multipart(file, { fields: { batch_no: f.batchNo, send_sms: String(sms) } }); return f.app.inject({ method: 'POST', url: '/api/v1/card-issues/import-phones', payload: m.payload, headers: { ...m.headers, ...f.auth(token) } }) }
  const denied = await send(seller, true)
  t.equal(denied.statusCode, 403)
  t.same(denied.json().details, [{ path: '/permission', message: 'cards.export_secrets' }])
  t.equal((await f.db('card_issues')).length, 0, 'nothing issued')
  t.equal((await send(seller, false)).statusCode, 201, 'without texts it is theirs to do')
  t.equal((await send(f.token, true)).statusCode, 201)
  await f.app.services.worker.drainAll()
  const sent = await f.db('audit_logs').where({ action: 'cards.secrets_sent' })
  t.equal(sent.length, 2, 'one audit row per text that carried a password')
  t.match(JSON.parse(sent[0].summary), { via: 'sms', phone: '137****0001' })
})
