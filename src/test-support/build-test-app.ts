// Test harness: every test file gets its own database (a temporary SQLite file, or a fresh
// MySQL database when TEST_MYSQL_URL is set) and a real app built by buildApp.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { Knex } from 'knex'
import { buildApp } from '../app.js'
import type { Overrides } from '../plugins/services.js'
import { DEFAULT_WEB_DIR, type AppConfig, type DatabaseConfig } from '../config.js'
import type { Clock } from '../shared/clock.js'
import { createDb, migrateLatest } from '../shared/db.js'
import { cloneMysql, cloneSqlite, mysqlAdmin } from './template-db.js'

export const ADMIN_PASSWORD = 'Kaquan-Test-Admin-2026'

// The test harness, not the application, decides which database a suite runs on.
const mysqlUrl = process.env.TEST_MYSQL_URL

interface Tap {
  teardown (fn: () => unknown): void
}

export const onMysql = Boolean(mysqlUrl)

/**
 * A fresh database for one test file, dropped when the file ends: migrated (a copy of the
 * migrated template), or with `empty` one without a single table (tests of the migrations).
 */
export async function createTestDatabase (t: Tap, opts: { empty?: boolean } = {}): Promise<{ config: DatabaseConfig; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  if (!mysqlUrl) {
    const filename = join(dir, 'kaquan.sqlite')
    if (!opts.empty) await cloneSqlite(filename)
    return { config: { client: 'sqlite', filename }, dir }
  }
  const name = `kq_test_${randomBytes(6).toString('hex')}`
  const admin = mysqlAdmin(mysqlUrl)
  if (opts.empty) await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  else await cloneMysql(admin, mysqlUrl, name)
  t.teardown(async () => {
    await admin.raw(`DROP DATABASE IF EXISTS \`${name}\``)
    await admin.destroy()
  })
  const url = new URL(mysqlUrl)
  url.pathname = `/${name}`
  return { config: { client: 'mysql', url: url.toString() }, dir }
}

export function testConfig (database: DatabaseConfig, dataDir: string, patch: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    database,
    publicBaseUrl: 'http://kaquan.test',
    masterKey: Buffer.alloc(32, 7),
    logLevel: 'info',
    captcha: false,
    adminPassword: ADMIN_PASSWORD,
    trustProxy: false,
    allowPrivateWebhooks: true,
    // Tests talk to local fake servers on 127.0.0.1; a test of the guard sets the strict values.
    allowPrivateVendors: true,
    vendorHosts: ['127.0.0.1', 'localhost', '[::1]'],
    worker: false,
    webDir: DEFAULT_WEB_DIR,
    ...patch,
  }
}

/** Collects every log line an app writes, so tests can check what reached the log. */
export class LogCapture extends Writable {
  readonly lines: string[] = []
  override _write (chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    done()
  }

  text (): string { return this.lines.join('\n') }
}

export interface TestApp {
  app: FastifyInstance
  db: Knex
  config: AppConfig
  logs: LogCapture
  /** Logs in and returns the bearer token. */
  login (username?: string, password?: string, merchantCode?: string): Promise<string>
  /** Headers for an authenticated request. */
  auth (token: string): { authorization: string }
}

export interface TestAppOptions {
  config?: Partial<AppConfig>
  clock?: Clock
  overrides?: Omit<Overrides, 'db' | 'clock'>
  /** Share a database with another app of the same test (several instances). */
  database?: { config: DatabaseConfig; dir: string }
}

export async function buildTestApp (t: Tap, opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? await createTestDatabase(t)
  const config = testConfig(database.config, database.dir, opts.config)
  const db = createDb(config.database)
  await migrateLatest(db)
  const logs = new LogCapture()
  const app = await buildApp({ config, overrides: { ...opts.overrides, db, clock: opts.clock, logStream: logs } })
  t.teardown(async () => {
    await app.close()
    await db.destroy()
  })
  await app.ready()
  await app.services.merchants.ensureDefault(config.adminPassword)

  async function login (username = 'admin', password = ADMIN_PASSWORD, merchantCode?: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(merchantCode ? { merchant_code: merchantCode } : {}) } })
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
    return res.json().token as string
  }
  return { app, db, config, logs, login, auth: (token) => ({ authorization: `Bearer ${token}` }) }
}
