import t from 'tap'
import { chmodSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp, logError, redactUrl } from './app.js'
import { ENV_VARIABLES } from './config.js'
import { createDb, migrateLatest } from './shared/db.js'
import { buildTestApp, createTestDatabase, LogCapture, onMysql, testConfig } from './test-support/build-test-app.js'
import { generateOpenapi, OPENAPI_FILE } from '../scripts/export-openapi.js'

const root = join(import.meta.dirname, '..')

t.test('one error model: invalid JSON, too large, unknown route, validation, 500', async (t) => {
  const database = await createTestDatabase(t)
  const config = testConfig(database.config, database.dir)
  const db = createDb(config.database)
  await migrateLatest(db)
  const logs = new LogCapture()
  const app = await buildApp({ config, overrides: { db, logStream: logs } })
  app.get('/boom', async () => { throw new Error('secret internals: table cards') })
  t.teardown(async () => { await app.close(); await db.destroy() })
  await app.ready()

  const json = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' })
  t.equal(json.statusCode, 400)
  t.equal(json.json().code, 'invalid_json')
  t.ok(json.json().request_id)
  t.equal(json.headers['x-request-id'], json.json().request_id)

  const big = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(1024 * 1024 + 10) }) })
  t.equal(big.statusCode, 413)
  t.equal(big.json().code, 'payload_too_large')

  const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
  t.equal(missing.statusCode, 404)
  t.same(Object.keys(missing.json()).sort(), ['code', 'message', 'request_id'])
  t.equal(missing.json().code, 'not_found')

  const invalid = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } })
  t.equal(invalid.statusCode, 422)
  t.equal(invalid.json().code, 'validation_failed')
  t.same(invalid.json().details, [{ path: '/password', message: invalid.json().details[0].message }])
  t.match(invalid.json().details[0].message, /[\u4e00-\u9fa5]/, 'details in Chinese')
  t.match(invalid.json().message, /[\u4e00-\u9fa5]/)

  const boom = await app.inject({ method: 'GET', url: '/boom' })
  t.equal(boom.statusCode, 500)
  t.equal(boom.json().code, 'internal_error')
  t.notOk(boom.body.includes('secret internals'), '500 hides its message')
  t.ok(logs.text().includes('secret internals'), 'but the log keeps it')
  t.ok(logs.text().includes(boom.json().request_id), 'log lines carry the request id')
})

