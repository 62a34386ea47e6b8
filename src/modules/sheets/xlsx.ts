// Spreadsheet plumbing shared by every export and import: streaming writers, a bounded
// reader for uploads, formula-safe cells, and the checks that keep a hostile file harmless.
import { once } from 'node:events'
import { PassThrough, pipeline, type Readable, type Writable } from 'node:stream'
import { TextDecoder } from 'node:util'
import zlib from 'node:zlib'
import { ZipArchive } from 'archiver'
import ExcelJS from 'exceljs'
import { SaxesParser } from 'saxes'
import yauzl from 'yauzl'
import { AppError, appError } from '../../shared/errors.js'
import { readAtMost } from '../../shared/streams.js'

export const MAX_SHEET_ROWS = 1_048_575
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_ROWS = 1_000_000
/**
 * Real inflated bytes one read may produce, all parts together (a zip bomb stops here, however
 * small it declares itself). A million rows of the template's five columns written by ExcelJS
 * inflate to 280 MB; Excel's own markup is a little heavier.
 */
export const MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024

export const fileInvalid = appError('import_file_invalid', 422, '文件不是有效的 Excel（.xlsx）文件')
export const fileTooLarge = appError('import_file_too_large', 413, '文件不能超过 20 MB')
export const headersInvalid = appError('import_headers_invalid', 422, '表头与模板不一致，请下载标准导入模板')
export const tooManyRows = appError('import_too_many_rows', 422, '一次最多导入 1,000,000 行')
export const fileMissing = appError('import_file_missing', 422, '请上传文件')
export const xmlDtdForbidden = appError('import_xml_dtd_forbidden', 422, '文件含有不允许的 XML 声明（DOCTYPE/ENTITY），请用 Excel 另存为 .xlsx 后重新导入')
export const cellTooLong = appError('import_cell_too_long', 422, '单元格的内容不能超过 32,767 个字符')
export const rowTooLong = appError('import_row_too_long', 422, '一行的内容不能超过 262,144 个字符')

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

/** `work`, or a rejection with the abort reason as soon as `signal` aborts (a stream nobody reads any more never settles). */
export function unlessAborted<T> (work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason)
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    work.then((v) => { signal.removeEventListener('abort', stop); resolve(v) }, (e) => { signal.removeEventListener('abort', stop); reject(e) })
  })
}

/**
 * A streaming xlsx writer over `out` with truly bounded memory: rows become XML in 64 KiB
 * pieces written with backpressure into a zip stream; sheets roll over after 1,048,575 data
 * rows. (ExcelJS's streaming writer held each sheet in memory until it was committed —
 * 600 MB for a million rows here — so the export writes the few parts of an xlsx itself.)
 */
