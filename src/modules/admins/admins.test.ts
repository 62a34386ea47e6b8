import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { PERMISSION_CODES } from './permissions.js'

t.test('a staff account with only products.read gets 403 on admin routes and 200 on its own me', async (t) => {
  const { app, db, login, auth } = await buildTestApp(t)
  const owner = await login()
  const created = await app.inject({
    method: 'POST', url: '/api/v1/admins', headers: auth(owner),
    payload: { username: 'clerk01', name: '店员小王', phone: '13800138000', password: 'Clerk12345-kq#Pw', permissions: ['products.read'] },
  })
  t.equal(created.statusCode, 201)
  const clerk = created.json()
  t.same(clerk.permissions, ['products.read'])
  t.equal(clerk.is_owner, false)
  t.notOk('password_hash' in clerk)
  t.notOk('password' in clerk)

  const token = await login('clerk01', 'Clerk12345-kq#Pw')
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(token) })
  t.equal(me.statusCode, 200)
  t.equal(me.json().admin.username, 'clerk01')

  const before = await db('admins').count({ n: '*' }).first()
  const denied = await app.inject({
    method: 'POST', url: '/api/v1/admins', headers: auth(token),
    payload: { username: 'sneaky1', name: 'x', password: 'Sneaky123-kq#Pw', permissions: ['admins.write'] },
  })
  t.equal(denied.statusCode, 403)
  t.equal(denied.json().code, 'forbidden')
  t.same(await db('admins').count({ n: '*' }).first(), before, 'nothing happened')
  for (const [method, url] of [['GET', '/api/v1/admins'], ['GET', `/api/v1/admins/${clerk.id}`], ['DELETE', `/api/v1/admins/${clerk.id}`], ['GET', '/api/v1/audit-logs']] as const) {
    t.equal((await app.inject({ method, url, headers: auth(token) })).statusCode, 403, `${method} ${url}`)
  }
  const perms = await app.inject({ method: 'GET', url: '/api/v1/permissions', headers: auth(token) })
  t.equal(perms.statusCode, 200)
  t.same(perms.json().items.map((p: { code: string }) => p.code), PERMISSION_CODES)
})

t.test('admin validation: username, password rule, permissions, duplicates', async (t) => {
  const { app, login, auth } = await buildTestApp(t)
  const owner = await login()
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload })
  const base = { username: 'staff01', name: '员工', password: 'Staff1234-kq#Pw', permissions: [] }
  for (const [field, value] of [
    ['username', 'ab'], ['username', 'bad name'], ['username', 'x'.repeat(33)],
    ['password', 'abcdefgh'], ['password', '12345678'], ['password', 'Ab1'], ['password', 'Abc123!!x'],
    ['permissions', ['root']], ['phone', '12345'],
  ] as const) {
    const res = await post({ ...base, [field]: value })
    t.equal(res.statusCode, 422, `${field}=${JSON.stringify(value)}`)
    t.equal(res.json().code, 'validation_failed')
    t.ok(res.json().details.some((d: { path: string }) => d.path.startsWith(`/${field}`)), 'details point at the field')
  }
  t.equal((await post(base)).statusCode, 201)
  const dup = await post(base)
  t.equal(dup.statusCode, 409)
  t.equal(dup.json().code, 'username_taken')
  t.equal((await post({ ...base, username: 'admin' })).json().code, 'username_taken')
})