t.test('health and readiness', async (t) => {
  const { app, db } = await buildTestApp(t)
  t.same((await app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' })
  t.same((await app.inject({ method: 'GET', url: '/readyz' })).json(), { status: 'ready' })
  await db.migrate.rollback({ migrationSource: (await import('../migrations/index.js')).migrationSource }, true)
  const stale = await app.inject({ method: 'GET', url: '/readyz' })
  t.equal(stale.statusCode, 503)
  t.equal(stale.json().code, 'not_ready')
})

t.test('swagger UI and document are served', async (t) => {
  const { app } = await buildTestApp(t)
  const ui = await app.inject({ method: 'GET', url: '/docs/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
  const doc = await app.inject({ method: 'GET', url: '/docs/json' })
  t.ok(doc.json().paths['/api/v1/auth/login'])
})

t.test('the committed openapi/openapi.json is current (npm run openapi regenerates it)', async (t) => {
  const committed = readFileSync(OPENAPI_FILE, 'utf8')
  const fresh = await generateOpenapi()
  t.ok(committed === fresh, 'openapi/openapi.json is stale: run `npm run openapi` and commit the result')
  const doc = JSON.parse(fresh)
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>)) {
    for (const [method, op] of Object.entries(ops)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`)
      t.ok(op.tags?.length, `${method} ${path} has tags`)
    }
  }
})

t.test('docker/compose.yaml passes every variable config.ts reads', async (t) => {
  const compose = readFileSync(join(root, 'docker', 'compose.yaml'), 'utf8')
  for (const name of ENV_VARIABLES) t.match(compose, new RegExp(`\\b${name}\\b`), `compose.yaml names ${name}`)
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  for (const name of ENV_VARIABLES) t.match(readme, new RegExp(`\\b${name}\\b`), `README documents ${name}`)
  const source = readFileSync(join(root, 'src', 'config.ts'), 'utf8')
  const read = new Set([...source.matchAll(/value\(env, '([A-Z_]+)'\)/g)].map((m) => m[1]))
  t.same([...read].sort(), [...ENV_VARIABLES].sort(), 'ENV_VARIABLES lists exactly what config.ts reads')
})

t.test('secrets in query strings are masked in the request log', async (t) => {
  t.equal(redactUrl('/api/v1/redeem/x/orders/1?token=abc.def&x=1'), '/api/v1/redeem/x/orders/1?token=[Redacted]&x=1')
  t.equal(redactUrl('/a?password=123456'), '/a?password=[Redacted]')
  t.equal(redactUrl('/api/v1/downloads/dl_9f8e7d6c5b4a?x=1'), '/api/v1/downloads/[Redacted]?x=1', 'a single-use download link is a secret until used')
  t.equal(redactUrl('/a?pass%77ord=123456&Password=x&%70assword=y'), '/a?pass%77ord=[Redacted]&Password=[Redacted]&%70assword=[Redacted]', 'names are compared decoded and in any case')
  t.equal(redactUrl('/a?x=%E4%BD%A0&bad=%zz'), '/a?x=%E4%BD%A0&bad=%zz', 'the rest stays as it was')
  t.equal(redactUrl('/hooks/couriers/sf/default/sEcReTtOkEn123?x=1'), '/hooks/couriers/sf/default/[Redacted]?x=1', 'the SF push token in the path')
  const { app, logs } = await buildTestApp(t)
  await app.inject({ method: 'GET', url: '/healthz?token=topsecret99', headers: { authorization: 'Bearer hunter2hunter2' } })
  await app.inject({ method: 'GET', url: '/nope?password=topsecret98' })
  await app.inject({ method: 'GET', url: '/nope?pass%77ord=topsecret97' })
  await app.inject({ method: 'POST', url: '/hooks/couriers/sf/default/topsecret96', payload: {} })
  t.notOk(logs.text().includes('topsecret'), 'no query secret in the log')
  t.notOk(logs.text().includes('hunter2hunter2'), 'no bearer token in the log')
})

t.test('first start creates the default merchant and owner once', async (t) => {
  const database = await createTestDatabase(t)
  const config = testConfig(database.config, database.dir, { adminPassword: undefined })
  const db = createDb(config.database)
  await migrateLatest(db)
  const app = await buildApp({ config, overrides: { db, logStream: new LogCapture() } })
  t.teardown(async () => { await app.close(); await db.destroy() })
  const [a, b] = await Promise.all([app.services.merchants.ensureDefault(undefined), app.services.merchants.ensureDefault(undefined)])
  const created = [a, b].filter((r) => r.created)
  t.equal(created.length, 1, 'concurrent first starts create one merchant')
  const password = created[0].generated_password!
  t.match(password, /^[A-Za-z0-9]{16}$/)
  t.same((await app.services.merchants.ensureDefault(undefined)), { created: false })
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } })
  t.equal(res.statusCode, 200, 'the printed password logs in')
  t.equal((await db('merchants')).length, 1)
  const m = await db('merchants').first()
  t.equal(m.code, 'default')
  t.equal(m.timezone, 'Asia/Shanghai')
  t.notOk(m.pepper_enc.includes('pending'), 'the pepper is stored encrypted')
  t.equal((await app.services.merchants.pepper(m.id)).length, 32)
})

t.test('the embedded database is readable by its owner only, like the master key', { skip: onMysql ? 'SQLite only' : false }, async (t) => {
  const database = await createTestDatabase(t)
  const { db } = await buildTestApp(t, { database })
  await db('merchants').first()
  const file = (database.config as { filename: string }).filename
  for (const f of [file, `${file}-wal`]) t.equal(statSync(f).mode & 0o777, 0o600, `${f.split('/').pop()} is 0600`)
  // An older install left it 0644: the next start tightens it.
  chmodSync(file, 0o644)
  const again = createDb(database.config)
  await again('merchants').first()
  await again.destroy()
  t.equal(statSync(file).mode & 0o777, 0o600)
})

t.test('a database error is logged without the statement and its values', async (t) => {
  const mysqlLike = Object.assign(new Error("insert into `orders` (`consignee_name`, `consignee_phone`) values ('张三', '13800138000') - Duplicate entry 'x' for key 'orders_order_no_unique'"), {
    code: 'ER_DUP_ENTRY', errno: 1062, sqlMessage: "Duplicate entry 'x' for key 'orders_order_no_unique'", sql: "insert into `orders` … '13800138000'",
  })
  mysqlLike.stack = `Error: ${mysqlLike.message}\n    at Runner.query (knex/lib/execution/runner.js:1:1)`
  const sqliteLike = Object.assign(new Error("insert into `import_reports` (`problems`) values ('[{\"row\":2}]') - SQLITE_TOOBIG: string or blob too big"), { code: 'SQLITE_TOOBIG' })
  for (const err of [mysqlLike, sqliteLike]) {
    const logged = JSON.stringify(logError(err))
    t.notMatch(logged, /13800138000|张三|\[\{/, 'no value of the statement')
    t.notMatch(logged, /insert into/, 'no statement')
  }
  t.equal(logError(mysqlLike).message, "Duplicate entry 'x' for key 'orders_order_no_unique'")
  t.equal(logError(sqliteLike).message, 'SQLITE_TOOBIG: string or blob too big')
  t.equal(logError(new Error('x'.repeat(10_000))).message.length, 2000, 'any message is bounded')
})
