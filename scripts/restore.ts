// Operator CLI: puts a backup from `npm run backup` back, on a stopped instance.
//   npm run restore -- backups/kaquan-2026-12-01.zip [--force]
// What the data folder held is moved aside (….before-restore-{time}), never deleted. The
// instance must run with the master key the backup was made under.
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../src/config.js'
import { BackupError, restoreSqlite } from '../src/ops/backup.js'

try {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true })
  if (positionals.length !== 1) throw new BackupError('usage: npm run restore -- <backup.zip> [--force]')
  const config = loadConfig()
  if (config.database.client !== 'sqlite') throw new BackupError('DATABASE_URL points at MySQL/MariaDB: restore it with the database\'s own tools (README "Backups")')
  const r = await restoreSqlite({ archive: positionals[0], filename: config.database.filename, dataDir: config.dataDir, masterKey: config.masterKey, force: values.force })
  process.stdout.write(`restored the backup of ${r.manifest.created_at} (${r.manifest.tables.cards ?? 0} cards, ${r.manifest.tables.orders ?? 0} orders, ${r.manifest.uploads} uploaded images) into ${config.dataDir}\n` +
    (r.movedAside.length ? `  moved aside: ${r.movedAside.join(', ')}\n` : '') +
    '  start the server as usual: it runs any newer migrations\n')
} catch (err) {
  process.stderr.write(`kaquan restore: ${err instanceof ConfigError || err instanceof BackupError ? err.message : (err as Error).stack}\n`)
  process.exit(1)
}