export function sheetWriter (out: Writable, title: string, headers: string[], widths: number[] = [], signal?: AbortSignal) {
  const zip = new ZipArchive({ zlib: { level: 1 } })
  zip.pipe(out)
  const sheetNames: string[] = []
  let sheet: PassThrough | null = null
  let rows = 0
  let pending = ''

  // A download cut off mid-way must end the writer, not leave it waiting for a drain that never comes.
  async function write (chunk: string): Promise<void> {
    signal?.throwIfAborted()
    if (!sheet!.write(chunk)) await once(sheet!, 'drain', { signal })
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
      signal?.throwIfAborted()
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
      await unlessAborted(zip.finalize(), signal)
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Reading uploads. An upload is at most 20 MB and already in memory, so the zip is read with
// random access (yauzl over the Buffer); each part we need is inflated by our own zlib stream
// whose output is counted as it comes out, decoded and fed to saxes in 16 KiB pieces. Nothing
// is written to disk (ExcelJS's reader left every worksheet it met before the shared strings in
// the temp folder, card passwords included), and everything that grows with the file has a
// ceiling: real inflated bytes, XML token length and depth, characters per cell (Excel's own
// 32,767) and per row, cells per sheet, and the shared-string table.

export interface SheetRow { number: number; cells: unknown[]; formula: boolean }

/** Excel refuses longer cells itself; a longer one was made by hand. */
export const MAX_CELL_CHARS = 32_767
/** Characters in one row, all cells together (a card row needs a few hundred). */
export const MAX_ROW_CHARS = 262_144
/**
 * The shared-string table, held as UTF-8: a million cards are two million strings of ~25 bytes
 * (~50 MB of text even with the longest card numbers and passwords a 20 MB file can carry); the
 * ceiling keeps a crafted table near 100 MB of memory.
 */
export const MAX_SHARED_STRING_BYTES = 64 * 1024 * 1024
export const MAX_SHARED_STRINGS = 4_000_000
/** Cells handed to the caller over the whole sheet, empty ones inside a row included. */
export const MAX_SHEET_CELLS = 32 * 1024 * 1024
/** How many times its compressed size an entry may inflate to, past the first RATIO_FREE_BYTES. */
export const MAX_INFLATE_RATIO = 100
const RATIO_FREE_BYTES = 4 * 1024 * 1024
const tooInflated = (bytes: number, compressed: number) => bytes > RATIO_FREE_BYTES && bytes > compressed * MAX_INFLATE_RATIO
const MAX_ZIP_ENTRIES = 10_000
const MAX_RELATIONSHIPS = 10_000
const MAX_ROW_NUMBER = 1_048_576
const MAX_COLUMNS = 16_384
const MAX_XML_DEPTH = 64
// saxes keeps an unfinished text node, tag, comment or entity in memory until it ends. Nothing
// in a real sheet comes near this (a 32,767-character cell written as &quot; is 196,602).
const MAX_XML_TOKEN_CHARS = 256 * 1024
const XML_PIECE = 16 * 1024
// OOXML never carries a DTD; a DTD is how entity expansion and external entities get in.
const DTD = /<!(?:DOCTYPE|ENTITY)/i

const bomb = () => fileInvalid({ message: '文件解压后过大' })
const damaged = () => fileInvalid({ message: '文件已损坏，请用 Excel 重新保存后再导入' })
const tooMuchText = () => fileInvalid({ message: '文件中的文字过多，请分成多个文件导入' })
const tooManyCells = () => fileInvalid({ message: '工作表的单元格过多，请删除多余的行和列后再导入' })
const longCell = (ref?: string) => cellTooLong(ref ? { message: `单元格 ${ref} 的内容超过 32,767 个字符` } : {})

interface Xlsx { zip: yauzl.ZipFile; parts: Map<string, yauzl.Entry> }
interface Budget { used: number; readonly limit: number }

async function openXlsx (buf: Buffer): Promise<Xlsx> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true })
  } catch {
    throw fileInvalid()
  }
  const parts = new Map<string, yauzl.Entry>()
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        // Part names are case-insensitive (OPC); two entries for one part make the file ambiguous.
        const name = e.fileName.toLowerCase()
        if (parts.has(name) || parts.size >= MAX_ZIP_ENTRIES) return reject(fileInvalid())
        parts.set(name, e)
        zip.readEntry()
      })
      zip.on('end', resolve)
      zip.on('error', () => reject(fileInvalid()))
      zip.readEntry()
    })
  } catch (err) {
    zip.close()
    throw err
  }
  return { zip, parts }
}

/** The entry's real bytes, counted as zlib produces them: declared sizes are not trusted. */
async function * inflate (x: Xlsx, entry: yauzl.Entry, budget: Budget): AsyncGenerator<Buffer> {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw fileInvalid()
  // An entry that says it inflates more than 100-fold is refused before a byte is inflated: no
  // spreadsheet anyone typed does that (Excel's and our own files inflate 10-15 times), and a
  // few hundred KB of empty cells or comments would cost seconds of CPU to read. Declared sizes
  // are not trusted beyond that: the loop below counts the real bytes.
  if (tooInflated(entry.uncompressedSize, entry.compressedSize)) throw bomb()
  const raw = await x.zip.openReadStreamPromise(entry, { decodeFileData: false })
  const out: Readable = entry.compressionMethod === 8 ? pipeline(raw, zlib.createInflateRaw(), () => {}) : raw
  let bytes = 0
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      bytes += chunk.length
      budget.used += chunk.length
      // An entry that inflates past its declared size lies about it: the zip-bomb trick. As the
      // declared size passed the ratio above, so do the bytes read before this stops.
      if (bytes > entry.uncompressedSize || budget.used > budget.limit) throw bomb()
      yield chunk
    }
  } finally {
    out.destroy()
    raw.destroy()
  }
  if (bytes !== entry.uncompressedSize) throw damaged()
}

