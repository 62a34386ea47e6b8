// The real server process (src/server.ts: timers, worker, close-with-grace) on a private
// MariaDB that is stopped for a while and started again: the process must live through it,
// tell callers the database is away (503, not a hang and not a crash) and serve again by
// itself once the database is back; and frozen (SIGSTOP: connections open, no answer), /readyz
// and requests answer 503 within their bounds instead of hanging.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { onMysql } from './test-support/build-test-app.js'
import { freePort } from './test-support/http.js'
import { mariadbAvailable, startPrivateMariadb } from './test-support/mariadb-server.js'

// The private server needs Debian's mariadb-server, which CI installs before the MariaDB run.
if (!onMysql || !mariadbAvailable) {
  t.pass('runs in the MariaDB suite, with mariadbd installed')
} else {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  async function get (url: string): Promise<{ status: number; body: any; ms: number }> {
    const started = Date.now()
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
    const text = await res.text()
    let body: unknown = text
    try { body = JSON.parse(text) } catch {}
    return { status: res.status, body, ms: Date.now() - started }
  }

  t.test('a database outage of several seconds: the process lives, answers 503, and serves again without a restart', async (t) => {
    const db = await startPrivateMariadb(t)
    const dataDir = mkdtempSync(join(tmpdir(), 'kaquan-outage-'))
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'server.ts')], {
      env: {
        ...process.env, DATABASE_URL: db.url, KAQUAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1',
        KAQUAN_CAPTCHA: 'off', KAQUAN_ADMIN_PASSWORD: 'Qx7vN2pLm9Tz', LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr!.on('data', (d: Buffer) => { output += d.toString() })
    t.teardown(() => { child.kill('SIGKILL') })
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; !output.includes('server.started'); i++) {
      if (child.exitCode !== null || i > 600) throw new Error(`server did not start:\n${output}`)
      await sleep(100)
    }
    t.equal((await get(`${base}/readyz`)).status, 200, 'ready before the outage')

    await db.stop()
    // Longer than every background loop's period that touches the database at idle (the
    // batch runner every 5 s, the outbox worker every second).
    for (let s = 0; s < 12; s++) {
      await sleep(1000)
      if (child.exitCode !== null) break
    }
    t.equal(child.exitCode, null, 'the process is still running after 12 s without its database')
    t.equal((await get(`${base}/healthz`)).status, 200, '/healthz still answers')
    const ready = await get(`${base}/readyz`)
    t.equal(ready.status, 503, '/readyz says not ready')
    t.equal(ready.body.code, 'not_ready')
    const config = await get(`${base}/api/v1/redeem/default/config`)
    t.equal(config.status, 503, 'a request that needs the database is a 503')
    t.equal(config.body.code, 'database_unavailable')
    t.notMatch(JSON.stringify(config.body), /ECONNREFUSED|at .*\.js|Knex/, 'no driver detail or stack reaches the caller')

    await db.start()
    let back = false
    for (let i = 0; i < 60 && !back; i++) {
      back = (await get(`${base}/readyz`)).status === 200
      if (!back) await sleep(500)
    }
    t.ok(back, 'ready again within 30 s of the database returning')
    t.equal((await get(`${base}/api/v1/redeem/default/config`)).status, 200, 'serves again without a restart')
    t.equal(child.exitCode, null)
    t.notMatch(output, /server\.crashed/, 'close-with-grace never saw an unhandled error')

    // Frozen, not gone: connections stay open and nothing answers.
    db.freeze()
    const frozenReady = await get(`${base}/readyz`)
    t.equal(frozenReady.status, 503, '/readyz says not ready while the database is frozen')
    t.ok(frozenReady.ms < 5000, `and answers in ${frozenReady.ms} ms (its bound is 3 s), not when the database wakes`)
    const frozen = await get(`${base}/api/v1/redeem/default/config`)
    t.equal(frozen.status, 503, 'a request that needs the frozen database is a 503')
    t.equal(frozen.body.code, 'database_unavailable')
    t.ok(frozen.ms < 20_000, `after at most the statement bound (15 s): ${frozen.ms} ms`)
    db.thaw()
    let thawed = false
    for (let i = 0; i < 60 && !thawed; i++) {
      thawed = (await get(`${base}/api/v1/redeem/default/config`)).status === 200
      if (!thawed) await sleep(500)
    }
    t.ok(thawed, 'serves again once the database runs')
    t.equal(child.exitCode, null)
  })
}
