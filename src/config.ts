// The only reader of process.env. Everything has a default that runs with zero configuration.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import ipaddr from 'ipaddr.js'
import { passwordProblem } from './shared/passwords.js'

export type DatabaseConfig =
  | { client: 'sqlite'; filename: string }
  | { client: 'mysql'; url: string }

export interface AppConfig {
  port: number
  host: string
  dataDir: string
  database: DatabaseConfig
  publicBaseUrl: string
  masterKey: Buffer
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  captcha: boolean
  /** Initial password of the first admin; undefined means "generate one and print it once". */
  adminPassword?: string
  /** Who may forward a client's address: the proxies (addresses/CIDRs/names), a hop count, or nobody (false). */
  trustProxy: false | number | string
  /** Let webhooks reach private, loopback and link-local addresses (tests, closed networks). */
  allowPrivateWebhooks: boolean
  /** Let vendor calls (SMS, ERP, couriers) reach private, loopback and link-local addresses. */
  allowPrivateVendors: boolean
  /**
   * Hosts beyond the vendors' published ones that merchants may use as an endpoint (an
   * on-premises ERP, a proxy, a sandbox): `host` (any port) or `host:port`, normalised.
   */
  vendorHosts: string[]
  /** Run the outbox worker in this process (default on). */
  worker: boolean
  /** The built pickup and staff pages (Vite's output); the API runs without them. */
  webDir: string
  /** /metrics on the service's port behind this bearer token (KAQUAN_METRICS_TOKEN); off when absent. */
  metricsToken?: string
  /** /metrics, without a token, on a port of its own (KAQUAN_METRICS_PORT); keep it off the public network. */
  metricsPort?: number
  /** How long growing logs are kept (KAQUAN_RETENTION_DAYS); the defaults when absent. */
  retention?: RetentionDays
  /** How often housekeeping runs (KAQUAN_HOUSEKEEPING_SECONDS, 10–86400); every 10 minutes when absent. */
  housekeepingMs?: number
}

/** Days kept: delivery and vendor-call attempts, finished outbox rows (their outcome), raw tracking pushes. */
export interface RetentionDays { attempts: number; outbox: number; tracking: number }
export const DEFAULT_RETENTION: RetentionDays = { attempts: 14, outbox: 90, tracking: 30 }

/** The names config.ts reads; a test checks docker/compose.yaml against this list. */
export const ENV_VARIABLES = [
  'PORT',
  'HOST',
  'KAQUAN_DATA_DIR',
  'DATABASE_URL',
  'PUBLIC_BASE_URL',
  'KAQUAN_MASTER_KEY',
  'LOG_LEVEL',
  'KAQUAN_CAPTCHA',
  'KAQUAN_ADMIN_PASSWORD',
  'KAQUAN_TRUST_PROXY',
  'KAQUAN_ALLOW_PRIVATE_WEBHOOKS',
  'KAQUAN_ALLOW_PRIVATE_VENDORS',
  'KAQUAN_VENDOR_HOSTS',
  'KAQUAN_WORKER',
  'KAQUAN_RETENTION_DAYS',
  'KAQUAN_HOUSEKEEPING_SECONDS',
  'KAQUAN_METRICS_TOKEN',
  'KAQUAN_METRICS_PORT',
] as const

export class ConfigError extends Error {
  constructor (readonly variable: string, problem: string) {
    super(`Invalid ${variable}: ${problem}`)
    this.name = 'ConfigError'
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Letters and digits, 8–64, at least one of each (the seed: 密码（字母+数字组合）). */
export const ADMIN_PASSWORD_PATTERN = '^(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9]{8,64}$'

type Env = Record<string, string | undefined>

function value (env: Env, name: string): string | undefined {
  const v = env[name]
  return v === undefined || v.trim() === '' ? undefined : v.trim()
}

function parsePort (env: Env): number {
  const raw = value(env, 'PORT')
  if (raw === undefined) return 8080
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError('PORT', `expected a TCP port 1-65535, got "${raw}"`)
  }
  return Number(raw)
}

function parseDatabase (env: Env, dataDir: string): DatabaseConfig {
  const raw = value(env, 'DATABASE_URL')
  if (raw === undefined) return { client: 'sqlite', filename: join(dataDir, 'kaquan.sqlite') }
  if (raw.startsWith('mysql://')) {
    try {
      const url = new URL(raw)
      if (url.pathname.length <= 1) throw new Error('no database name')
    } catch {
      throw new ConfigError('DATABASE_URL', 'expected mysql://user:password@host:port/database')
    }
    return { client: 'mysql', url: raw }
  }
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (path === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:./data/kaquan.sqlite')
    return { client: 'sqlite', filename: isAbsolute(path) ? path : resolve(path) }
  }
  throw new ConfigError('DATABASE_URL', 'expected "sqlite:<path>" or "mysql://…"')
}

function parseMasterKey (env: Env, dataDir: string): Buffer {
  const raw = value(env, 'KAQUAN_MASTER_KEY')
  if (raw !== undefined) {
    const key = Buffer.from(raw, 'base64')
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(raw)) {
      throw new ConfigError('KAQUAN_MASTER_KEY', 'expected base64 of exactly 32 bytes (openssl rand -base64 32)')
    }
    return key
  }
  // Embedded default: generated once, kept beside the SQLite file, readable by the owner only.
  const file = join(dataDir, 'master.key')
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new ConfigError('KAQUAN_MASTER_KEY', `${file} does not hold base64 of 32 bytes`)
    return key
  }
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  return key
}

