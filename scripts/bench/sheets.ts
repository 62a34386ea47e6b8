// npm run bench:sheets — (1) export 1,000,000 cards with passwords through the service
// (keyset pages, decryption while streaming) against a bare ExcelJS streaming write of the same
// number of rows; (2) import 100,000 cards. Each phase in its own process for peak RSS.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { buildApp } from '../../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig } from '../../src/config.js'
import { migrateLatest } from '../../src/shared/db.js'

const EXPORT_N = Number(process.env.BENCH_CARDS ?? 1_000_000)
const IMPORT_N = Number(process.env.BENCH_IMPORT ?? 100_000)
const self = fileURLToPath(import.meta.url)

class Sink extends Writable {
  bytes = 0
  override _write (chunk: Buffer, _e: string, done: () => void): void { this.bytes += chunk.length; done() }
}

function config (dir: string): AppConfig {
  return {
    port: 0, host: '127.0.0.1', dataDir: dir, database: { client: 'sqlite', filename: join(dir, 'kaquan.sqlite') }, publicBaseUrl: 'http://localhost',
    masterKey: Buffer.alloc(32, 6), logLevel: 'warn', captcha: false, trustProxy: false, allowPrivateWebhooks: false, allowPrivateVendors: false, vendorHosts: [], worker: false, webDir: DEFAULT_WEB_DIR, adminPassword: 'Bench-Admin-2026!',
  }
}

const actor = { type: 'system' as const, id: null, name: 'bench', ip: null }

async function app (dir: string) {
  const a = await buildApp({ config: config(dir) })
  await migrateLatest(a.db)
  await a.services.merchants.ensureDefault('Bench-Admin-2026!')
  return { a, merchant: (await a.services.merchants.findByCode('default'))! }
}

async function phase (name: string, dir: string): Promise<number> {
  const start = () => process.hrtime.bigint()
  const secs = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9
  if (name === 'prepare') {
    const { a, merchant } = await app(dir)
    const p = await a.services.catalog.create(merchant.id, { name: '苹果礼盒' }, actor)
    await a.services.batches.create(merchant.id, { product_ids: [p.id], quantity: EXPORT_N, prefix: 'X', number_length: 10 }, actor)
    await a.services.batches.runPending()
    await a.close()
    return 0
  }
  if (name === 'export') {
    const { a, merchant } = await app(dir)
    const sink = new Sink()
    const t = start()
    await a.services.sheets.exportCards(sink, merchant.id, {}, { passwords: true, format: 'xlsx' }, actor)
    const s = secs(t)
    await a.close()
    process.stderr.write(`export wrote ${(sink.bytes / 1e6).toFixed(0)} MB\n`)
    return s
  }
  if (name === 'bare') {
    const sink = new Sink()
    const t = start()
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false })
    let ws = wb.addWorksheet('卡券')
    for (let i = 0; i < EXPORT_N; i++) {
      if (i > 0 && i % 1_048_575 === 0) { ws.commit(); ws = wb.addWorksheet(`卡券${i}`) }
      ws.addRow([i + 1, `X${String(i + 1).padStart(10, '0')}`, '1234567890', 388, null, null, 'B202611230001', '苹果礼盒', '未激活', '', `http://localhost/r/default?c=X${i}`]).commit()
    }
    ws.commit()
    await wb.commit()
    return secs(t)
  }
  // import
  const { a, merchant } = await app(join(dir, 'import'))
  const p = await a.services.catalog.create(merchant.id, { name: '苹果礼盒' }, actor)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('卡券')
  ws.addRow(['card_no', 'password'])
  for (let i = 0; i < IMPORT_N; i++) ws.addRow([`IM${String(i).padStart(8, '0')}`, String(1000000000 + i)])
  const file = Buffer.from(await wb.xlsx.writeBuffer())
  const t = start()
  const r = await a.services.sheets.importCards(merchant.id, file, { product_ids: [p.id] }, actor)
  const s = secs(t)
  if (r.imported !== IMPORT_N) throw new Error(JSON.stringify(r.problems.slice(0, 3)))
  await a.close()
  return s
}

function child (name: string, dir: string): { seconds: number; rss_mb: number } {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--phase', name, dir], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`)
  process.stderr.write(r.stderr)
  return JSON.parse(r.stdout.trim().split('\n').pop()!)
}

const phaseArg = process.argv.indexOf('--phase')
if (phaseArg > 0) {
  const seconds = await phase(process.argv[phaseArg + 1], process.argv[phaseArg + 2])
  process.stdout.write(JSON.stringify({ seconds, rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n')
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-sheets-'))
  try {
    process.stdout.write(`bench:sheets — export ${EXPORT_N.toLocaleString('en')} cards with passwords, import ${IMPORT_N.toLocaleString('en')} cards\n`)
    child('prepare', dir)
    const bare = child('bare', dir)
    const exp = child('export', dir)
    const imp = child('import', dir)
    process.stdout.write(`bare ExcelJS  ${bare.seconds.toFixed(2).padStart(6)} s  peak RSS ${bare.rss_mb} MB\n`)
    process.stdout.write(`export        ${exp.seconds.toFixed(2).padStart(6)} s  peak RSS ${exp.rss_mb} MB  ${(exp.seconds / bare.seconds).toFixed(2)}× bare (target ≤ 30 s, ≤ 300 MB)\n`)
    process.stdout.write(`import        ${imp.seconds.toFixed(2).padStart(6)} s  peak RSS ${imp.rss_mb} MB  ${(IMPORT_N / imp.seconds).toFixed(0)} rows/s (target ≤ 30 s)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
