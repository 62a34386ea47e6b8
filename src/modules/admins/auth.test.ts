import t from 'tap'
import { solveChallenge } from 'altcha-lib'
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2'
import { fixedClock } from '../../shared/clock.js'
import { ADMIN_PASSWORD, buildTestApp, createTestDatabase, onMysql, type TestApp } from '../../test-support/build-test-app.js'
import { startServerProcess } from '../../test-support/processes.js'

const WRONG = 'Wrong-Password-1'
const LIGHT_WORK = { cost: 1, counter: [1, 4] as [number, number] }

/** Fetches a challenge and solves it the way the widget does; returns the login field. */
async function solvedCaptcha (ta: TestApp): Promise<string> {
  const res = await ta.app.inject({ method: 'GET', url: '/api/v1/auth/captcha' })
  const { parameters, signature } = res.json()
  const solution = await solveChallenge({ challenge: { parameters, signature }, deriveKey: pbkdf2 })
  return Buffer.from(JSON.stringify({ challenge: { parameters, signature }, solution })).toString('base64')
}

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
  t.equal(me.json().merchant.pickup_url, `${b.config.publicBaseUrl}/r/default`, 'the pickup page the console shows and draws as a QR code')

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

t.test('wrong password, unknown user and unknown merchant get the same answer', async (t) => {
  const { app } = await buildTestApp(t)
  const answers = await Promise.all([
    { username: 'admin', password: WRONG },
    { username: 'nobody', password: WRONG },
    { merchant_code: 'nosuchshop', username: 'admin', password: ADMIN_PASSWORD },
  ].map((payload) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })))
  for (const a of answers) {
    t.equal(a.statusCode, 401)
    t.same({ code: a.json().code, message: a.json().message }, { code: 'login_failed', message: '用户名或密码错误' })
  }
})

t.test('five wrong passwords in a row lock the account for 15 minutes; unknown usernames lock alike', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const database = await createTestDatabase(t)
  const { app, db } = await buildTestApp(t, { clock, database })
  const attempt = (password: string, username = 'admin') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })

  for (let i = 1; i <= 4; i++) t.equal((await attempt(WRONG)).statusCode, 401, `wrong password ${i}`)
  const fifth = await attempt(WRONG)
  t.equal(fifth.statusCode, 423)
  t.equal(fifth.json().code, 'account_locked')
  t.equal(fifth.json().message, '密码错误次数过多，账号已锁定，请 15 分钟后再试')
  t.equal(fifth.headers['retry-after'], '900')
  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 423, 'the right password does not open a locked account')

  for (let i = 1; i <= 4; i++) await attempt(WRONG, 'ghost')
  const ghost = await attempt(WRONG, 'ghost')
  t.same({ status: ghost.statusCode, code: ghost.json().code, message: ghost.json().message }, { status: 423, code: 'account_locked', message: fifth.json().message },
    'an unknown username locks after the same five tries: a lock tells nothing about which usernames exist')

  // The lock is in the database: a new instance (a restart) sees it too.
  const restarted = await buildTestApp(t, { clock, database })
  const again = await restarted.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  t.equal(again.statusCode, 423, 'still locked after a restart')
  const owner = (await db('admins').where({ username: 'admin' }).first()).id
  const list = await restarted.app.inject({ method: 'GET', url: '/api/v1/admins', headers: { authorization: `Bearer ${await (async () => { clock.advance(15 * 60_000 + 1000); return restarted.login() })()}` } })
  t.equal(list.json().items.find((a: { id: number }) => a.id === owner).locked_until, null, 'the lock ended, and the list says so')

  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 200, 'open again after 15 minutes')
  const audit = await db('audit_logs').where({ action: 'admins.locked' })
  t.equal(audit.length, 1, 'the lock is audited once (the unknown username has nobody to audit)')

  // A success resets the counter: four more wrong passwords do not lock.
  for (let i = 1; i <= 4; i++) await attempt(WRONG)
  t.equal((await attempt(ADMIN_PASSWORD)).statusCode, 200)
})

