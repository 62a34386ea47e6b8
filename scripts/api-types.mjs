// `npm run api-types` (and `npm run openapi`, after the document): writes src/web/pages/shared/api-types.ts, the TypeScript types of
// openapi/openapi.json (openapi-typescript), which the pages' shared/types.ts names. A test
// (src/web/api-types.test.ts) fails when the committed file differs from what this produces.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export const OPENAPI_FILE = join(root, 'openapi', 'openapi.json')
export const API_TYPES_FILE = join(root, 'src', 'web', 'pages', 'shared', 'api-types.ts')

const HEADER = '// Generated from openapi/openapi.json by `npm run api-types` (openapi-typescript): do not edit.\n' +
  '// The pages read these through the names in ./types.ts.\n\n'

/** The types file as committed, from the OpenAPI document's text. */
export async function generateApiTypes (openapi = readFileSync(OPENAPI_FILE, 'utf8')) {
  const ast = await openapiTS(JSON.parse(openapi), { silent: true })
  return HEADER + astToString(ast)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(API_TYPES_FILE, await generateApiTypes())
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`)
}
