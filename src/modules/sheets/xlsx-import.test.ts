// Hostile spreadsheets: every upload is read with bounded memory, leaves nothing on disk, and
// a refusal is a clear 4xx that changes nothing in the database.
import t, { type Test } from 'tap'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import { cardPasswordKey, decryptCardPassword } from '../cards/card-secrets.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { multipart } from '../../test-support/http.js'
import { cellText, readFirstSheet, sheetWriter, type SheetRow } from './xlsx.js'

// This process gets a temp folder of its own (os.tmpdir() reads TMPDIR on every call, and so
// does the `tmp` package ExcelJS's reader used): tap runs test files in parallel, and a file
// that appears here can only come from this file's imports.
const TMP = mkdtempSync(join(tmpdir(), 'kaquan-xlsx-import-'))
process.env.TMPDIR = TMP
t.teardown(() => rmSync(TMP, { recursive: true, force: true }))
t.equal(tmpdir(), TMP, 'the temp folder is this test file\'s own')

// ---- building files -------------------------------------------------------------------------

interface Part { name: string; data?: string | Buffer; deflated?: Deflated; declaredSize?: number }
interface Deflated { raw: Buffer; size: number; crc: number }

/** A zip written by hand, so that a test can lie in the size fields of both headers. */
function zipOf (parts: Part[]): Buffer {
  const out: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const body = typeof p.data === 'string' ? Buffer.from(p.data) : p.data ?? Buffer.alloc(0)
    const d = p.deflated ?? { raw: zlib.deflateRawSync(body), size: body.length, crc: zlib.crc32(body) }
    const size = p.declaredSize ?? d.size
    const name = Buffer.from(p.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(33, 12) // 1980-01-01
    local.writeUInt32LE(d.crc, 14)
    local.writeUInt32LE(d.raw.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const cd = Buffer.alloc(46)
    cd.writeUInt32LE(0x02014b50, 0)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(0x0800, 8)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt16LE(33, 14)
    cd.writeUInt32LE(d.crc, 16)
    cd.writeUInt32LE(d.raw.length, 20)
    cd.writeUInt32LE(size, 24)
    cd.writeUInt16LE(name.length, 28)
    cd.writeUInt32LE(offset, 42)
    out.push(local, name, d.raw)
    central.push(cd, name)
    offset += 30 + name.length + d.raw.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...out, dir, end])
}

/**
 * head + unit × times + tail, deflated without ever holding it: each piece is compressed on its
 * own and ends with a full flush, so the compressed unit can simply be repeated.
 */
function repeated (head: string, unit: Buffer, times: number, tail: string): Deflated {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH }
  const seg = zlib.deflateRawSync(unit, full)
  const raw = Buffer.concat([zlib.deflateRawSync(Buffer.from(head), full), ...Array<Buffer>(times).fill(seg), zlib.deflateRawSync(Buffer.from(tail))])
  let crc = zlib.crc32(head)
  for (let i = 0; i < times; i++) crc = zlib.crc32(unit, crc)
  return { raw, size: Buffer.byteLength(head) + unit.length * times + Buffer.byteLength(tail), crc: zlib.crc32(tail, crc) }
}

/** The text deflated in one go, as a zip tool would: a run of the same few bytes shrinks about a thousandfold. */
function deflatedWhole (text: string): Deflated {
  const data = Buffer.from(text)
  return { raw: zlib.deflateRawSync(data, { level: 9 }), size: data.length, crc: zlib.crc32(data) }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** A minimal workbook around the given sheet part(s); sheets are listed in tab order. */
function xlsxOf (sheets: Array<{ name: string; part: string; xml?: string; deflated?: Deflated; declaredSize?: number }>, shared?: { xml?: string; deflated?: Deflated }): Buffer {
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.part.replace('xl/', '')}"/>`).join('') +
    (shared ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '')
  return zipOf([
    { name: '[Content_Types].xml', data: `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>` },
    { name: '_rels/.rels', data: `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${DECL}<Relationships xmlns="${PKG}">${rels}</Relationships>` },
    // Worksheets before the shared strings: the order Excel writes, and the one that made
    // ExcelJS's reader park them in temp files.
    ...sheets.map((s) => ({ name: s.part, data: s.xml, deflated: s.deflated, declaredSize: s.declaredSize })),
    ...(shared ? [{ name: 'xl/sharedStrings.xml', data: shared.xml, deflated: shared.deflated }] : []),
  ])
}

