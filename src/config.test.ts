import t from 'tap'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config.js'

const dir = () => mkdtempSync(join(tmpdir(), 'kaquan-config-'))

t.test('zero configuration gives working defaults and a generated master key', async (t) => {
  const data = dir()
  const c = loadConfig({ KAQUAN_DATA_DIR: data })
  t.equal(c.port, 8080)
  t.same(c.database, { client: 'sqlite', filename: join(data, 'kaquan.sqlite') })
  t.equal(c.captcha, true)
  t.equal(c.trustProxy, false)
  t.equal(c.publicBaseUrl, 'http://localhost:8080')
  t.equal(c.masterKey.length, 32)
  const file = join(data, 'master.key')
  t.equal(statSync(file).mode & 0o777, 0o600, 'key file readable by the owner only')
  t.same(loadConfig({ KAQUAN_DATA_DIR: data }).masterKey, c.masterKey, 'generated once, then reused')
  t.equal(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').length, 32)
})

t.test('every variable is read and an invalid value names it', async (t) => {
  const data = dir()
  const key = Buffer.alloc(32, 1).toString('base64')
  const c = loadConfig({
    PORT: '9000', HOST: '127.0.0.1', KAQUAN_DATA_DIR: data, DATABASE_URL: 'mysql://u:p@db:3306/kaquan',
    PUBLIC_BASE_URL: 'https://cards.example.com/', KAQUAN_MASTER_KEY: key, LOG_LEVEL: 'warn',
    KAQUAN_CAPTCHA: 'off', KAQUAN_ADMIN_PASSWORD: 'Secret123', KAQUAN_TRUST_PROXY: '1',
  })
  t.equal(c.port, 9000)
  t.same(c.database, { client: 'mysql', url: 'mysql://u:p@db:3306/kaquan' })
  t.equal(c.publicBaseUrl, 'https://cards.example.com')
  t.same(c.masterKey, Buffer.alloc(32, 1))
  t.equal(c.captcha, false)
  t.equal(c.adminPassword, 'Secret123')
  t.equal(c.trustProxy, 1)
  t.equal(loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8,127.0.0.1')
  t.same(loadConfig({ KAQUAN_DATA_DIR: data, DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database, { client: 'sqlite', filename: '/tmp/x.sqlite' })

  const bad: Record<string, string> = {
    PORT: 'eighty',
    DATABASE_URL: 'postgres://x',
    PUBLIC_BASE_URL: 'ftp://x',
    KAQUAN_MASTER_KEY: Buffer.alloc(16).toString('base64'),
    LOG_LEVEL: 'loud',
    KAQUAN_CAPTCHA: 'maybe',
    KAQUAN_ADMIN_PASSWORD: 'short',
    KAQUAN_TRUST_PROXY: 'everyone',
  }
  for (const [name, value] of Object.entries(bad)) {
    let caught: unknown
    try {
      loadConfig({ KAQUAN_DATA_DIR: data, [name]: value })
    } catch (err) {
      caught = err
    }
    t.ok(caught instanceof ConfigError, `${name}=${value} is refused`)
    t.match((caught as Error).message, `Invalid ${name}:`, 'the message names the variable')
  }
})