t.test('one account, one counter, however its name is spelled', async (t) => {
  const { app } = await buildTestApp(t)
  const attempt = (username: string, password: string, merchant_code?: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(merchant_code ? { merchant_code } : {}) } })
  // MySQL finds "ADMIN" and "Admin" as "admin": they must share the lock.
  for (const name of ['admin', 'ADMIN', 'Admin', 'aDmIn', 'admin']) await attempt(name, WRONG, name === 'ADMIN' ? 'DEFAULT' : undefined)
  const right = await attempt('Admin', ADMIN_PASSWORD)
  t.equal(right.statusCode, 423, 'five wrong under five spellings lock the one account')
  for (const odd of ['àdmin', 'ädmin', 'ADMİN', 'admin ', ' admin']) {
    const r = await attempt(odd, ADMIN_PASSWORD)
    t.equal(r.statusCode, 422, `${JSON.stringify(odd)}: not a username at all (a collation that folds it would be a fresh counter)`)
  }
  t.equal((await attempt('admin', ADMIN_PASSWORD, 'défault')).statusCode, 422, 'nor a merchant code')
})

t.test('the admin list shows a locked account', async (t) => {
  const { app, db, login, auth } = await buildTestApp(t)
  const owner = await login()
  await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload: { username: 'clerk1', name: '店员', password: 'Clerk-Pass-2026', permissions: [] } })
  for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk1', password: WRONG } })
  const clerk = (await app.inject({ method: 'GET', url: '/api/v1/admins', headers: auth(owner) })).json().items.find((a: { username: string }) => a.username === 'clerk1')
  t.ok(Date.parse(clerk.locked_until) > Date.now(), 'locked_until is set')
  t.equal((await db('admins').where({ username: 'clerk1' }).first()).username, 'clerk1')
})

t.test('more than 20 failures from one address in 10 minutes → 429 for that address; IPv6 counts by /64', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const { app } = await buildTestApp(t, { clock })
  const from = (ip: string, username: string, password = WRONG) => app.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password },
  })
  // Password spraying: one password over many usernames.
  for (let i = 0; i < 20; i++) t.equal((await from('10.1.1.1', `user${i}`)).statusCode, 401)
  const blocked = await from('10.1.1.1', 'admin', ADMIN_PASSWORD)
  t.equal(blocked.statusCode, 429)
  t.equal(blocked.json().code, 'too_many_attempts')
  t.ok(Number(blocked.headers['retry-after']) > 0)
  t.equal((await from('10.2.2.2', 'admin', ADMIN_PASSWORD)).statusCode, 200, 'another address is not affected')
  t.equal((await from('::ffff:10.1.1.1', 'admin', ADMIN_PASSWORD)).statusCode, 429, 'the IPv4-mapped form is the same address')
  clock.advance(10 * 60_000 + 1000)
  t.equal((await from('10.1.1.1', 'admin', ADMIN_PASSWORD)).statusCode, 200, 'the window moves on')

  // Rotating through addresses of one /64 is one address.
  for (let i = 0; i < 20; i++) await from(`2001:db8:7:9::${(i + 1).toString(16)}`, `v6user${i}`)
  t.equal((await from('2001:db8:7:9:ffff:ffff:ffff:fffe', 'admin', ADMIN_PASSWORD)).statusCode, 429, 'the 21st from the same /64 is blocked')
  t.equal((await from('2001:db8:7:a::1', 'admin', ADMIN_PASSWORD)).statusCode, 200, 'the next /64 is not')
})