/**
 * The proxies' addresses/CIDRs (or proxy-addr's names loopback, linklocal, uniquelocal), or a
 * hop count. `true` is refused: Fastify would believe the leftmost X-Forwarded-For address,
 * which the client writes itself, and every per-address limit would be the client's to choose.
 */
function parseTrustProxy (env: Env): false | number | string {
  const raw = value(env, 'KAQUAN_TRUST_PROXY')
  if (raw === undefined || raw === 'false') return false
  if (raw === 'true') {
    throw new ConfigError('KAQUAN_TRUST_PROXY', 'true would trust any client\'s X-Forwarded-For; give the proxies\' addresses or CIDRs (e.g. 10.0.0.5,10.0.1.0/24) or a hop count')
  }
  if (/^\d+$/.test(raw)) {
    if (Number(raw) < 1 || Number(raw) > 10) throw new ConfigError('KAQUAN_TRUST_PROXY', 'a hop count is 1-10')
    return Number(raw)
  }
  const parts = raw.split(',').map((p) => p.trim())
  const valid = (p: string) => ['loopback', 'linklocal', 'uniquelocal'].includes(p) || (() => {
    const [addr, prefix] = p.split('/')
    if (!ipaddr.isValid(addr)) return false
    if (prefix === undefined) return true
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (ipaddr.parse(addr).kind() === 'ipv4' ? 32 : 128)
  })()
  if (parts.some((p) => !valid(p))) {
    throw new ConfigError('KAQUAN_TRUST_PROXY', 'expected a comma-separated list of proxy addresses/CIDRs (or loopback, linklocal, uniquelocal), or a hop count')
  }
  return parts.join(',')
}

/** true or false, default false. The caller reads the variable, so that each name appears where it is read. */
function parseBoolean (name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(name, 'expected true or false')
  return raw === 'true'
}

/** `host` or `host:port` entries, comma-separated; hosts as URLs spell them (lower case, IPv6 in brackets). */
function parseVendorHosts (env: Env): string[] {
  const raw = value(env, 'KAQUAN_VENDOR_HOSTS')
  if (raw === undefined) return []
  return raw.split(',').map((p) => p.trim()).filter(Boolean).map((entry) => {
    let url: URL | undefined
    try { url = new URL(`http://${entry}`) } catch { /* reported below */ }
    const port = /:(\d{1,5})$/.exec(entry)?.[1]
    if (!url || url.username || url.password || url.pathname !== '/' || url.search || url.hash || entry.includes('/') || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
      throw new ConfigError('KAQUAN_VENDOR_HOSTS', `expected comma-separated host or host:port entries (e.g. erp.example.com,10.0.0.5:8080), got "${entry}"`)
    }
    return port === undefined ? url.hostname : `${url.hostname}:${Number(port)}`
  })
}

function parseUrl (name: string, raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'expected an http(s) URL')
  return raw.replace(/\/+$/, '')
}

/** The folder holding package.json, from src/ (tests) or dist/src/ (the compiled server). */
export function packageRoot (from: string = import.meta.dirname): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error(`no package.json above ${from}`)
    dir = up
  }
  return dir
}

/** Where `npm run build` (and `npm start`, when they are missing) puts the pages. */
export const DEFAULT_WEB_DIR = join(packageRoot(), 'dist', 'web')

/**
 * Reads the environment once. Creates the data folder and, when no master key is
 * configured, the generated key file inside it.
 */