const sheetXml = (rows: string) => `${DECL}<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
const HEADER_ROW = `<row r="1">${inline('A1', 'card_no')}${inline('B1', 'password')}</row>`
const CARD_HEADERS = ['card_no', 'password', 'face_value', 'valid_from', 'valid_to']
const oneSheet = (rows: string) => xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', xml: sheetXml(rows) }])

async function excel (rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('卡券')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// ---- the routes -----------------------------------------------------------------------------

function upload (f: RedeemFixture, url: string, file: Buffer, fields: Record<string, string> = {}) {
  const m = multipart(file, { fields })
  return f.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...f.auth(f.token) } })
}

const importCards = (f: RedeemFixture, file: Buffer, fields: Record<string, string> = { product_ids: String(f.apple) }) => upload(f, '/api/v1/cards/import', file, fields)

async function rowCounts (f: RedeemFixture) {
  const n = async (q: ReturnType<RedeemFixture['db']>) => Number((await q.count({ n: '*' }).first())!.n)
  return {
    cards: await n(f.db('cards')), card_batches: await n(f.db('card_batches')),
    active: await n(f.db('cards').where({ status: 'active' })), shipped: await n(f.db('orders').whereNot({ status: 'pending' })),
  }
}

const tmpListing = () => new Set(readdirSync(TMP))
const MB = 1024 * 1024

/** Runs one request and checks what the brief asks of every refusal and every import. */
async function watched<T> (t: Test, f: RedeemFixture, what: string, run: () => Promise<T>, opts: { changes?: boolean } = {}): Promise<T> {
  const files = tmpListing()
  const before = await rowCounts(f)
  const rss = process.memoryUsage().rss
  const peak = process.resourceUsage().maxRSS * 1024
  const started = Date.now()
  const res = await run()
  const ms = Date.now() - started
  t.same([...tmpListing()].filter((n) => !files.has(n)), [], `${what}: no file left in the temp folder`)
  const rssGrowth = (process.memoryUsage().rss - rss) / MB
  const peakGrowth = (process.resourceUsage().maxRSS * 1024 - peak) / MB
  t.ok(rssGrowth < 150 && peakGrowth < 150, `${what}: memory stays bounded (RSS +${rssGrowth.toFixed(0)} MB, peak +${peakGrowth.toFixed(0)} MB)`)
  t.ok(ms < 10_000, `${what}: answered in ${ms} ms`)
  if (!opts.changes) t.same(await rowCounts(f), before, `${what}: nothing changed in the database`)
  return res
}

async function rowsOf (buf: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = []
  for await (const r of readFirstSheet(Readable.from(buf))) rows.push(r)
  return rows
}

const PASSWD_LINE = (() => { try { return readFileSync('/etc/passwd', 'utf8').split('\n')[0] } catch { return 'root:x:0:0' } })()

// ---- 3. huge cells (first, while this process's peak RSS is still low) -----------------------

t.test('a single huge cell (shared string or inline string) is refused with a clear 4xx and bounded memory', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  // 256 MB of text that inflates about 90-fold, under the 100-fold ratio (a file of only 'A's
  // goes past it and is refused from its sizes before a cell is read): 'A's with four random
  // letters every 600 bytes. It is the cell's own ceiling that stops this, before memory grows.
  const huge = 256 * MB
  const A = Buffer.alloc(MB, 'A')
  const noise = randomBytes(MB).toString('base64')
  for (let i = 0, j = 0; i < MB - 4; i += 600, j += 4) A.write(noise.slice(j, j + 4), i)
  const viaShared = xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
    { deflated: repeated(`${DECL}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`, A, huge / MB, '</t></si></sst>') })
  const viaInline = xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', deflated: repeated(`${DECL}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`, A, huge / MB, '</t></is></c></row></sheetData></worksheet>') }])
  for (const [name, file] of [['shared string', viaShared], ['inline string', viaInline]] as const) {
    const ratio = huge / file.length
    t.ok(ratio > 60 && ratio < 100, `${name}: ${file.length} bytes on the wire for ${huge / MB} MB of text (${ratio.toFixed(0)}-fold)`)
    const res = await watched(t, f, name, () => importCards(f, file))
    t.equal(res.statusCode, 422, `${name}: ${res.body.slice(0, 200)}`)
    t.equal(res.json().code, 'import_cell_too_long', name)
    t.match(res.json().message, /32,767/)
  }
})

// ---- 2. sizes that lie --------------------------------------------------------------------

t.test('a zip whose declared size is small but which inflates to 1 GiB is refused quickly, with bounded memory', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const zeros = repeated('', Buffer.alloc(MB), 1024, '')
  t.equal(zeros.size, 1024 * MB)
  // The local header and the central directory both say 2 KiB.
  const bomb = xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', deflated: zeros, declaredSize: 2048 }])
  t.ok(bomb.length < 2 * MB, `${bomb.length} bytes on the wire`)
  const res = await watched(t, f, 'lying zip', () => importCards(f, bomb))
  t.equal(res.statusCode, 422, res.body)
  t.equal(res.json().code, 'import_file_invalid')
  t.equal(res.json().message, '文件解压后过大')

  // The same through the shipping import, which acts row by row.
  const ship = await watched(t, f, 'lying zip, ship import', () => upload(f, '/api/v1/orders/ship-import', bomb))
  t.equal(ship.statusCode, 422)
  t.equal(ship.json().code, 'import_file_invalid')
})

t.test('a small file that inflates to 100 MB of empty cells or comments is refused from its sizes, before anything is parsed', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  for (const [what, unit] of [['empty cells', `<row>${'<c/>'.repeat(1000)}</row>`], ['comments', '<!---->'.repeat(1000)]] as const) {
    // Honest sizes this time: only the ratio gives it away.
    const sheet = deflatedWhole(`${DECL}<worksheet xmlns="${NS}"><sheetData>${HEADER_ROW}${unit.repeat(Math.ceil(100 * MB / unit.length))}</sheetData></worksheet>`)
    const file = xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', deflated: sheet }])
    const res = await watched(t, f, what, () => importCards(f, file))
    t.equal(res.json().code, 'import_file_invalid', `${what}: ${file.length} bytes`)
    t.equal(res.json().message, '文件解压后过大')
    // Refused from its sizes, before a byte is parsed: the header row comes first in the sheet,
    // and not even it is read. (Parsing the 14 MB a 100-fold ratio allows took 2-6 s of CPU.)
    let rows = 0
    await t.rejects(async () => { for await (const row of readFirstSheet(Readable.from(file))) { void row; rows++ } }, { message: '文件解压后过大' })
    t.equal(rows, 0, `${what}: refused before its first row`)
  }
})

// ---- 4. DTDs ------------------------------------------------------------------------------

const LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') + ']>'
const XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

t.test('DOCTYPE and ENTITY declarations (billion laughs, external entities) are refused with a clear 4xx', async (t) => {
  const f = await redeemFixture(t, { quantity: 2, batch: { activate: false } })
  const cases: Array<[string, Buffer]> = []
  for (const [name, dtd, ref] of [['billion laughs', LAUGHS, '&lol9;'], ['external entity', XXE, '&xxe;']]) {
    cases.push([`${name} in the sheet`, xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', xml: `${DECL}${dtd}<worksheet xmlns="${NS}"><sheetData>${HEADER_ROW}<row r="2">${inline('A2', ref)}${inline('B2', ref)}</row></sheetData></worksheet>` }])])
    cases.push([`${name} in the shared strings`, xlsxOf([{ name: '卡券', part: 'xl/worksheets/sheet1.xml', xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>2</v></c></row>`) }],
      { xml: `${DECL}${dtd}<sst xmlns="${NS}"><si><t>card_no</t></si><si><t>password</t></si><si><t>${ref}</t></si></sst>` })])
  }
  for (const [name, file] of cases) {
    const res = await watched(t, f, name, () => importCards(f, file))
    t.equal(res.statusCode, 422, `${name}: ${res.body.slice(0, 200)}`)
    t.equal(res.json().code, 'import_xml_dtd_forbidden', name)
    t.match(res.json().message, /DOCTYPE/)
    t.notOk(res.body.includes(PASSWD_LINE), `${name}: nothing of /etc/passwd in the answer`)
    t.notOk(res.body.includes('lollollol'), `${name}: no expansion in the answer`)
  }
  const phones = await watched(t, f, 'billion laughs, phone list', () => upload(f, '/api/v1/card-issues/import-phones', xlsxOf([{ name: '手机号', part: 'xl/worksheets/sheet1.xml', xml: `${DECL}${LAUGHS}<worksheet xmlns="${NS}"><sheetData><row r="1">${inline('A1', 'phone')}${inline('B1', 'quantity')}</row><row r="2">${inline('A2', '&lol9;')}<c r="B2"><v>1</v></c></row></sheetData></worksheet>` }]), { batch_no: f.batchNo, send_sms: 'false' }))
  t.equal(phones.statusCode, 422, phones.body)
  t.equal(phones.json().code, 'import_xml_dtd_forbidden')
})

