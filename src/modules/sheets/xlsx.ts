// Spreadsheet plumbing shared by every export and import: streaming writers and readers
// (ExcelJS), formula-safe cells, and the checks that keep a hostile file harmless.
import { PassThrough, type Readable, type Writable } from 'node:stream'
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

/** A streaming workbook writer over `out`; sheets roll over after 1,048,575 data rows. */
export function sheetWriter (out: Writable, title: string, headers: string[], widths: number[] = []) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  let sheet: ExcelJS.Worksheet | null = null
  let rows = 0
  let sheets = 0
  function newSheet (): ExcelJS.Worksheet {
    sheets++
    const ws = wb.addWorksheet(sheets === 1 ? title : `${title}${sheets}`)
    ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 16 }))
    return ws
  }
  return {
    add (values: unknown[]): void {
      if (!sheet || rows === MAX_SHEET_ROWS) {
        sheet?.commit()
        sheet = newSheet()
        rows = 0
      }
      sheet.addRow(values.map(safeCell)).commit()
      rows++
    },
    async finish (extra?: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<void> {
      if (!sheet) sheet = newSheet()
      sheet.commit()
      extra?.(wb)
      await wb.commit()
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

export function passThrough (): PassThrough {
  return new PassThrough()
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