export function loadConfig (env: Env = process.env): AppConfig {
  const port = parsePort(env)
  const dataDir = resolve(value(env, 'KAQUAN_DATA_DIR') ?? './data')
  // The database, the master key and the uploads: the owner's only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const logLevel = value(env, 'LOG_LEVEL') ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`)
  }
  const captcha = value(env, 'KAQUAN_CAPTCHA') ?? 'on'
  if (captcha !== 'on' && captcha !== 'off') throw new ConfigError('KAQUAN_CAPTCHA', 'expected on or off')

  const adminPassword = value(env, 'KAQUAN_ADMIN_PASSWORD')
  const weak = adminPassword === undefined ? null : passwordProblem(adminPassword, ['admin', 'default'])
  if (weak) throw new ConfigError('KAQUAN_ADMIN_PASSWORD', '10-128 characters, not a common or easily guessed password (checked with zxcvbn)')

  const allowPrivateWebhooks = parseBoolean('KAQUAN_ALLOW_PRIVATE_WEBHOOKS', value(env, 'KAQUAN_ALLOW_PRIVATE_WEBHOOKS'))
  const allowPrivateVendors = parseBoolean('KAQUAN_ALLOW_PRIVATE_VENDORS', value(env, 'KAQUAN_ALLOW_PRIVATE_VENDORS'))
  const vendorHosts = parseVendorHosts(env)
  const worker = value(env, 'KAQUAN_WORKER') ?? 'on'
  if (worker !== 'on' && worker !== 'off') throw new ConfigError('KAQUAN_WORKER', 'expected on or off')

  return {
    port,
    host: value(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    database: parseDatabase(env, dataDir),
    publicBaseUrl: parseUrl('PUBLIC_BASE_URL', value(env, 'PUBLIC_BASE_URL') ?? `http://localhost:${port}`),
    masterKey: parseMasterKey(env, dataDir),
    logLevel: logLevel as AppConfig['logLevel'],
    captcha: captcha === 'on',
    adminPassword,
    trustProxy: parseTrustProxy(env),
    allowPrivateWebhooks,
    allowPrivateVendors,
    vendorHosts,
    worker: worker === 'on',
    webDir: DEFAULT_WEB_DIR,
    retention: parseRetention(env),
    housekeepingMs: parseHousekeeping(env),
    ...parseMetrics(env, port),
  }
}

function parseMetrics (env: Env, port: number): Pick<AppConfig, 'metricsToken' | 'metricsPort'> {
  const token = value(env, 'KAQUAN_METRICS_TOKEN')
  if (token !== undefined && !/^[\x21-\x7e]{24,256}$/.test(token)) throw new ConfigError('KAQUAN_METRICS_TOKEN', 'at least 24 printable characters (openssl rand -base64 32)')
  const raw = value(env, 'KAQUAN_METRICS_PORT')
  let metricsPort: number | undefined
  if (raw !== undefined) {
    metricsPort = Number(raw)
    if (!/^\d{1,5}$/.test(raw) || metricsPort < 1 || metricsPort > 65535 || metricsPort === port) throw new ConfigError('KAQUAN_METRICS_PORT', 'a port 1-65535 other than PORT')
  }
  return { ...(token ? { metricsToken: token } : {}), ...(metricsPort ? { metricsPort } : {}) }
}

/** KAQUAN_HOUSEKEEPING_SECONDS: how often the clean-up runs, 10 s to a day. */
function parseHousekeeping (env: Env): number {
  const raw = value(env, 'KAQUAN_HOUSEKEEPING_SECONDS')
  if (raw === undefined) return 600_000
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 10 || Number(raw) > 86_400) throw new ConfigError('KAQUAN_HOUSEKEEPING_SECONDS', 'expected 10-86400 seconds')
  return Number(raw) * 1000
}

const PER_DAY: Record<string, number> = { '': 1, d: 1, h: 24, min: 1440 }

/**
 * KAQUAN_RETENTION_DAYS=attempts=14,outbox=90,tracking=30 (any of them; days, or hours and
 * minutes with h and min, as a soak run uses: attempts=5min; 1 minute to 3650 days each).
 */
function parseRetention (env: Env): RetentionDays {
  const raw = value(env, 'KAQUAN_RETENTION_DAYS')
  const out = { ...DEFAULT_RETENTION }
  if (raw === undefined) return out
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(attempts|outbox|tracking)=(\d{1,7})(d|h|min|)$/.exec(part)
    const days = m ? Number(m[2]) / PER_DAY[m[3]] : NaN
    if (!m || !(days >= 1 / 1440 && days <= 3650)) {
      throw new ConfigError('KAQUAN_RETENTION_DAYS', 'expected attempts=N,outbox=N,tracking=N (any of them), each 1-3650 days (or hours and minutes: 12h, 30min; at least 1min)')
    }
    out[m[1] as keyof RetentionDays] = days
  }
  if (out.outbox < out.attempts) throw new ConfigError('KAQUAN_RETENTION_DAYS', 'outbox rows cannot be kept for less time than their attempts')
  return out
}