t.test('concurrent wrong passwords on one account: at most five are checked, the right one at the 30th is refused', async (t) => {
  const database = await createTestDatabase(t)
  const ta = await buildTestApp(t, { database })
  // On MariaDB half the attempts go to a second server process with its own connections.
  const other = onMysql ? await startServerProcess(t, database.config, database.dir) : null
  const tryLogin = async (k: number, password: string) => {
    const payload = { username: 'admin', password }
    // Ten addresses, so the account counter (not the per-address one) is what stops them.
    const remoteAddress = `10.0.${k % 10}.1`
    if (other && k % 2) {
      const res = await fetch(`${other.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      return { status: res.status, code: ((await res.json()) as { code?: string }).code }
    }
    const res = await ta.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload })
    return { status: res.statusCode, code: res.json().code }
  }
  const results = await Promise.all(Array.from({ length: 60 }, (_, k) => tryLogin(k, k === 29 ? ADMIN_PASSWORD : `${WRONG}${k}`)))
  const failures = results.filter((r) => r.status === 401).length
  t.ok(failures <= 4, `at most four wrong passwords answered login_failed (${failures}); the fifth locks`)
  t.equal(results.filter((r) => r.status === 200).length, 0, 'the right password, sent 30th, did not log in')
  // (The second process sees every attempt from 127.0.0.1: past 20 that address is refused first.)
  t.equal(results.filter((r) => r.status === 423 || r.status === 429).length, 60 - failures, 'every other attempt: account_locked, or too_many_attempts for a busy address')
  const owner = await ta.db('admins').where({ username: 'admin' }).first()
  const counter = await ta.db('guard_counters').where({ kind: 'login_account', subject: `admin:${owner.id}` }).first()
  t.equal(Number(counter.hits), 5, 'five attempts were let through to the password check, no more')
  t.equal((await ta.db('audit_logs').where({ action: 'admins.locked' })).length, 1, 'one lock, audited once')
})

t.test('concurrent logins from one address: at most 20 are checked', async (t) => {
  const { app, db } = await buildTestApp(t)
  const results = await Promise.all(Array.from({ length: 200 }, (_, k) => app.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.7.7.7', payload: { username: `user${k}`, password: WRONG },
  })))
  t.equal(results.filter((r) => r.statusCode === 401).length, 20, 'twenty checked')
  t.equal(results.filter((r) => r.statusCode === 429).length, 180, 'the rest refused before any check')
  t.equal(Number((await db('guard_counters').where({ kind: 'login_addr', subject: '10.7.7.7' }).first()).hits), 20)
})

t.test('forwarded headers are ignored unless KAQUAN_TRUST_PROXY is set', async (t) => {
  const plain = await buildTestApp(t)
  const proxied = await buildTestApp(t, { config: { trustProxy: '127.0.0.0/8' } })
  for (const [inst, expected] of [[plain, '127.0.0.9'], [proxied, '203.0.113.5']] as const) {
    await inst.app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.9',
      headers: { 'x-forwarded-for': '203.0.113.5' }, payload: { username: 'nobody', password: WRONG },
    })
    const rows = await inst.db('guard_counters').where({ kind: 'login_addr' }).select('subject')
    t.same(rows.map((r) => r.subject), [expected])
  }
})

t.test('captcha: a proof-of-work challenge, required when on, single use, signed, expiring', async (t) => {
  const clock = fixedClock('2026-11-23T08:00:00Z')
  const ta = await buildTestApp(t, { clock, config: { captcha: true }, overrides: { captchaWork: LIGHT_WORK } })
  const { app, db } = ta
  const cap = await app.inject({ method: 'GET', url: '/api/v1/auth/captcha' })
  t.equal(cap.statusCode, 200)
  t.equal(cap.headers['cache-control'], 'no-store')
  t.match(cap.json(), { parameters: { algorithm: 'PBKDF2/SHA-256', cost: 1 }, signature: /^[0-9a-f]{64}$/, expires_at: '2026-11-23T08:05:00.000Z' })
  const login = (captcha?: string, password = ADMIN_PASSWORD) => app.inject({
    method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password, ...(captcha === undefined ? {} : { captcha }) },
  })

  const missing = await login()
  t.same({ status: missing.statusCode, code: missing.json().code }, { status: 422, code: 'captcha_required' })

  const solved = await solvedCaptcha(ta)
  t.equal((await login(solved)).statusCode, 200, 'a solved challenge logs in')
  const reused = await login(solved)
  t.same({ status: reused.statusCode, code: reused.json().code }, { status: 422, code: 'captcha_invalid' }, 'a challenge works once')

  // Two logins racing with one solved challenge: one wins.
  const raced = await solvedCaptcha(ta)
  const race = await Promise.all(Array.from({ length: 10 }, () => login(raced)))
  t.equal(race.filter((r) => r.statusCode === 200).length, 1, 'one of ten concurrent uses')

  const decoded = JSON.parse(Buffer.from(await solvedCaptcha(ta), 'base64').toString())
  const key = decoded.solution.derivedKey as string
  const wrongKey = { ...decoded, solution: { ...decoded.solution, derivedKey: key.slice(0, -1) + (key.endsWith('0') ? '1' : '0') } }
  t.equal((await login(Buffer.from(JSON.stringify(wrongKey)).toString('base64'))).json().code, 'captcha_invalid', 'a wrong solution')
  const longer = { ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, data: { exp: Date.parse('2030-01-01') } } } }
  t.equal((await login(Buffer.from(JSON.stringify(longer)).toString('base64'))).json().code, 'captcha_invalid', 'a challenge edited to live longer fails its signature')
  t.equal((await login('not base64 json')).json().code, 'captcha_invalid')

  const old = await solvedCaptcha(ta)
  clock.advance(301_000)
  t.equal((await login(old)).json().code, 'captcha_invalid', 'expires after 5 minutes (by the server\'s clock)')
  t.equal((await db('used_challenges')).length, 2, 'used challenges are remembered until they expire')

  // Each challenge costs the server a PBKDF2 run: 30 a minute per address.
  const burst = await Promise.all(Array.from({ length: 40 }, () => app.inject({ method: 'GET', url: '/api/v1/auth/captcha', remoteAddress: '10.9.8.7' })))
  t.equal(burst.filter((r) => r.statusCode === 200).length, 30)
  t.equal(burst.filter((r) => r.statusCode === 429).length, 10)
})

t.test('usernames belong to their merchant: the same name in two merchants, logins by merchant code', async (t) => {
  const { app, login, auth } = await buildTestApp(t)
  await app.services.merchants.create({ code: 'fruitshop', name: '鲜果铺', admin_username: 'admin', admin_password: 'Fruit-Boss-2026' })
  const owner = await login()
  const mine = await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload: { username: 'boss1', name: '店长', password: 'Boss-Pass-2026', permissions: [] } })
  t.equal(mine.statusCode, 201)
  const fruit = await login('admin', 'Fruit-Boss-2026', 'fruitshop')
  const theirs = await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(fruit), payload: { username: 'boss1', name: '店长', password: 'Boss-Pass-2027', permissions: [] } })
  t.equal(theirs.statusCode, 201, 'another merchant\'s username is not "taken": nothing leaks across merchants')
  const twice = await app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(fruit), payload: { username: 'boss1', name: '店长', password: 'Boss-Pass-2027', permissions: [] } })
  t.equal(twice.json().code, 'username_taken', 'within one merchant a username is unique')
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(await login('boss1', 'Boss-Pass-2027', 'fruitshop')) })
  t.equal(me.json().merchant.code, 'fruitshop')
  const wrongShop = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { merchant_code: 'default', username: 'boss1', password: 'Boss-Pass-2027' } })
  t.equal(wrongShop.json().code, 'login_failed', 'the password of one merchant\'s boss1 is not the other\'s')
})

t.test('passwords: 10 characters or more, symbols welcome, common ones refused', async (t) => {
  const { app, login, auth } = await buildTestApp(t)
  const owner = await login()
  const create = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/admins', headers: auth(owner), payload: { username, name: 'x', password, permissions: [] } })
  for (const weak of ['password1', 'abcd1234', 'Password123', 'qwertyuiop', 'admin12345678']) {
    const res = await create('weak1', weak)
    t.equal(res.statusCode, 422, weak)
  }
  t.equal((await create('weak1', 'password12')).json().code, 'password_weak', 'a common password of 10 characters')
  t.equal((await create('weak1', 'Zq8#mT4!')).json().code, 'validation_failed', 'too short')
  t.equal((await create('sym1', 'Zq8#mT4!vW~')).statusCode, 201, 'symbols are allowed')
  t.equal((await create('space1', 'correct horse battery staple')).statusCode, 201, 'so is a passphrase')
  const change = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(owner), payload: { old_password: ADMIN_PASSWORD, new_password: 'abcdefghij' } })
  t.same({ status: change.statusCode, code: change.json().code }, { status: 422, code: 'password_weak' })
})

t.test('changing one\'s password ends the other sessions; the old password is counted like a login', async (t) => {
  const { app, login, auth, logs } = await buildTestApp(t)
  const first = await login()
  const second = await login()
  const NEW = 'New-Secret-Passphrase-9'
  const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(second), payload: { old_password: 'Nope-Nope-123', new_password: NEW } })
  t.equal(bad.json().code, 'password_incorrect')
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(second), payload: { old_password: ADMIN_PASSWORD, new_password: NEW } })
  t.equal(ok.statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(first) })).statusCode, 401)
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth(second) })).statusCode, 200)
  t.equal((await login('admin', NEW)).length > 0, true)
  for (const secret of [ADMIN_PASSWORD, NEW, 'Nope-Nope-123', first, second]) {
    t.notOk(logs.text().includes(secret), 'no password or token in the log')
  }
  const session = await login('admin', NEW)
  const guesses = await Promise.all(Array.from({ length: 20 }, (_, k) => app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(session), payload: { old_password: `guess-${k}-xxxxxx`, new_password: 'Another-Passphrase-7' } })))
  t.ok(guesses.filter((r) => r.json().code === 'password_incorrect').length <= 4, 'a stolen session gets five guesses at the password')
  t.equal(guesses.filter((r) => r.statusCode === 423).length >= 16, true)
  const withRight = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth(session), payload: { old_password: NEW, new_password: 'Another-Passphrase-7' } })
  t.equal(withRight.statusCode, 423, 'the right old password is refused once locked')
})
