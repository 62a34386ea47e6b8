import t from 'tap'
import { unzip } from '../../test-support/zip.js'
import { request } from 'node:http'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { createProduct } from '../../test-support/factories.js'
import { multipart } from '../../test-support/http.js'

async function readXlsx (buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function xlsx (rows: unknown[][], opts: { formulaAt?: [number, number] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('卡券')
  rows.forEach((r, i) => {
    const row = ws.addRow(r)
    if (opts.formulaAt && opts.formulaAt[0] === i) row.getCell(opts.formulaAt[1]).value = { formula: 'A1&"1"', result: 'X1' } as ExcelJS.CellFormulaValue
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}


const importCards = (f: RedeemFixture, token: string, file: Buffer, fields: Record<string, string>) =>
  f.app.inject({ method: 'POST', url: '/api/v1/cards/import', ...(() => { const m = multipart(file, { fields }); return { payload: m.payload, headers: { ...m.headers, ...f.auth(token) } } })() })

t.test('export → import into another merchant: the cards verify with the same passwords', async (t) => {
  const f = await redeemFixture(t, { quantity: 30 })
  const res = await f.app.inject({ method: 'GET', url: `/api/v1/cards/export?batch_no=${f.batchNo}&include_passwords=true`, headers: f.auth(f.token) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /spreadsheetml/)
  const rows = await readXlsx(res.rawPayload)
  t.same(rows[0], ['卡序号', '卡号', '密码', '面值(元)', '有效期开始', '有效期结束', '批次', '可提商品', '状态', '券商', '二维码地址'])
  t.equal(rows.length, 31)
  t.same(rows[1].slice(1, 4), [f.cards[0].card_no, f.cards[0].password, 388])
  t.equal(rows[1][10], `http://kaquan.test/r/default?c=${f.cards[0].card_no}`)
  t.equal(rows[1][7], '苹果礼盒、桃子礼盒')
  const audit = await f.db('audit_logs').where({ action: 'cards.export_secrets' })
  t.equal(audit.length, 1, 'an export with passwords is audited')
  t.match(JSON.parse(audit[0].summary), { rows: 30, filter: { batch_no: f.batchNo } })
  t.notOk(f.logs.text().includes(f.cards[0].password), 'no password in the log')

  const other = await f.app.services.merchants.create({ code: 'other', name: '别家', admin_username: 'otherboss', admin_password: 'Other12345-kq#Pw' })
  const otherToken = await f.login('otherboss', 'Other12345-kq#Pw', 'other')
  const product = await createProduct(f, otherToken, '别家礼盒')
  const imported = await importCards(f, otherToken, res.rawPayload, { product_ids: String(product), activate: 'true', name: '导入批次' })
  t.equal(imported.statusCode, 200, imported.body)
  t.match(imported.json(), { imported: 30, problems: [] })
  const batch = await f.db('card_batches').where({ merchant_id: other.merchant_id, batch_no: imported.json().batch_no }).first()
  t.equal(batch.source, 'imported')
  const verify = await f.app.inject({ method: 'POST', url: '/api/v1/redeem/other/verify', payload: { card_no: f.cards[5].card_no, password: f.cards[5].password } })
  t.equal(verify.statusCode, 200, 'the imported card verifies with its password')
  t.equal(verify.json().card.face_value, 38800)
  const wrong = await f.app.inject({ method: 'POST', url: '/api/v1/redeem/other/verify', payload: { card_no: f.cards[5].card_no, password: '0000000000' } })
  t.equal(wrong.json().code, 'card_invalid')
})

t.test('without cards.export_secrets the password column is absent; QR codes decode to the card', async (t) => {
  const f = await redeemFixture(t, { quantity: 3 })
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'printer1', name: '印刷', password: 'Printer123-kq#Pw', permissions: ['cards.export'] } })
  const printer = await f.login('printer1', 'Printer123-kq#Pw')
  const plain = await f.app.inject({ method: 'GET', url: '/api/v1/cards/export', headers: f.auth(printer) })
  const rows = await readXlsx(plain.rawPayload)
  t.notOk(rows[0].includes('密码'), 'no password column')
  t.equal(rows[0].length, 10)
  const denied = await f.app.inject({ method: 'GET', url: '/api/v1/cards/export?include_passwords=true', headers: f.auth(printer) })
  t.equal(denied.statusCode, 403)
  t.equal((await f.db('audit_logs').where({ action: 'cards.export_secrets' })).length, 0)

  const zip = await f.app.inject({ method: 'GET', url: '/api/v1/cards/export?format=zip', headers: f.auth(printer) })
  t.equal(zip.statusCode, 200)
  const files = await unzip(zip.rawPayload)
  t.same([...files.keys()].sort(), ['cards.xlsx', ...f.cards.map((c) => `qr/${c.card_no}.png`)].sort())
  const png = PNG.sync.read(files.get(`qr/${f.cards[1].card_no}.png`)!)
  const code = (jsQRModule as unknown as typeof jsQRModule.default)(new Uint8ClampedArray(png.data), png.width, png.height)
  t.equal(code?.data, `http://kaquan.test/r/default?c=${f.cards[1].card_no}`, 'the QR code holds the pickup URL with the card number')
  t.equal((await readXlsx(files.get('cards.xlsx')!)).length, 4)
})

t.test('cells that begin with = + - @ are escaped', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PATCH', url: `/api/v1/products/${f.apple}`, headers: f.auth(f.token), payload: { name: '=HYPERLINK("http://evil")' } })
  await f.app.inject({ method: 'PATCH', url: `/api/v1/products/${f.peach}`, headers: f.auth(f.token), payload: { name: '@SUM(1)' } })
  const rows = await readXlsx((await f.app.inject({ method: 'GET', url: '/api/v1/cards/export', headers: f.auth(f.token) })).rawPayload)
  t.equal(rows[1][6], `'=HYPERLINK("http://evil")、@SUM(1)`)
  const products = await f.app.inject({ method: 'POST', url: '/api/v1/products', headers: f.auth(f.token), payload: { name: '+cmd' } })
  t.equal(products.statusCode, 201)
})

t.test('import: every error path reports per row and changes nothing', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const count = async () => Number((await f.db('cards').count({ n: '*' }).first())!.n)
  const before = await count()
  const fields = { product_ids: String(f.apple) }

  const notXlsx = await importCards(f, f.token, Buffer.from('card_no,password\nA1,123456'), fields)
  t.equal(notXlsx.statusCode, 422)
  t.equal(notXlsx.json().code, 'import_file_invalid')
  const headers = await importCards(f, f.token, await xlsx([['number', 'secret'], ['A1000', '123456']]), fields)
  t.equal(headers.json().code, 'import_headers_invalid')
  const noProducts = await importCards(f, f.token, await xlsx([['card_no', 'password'], ['A1000', '123456']]), {})
  t.equal(noProducts.json().code, 'product_ids_invalid')

  const bad = await importCards(f, f.token, await xlsx([
    ['card_no', 'password', 'face_value', 'valid_from', 'valid_to'],
    ['GOOD0001', 'Abc12345', 10, '', ''],
    ['x', '123456', '', '', ''],
    ['GOOD0002', '123', '', '', ''],
    ['GOOD0001', '123456', '', '', ''],
    [f.cards[0].card_no, '123456', '', '', ''],
    ['GOOD0003', '123456', 'ten', '2027-13-01', ''],
    ['GOOD0004', '123456', '', '2027-02-01', '2027-01-01'],
    ['GOOD0005', '123456', '', '', ''],
  ], { formulaAt: [8, 2] }), fields)
  t.equal(bad.statusCode, 422)
  t.equal(bad.json().code, 'import_rejected')
  const problems = bad.json().problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)
  t.same(problems, ['3:card_no', '4:password', '5:card_no', '6:card_no', '7:face_value', '7:valid_from', '8:valid_to', '9:*'])
  t.equal(await count(), before, 'nothing imported')
  const report = await f.app.inject({ method: 'GET', url: `/api/v1/imports/${bad.json().report_id}/report`, headers: f.auth(f.token) })
  const reportRows = await readXlsx(report.rawPayload)
  t.same(reportRows[0], ['行号', '列', '问题'])
  t.equal(reportRows.length, 9)

  const good = await xlsx([['card_no', 'password'], ['NEW00001', '123456'], ['NEW00002', 'ABCDEF12']])
  const dry = await importCards(f, f.token, good, { ...fields, dry_run: 'true' })
  t.match(dry.json(), { imported: 0, rows: 2, dry_run: true, problems: [] })
  t.equal(await count(), before, 'a dry run imports nothing')
  t.equal((await importCards(f, f.token, good, fields)).json().imported, 2)
  t.equal(await count(), before + 2)

  const big = await importCards(f, f.token, Buffer.alloc(21 * 1024 * 1024, 1), fields)
  t.equal(big.statusCode, 413)
  t.equal(big.json().code, 'import_file_too_large')
  const template = await f.app.inject({ method: 'GET', url: '/api/v1/cards/import-template', headers: f.auth(f.token) })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer)
  t.same(wb.worksheets.map((w) => w.name), ['卡券', '说明'])
})