function encodingOf (head: Buffer): string {
  if (head[0] === 0xFF && head[1] === 0xFE) return 'utf-16le'
  if (head[0] === 0xFE && head[1] === 0xFF) return 'utf-16be'
  return 'utf-8'
}

/** The entry as text in pieces of at most 16 Ki characters; a DTD anywhere is refused. */
async function * xmlText (x: Xlsx, entry: yauzl.Entry, budget: Budget): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null
  let tail = ''
  for await (const chunk of inflate(x, entry, budget)) {
    for (let i = 0; i < chunk.length; i += XML_PIECE) {
      const piece = chunk.subarray(i, i + XML_PIECE)
      decoder ??= new TextDecoder(encodingOf(piece), { fatal: true })
      const s = decoder.decode(piece, { stream: true })
      if (DTD.test(tail + s)) throw xmlDtdForbidden()
      tail = s.slice(-9)
      yield s
    }
  }
  const rest = decoder?.decode() ?? ''
  if (DTD.test(tail + rest)) throw xmlDtdForbidden()
  if (rest) yield rest
}

interface XmlHandlers {
  open (name: string, stack: readonly string[], attrs: Record<string, string>): void
  close? (name: string, stack: readonly string[]): void
  text? (s: string): void
  /** The error when saxes is left holding too long a token. */
  tooLong? (): Error
}

function localName (name: string): string {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

function xmlReader (h: XmlHandlers) {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false })
  const stack: string[] = []
  let events = 0
  let pending = 0
  parser.on('opentag', (tag) => {
    events++
    if (stack.length >= MAX_XML_DEPTH) throw damaged()
    const name = localName(tag.name)
    h.open(name, stack, tag.attributes)
    stack.push(name)
  })
  parser.on('closetag', () => { events++; h.close?.(stack.pop()!, stack) })
  parser.on('text', (s) => { events++; h.text?.(s) })
  parser.on('cdata', (s) => { events++; h.text?.(s) })
  parser.on('comment', () => { events++ })
  // xmlText has refused any DTD already; this is the second line.
  parser.on('doctype', () => { throw xmlDtdForbidden() })
  // Keep to these six handlers: saxes stores each as a new property of the parser, and with
  // eight of them V8 turned it into a dictionary-mode object here, parsing five times slower.
  // Without an error handler saxes throws, and the caller maps that to a damaged file.
  return {
    write (s: string): void {
      const before = events
      parser.write(s)
      // Whatever saxes still holds began after the last event, so it is at most this long.
      pending = events === before ? pending + s.length : 0
      if (pending > MAX_XML_TOKEN_CHARS) throw h.tooLong?.() ?? damaged()
    },
    close (): void { parser.close() },
  }
}

async function parseXml (x: Xlsx, entry: yauzl.Entry, budget: Budget, h: XmlHandlers): Promise<void> {
  const xml = xmlReader(h)
  for await (const s of xmlText(x, entry, budget)) xml.write(s)
  xml.close()
}

