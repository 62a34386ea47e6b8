// `npm run migrate`: runs every pending migration against DATABASE_URL and exits.
import { ConfigError, loadConfig } from '../src/config.js'
import { createDb, migrateLatest } from '../src/shared/db.js'

try {
  const config = loadConfig()
  const db = createDb(config.database)
  await migrateLatest(db)
  const [done] = await db.migrate.currentVersion().then((v) => [v])
  process.stdout.write(`migrations current (version ${done})\n`)
  await db.destroy()
} catch (err) {
  process.stderr.write(`kaquan migrate: ${err instanceof ConfigError ? err.message : String((err as Error).stack ?? err)}\n`)
  process.exit(1)
}
