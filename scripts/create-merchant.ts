// Operator CLI: creates a merchant with its first admin (the owner, holding every permission).
//   npm run merchant:create -- --code fruitshop --name "鲜果铺" --admin boss [--password Secret123] [--timezone Asia/Shanghai]
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../src/config.js'
import { createDb, migrateLatest } from '../src/shared/db.js'
import { systemClock } from '../src/shared/clock.js'
import { createMerchantsService } from '../src/modules/merchants/merchants.service.js'

const usage = 'usage: npm run merchant:create -- --code <slug> --name <name> --admin <username> [--password <pw>] [--timezone <IANA zone>]'

try {
  const { values } = parseArgs({
    options: {
      code: { type: 'string' }, name: { type: 'string' }, admin: { type: 'string' },
      password: { type: 'string' }, timezone: { type: 'string' },
    },
  })
  if (!values.code || !values.name || !values.admin) throw new Error(usage)
  if (!/^[A-Za-z0-9]{3,32}$/.test(values.admin)) throw new Error('admin username: letters and digits, 3-32')
  // The password rule (10+ characters, symbols welcome, not a common one) is the service's, as for every admin.
  if (values.timezone) new Intl.DateTimeFormat('en', { timeZone: values.timezone })
  const config = loadConfig()
  const db = createDb(config.database)
  await migrateLatest(db)
  const merchants = createMerchantsService({ db, masterKey: config.masterKey, clock: systemClock })
  const r = await merchants.create({
    code: values.code, name: values.name, timezone: values.timezone, admin_username: values.admin, admin_password: values.password,
  })
  await db.destroy()
  process.stdout.write(`merchant ${values.code} created (id ${r.merchant_id}); admin "${values.admin}"` +
    (r.generated_password ? ` with password ${r.generated_password} (shown only this once)` : '') + '\n')
} catch (err) {
  process.stderr.write(`kaquan create-merchant: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`)
  process.exit(1)
}