function resolvePart (dir: string, target: string): string {
  const out: string[] = []
  for (const seg of (target.startsWith('/') ? target.slice(1) : dir + target).split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/').toLowerCase()
}

/** The relationships of a part ('' for the package), by id, targets resolved to part names. */
async function relationships (x: Xlsx, source: string, budget: Budget): Promise<Map<string, { type: string; part: string }>> {
  const dir = source.slice(0, source.lastIndexOf('/') + 1)
  const rels = new Map<string, { type: string; part: string }>()
  const entry = x.parts.get(`${dir}_rels/${source.slice(dir.length)}.rels`)
  if (!entry) return rels
  await parseXml(x, entry, budget, {
    open (name, stack, a) {
      if (name !== 'Relationship' || stack[stack.length - 1] !== 'Relationships' || !a.Id || !a.Target || a.TargetMode === 'External') return
      if (rels.size >= MAX_RELATIONSHIPS) throw damaged()
      rels.set(a.Id, { type: a.Type ?? '', part: resolvePart(dir, a.Target) })
    },
  })
  return rels
}

/** The first worksheet in the workbook's tab order (or sheet1.xml), and the shared strings. */
async function locateParts (x: Xlsx, budget: Budget): Promise<{ sheet: yauzl.Entry; shared?: yauzl.Entry }> {
  const root = await relationships(x, '', budget)
  const main = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml'
  const workbook = x.parts.get(main)
  if (!workbook) throw fileInvalid()
  const ids: string[] = []
  await parseXml(x, workbook, budget, {
    open (name, stack, a) {
      if (name !== 'sheet' || stack[stack.length - 1] !== 'sheets' || ids.length >= 256) return
      // r:id, whatever the prefix bound to the relationships namespace is called.
      const id = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1]
      if (id) ids.push(id)
    },
  })
  const rels = await relationships(x, main, budget)
  const part = ids.map((id) => rels.get(id)).find((r) => r && r.type.endsWith('/worksheet') && x.parts.has(r.part))?.part ?? 'xl/worksheets/sheet1.xml'
  const sheet = x.parts.get(part)
  if (!sheet) throw fileInvalid({ message: '文件中没有工作表' })
  const sharedPart = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.part ?? 'xl/sharedstrings.xml'
  return { sheet, shared: x.parts.get(sharedPart) }
}

const BLOCK = 1024 * 1024

/**
 * The shared-string table as UTF-8 in 1 MiB blocks plus one end offset per string: 4 bytes
 * beside the text instead of a JS string each (two million 10-character strings, a million
 * cards: ~30 MB here, ~90 MB as JS strings). A string becomes a JS string when a cell uses it.
 */
class SharedStrings {
  private readonly blocks: Buffer[] = []
  private ends = new Uint32Array(1024)
  private bytes = 0
  count = 0

  add (s: string): void {
    const n = Buffer.byteLength(s)
    if (this.count >= MAX_SHARED_STRINGS || this.bytes + n > MAX_SHARED_STRING_BYTES) throw tooMuchText()
    if (n === 0) {
      // nothing to store: the end offset repeats
    } else if (this.blocks.length * BLOCK >= this.bytes + n) {
      this.blocks[this.blocks.length - 1].write(s, this.bytes % BLOCK)
    } else {
      // Across a block boundary (or into a new block): rare, so simply copied.
      const src = Buffer.from(s)
      let done = 0
      while (done < n) {
        if (this.blocks.length * BLOCK === this.bytes + done) this.blocks.push(Buffer.alloc(BLOCK))
        const off = (this.bytes + done) % BLOCK
        done += src.copy(this.blocks[this.blocks.length - 1], off, done)
      }
    }
    this.bytes += n
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2)
      grown.set(this.ends)
      this.ends = grown
    }
    this.ends[this.count++] = this.bytes
  }

  get (i: number): string {
    const start = i === 0 ? 0 : this.ends[i - 1]
    const end = this.ends[i]
    if (start === end) return ''
    const first = Math.floor(start / BLOCK)
    const last = Math.floor((end - 1) / BLOCK)
    if (first === last) return this.blocks[first].toString('utf8', start % BLOCK, start % BLOCK + end - start)
    const pieces: Buffer[] = []
    for (let b = first; b <= last; b++) pieces.push(this.blocks[b].subarray(b === first ? start % BLOCK : 0, b === last ? (end - 1) % BLOCK + 1 : BLOCK))
    return Buffer.concat(pieces).toString('utf8')
  }
}

