// `npm run openapi`: writes openapi/openapi.json from the route schemas. A test fails when
// the committed file differs from what this produces.
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../src/app.js'
import { DEFAULT_WEB_DIR, type AppConfig } from '../src/config.js'

/** The repository root: the nearest folder above this file (source or compiled) with a package.json. */
function repoRoot (): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir)
  return dir
}

export const OPENAPI_FILE = join(repoRoot(), 'openapi', 'openapi.json')

/** The OpenAPI document as committed: stable key order, two-space indentation, final newline. */
export async function generateOpenapi (): Promise<string> {
  const config: AppConfig = {
    port: 8080,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    database: { client: 'sqlite', filename: ':memory:' },
    publicBaseUrl: 'http://localhost:8080',
    masterKey: Buffer.alloc(32),
    logLevel: 'silent',
    captcha: true,
    trustProxy: false,
    allowPrivateWebhooks: false,
    allowPrivateVendors: false,
    vendorHosts: [],
    worker: false,
    webDir: DEFAULT_WEB_DIR,
  }
  const app = await buildApp({ config })
  await app.ready()
  const doc = app.swagger()
  await app.close()
  return JSON.stringify(doc, null, 2) + '\n'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(process.argv[2] ?? OPENAPI_FILE, await generateOpenapi())
  process.stdout.write(`wrote ${process.argv[2] ?? OPENAPI_FILE}\n`)
}
