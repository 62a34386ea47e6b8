// Operator CLI: a new random password, printed once, for an admin who cannot log in (forgotten, locked out).
//   npm run admin:reset-password -- --merchant default --username admin
// The password is random (like the first admin's), printed once to the terminal and never
// logged; every session of the admin ends, the login lock is lifted, the audit log records it.
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../src/config.js'
import { createDb, migrateLatest } from '../src/shared/db.js'
import { systemClock } from '../src/shared/clock.js'
import { AppError } from '../src/shared/errors.js'
import { createAdminsService } from '../src/modules/admins/admins.service.js'
import { createMerchantsService } from '../src/modules/merchants/merchants.service.js'

const usage = 'usage: npm run admin:reset-password -- --merchant <code> --username <username>'

try {
  const { values } = parseArgs({ options: { merchant: { type: 'string', default: 'default' }, username: { type: 'string' } } })
  if (!values.username) throw new Error(usage)
  const config = loadConfig()
  const db = createDb(config.database)
  try {
    await migrateLatest(db)
    const merchants = createMerchantsService({ db, masterKey: config.masterKey, clock: systemClock })
    const admins = createAdminsService({ db, clock: systemClock, merchants })
    const r = await admins.operatorReset(values.merchant!, values.username)
    process.stdout.write(`\n  Kaquan: merchant "${values.merchant}", admin "${values.username}", new password ${r.password}  (shown only this once; change it after logging in)\n` +
      '  Every session of this admin has ended.' + (r.status === 'disabled' ? ' The account is disabled: another admin must enable it.' : '') + '\n\n')
  } finally {
    await db.destroy()
  }
} catch (err) {
  const message = err instanceof ConfigError || err instanceof AppError ? err.message : (err as Error).message
  process.stderr.write(`kaquan admin:reset-password: ${message}\n`)
  process.exit(1)
}