async function readSharedStrings (x: Xlsx, entry: yauzl.Entry, budget: Budget): Promise<SharedStrings> {
  const table = new SharedStrings()
  let text = ''
  let collect = false
  await parseXml(x, entry, budget, {
    open (name, stack) {
      if (name === 'si') text = ''
      // <si><t> or rich-text runs <si><r><t>; the phonetic guide (<rPh><t>) is not cell text.
      else if (name === 't') collect = stack[stack.length - 1] === 'si' || (stack[stack.length - 1] === 'r' && stack[stack.length - 2] === 'si')
    },
    close (name) {
      if (name === 't') collect = false
      else if (name === 'si') table.add(text)
    },
    text (s) {
      if (!collect) return
      text += s
      if (text.length > MAX_CELL_CHARS) throw longCell()
    },
    tooLong: () => (collect ? longCell() : damaged()),
  })
  return table
}

/** Column index (0-based) of a reference such as "C5", or -1. */
function columnOf (ref: string): number {
  let col = 0
  let i = 0
  for (; i < ref.length && col <= MAX_COLUMNS; i++) {
    const c = ref.charCodeAt(i) | 0x20
    if (c < 97 || c > 122) break
    col = col * 26 + c - 96
  }
  if (i === 0 || i === ref.length) return -1
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j)
    if (d < 48 || d > 57) return -1
  }
  return col - 1
}

function rowNumberOf (r: string): number {
  return /^\d{1,7}$/.test(r) ? Number(r) : NaN
}

/** t="d": an ISO 8601 date; without a zone it is the calendar day as written. */
function isoDate (s: string): Date | string {
  const d = new Date(/T.*(Z|[+-]\d\d:?\d\d)$/i.test(s) || !s.includes('T') ? s : `${s}Z`)
  return Number.isNaN(d.getTime()) ? s : d
}

function cellValue (type: string, text: string, shared: SharedStrings): unknown {
  switch (type) {
    case 'inlineStr':
    case 'str':
      return text
    case 's': {
      const i = Number(text)
      if (!Number.isInteger(i) || i < 0 || i >= shared.count) throw damaged()
      return shared.get(i)
    }
    case 'b':
      return text === '' ? null : Number.parseInt(text, 10) !== 0
    case 'e':
      return text
    case 'd':
      return text === '' ? null : isoDate(text)
    default: {
      // Numbers as numbers (388, 1234567890), as ExcelJS gave them: the callers' cellText
      // turns them into the digits the merchant typed.
      if (text.trim() === '') return null
      const n = Number(text)
      return Number.isFinite(n) ? n : text
    }
  }
}

