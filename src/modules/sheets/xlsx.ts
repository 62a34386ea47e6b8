// Spreadsheet plumbing shared by every export and import: streaming writers and readers
// (ExcelJS), formula-safe cells, and the checks that keep a hostile file harmless.
import { once } from 'node:events'
import { PassThrough, type Readable, type Writable } from 'node:stream'
import { ZipArchive } from 'archiver'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { appError } from '../../shared/errors.js'

export const MAX_SHEET_ROWS = 1_048_575
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_ROWS = 1_000_000
/** Uncompressed size allowed for all parts of an uploaded xlsx (a zip bomb stops here). */
export const MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024

export const fileInvalid = appError('import_file_invalid', 422, '文件不是有效的 Excel（.xlsx）文件')
export const fileTooLarge = appError('import_file_too_large', 413, '文件不能超过 20 MB')
export const headersInvalid = appError('import_headers_invalid', 422, '表头与模板不一致，请下载标准导入模板')
export const tooManyRows = appError('import_too_many_rows', 422, '一次最多导入 1,000,000 行')
export const fileMissing = appError('import_file_missing', 422, '请上传文件')

/** Cells that begin with = + - @ (or a control character) would run as formulas: escape them. */
export function safeCell (v: unknown): unknown {
  if (typeof v !== 'string') return v
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

function xmlEscape (s: string): string {
  // Most cells (numbers, codes, URLs) need nothing: checked once, cheaply.
  if (!NEEDS_ESCAPE.test(s)) return s
  // Characters XML 1.0 cannot carry are dropped; the rest escaped.
  return s.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function columnName (i: number): string {
  let n = i + 1
  let out = ''
  while (n > 0) { const m = (n - 1) % 26; out = String.fromCharCode(65 + m) + out; n = Math.floor((n - 1) / 26) }
  return out
}

function rowXml (r: number, values: unknown[]): string {
  let xml = `<row r="${r}">`
  values.forEach((raw, i) => {
    const v = safeCell(raw)
    if (v === null || v === undefined || v === '') return
    const ref = `${columnName(i)}${r}`
    if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"><v>${v}</v></c>`
    else xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v instanceof Date ? v.toISOString() : String(v))}</t></is></c>`
  })
  return xml + '</row>'
}

/**
 * A streaming xlsx writer over `out` with truly bounded memory: rows become XML in 64 KiB
 * pieces written with backpressure into a zip stream; sheets roll over after 1,048,575 data
 * rows. (ExcelJS's streaming writer held each sheet in memory until it was committed —
 * 600 MB for a million rows here — so the export writes the few parts of an xlsx itself.)
 */
export function sheetWriter (out: Writable, title: string, headers: string[], widths: number[] = []) {
  const zip = new ZipArchive({ zlib: { level: 1 } })
  zip.pipe(out)
  const sheetNames: string[] = []
  let sheet: PassThrough | null = null
  let rows = 0
  let pending = ''

  async function write (chunk: string): Promise<void> {
    if (!sheet!.write(chunk)) await once(sheet!, 'drain')
  }
  async function flush (): Promise<void> {
    if (pending) { const chunk = pending; pending = ''; await write(chunk) }
  }
  async function closeSheet (): Promise<void> {
    if (!sheet) return
    await flush()
    sheet.end('</sheetData></worksheet>')
    sheet = null
  }
  async function openSheet (): Promise<void> {
    await closeSheet()
    sheetNames.push(sheetNames.length === 0 ? title : `${title}${sheetNames.length + 1}`)
    sheet = new PassThrough()
    zip.append(sheet, { name: `xl/worksheets/sheet${sheetNames.length}.xml` })
    const cols = headers.map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="${widths[i] ?? 16}" customWidth="1"/>`).join('')
    pending = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}"><cols>${cols}</cols><sheetData>${rowXml(1, headers)}`
    rows = 0
  }

  return {
    async add (values: unknown[]): Promise<void> {
      if (!sheet || rows === MAX_SHEET_ROWS) await openSheet()
      rows++
      pending += rowXml(rows + 1, values)
      if (pending.length > 65_536) await flush()
    },
    async finish (): Promise<void> {
      if (!sheet) await openSheet()
      await closeSheet()
      const n = sheetNames.length
      const range = Array.from({ length: n }, (_, i) => i + 1)
      zip.append(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${range.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`, { name: '[Content_Types].xml' })
      zip.append(`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`, { name: '_rels/.rels' })
      zip.append(`${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${range.map((i) => `<sheet name="${xmlEscape(sheetNames[i - 1])}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`, { name: 'xl/workbook.xml' })
      zip.append(`${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${range.map((i) => `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`, { name: 'xl/_rels/workbook.xml.rels' })
      await zip.finalize()
    },
  }
}

/** Reads the zip's central directory: a valid archive, with an xlsx workbook, not a bomb. */
export async function checkXlsx (buf: Buffer): Promise<void> {
  const entries = await new Promise<Array<{ name: string; size: number }>>((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(fileInvalid())
      const out: Array<{ name: string; size: number }> = []
      zip.on('entry', (e: yauzl.Entry) => { out.push({ name: e.fileName, size: e.uncompressedSize }); zip.readEntry() })
      zip.on('end', () => resolve(out))
      zip.on('error', () => reject(fileInvalid()))
      zip.readEntry()
    })
  })
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw fileInvalid()
  if (entries.reduce((n, e) => n + e.size, 0) > MAX_UNCOMPRESSED_BYTES) throw fileInvalid({ message: '文件解压后过大' })
}

export interface SheetRow { number: number; cells: unknown[]; formula: boolean }

/** Rows of the first sheet only, streamed; cells as plain values, formulas flagged. */
export async function * readFirstSheet (input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' })
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of ws) {
      const values = (row.values as unknown[]).slice(1)
      let formula = false
      const cells = values.map((v) => {
        if (v && typeof v === 'object') {
          const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: Array<{ text: string }>; text?: string }
          if (o.formula !== undefined || o.sharedFormula !== undefined) { formula = true; return o.result }
          if (o.richText) return o.richText.map((r) => r.text).join('')
          if (o.text !== undefined) return o.text
          if (v instanceof Date) return v
        }
        return v
      })
      yield { number: row.number, cells, formula }
    }
    // 只读取第一个工作表
    break
  }
}

export function cellText (v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).trim()
}

/** A workbook in memory (templates and reports: small). */
export async function workbookBuffer (build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
