import t from 'tap'
import { fixedClock } from '../../shared/clock.js'
import { sha256Hex } from '../../shared/crypto.js'
import { ADMIN_PASSWORD, buildTestApp, createTestDatabase } from '../../test-support/build-test-app.js'
import { insertCaptcha } from './admins.repository.js'

t.test('login, me and logout; logout ends the token on every instance', async (t) => {
  const database = await createTestDatabase(t)
  const a = await buildTestApp(t, { database })
  const b = await buildTestApp(t, { database })
  const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  t.equal(login.statusCode, 200)
  const body = login.json()
  t.ok(body.token)
  t.equal(body.admin.username, 'admin')
  t.equal(body.admin.is_owner, true)
  t.notOk('password_hash' in body.admin, 'no password hash in the answer')
  t.ok(Date.parse(body.expires_at) - Date.now() > 11.9 * 3600_000, 'session lasts 12 hours')

  const me = await b.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.auth(body.token) })
  t.equal(me.statusCode, 200, 'the token works on the other instance')
  t.equal(me.json().merchant.code, 'default')

  const out = await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a.auth(body.token) })
  t.equal(out.statusCode, 200)
  for (const inst of [a, b]) {
    const after = await inst.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: inst.auth(body.token) })
    t.equal(after.statusCode, 401)
    t.equal(after.json().code, 'session_expired')
  }
  const none = await a.app.inject({ method: 'GET', url: '/api/v1/auth/me' })
  t.equal(none.statusCode, 401)
  t.equal(none.json().code, 'unauthorized')
  const forged = await a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer abc.def.ghi' } })
  t.equal(forged.json().code, 'session_expired')
})

t.test('wrong password and unknown user get the same answer', async (t) => {
  const { app } = await buildTestApp(t)
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Wrong1234' } })
  const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'Wrong1234' } })
  t.equal(wrong.statusCode, 401)
  t.equal(unknown.statusCode, 401)
  t.equal(wrong.json().code, 'login_failed')
  t.equal(wrong.json().message, unknown.json().message)
})

t.test('five wrong passwords in a row lock the account for 15 minutes', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const database = await createTestDatabase(t)
  const { app, db } = await buildTestApp(t, { clock, database })
  const attempt = (password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } })

  for (let i = 1; i <= 4; i++) t.equal((await attempt('Wrong1234')).statusCode, 401, `wrong password ${i}`)
  const fifth = await attempt('Wrong1234')
  t.equal(fifth.statusCode, 423)
  t.equal(fifth.json().code, 'account_locked')
  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 423, 'the right password does not open a locked account')

  // The lock is in the database: a new instance (a restart) sees it too.
  const restarted = await buildTestApp(t, { clock, database })
  const again = await restarted.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  t.equal(again.statusCode, 423, 'still locked after a restart')

  clock.advance(15 * 60_000 + 1000)
  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 200, 'open again after 15 minutes')
  const audit = await db('audit_logs').where({ action: 'admins.locked' })
  t.equal(audit.length, 1, 'the lock is audited')

  // A success resets the counter: four more wrong passwords do not lock.
  for (let i = 1; i <= 4; i++) await attempt('Wrong1234')
  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 200)
})

t.test('more than 20 failures from one address in 10 minutes → 429 for that address', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const { app } = await buildTestApp(t, { clock })
  const from = (ip: string, username: string, password = 'Wrong1234') => app.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password },
  })
  // Password spraying: one password over many usernames.
  for (let i = 0; i < 20; i++) t.equal((await from('10.1.1.1', `user${i}`)).statusCode, 401)
  const blocked = await from('10.1.1.1', 'admin', ADMIN_PASSWORD)
  t.equal(blocked.statusCode, 429)
  t.equal(blocked.json().code, 'too_many_attempts')
  t.ok(blocked.headers['retry-after'])
  t.equal((await from('10.2.2.2', 'admin', ADMIN_PASSWORD)).statusCode, 200, 'another address is not affected')
  clock.advance(10 * 60_000 + 1000)
  t.equal((await from('10.1.1.1', 'admin', ADMIN_PASSWORD)).statusCode, 200, 'the window moves on')
})

t.test('forwarded headers are ignored unless KAQUAN_TRUST_PROXY is set', async (t) => {
  const plain = await buildTestApp(t)
  const proxied = await buildTestApp(t, { config: { trustProxy: true } })
  for (const [inst, expected] of [[plain, '127.0.0.9'], [proxied, '203.0.113.5']] as const) {
    await inst.app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.9',
      headers: { 'x-forwarded-for': '203.0.113.5' }, payload: { username: 'nobody', password: 'Wrong1234' },
    })
    const rows = await inst.db('attempt_events').select('key')
    t.same(rows.map((r) => r.key), [expected])
  }
})

t.test('captcha: required when on, single use, case-insensitive', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const { app, db } = await buildTestApp(t, { clock, config: { captcha: true } })
  const cap = await app.inject({ method: 'GET', url: '/api/v1/auth/captcha' })
  t.equal(cap.statusCode, 200)
  t.match(cap.json().svg, /^<svg /)
  t.equal(cap.headers['cache-control'], 'no-store')

  const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  t.equal(missing.statusCode, 422)
  t.equal(missing.json().code, 'captcha_required')

  await insertCaptcha(db, 'known', sha256Hex('AB3D'), new Date(clock.now().getTime() + 300_000))
  const login = (code: string) => app.inject({
    method: 'POST', url: '/api/v1/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD, captcha_id: 'known', captcha_code: code },
  })
  t.equal((await login('ab3d')).statusCode, 200, 'right code, any case')
  const reused = await login('AB3D')
  t.equal(reused.statusCode, 422)
  t.equal(reused.json().code, 'captcha_invalid', 'a captcha works once')

  await insertCaptcha(db, 'wrong', sha256Hex('AAAA'), new Date(clock.now().getTime() + 300_000))
  const wrong = await app.inject({
    method: 'POST', url: '/api/v1/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD, captcha_id: 'wrong', captcha_code: 'BBBB' },
  })
  t.equal(wrong.json().code, 'captcha_invalid')
  t.equal((await db('captchas').where({ id: 'wrong' })).length, 0, 'a wrong guess burns the captcha')

  await insertCaptcha(db, 'old', sha256Hex('CCCC'), new Date(clock.now().getTime() + 300_000))
  clock.advance(301_000)
  const expired = await app.inject({
    method: 'POST', url: '/api/v1/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD, captcha_id: 'old', captcha_code: 'CCCC' },
  })
  t.equal(expired.json().code, 'captcha_invalid', 'expires after 5 minutes')
})

t.test('changing one\'s password ends the other sessions', async (t) => {
  const { app, login, auth, logs } = await buildTestApp(t)
  const first = await login()
  const second = await login()
  const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(second), payload: { old_password: 'Nope12345', new_password: 'Newpass123' } })
  t.equal(bad.json().code, 'password_incorrect')
  const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(second), payload: { old_password: ADMIN_PASSWORD, new_password: 'onlyletters' } })
  t.equal(weak.statusCode, 422)
  t.equal(weak.json().code, 'validation_failed')
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(second), payload: { old_password: ADMIN_PASSWORD, new_password: 'Newpass123' } })
  t.equal(ok.statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(first) })).statusCode, 401)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(second) })).statusCode, 200)
  t.equal((await login('admin', 'Newpass123')).length > 0, true)
  for (const secret of [ADMIN_PASSWORD, 'Newpass123', 'Nope12345', first, second]) {
    t.notOk(logs.text().includes(secret), 'no password or token in the log')
  }
})