function sheetParser (shared: SharedStrings, emit: (row: SheetRow) => void) {
  let row: SheetRow | null = null
  let rowNo = 0
  let rowChars = 0
  let cellsLeft = MAX_SHEET_CELLS
  let inData = false
  let inCell = false
  let col = -1
  let ref = ''
  let type = ''
  let text = ''
  let hasValue = false
  let collect = false
  return xmlReader({
    open (name, stack, a) {
      const parent = stack[stack.length - 1]
      switch (name) {
        case 'sheetData':
          inData = parent === 'worksheet'
          break
        case 'row': {
          if (!inData || parent !== 'sheetData') break
          // Rows come in ascending order (Excel's rule): at most 1,048,576 of them.
          const n = a.r === undefined ? rowNo + 1 : rowNumberOf(a.r)
          if (!(n > rowNo && n <= MAX_ROW_NUMBER)) throw damaged()
          rowNo = n
          row = { number: n, cells: [], formula: false }
          rowChars = 0
          col = -1
          break
        }
        case 'c': {
          if (!row || parent !== 'row') break
          const c = a.r === undefined ? col + 1 : columnOf(a.r)
          if (!(c > col && c < MAX_COLUMNS)) throw damaged()
          col = c
          ref = a.r ?? `${columnName(c)}${rowNo}`
          type = a.t ?? 'n'
          text = ''
          hasValue = false
          inCell = true
          break
        }
        case 'v':
          if (inCell && parent === 'c') collect = hasValue = true
          break
        case 'f':
          if (inCell && parent === 'c') row!.formula = true
          break
        case 't':
          if (inCell && (parent === 'is' || (parent === 'r' && stack[stack.length - 2] === 'is'))) collect = hasValue = true
          break
      }
    },
    close (name, stack) {
      const parent = stack[stack.length - 1]
      switch (name) {
        case 'v':
        case 't':
          collect = false
          break
        case 'c': {
          if (!inCell || parent !== 'row') break
          inCell = false
          const value = hasValue ? cellValue(type, text, shared) : null
          if (value === null) break
          rowChars += typeof value === 'string' ? value.length : text.length
          if (rowChars > MAX_ROW_CHARS) throw rowTooLong({ message: `第 ${rowNo} 行的内容超过 262,144 个字符` })
          const cells = row!.cells
          cellsLeft -= col + 1 - cells.length
          if (cellsLeft < 0) throw tooManyCells()
          while (cells.length < col) cells.push(null)
          cells.push(value)
          break
        }
        case 'row':
          if (!row || parent !== 'sheetData') break
          emit(row)
          row = null
          break
        case 'sheetData':
          if (parent === 'worksheet') inData = false
          break
      }
    },
    text (s) {
      if (!collect) return
      text += s
      if (text.length > MAX_CELL_CHARS) throw longCell(ref)
    },
    tooLong: () => (collect ? longCell(ref) : damaged()),
  })
}

async function * sheetRows (x: Xlsx, entry: yauzl.Entry, shared: SharedStrings, budget: Budget): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = []
  const xml = sheetParser(shared, (row) => ready.push(row))
  for await (const s of xmlText(x, entry, budget)) {
    xml.write(s)
    if (ready.length) {
      yield * ready
      ready.length = 0
    }
  }
  xml.close()
  yield * ready
}

async function bufferOf (input: Buffer | Readable): Promise<Buffer> {
  return Buffer.isBuffer(input) ? input : readAtMost(input, MAX_IMPORT_BYTES, fileTooLarge)
}

function asImportError (err: unknown): Error {
  // zlib, TextDecoder and yauzl errors all mean one thing to a merchant: the file is damaged.
  return err instanceof AppError ? err : damaged()
}

/** A valid zip holding a workbook with a worksheet, not a declared bomb; reads only the small parts. */
export async function checkXlsx (buf: Buffer): Promise<void> {
  const x = await openXlsx(buf)
  try {
    let declared = 0
    for (const e of x.parts.values()) declared += e.uncompressedSize
    if (declared > MAX_UNCOMPRESSED_BYTES) throw bomb()
    await locateParts(x, { used: 0, limit: MAX_UNCOMPRESSED_BYTES })
  } catch (err) {
    throw asImportError(err)
  } finally {
    x.zip.close()
  }
}

/**
 * Rows of the first worksheet, streamed with bounded memory; cells as plain values (numbers,
 * strings, booleans, dates), formulas flagged. With `checkFirst` the whole sheet is read once
 * before the first row is yielded, so that a refusal comes before a caller that acts row by
 * row has changed anything.
 */
export async function * readFirstSheet (input: Buffer | Readable, opts: { checkFirst?: boolean } = {}): AsyncGenerator<SheetRow> {
  const x = await openXlsx(await bufferOf(input))
  try {
    const budget: Budget = { used: 0, limit: MAX_UNCOMPRESSED_BYTES }
    const { sheet, shared } = await locateParts(x, budget)
    if (budget.used + sheet.uncompressedSize + (shared?.uncompressedSize ?? 0) > budget.limit) throw bomb()
    const strings = shared ? await readSharedStrings(x, shared, budget) : new SharedStrings()
    if (opts.checkFirst) {
      const before = budget.used
      for await (const row of sheetRows(x, sheet, strings, budget)) void row
      budget.used = before
    }
    yield * sheetRows(x, sheet, strings, budget)
  } catch (err) {
    throw asImportError(err)
  } finally {
    x.zip.close()
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