t.test('disabling an admin ends its sessions at once; an admin cannot lock itself out', async (t) => {
  const { app, db, login, auth } = await buildTestApp(t)
  const owner = await login()
  const manager = (await app.inject({
    method: 'POST', url: '/api/v1/admins', headers: auth(owner),
    payload: { username: 'manager1', name: '经理', password: 'Manager123-kq#Pw', permissions: ['admins.write', 'audit.read'] },
  })).json()
  const mtoken = await login('manager1', 'Manager123-kq#Pw')

  const selfRemove = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(mtoken), payload: { permissions: ['audit.read'] } })
  t.equal(selfRemove.statusCode, 409)
  t.equal(selfRemove.json().code, 'cannot_lock_self_out')
  const selfDisable = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(mtoken), payload: { status: 'disabled' } })
  t.equal(selfDisable.json().code, 'cannot_lock_self_out')
  const selfDelete = await app.inject({ method: 'DELETE', url: `/api/v1/admins/${manager.id}`, headers: auth(mtoken) })
  t.equal(selfDelete.statusCode, 409)
  t.equal(selfDelete.json().code, 'cannot_delete_self')
  const ownerRow = await db('admins').where({ username: 'admin' }).first()
  const touchOwner = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${ownerRow.id}`, headers: auth(mtoken), payload: { status: 'disabled' } })
  t.equal(touchOwner.json().code, 'owner_protected')
  const selfRename = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(mtoken), payload: { name: '王经理' } })
  t.equal(selfRename.statusCode, 200)
  t.equal(selfRename.json().name, '王经理')

  const disable = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(owner), payload: { status: 'disabled' } })
  t.equal(disable.statusCode, 200)
  t.equal(disable.json().status, 'disabled')
  const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(mtoken) })
  t.equal(after.statusCode, 401, 'the disabled admin\'s token stops working at once')
  const relogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'manager1', password: 'Manager123-kq#Pw' } })
  t.equal(relogin.statusCode, 403)
  t.equal(relogin.json().code, 'account_disabled')

  await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(owner), payload: { status: 'active', password: 'Manager456-kq#Pw' } })
  t.ok(await login('manager1', 'Manager456-kq#Pw'), 'enabled again with a new password')

  const del = await app.inject({ method: 'DELETE', url: `/api/v1/admins/${manager.id}`, headers: auth(owner) })
  t.equal(del.statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/admins/${manager.id}`, headers: auth(owner) })).json().code, 'admin_not_found')

  const audit = await app.inject({ method: 'GET', url: '/api/v1/audit-logs?action=admins', headers: auth(owner) })
  t.equal(audit.statusCode, 200)
  const actions = audit.json().items.map((i: { action: string }) => i.action)
  t.same(actions, ['admins.delete', 'admins.update', 'admins.update', 'admins.update', 'admins.create'])
  const text = JSON.stringify(audit.json())
  t.notOk(text.includes('Manager123-kq#Pw') || text.includes('Manager456-kq#Pw') || text.includes('scrypt$'), 'no password in the audit log')
  const listed = await app.inject({ method: 'GET', url: '/api/v1/admins', headers: auth(owner) })
  t.notOk(listed.body.includes('password_hash') || listed.body.includes('scrypt$'), 'no hash in lists')
})

t.test('admins of one merchant are invisible to another', async (t) => {
  const { app, login, auth } = await buildTestApp(t)
  const other = await app.services.merchants.create({ code: 'fruit', name: '鲜果铺', admin_username: 'fruitboss', admin_password: 'Fruit12345-kq#Pw' })
  const owner = await login()
  const res = await app.inject({ method: 'GET', url: `/api/v1/admins/${other.admin_id}`, headers: auth(owner) })
  t.equal(res.statusCode, 404)
  const list = await app.inject({ method: 'GET', url: '/api/v1/admins', headers: auth(owner) })
  t.same(list.json().items.map((a: { username: string }) => a.username), ['admin'])
  const fruit = await login('fruitboss', 'Fruit12345-kq#Pw', 'fruit')
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(fruit) })
  t.equal(me.json().merchant.code, 'fruit')
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/admins/${me.json().admin.id}`, headers: auth(owner) })).statusCode, 404)
})

t.test('重置密码: another admin gets a new random password, answered once; its sessions end and a login lock lifts', async (t) => {
  const { app, db, login, auth } = await buildTestApp(t)
  const owner = await login()
  const post = (token: string, payload: object) => app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(token), payload })
  const clerk = (await post(owner, { username: 'clerk01', name: '店员', password: 'Clerk12345-kq#Pw', permissions: ['redeem.store'] })).json()
  const manager = (await post(owner, { username: 'manager1', name: '经理', password: 'Manager123-kq#Pw', permissions: ['admins.write', 'redeem.store'] })).json()
  const clerkToken = await login('clerk01', 'Clerk12345-kq#Pw')
  const mtoken = await login('manager1', 'Manager123-kq#Pw')
  // The clerk forgot the password and locked the account.
  for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk01', password: 'wrong-password-1' } })
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk01', password: 'Clerk12345-kq#Pw' } })).statusCode, 423, 'locked')

  const reset = await app.inject({ method: 'POST', url: `/api/v1/admins/${clerk.id}/password`, headers: auth(mtoken) })
  t.equal(reset.statusCode, 200)
  t.equal(reset.headers['cache-control'], 'no-store')
  const { password } = reset.json()
  t.match(password, /^[A-Za-z2-9]{16}$/, '16 random letters and digits')
  t.equal(reset.json().admin.username, 'clerk01')
  t.equal(reset.json().admin.locked_until, null, 'the lock is lifted')
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(clerkToken) })).statusCode, 401, 'the clerk\'s sessions ended')
  const old = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk01', password: 'Clerk12345-kq#Pw' } })
  t.equal(old.statusCode, 401, 'the old password no longer works')
  t.ok(await login('clerk01', password), 'the new one does')
  const again = (await app.inject({ method: 'POST', url: `/api/v1/admins/${clerk.id}/password`, headers: auth(owner) })).json().password
  t.not(again, password, 'every reset answers a new password')

  for (const [who, token, id, code] of [
    ['oneself', mtoken, manager.id, 'cannot_reset_own_password'],
    ['the owner', mtoken, (await db('admins').where({ username: 'admin' }).first()).id, 'owner_protected'],
  ] as const) {
    const res = await app.inject({ method: 'POST', url: `/api/v1/admins/${id}/password`, headers: auth(token) })
    t.equal(res.statusCode, 409, who)
    t.equal(res.json().code, code, who)
  }
  const richer = (await post(owner, { username: 'boss2', name: '副总', password: 'Boss212345-kq#Pw', permissions: ['admins.write', 'settings.write'] })).json()
  const beyond = await app.inject({ method: 'POST', url: `/api/v1/admins/${richer.id}/password`, headers: auth(mtoken) })
  t.equal(beyond.statusCode, 403, 'not for an admin holding more than the resetter')
  const clerkNow = await login('clerk01', again)
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/admins/${manager.id}/password`, headers: auth(clerkNow) })).statusCode, 403, 'needs admins.write')
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/admins/999999/password', headers: auth(owner) })).json().code, 'admin_not_found')

  const audit = await db('audit_logs').where({ action: 'admins.password_reset' }).orderBy('id')
  t.same(audit.map((a) => [a.actor_name, a.target_id]), [['manager1', String(clerk.id)], ['admin', String(clerk.id)]])
  const text = JSON.stringify(await db('audit_logs').select())
  t.notOk(text.includes(password) || text.includes(again), 'the password is in no audit entry')
})

