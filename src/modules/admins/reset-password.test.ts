// `npm run admin:reset-password`: the operator's way back in. Run as the real script, in its
// own process, against the test's database.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import t from 'tap'
import { buildTestApp, ADMIN_PASSWORD } from '../../test-support/build-test-app.js'

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'reset-admin-password.ts')

t.test('a new one-time password, printed once; old password and sessions end; audited', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const db = ta.config.database
  const env = {
    ...process.env,
    DATABASE_URL: db.client === 'sqlite' ? `sqlite:${db.filename}` : db.url,
    KAQUAN_DATA_DIR: ta.config.dataDir,
    KAQUAN_MASTER_KEY: ta.config.masterKey.toString('base64'),
    LOG_LEVEL: 'silent',
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [...process.execArgv, script, ...args], { env, encoding: 'utf8', timeout: 60_000 })

  const r = run('--merchant', 'default', '--username', 'Admin')
  t.equal(r.status, 0, r.stderr)
  const m = /new password (\S+)/.exec(r.stdout)
  t.ok(m, r.stdout)
  const password = m![1]
  t.match(password, /^[A-HJ-NP-Za-km-z2-9]{16}$/, 'made like the first admin\'s')
  t.match(r.stdout, /shown only this once/)

  t.equal((await ta.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: ta.auth(token) })).statusCode, 401, 'the old session ended')
  const old = await ta.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } })
  t.equal(old.statusCode, 401, 'the old password no longer works')
  t.ok(await ta.login('admin', password), 'the new one does')

  const audit = await ta.db('audit_logs').where({ action: 'admins.password_reset' })
  t.equal(audit.length, 1)
  t.match(audit[0], { actor_type: 'system', actor_name: 'cli', target_type: 'admin' })
  t.notMatch(audit[0].summary, password, 'the password is not in the audit log')

  const unknown = run('--merchant', 'default', '--username', 'nobody')
  t.equal(unknown.status, 1)
  t.match(unknown.stderr, /管理员不存在/)
  const usage = run('--merchant', 'default')
  t.equal(usage.status, 1)
  t.match(usage.stderr, /usage: npm run admin:reset-password/)
})
