import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { DatabaseConfig } from '../config.js'

/** Starts a server in its own process on the given database; resolves with its base URL. */
export async function startServerProcess (t: { teardown (fn: () => unknown): void }, database: DatabaseConfig, dataDir: string, opts: { worker?: boolean } = {}): Promise<{ url: string; child: ChildProcess }> {
  const script = join(import.meta.dirname, `child-server${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`)
  const child = spawn(process.execPath, [...process.execArgv, script, JSON.stringify({ database, dataDir, worker: opts.worker ?? false })], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => { child.kill('SIGKILL') })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PORT (\d+)/.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.on('exit', (code) => reject(new Error(`server process exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, child }
}
