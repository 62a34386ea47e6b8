import { readFileSync } from 'node:fs'
import t from 'tap'
import { PERMISSIONS } from '../modules/admins/permissions.js'
import { PERMISSION_LABELS } from './pages/admin/permissions.js'
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.mjs'

t.test('the committed src/web/pages/shared/api-types.ts is current (npm run api-types regenerates it)', async (t) => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8')
  const fresh = await generateApiTypes()
  t.ok(committed === fresh, 'src/web/pages/shared/api-types.ts is stale: run `npm run openapi` (it writes both) and commit the result')
})

t.test('the types follow the OpenAPI document: a new answer field appears in them', async (t) => {
  const doc = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
  const schema = doc.paths['/api/v1/redeem/{merchant_code}/verify'].post.responses['200'].content['application/json'].schema
  schema.properties.kq_probe_field = { type: 'string' }
  schema.required.push('kq_probe_field')
  t.match(await generateApiTypes(JSON.stringify(doc)), /verifyCard: \{[\s\S]*?kq_probe_field: string;/)
})

t.test('the console\'s permission labels are the API\'s (GET /api/v1/permissions serves the same table)', async (t) => {
  t.same(PERMISSION_LABELS, PERMISSIONS)
})
