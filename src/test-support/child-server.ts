// A real server process for multi-process tests: `node <loader flags> child-server.ts '<json>'`
// where the JSON holds { database, dataDir }. Prints "PORT <n>" once listening.
import { buildApp } from '../app.js'
import type { DatabaseConfig } from '../config.js'
import { testConfig } from './build-test-app.js'

const { database, dataDir, worker } = JSON.parse(process.argv[2]) as { database: DatabaseConfig; dataDir: string; worker?: boolean }
const app = await buildApp({ config: testConfig(database, dataDir, { logLevel: 'silent' }) })
await app.listen({ port: 0, host: '127.0.0.1' })
if (worker) app.services.worker.start(50)
const address = app.server.address()
process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`)
process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
