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
    KAQUAN_CAPTCHA: 'off', KAQUAN_ADMIN_PASSWORD: 'Secret-Pass-2026!', KAQUAN_TRUST_PROXY: '1',
  })
  t.equal(c.port, 9000)
  t.same(c.database, { client: 'mysql', url: 'mysql://u:p@db:3306/kaquan' })
  t.equal(c.publicBaseUrl, 'https://cards.example.com')
  t.same(c.masterKey, Buffer.alloc(32, 1))
  t.equal(c.captcha, false)
  t.equal(c.adminPassword, 'Secret-Pass-2026!')
  t.equal(c.trustProxy, 1)
  t.equal(loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8,127.0.0.1')
  t.same(loadConfig({ KAQUAN_DATA_DIR: data, DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database, { client: 'sqlite', filename: '/tmp/x.sqlite' })
  t.same(loadConfig({ KAQUAN_DATA_DIR: data }).retention, { attempts: 14, outbox: 90, tracking: 30 }, 'retention defaults')
  t.same(loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'tracking=7, attempts=30' }).retention, { attempts: 30, outbox: 90, tracking: 7 }, 'any of them set')
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'attempts=200' }), /outbox rows cannot be kept for less time than their attempts/)
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'logs=3' }), /Invalid KAQUAN_RETENTION_DAYS/)
  t.same(loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'attempts=30min,outbox=12h,tracking=2d' }).retention, { attempts: 30 / 1440, outbox: 0.5, tracking: 2 }, 'hours and minutes for short runs')
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'attempts=0min' }), /at least 1min/)
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'outbox=3m' }), /Invalid KAQUAN_RETENTION_DAYS/, 'm is no unit: months or minutes?')
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_RETENTION_DAYS: 'attempts=3651' }), /Invalid KAQUAN_RETENTION_DAYS/)
  t.equal(loadConfig({ KAQUAN_DATA_DIR: data }).housekeepingMs, 600_000, 'housekeeping every 10 minutes')
  t.equal(loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_HOUSEKEEPING_SECONDS: '15' }).housekeepingMs, 15_000)
  for (const v of ['5', '86401', '1.5', 'soon']) t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_HOUSEKEEPING_SECONDS: v }), /Invalid KAQUAN_HOUSEKEEPING_SECONDS/, v)

  const bad: Record<string, string> = {
    PORT: 'eighty',
    DATABASE_URL: 'postgres://x',
    PUBLIC_BASE_URL: 'ftp://x',
    KAQUAN_MASTER_KEY: Buffer.alloc(16).toString('base64'),
    LOG_LEVEL: 'loud',
    KAQUAN_CAPTCHA: 'maybe',
    KAQUAN_ADMIN_PASSWORD: 'password123',
    KAQUAN_TRUST_PROXY: 'everyone',
    KAQUAN_RETENTION_DAYS: 'attempts=0',
  }
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_TRUST_PROXY: 'true' }), /Invalid KAQUAN_TRUST_PROXY: true would trust any client/, 'true is refused')
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_TRUST_PROXY: '10.0.0.0/33' }), /Invalid KAQUAN_TRUST_PROXY/)
  t.throws(() => loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_ADMIN_PASSWORD: 'Short1!' }), /Invalid KAQUAN_ADMIN_PASSWORD/, 'under 10 characters')
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

t.test('outbound policy: private addresses off by default, vendor hosts normalised, bad values named', async (t) => {
  const data = dir()
  const d = loadConfig({ KAQUAN_DATA_DIR: data })
  t.equal(d.allowPrivateWebhooks, false)
  t.equal(d.allowPrivateVendors, false)
  t.same(d.vendorHosts, [])
  const c = loadConfig({ KAQUAN_DATA_DIR: data, KAQUAN_ALLOW_PRIVATE_VENDORS: 'true', KAQUAN_VENDOR_HOSTS: ' ERP.Example.com , 10.0.0.5:8080,[FD00::5]:8443, proxy.example:80 ,' })
  t.equal(c.allowPrivateVendors, true)
  t.same(c.vendorHosts, ['erp.example.com', '10.0.0.5:8080', '[fd00::5]:8443', 'proxy.example:80'])
  for (const [name, value] of [
    ['KAQUAN_ALLOW_PRIVATE_VENDORS', 'yes'], ['KAQUAN_ALLOW_PRIVATE_WEBHOOKS', '1'],
    ['KAQUAN_VENDOR_HOSTS', 'https://erp.example.com'], ['KAQUAN_VENDOR_HOSTS', 'erp.example.com/openapi2'],
    ['KAQUAN_VENDOR_HOSTS', 'user@erp.example.com'], ['KAQUAN_VENDOR_HOSTS', 'erp.example.com:99999'], ['KAQUAN_VENDOR_HOSTS', '::1'],
  ]) {
    let caught: unknown
    try { loadConfig({ KAQUAN_DATA_DIR: data, [name]: value }) } catch (err) { caught = err }
    t.ok(caught instanceof ConfigError, `${name}=${value} is refused`)
    t.match((caught as Error).message, `Invalid ${name}:`)
  }
})