// ---- 1. nothing on disk ----------------------------------------------------------------------

t.test('importing leaves no file in the temp folder (card passwords never touch the disk)', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const rows: unknown[][] = [['card_no', 'password']]
  for (let i = 0; i < 2000; i++) rows.push([`TMPX${String(i).padStart(6, '0')}`, `Secret${String(i).padStart(6, '0')}`])
  const file = await excel(rows)
  const res = await watched(t, f, 'card import', () => importCards(f, file), { changes: true })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.json().imported, 2000)
  for (const name of readdirSync(TMP)) t.notOk(name.startsWith('tmp-'), `no ExcelJS temp file (${name})`)
  // A refused import too, and the shipping import.
  const refused = await watched(t, f, 'refused import', () => importCards(f, file, {}))
  t.equal(refused.json().code, 'product_ids_invalid')
  const ship = await watched(t, f, 'ship import', () => upload(f, '/api/v1/orders/ship-import', file))
  t.equal(ship.json().code, 'import_headers_invalid')
})

// ---- 5. real files still import ------------------------------------------------------------

t.test('real files still import: ExcelJS (shared strings), inline strings, a first sheet that is not sheet1.xml, the template', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const merchant = await f.db('merchants').where({ code: 'default' }).first()
  const key = cardPasswordKey(f.config.masterKey, merchant.id)
  const card = async (cardNo: string) => {
    const c = await f.db('cards').where({ card_no: cardNo }).first()
    return c && { password: decryptCardPassword(key, c.card_no, c.password_enc), face_value: c.face_value === null ? null : Number(c.face_value), valid_from: c.valid_from, valid_to: c.valid_to }
  }

  // Numbers typed as numbers come out as the digits: 388 → 388.00 元, 1234567890 → '1234567890'.
  const shared = await importCards(f, await excel([CARD_HEADERS, ['EXJS0001', 1234567890, 388, '2026-12-01', '2027-02-28'], ['EXJS0002', 'Abc12345', 12.5, '', '']]))
  t.equal(shared.statusCode, 200, shared.body)
  t.equal(shared.json().imported, 2)
  t.same(await card('EXJS0001'), { password: '1234567890', face_value: 38800, valid_from: '2026-12-01', valid_to: '2027-02-28' })
  t.same(await card('EXJS0002'), { password: 'Abc12345', face_value: 1250, valid_from: null, valid_to: null })

  // Our own writer (the card export's format): inline strings and numbers.
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const sheet = sheetWriter(out, '卡券', CARD_HEADERS)
  await sheet.add(['INLN0001', '9876543210', 388, null, null])
  await sheet.add(['INLN0002', 'Xyz98765', null, '2026-12-01', '2026-12-31'])
  await sheet.finish()
  await new Promise((resolve) => out.end(resolve))
  const inlined = await importCards(f, Buffer.concat(chunks))
  t.equal(inlined.statusCode, 200, inlined.body)
  t.equal(inlined.json().imported, 2)
  t.same(await card('INLN0001'), { password: '9876543210', face_value: 38800, valid_from: null, valid_to: null })

  // The first tab is xl/worksheets/cards.xml (sheet1.xml is the second tab, the help text);
  // prefixed elements, rows without r, a skipped column, rich-text runs.
  const custom = xlsxOf([
    {
      name: '卡券', part: 'xl/worksheets/cards.xml',
      xml: `${DECL}<x:worksheet xmlns:x="${NS}"><x:sheetData>` +
        '<x:row><x:c t="inlineStr"><x:is><x:t>card_no</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>password</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>face_value</x:t></x:is></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>CUST</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>0001</x:t></x:r></x:is></x:c><x:c r="C2"><x:v>1234567890</x:v></x:c><x:c r="D2"><x:v>388</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t xml:space="preserve"> CUST0002 </x:t></x:is></x:c><x:c r="C4" t="inlineStr"><x:is><x:t>Abc12345</x:t></x:is></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    },
    { name: '说明', part: 'xl/worksheets/sheet1.xml', xml: sheetXml(`<row r="1">${inline('A1', '导入说明')}</row>`) },
  ])
  const other = await importCards(f, custom)
  t.equal(other.statusCode, 200, other.body)
  t.equal(other.json().imported, 2)
  t.same(await card('CUST0001'), { password: '1234567890', face_value: 38800, valid_from: null, valid_to: null })
  t.same((await card('CUST0002'))?.password, 'Abc12345')

  const template = await f.app.inject({ method: 'GET', url: '/api/v1/cards/import-template', headers: f.auth(f.token) })
  t.equal(template.statusCode, 200)
  const fromTemplate = await importCards(f, template.rawPayload)
  t.equal(fromTemplate.statusCode, 200, fromTemplate.body)
  t.equal(fromTemplate.json().imported, 1)
  t.same(await card('A58800000001'), { password: '1234567890', face_value: 38800, valid_from: '2026-12-01', valid_to: '2027-02-28' })
})

