// `npm run backup` in a process of its own, for the backup test: `node <loader flags>
// backup-child.ts '<json>'` with { filename, dataDir, masterKey (base64), out }; prints the
// manifest as JSON. It prints "LOADED" when its modules are loaded and starts 1.5 s later, so
// the test can have traffic running when the copy is taken.
import { backupSqlite } from '../ops/backup.js'

const o = JSON.parse(process.argv[2]) as { filename: string; dataDir: string; masterKey: string; out: string }
process.stdout.write('LOADED\n')
await new Promise((resolve) => setTimeout(resolve, 1500))
const manifest = await backupSqlite({ ...o, masterKey: Buffer.from(o.masterKey, 'base64') })
process.stdout.write(JSON.stringify(manifest) + '\n')