t.test('a zip bomb is refused before it is read', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const { ZipArchive } = await import('archiver')
  const zip = new ZipArchive({ zlib: { level: 9 } })
  const chunks: Buffer[] = []
  zip.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise((resolve) => zip.on('end', resolve))
  zip.append('<workbook/>', { name: 'xl/workbook.xml' })
  zip.append(Readable.from((function * () { const block = Buffer.alloc(1024 * 1024); for (let i = 0; i < 420; i++) yield block })()), { name: 'xl/worksheets/sheet1.xml' })
  await zip.finalize()
  await done
  const bomb = Buffer.concat(chunks)
  t.ok(bomb.length < 2 * 1024 * 1024, `small on the wire (${bomb.length} bytes)`)
  const res = await importCards(f, f.token, bomb, { product_ids: String(f.apple) })
  t.equal(res.statusCode, 422)
  t.equal(res.json().code, 'import_file_invalid')
})

t.test('order export and batch shipping import (idempotent)', async (t) => {
  const f = await redeemFixture(t, { quantity: 3 })
  const orderNos: string[] = []
  for (let i = 0; i < 3; i++) {
    const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
    orderNos.push((await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no)
  }
  const exported = await readXlsx((await f.app.inject({ method: 'GET', url: '/api/v1/orders/export?tab=pending_today', headers: f.auth(f.token) })).rawPayload)
  t.equal(exported.length, 4)
  t.same(exported[1].slice(3, 9), ['苹果礼盒', 'G-APPLE', 'S-1', f.cards[2].card_no, '张三', '13800138000'])
  t.equal((await f.db('audit_logs').where({ action: 'orders.export' })).length, 1, 'personal data exports are audited')

  const file = await xlsx([['order_no', 'courier', 'waybill_no'], [orderNos[0], 'SF', 'SF1234567890'], [orderNos[1], '中通快递', 'ZT98765432'],
    [orderNos[2], 'NOPE', 'X1234567'], ['00000000000000000000', 'SF', 'SF0000001'], [orderNos[2], 'SF', 'bad!']])
  const ship = (buf: Buffer) => f.app.inject({ method: 'POST', url: '/api/v1/orders/ship-import', ...(() => { const m = multipart(buf); return { payload: m.payload, headers: { ...m.headers, ...f.auth(f.token) } } })() })
  const first = await ship(file)
  t.equal(first.statusCode, 200, first.body)
  t.match(first.json(), { shipped: 2, already_shipped: 0, error: 3 })
  t.same(first.json().rows.filter((r: { result: string }) => r.result === 'error').map((r: { row: number }) => r.row), [4, 5, 6])
  const shipped = await f.db('orders').where({ order_no: orderNos[1] }).first()
  t.match(shipped, { status: 'shipped', courier_code: 'ZTO', waybill_no: 'ZT98765432' })
  const events = (await f.db('outbox').where({ topic: 'order.shipped' })).length
  const again = await ship(file)
  t.match(again.json(), { shipped: 0, already_shipped: 2, error: 3 }, 'importing the same file again changes nothing')
  t.equal((await f.db('outbox').where({ topic: 'order.shipped' })).length, events, 'no second event')
})

t.test('issuing to a phone list: all or nothing', async (t) => {
  const f = await redeemFixture(t, { quantity: 5, batch: { activate: false } })
  const send = async (rows: unknown[][], fields: Record<string, string> = { batch_no: f.batchNo, send_sms: 'true' }) => {
    const m = multipart(await xlsx(rows), { fields })
    return f.app.inject({ method: 'POST', url: '/api/v1/card-issues/import-phones', payload: m.payload, headers: { ...m.headers, ...f.auth(f.token) } })
  }
  const active = async () => (await f.db('cards').where({ status: 'active' })).length
  const bad = await send([['phone', 'quantity'], ['13800138000', 2], ['1380013800', 1], ['13900139000', 0]])
  t.equal(bad.statusCode, 422)
  t.same(bad.json().problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`), ['3:phone', '4:quantity'])
  t.equal(await active(), 0, 'a bad row issues nothing')
  const tooMany = await send([['phone', 'quantity'], ['13800138000', 4], ['13900139000', 2]])
  t.equal(tooMany.statusCode, 409)
  t.equal(tooMany.json().code, 'insufficient_cards')
  t.equal(await active(), 0, 'not enough cards issues nothing')
  const ok = await send([['phone', 'quantity'], ['13800138000', 2], ['13900139000', 1]])
  t.equal(ok.statusCode, 201, ok.body)
  t.same(ok.json().cards.map((c: { phone: string }) => c.phone), ['13800138000', '13800138000', '13900139000'])
  t.equal(await active(), 3)
  t.equal((await f.db('outbox').where({ topic: 'sms.card_issued' })).length, 3, 'one text per card when asked')
  t.equal((await send([['phone', 'quantity']], {})).statusCode, 422, 'batch_no is required')
})

t.test('a password export is audited when it starts and again with the rows sent, also when the download is cut off', async (t) => {
  const f = await redeemFixture(t, { quantity: 3000 })
  await f.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = f.app.server.address() as { port: number }
  const audits = () => f.db('audit_logs').where('action', 'like', 'cards.export_secrets%').orderBy('id')
  /** The end of an export is audited just after its last byte: wait for it. */
  const auditsUntil = async (n: number) => {
    for (let i = 0; i < 100; i++) {
      const rows = await audits()
      if (rows.length >= n) return rows
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return audits()
  }

  const whole = await f.app.inject({ method: 'GET', url: `/api/v1/cards/export?batch_no=${f.batchNo}&include_passwords=true`, headers: f.auth(f.token) })
  t.equal(whole.statusCode, 200)
  t.same((await auditsUntil(2)).map((a) => [a.action, JSON.parse(a.summary).rows, JSON.parse(a.summary).complete ?? JSON.parse(a.summary).state]),
    [['cards.export_secrets', 3000, 'started'], ['cards.export_secrets.ended', 3000, true]])

  // The zip with a QR picture per card is megabytes: read its first bytes, then hang up.
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/v1/cards/export?batch_no=${f.batchNo}&include_passwords=true&format=zip`, headers: f.auth(f.token) }, (res) => {
      res.once('data', () => { req.destroy(); resolve() })
    })
    req.on('error', (err) => { if ((err as { code?: string }).code !== 'ECONNRESET') reject(err) })
    req.end()
  })
  const rows = await auditsUntil(4)
  t.equal(rows.length, 4, 'the cut-off export has its start and its end in the audit log')
  t.match(JSON.parse(rows[2].summary), { rows: 3000, format: 'zip', state: 'started' })
  const end = JSON.parse(rows[3].summary)
  t.equal(rows[3].action, 'cards.export_secrets.ended')
  t.equal(end.complete, false)
  t.ok(end.rows < 3000, `only the rows actually sent (${end.rows})`)
  t.notOk(f.logs.text().includes('cards.export.failed'), 'a client going away is not an error')
})