t.test('the last admin holding admins.write cannot be deleted, disabled or stripped of it, by anyone', async (t) => {
  const { app, db, login, auth } = await buildTestApp(t)
  const owner = await login()
  const ownerId = (await db('admins').where({ username: 'admin' }).first()).id
  const clerk = (await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload: { username: 'clerk01', name: '店员', password: 'Clerk12345-kq#Pw', permissions: ['redeem.store'] } })).json()
  const clerkToken = await login('clerk01', 'Clerk12345-kq#Pw')
  const holders = async () => (await app.inject({ method: 'GET', url: '/api/v1/admins', headers: auth(owner) })).json().items
    .filter((a: { status: string; permissions: string[] }) => a.status === 'active' && a.permissions.includes('admins.write')).map((a: { username: string }) => a.username)
  t.same(await holders(), ['admin'], 'the owner is the only holder')

  for (const [what, method, payload, code] of [
    ['delete', 'DELETE', undefined, 'cannot_delete_self'],
    ['disable', 'PATCH', { status: 'disabled' }, 'cannot_lock_self_out'],
  ] as const) {
    const res = await app.inject({ method, url: `/api/v1/admins/${ownerId}`, headers: auth(owner), ...(payload ? { payload } : {}) })
    t.equal(res.statusCode, 409, `the holder itself: ${what}`)
    t.equal(res.json().code, code)
    t.match(res.json().message, /不能/, 'a reason in Chinese')
  }
  const strip = await app.inject({ method: 'PATCH', url: `/api/v1/admins/${ownerId}`, headers: auth(owner), payload: { permissions: ['audit.read'] } })
  t.equal(strip.statusCode, 200, 'the owner may send its permissions…')
  t.ok(strip.json().permissions.includes('admins.write'), '…but always holds every one')
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/admins/${ownerId}`, headers: auth(clerkToken) })).statusCode, 403, 'nobody without admins.write')

  // A second holder may manage the first but never the owner, who stays the last holder.
  const manager = (await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload: { username: 'manager1', name: '经理', password: 'Manager123-kq#Pw', permissions: ['admins.write'] } })).json()
  const mtoken = await login('manager1', 'Manager123-kq#Pw')
  for (const [method, payload] of [['DELETE', undefined], ['PATCH', { status: 'disabled' }], ['PATCH', { permissions: [] }]] as const) {
    const res = await app.inject({ method, url: `/api/v1/admins/${ownerId}`, headers: auth(mtoken), ...(payload ? { payload } : {}) })
    t.equal(res.json().code, 'owner_protected', `${method} ${JSON.stringify(payload ?? {})}`)
  }
  t.equal((await app.inject({ method: 'PATCH', url: `/api/v1/admins/${manager.id}`, headers: auth(owner), payload: { permissions: [] } })).statusCode, 200)
  t.same(await holders(), ['admin'])
  t.equal((await db('admins').where({ id: ownerId }).first()).status, 'active')
  void clerk
})
