// Operator CLI: a consistent backup of the embedded SQLite installation while the server runs.
//   npm run backup [-- --out backups/kaquan-2026-12-01.zip]
// The archive holds the database and the uploaded images, not the master key: keep the key
// (data/master.key or KAQUAN_MASTER_KEY) beside every backup, stored apart from it.
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../src/config.js'
import { BackupError, backupSqlite, sha256File } from '../src/ops/backup.js'

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  const config = loadConfig()
  if (config.database.client !== 'sqlite') {
    throw new BackupError('DATABASE_URL points at MySQL/MariaDB: back it up with the database\'s own tools, e.g. mysqldump --single-transaction --routines kaquan > kaquan.sql, plus the uploads folder and the master key (README "Backups")')
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const out = resolve(values.out ?? join(config.dataDir, 'backups', `kaquan-${stamp}.zip`))
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 })
  const started = Date.now()
  const manifest = await backupSqlite({ filename: config.database.filename, dataDir: config.dataDir, masterKey: config.masterKey, out })
  process.stdout.write(`backup written: ${out}\n` +
    `  ${manifest.tables.cards ?? 0} cards, ${manifest.tables.orders ?? 0} orders, ${manifest.uploads} uploaded images; migration ${manifest.migration}; ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
    `  sha256 ${await sha256File(out)}\n` +
    `  master key fingerprint ${manifest.master_key_fingerprint}: the key is NOT in the archive; keep it beside every backup, stored apart\n`)
} catch (err) {
  process.stderr.write(`kaquan backup: ${err instanceof ConfigError || err instanceof BackupError ? err.message : (err as Error).stack}\n`)
  process.exit(1)
}
