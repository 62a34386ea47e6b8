// npm run bench:console — what the merchant console costs a browser, from the build
// (dist/web/.vite/manifest.json, written by `npm run build:web`): the JS + CSS of its first
// screen after login (the entry, the layout and the overview, with every chunk they import),
// gzipped, against the 350 kB target; then each other page's own chunk. The pickup page's first
// screen is printed beside it as the baseline a customer's phone loads.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { packageRoot } from '../../src/config.js'

interface Chunk { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; src?: string }

const dist = join(packageRoot(), 'dist', 'web')
if (!existsSync(join(dist, '.vite', 'manifest.json'))) throw new Error('no build to measure: run npm run build:web first')
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>
const gz = new Map<string, number>()
const gzipped = (file: string) => {
  let n = gz.get(file)
  if (n === undefined) { n = gzipSync(readFileSync(join(dist, file))).length; gz.set(file, n) }
  return n
}

/** Every file a chunk loads before it runs: itself, its CSS, and its static imports' (transitively). */
function closure (keys: string[], into = new Set<string>(), seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue
    seen.add(key)
    const c = manifest[key]
    if (!c) throw new Error(`not in the manifest: ${key}`)
    into.add(c.file)
    for (const css of c.css ?? []) into.add(css)
    closure(c.imports ?? [], into, seen)
  }
  return into
}
const kb = (files: Set<string>) => [...files].reduce((sum, f) => sum + gzipped(f), 0) / 1000
const split = (files: Set<string>) => {
  const js = [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipped(f), 0) / 1000
  return `JS ${js.toFixed(1)} kB + CSS ${(kb(files) - js).toFixed(1)} kB`
}
const key = (suffix: string) => {
  const k = Object.keys(manifest).find((name) => name.endsWith(suffix))
  if (!k) throw new Error(`no chunk for ${suffix}`)
  return k
}

const first = closure([key('admin.html'), key('admin/AdminLayout.vue'), key('admin/views/OverviewView.vue')])
const login = closure([key('admin.html'), key('admin/views/LoginView.vue')])
const pickup = closure([key('pickup.html')])
const TARGET = 350
process.stdout.write(`bench:console — gzipped sizes from the build (${dist})\n`)
process.stdout.write(`console first screen after login  ${kb(first).toFixed(1).padStart(6)} kB  (${split(first)}; ${first.size} files)  ${(kb(first) / TARGET).toFixed(2)}× the ${TARGET} kB target  ${(kb(first) / kb(pickup)).toFixed(2)}× the pickup page\n`)
process.stdout.write(`console login page                ${kb(login).toFixed(1).padStart(6)} kB  (${split(login)})\n`)
process.stdout.write(`pickup page first screen          ${kb(pickup).toFixed(1).padStart(6)} kB  (${split(pickup)})  baseline\n`)
const shared = first
for (const [name, c] of Object.entries(manifest)) {
  if (!/admin\/views\/.*\.vue$/.test(name) || name.endsWith('OverviewView.vue')) continue
  const own = new Set([...closure([name])].filter((f) => !shared.has(f)))
  process.stdout.write(`  then ${name.replace(/^.*views\//, '').padEnd(26)} ${kb(own).toFixed(1).padStart(6)} kB more  (${c.file})\n`)
}
