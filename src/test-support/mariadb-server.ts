// A private MariaDB server for tests that must stop and start the database: its own data
// folder and port, so the server the rest of the suite uses is never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { freePort } from './http.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const MARIADBD = '/usr/sbin/mariadbd'
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p))

export const mariadbAvailable = existsSync(MARIADBD) && INSTALL_DB !== undefined

export interface PrivateMariadb {
  port: number
  /** mysql://root@127.0.0.1:port/kaquan (the database exists). */
  url: string
  start (): Promise<void>
  /** Stops the server (SIGTERM, waits for the process to end). */
  stop (): Promise<void>
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers. */
  freeze (): void
  /** Lets a frozen server run again (SIGCONT). */
  thaw (): void
}

async function waitForPort (port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net')
  const until = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => { s.destroy(); resolve(true) })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > until) throw new Error('mariadbd did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function startPrivateMariadb (t: { teardown (fn: () => unknown): void }): Promise<PrivateMariadb> {
  if (!mariadbAvailable) throw new Error('mariadbd is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-mariadb-'))
  const data = join(dir, 'data')
  const install = spawnSync(INSTALL_DB!, ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' })
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`)
  const port = await freePort()
  let child: ChildProcess | null = null

  const server: PrivateMariadb = {
    port,
    url: `mysql://root@127.0.0.1:${port}/kaquan`,
    async start () {
      if (child) return
      child = spawn(MARIADBD, [
        '--no-defaults', `--datadir=${data}`, '--user=root', `--port=${port}`, '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${join(dir, 'error.log')}`,
        '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--max-connections=200',
      ], { stdio: 'ignore' })
      await waitForPort(port, child, 30_000)
    },
    freeze () { child?.kill('SIGSTOP') },
    thaw () { child?.kill('SIGCONT') },
    async stop () {
      const c = child
      if (!c) return
      child = null
      if (c.exitCode !== null) return
      c.kill('SIGCONT')
      await new Promise<void>((resolve) => { c.once('exit', () => resolve()); c.kill('SIGTERM') })
    },
  }
  t.teardown(async () => {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  await server.start()
  const created = spawnSync('mysql', ['--protocol=tcp', '-h127.0.0.1', `-P${port}`, '-uroot', '-e', 'CREATE DATABASE kaquan CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'], { encoding: 'utf8' })
  if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`)
  return server
}
