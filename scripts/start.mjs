// `npm start`: compiles the TypeScript when the sources are newer than the last build, then
// runs the compiled JavaScript. `node scripts/start.mjs <command>` runs a compiled script
// instead (migrate, create-merchant, reset-admin-password).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureWebBuilt } from './build-web.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const stamp = join(root, 'dist', '.build-stamp')

function newest (path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue
    max = Math.max(max, newest(join(path, entry)))
  }
  return max
}

function sourcesNewer () {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  const inputs = ['src', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json']
    .map((p) => join(root, p)).filter(existsSync)
  return inputs.some((p) => newest(p) > built)
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
if (existsSync(tsc) && sourcesNewer()) {
  process.stdout.write('kaquan: compiling TypeScript…\n')
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
  writeFileSync(stamp, new Date().toISOString())
}

const command = process.argv[2] ?? 'server'
// The server serves the pages; without them it still serves the API (and says how to build them).
if (command === 'server' && !ensureWebBuilt()) process.stderr.write('kaquan: building the pickup pages failed; the API runs without them\n')

const commands = {
  server: 'dist/src/server.js',
  migrate: 'dist/scripts/migrate.js',
  'create-merchant': 'dist/scripts/create-merchant.js',
  'reset-admin-password': 'dist/scripts/reset-admin-password.js',
  openapi: 'dist/scripts/export-openapi.js',
  backup: 'dist/scripts/backup.js',
  restore: 'dist/scripts/restore.js',
  'bench-generate': 'dist/scripts/bench/generate.js',
  'bench-redeem': 'dist/scripts/bench/redeem.js',
  'bench-open': 'dist/scripts/bench/open.js',
  'bench-sheets': 'dist/scripts/bench/sheets.js',
  'bench-cards': 'dist/scripts/bench/cards.js',
  'bench-console': 'dist/scripts/bench/console.js',
  'bench-webhooks': 'dist/scripts/bench/webhooks.js',
  'bench-vouchers': 'dist/scripts/bench/vouchers.js',
}
if (!(command in commands)) {
  process.stderr.write(`unknown command ${command}; one of ${Object.keys(commands).join(', ')}\n`)
  process.exit(2)
}
if (process.argv[2] !== undefined) process.argv.splice(2, 1)
process.argv[1] = join(root, commands[command])
await import(pathToFileURL(join(root, commands[command])).href)
