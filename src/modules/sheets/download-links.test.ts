// Single-use download links for the card export: the console asks with its token, then the
// browser follows the link without one, so the file streams to disk.
import t from 'tap'
import ExcelJS from 'exceljs'
import { fixedClock } from '../../shared/clock.js'
import { redeemFixture } from '../../test-support/redeem-fixture.js'

async function readXlsx (buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

t.test('an export link works once, for 60 seconds, without a bearer token', async (t) => {
  const clock = fixedClock('2026-12-01T02:00:00Z')
  const f = await redeemFixture(t, { clock, quantity: 5 })
  const ask = (token: string, payload: object) => f.app.inject({ method: 'POST', url: '/api/v1/cards/export-link', headers: f.auth(token), payload })

  const made = await ask(f.token, { batch_no: f.batchNo, include_passwords: true })
  t.equal(made.statusCode, 201, made.body)
  const { url, expires_at: expiresAt } = made.json()
  t.match(url, /^\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/)
  t.equal(expiresAt, '2026-12-01T02:01:00.000Z', 'valid for 60 s')
  t.equal(await f.db('download_links').where({ id: url.split('/').pop() }).first(), undefined, 'the secret itself is not stored')

  const first = await f.app.inject({ method: 'GET', url })
  t.equal(first.statusCode, 200, 'no Authorization header needed')
  t.match(first.headers['content-disposition'], /attachment; filename\*=UTF-8''cards\.xlsx/)
  const rows = await readXlsx(first.rawPayload)
  t.equal(rows.length, 6, 'the header and the batch\'s 5 cards')
  t.same(rows[1].slice(1, 3), [f.cards[0].card_no, f.cards[0].password], 'with passwords, as asked')
  const audit = await f.db('audit_logs').where({ action: 'cards.export_secrets' }).first()
  t.match(JSON.parse(audit.summary), { rows: 5, filter: { batch_no: f.batchNo } }, 'audited as the admin who asked')
  t.equal(audit.actor_name, 'admin')

  const again = await f.app.inject({ method: 'GET', url })
  t.equal(again.statusCode, 404, 'a second use is refused')
  t.equal(again.json().code, 'download_link_invalid')
  t.match(again.json().message, '下载链接已失效')

  const late = (await ask(f.token, { format: 'zip' })).json().url as string
  clock.advance(60_001)
  t.equal((await f.app.inject({ method: 'GET', url: late })).statusCode, 404, 'expired after 60 s')
  t.equal(await f.db('download_links').count('* as n').first().then((r) => Number(r?.n)), 1, 'only the expired link is left')
  await ask(f.token, {})
  t.equal(await f.db('download_links').count('* as n').first().then((r) => Number(r?.n)), 1, 'expired links are cleared when a new one is made')

  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/downloads/' + 'A'.repeat(43) })).statusCode, 404, 'an unknown link')
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/cards/export-link', payload: {} })).statusCode, 401, 'asking needs a session')
})

t.test('the passwords need cards.export_secrets, on asking and again on use', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const create = await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'printer', name: '印刷对接', password: 'Printer12345-kq#Pw', permissions: ['cards.read', 'cards.export', 'cards.export_secrets'] } })
  t.equal(create.statusCode, 201, create.body)
  const adminId = create.json().id
  const token = await f.login('printer', 'Printer12345-kq#Pw')
  const ask = (payload: object) => f.app.inject({ method: 'POST', url: '/api/v1/cards/export-link', headers: f.auth(token), payload })

  const link = (await ask({ include_passwords: true })).json().url as string
  const plain = (await ask({})).json().url as string
  const patch = await f.app.inject({ method: 'PATCH', url: `/api/v1/admins/${adminId}`, headers: f.auth(f.token), payload: { permissions: ['cards.read', 'cards.export'] } })
  t.equal(patch.statusCode, 200, patch.body)
  t.equal((await f.app.inject({ method: 'GET', url: link })).statusCode, 404, 'the permission went between asking and using: refused')
  t.equal((await f.app.inject({ method: 'GET', url: plain })).statusCode, 200, 'an export without passwords still works')

  const refused = await ask({ include_passwords: true })
  t.equal(refused.statusCode, 403, 'no link with passwords without cards.export_secrets')
  t.equal(refused.json().code, 'forbidden')
})