t.test('the shipping import ships nothing when a later row is refused', async (t) => {
  const f = await redeemFixture(t, { quantity: 2 })
  const orderNos: string[] = []
  for (let i = 0; i < 2; i++) {
    const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
    orderNos.push((await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no)
  }
  const file = oneSheet(`<row r="1">${inline('A1', 'order_no')}${inline('B1', 'courier')}${inline('C1', 'waybill_no')}</row>` +
    `<row r="2">${inline('A2', orderNos[0])}${inline('B2', 'SF')}${inline('C2', 'SF1234567890')}</row>` +
    `<row r="3">${inline('A3', orderNos[1])}${inline('B3', 'SF')}${inline('C3', 'S'.repeat(40_000))}</row>`)
  const res = await watched(t, f, 'ship import with a long cell', () => upload(f, '/api/v1/orders/ship-import', file))
  t.equal(res.statusCode, 422, res.body)
  t.equal(res.json().code, 'import_cell_too_long')
  t.match(res.json().message, /C3/)
  t.equal((await f.db('orders').where({ order_no: orderNos[0] }).first()).status, 'pending', 'the good row before it was not shipped')
  t.equal((await f.db('outbox').where({ topic: 'order.shipped' })).length, 0)
})

// ---- the reader itself ---------------------------------------------------------------------

t.test('reader: values as the callers have always had them', async (t) => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('卡券')
  ws.addRow(['A58800000001', '1234567890', 388, 388.5, true, 0.1 + 0.2])
  ws.addRow([1234567890123, 'a & <b> "c"', '  spaced  ', '', 'x'])
  ws.getCell('C3').value = { formula: 'A1&"1"', result: 'X1' } as ExcelJS.CellFormulaValue
  ws.getCell('D3').value = { richText: [{ text: 'ab' }, { text: 'cd', font: { bold: true } }] }
  const rows = await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()))
  t.same(rows.map((r) => r.number), [1, 2, 3])
  // Array.from: ExcelJS's reader gave holes where ours gives null; both read as ''.
  t.same(Array.from(rows[0].cells, cellText), ['A58800000001', '1234567890', '388', '388.5', 'true', '0.30000000000000004'])
  t.same(Array.from(rows[1].cells, cellText), ['1234567890123', 'a & <b> "c"', 'spaced', '', 'x'])
  t.same(Array.from(rows[2].cells, cellText), ['', '', 'X1', 'abcd'])
  t.same(rows.map((r) => r.formula), [false, false, true])
})

