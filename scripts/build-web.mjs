// Builds the pickup and staff pages (src/web/pages → dist/web) with Vite when they are missing
// or older than their sources. `npm start` calls it before starting the server; tap runs it
// once before the test files (package.json "tap.before"); `npm run build:web` (--force) always.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'web')
const stamp = join(out, '.build-stamp')
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')

function newest (path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

function stale () {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return [join(root, 'src', 'web', 'pages'), join(root, 'package-lock.json')].filter(existsSync).some((p) => newest(p) > built)
}

/** Returns true when the pages are there (built now or before). */
export function ensureWebBuilt ({ force = false, log = (m) => process.stdout.write(m) } = {}) {
  if (!force && !stale()) return true
  if (!existsSync(vite)) {
    // A production install (npm ci --omit=dev) cannot build; the API still runs.
    log(`kaquan: the pickup pages are not built and Vite is not installed (run npm install, then npm run build:web)\n`)
    return existsSync(join(out, 'pickup.html'))
  }
  log('kaquan: building the pickup pages…\n')
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'src', 'web', 'pages', 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root })
  if (r.status !== 0) return false
  writeFileSync(stamp, new Date().toISOString())
  return true
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(ensureWebBuilt({ force: process.argv.includes('--force') }) ? 0 : 1)
}