t.test('reader: cell types, positions and refusals', async (t) => {
  const rows = await rowsOf(oneSheet(
    '<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c><c t="d"><v>2026-12-01T00:00:00</v></c><c t="str"><f>A1</f><v>r</v></c></row>' +
    '<row r="3"><c r="B3"><v>1.5E+3</v></c><c r="D3" t="inlineStr"><is><r><t>x</t></r><rPh><t>ignored</t></rPh><r><t>y</t></r></is></c></row>'))
  t.same(rows.map((r) => r.number), [1, 3])
  t.same(rows[0].cells.map(cellText), ['true', 'false', '', '', '#N/A', '2026-12-01', 'r'])
  t.same(rows[0].formula, true)
  t.same(rows[1].cells, [null, 1500, null, 'xy'])

  const max = 'M'.repeat(32_767)
  t.equal((await rowsOf(oneSheet(`<row r="1">${inline('A1', max)}</row>`)))[0].cells[0], max, 'a cell of 32,767 characters is read')
  const code = async (buf: Buffer) => rowsOf(buf).then(() => 'read', (err) => err.code)
  t.equal(await code(oneSheet(`<row r="1">${inline('B1', `${max}M`)}</row>`)), 'import_cell_too_long', 'one character more (inline) is refused')
  t.equal(await code(xlsxOf([{ name: 's', part: 'xl/worksheets/sheet1.xml', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], { xml: `<sst xmlns="${NS}"><si><r><t>${max}</t></r><r><t>M</t></r></si></sst>` })), 'import_cell_too_long', 'and as a shared string')
  t.equal(await code(oneSheet(`<row r="1">${Array.from({ length: 9 }, (_, i) => inline(`${String.fromCharCode(65 + i)}1`, max)).join('')}</row>`)), 'import_row_too_long', 'a row of 9 × 32,767 characters')
  t.equal(await code(oneSheet('<row r="1"><c r="A1"><v>1</v></row>')), 'import_file_invalid', 'XML that does not close')
  t.equal(await code(oneSheet(`<row r="1">${inline('A1', '&undefined;')}</row>`)), 'import_file_invalid', 'an entity nobody declared')
  t.equal(await code(oneSheet(`<row r="1">${'<x>'.repeat(100)}${'</x>'.repeat(100)}</row>`)), 'import_file_invalid', 'nesting 100 deep')
  t.equal(await code(oneSheet('<row r="2"/><row r="1"/>')), 'import_file_invalid', 'rows out of order')
  t.equal(await code(oneSheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`)), 'import_file_invalid', 'a column past XFD')
  t.equal(await code(oneSheet(`<!-- ${'c'.repeat(300_000)} --><row r="1"/>`)), 'import_file_invalid', 'a comment of 300,000 characters')
  t.equal(await code(xlsxOf([{ name: 's', part: 'xl/worksheets/sheet1.xml', xml: sheetXml('') }], { xml: `${XXE}<sst xmlns="${NS}"><si><t>&xxe;</t></si></sst>` })), 'import_xml_dtd_forbidden')
  t.equal(await code(Buffer.from('PK\u0003\u0004 not really')), 'import_file_invalid', 'not a zip')
  t.same(readdirSync(TMP).filter((n) => n.startsWith('tmp-')), [], 'still nothing in the temp folder')
})

t.test('imports run one at a time per instance; past three waiting, a new one is refused with 429', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const rows = [CARD_HEADERS, ...Array.from({ length: 20_000 }, (_, i) => [`Q${100000 + i}`, `pw${100000 + i}`, 1, '', ''])]
  const file = await excel(rows)
  const answers = await Promise.all(Array.from({ length: 6 }, () => importCards(f, file, { product_ids: String(f.apple), dry_run: 'true' })))
  const codes = answers.map((a) => a.statusCode).sort()
  t.same(codes, [200, 200, 200, 200, 429, 429], 'one runs, three wait, two are turned away')
  const busy = answers.find((a) => a.statusCode === 429)!
  t.equal(busy.json().code, 'import_busy')
  t.equal(busy.headers['retry-after'], '10')
})

t.test('a file of many bad rows: the first 10,000 problems listed and reported, all counted', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const file = await excel([CARD_HEADERS, ...Array.from({ length: 12_000 }, () => ['x', 'y', '', '', ''])])
  const res = await importCards(f, file)
  t.equal(res.statusCode, 422)
  const body = res.json()
  t.equal(body.problems.length, 10_000)
  t.equal(body.problems_total, 24_000, 'two problems per row, all counted')
  t.equal(body.rows, 12_000)
  const report = await f.app.inject({ method: 'GET', url: `/api/v1/imports/${body.report_id}/report`, headers: f.auth(f.token) })
  t.equal(report.statusCode, 200)
  const rows = await rowsOf(report.rawPayload)
  t.equal(rows.length, 10_001, 'the report holds what the answer listed, with its header')
})
