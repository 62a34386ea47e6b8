// Spreadsheets (卡券导出/导入, 订单导出, 批量发货): exports stream from keyset pages with
// bounded memory; imports check every row with the API's rules and change nothing unless
// every row is right.
import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import PQueue from 'p-queue'
import { PassThrough, Readable, type Writable } from 'node:stream'
import { ZipArchive } from 'archiver'
import type { Knex } from 'knex'
import QRCode from 'qrcode'
import type { Clock } from '../../shared/clock.js'
import { isCalendarDayInRange } from '../../shared/dates.js'
import { DATE_INVALID_MESSAGE } from '../../shared/validation.js'
import { appError } from '../../shared/errors.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { productSetFor, productsOfSets, findProducts } from '../catalog/catalog.repository.js'
import { cardPasswordKey, decryptCardPassword, sealCards } from '../cards/card-secrets.js'
import * as cardsRepo from '../cards/cards.repository.js'
import type { CardFilter, CardStatusValue } from '../cards/cards.schemas.js'
import { productIdsInvalid, validityInvalid } from '../cards/cards.errors.js'
import { insertImportedBatch } from '../cards/batches.repository.js'
import { nextBatchNo } from '../cards/batches.service.js'
import { distributorNames } from '../distributors/distributors.repository.js'
import type { MerchantsService } from '../merchants/merchants.service.js'
import { courierCodeResolver } from '../couriers/couriers.repository.js'
import { findOrder } from '../orders/orders.repository.js'
import type { OrdersService } from '../orders/orders.service.js'
import type { OrderListQuery } from '../orders/orders.schemas.js'
import type { OpenService } from '../open/open.service.js'
import { reserveCounter } from '../../shared/counters.js'
import { unlessAborted, cellText, checkXlsx, headersInvalid, MAX_IMPORT_ROWS, readFirstSheet, sheetWriter, tooManyRows, workbookBuffer } from './xlsx.js'
import * as repo from './sheets.repository.js'
import * as linksRepo from './download-links.repository.js'
import { findAdmin } from '../admins/admins.repository.js'
import { permissionsOf } from '../admins/admins.mapper.js'
import type { Permission } from '../admins/permissions.js'

export const importRejected = appError('import_rejected', 422, '导入文件有错误，未导入任何卡券')
export const reportNotFound = appError('import_report_not_found', 404, '导入报告不存在')
export const downloadLinkInvalid = appError('download_link_invalid', 404, '下载链接已失效或已被使用，请回到列表重新导出')

/** How long a download link works (it is meant to be followed at once, by the page that asked for it). */
export const DOWNLOAD_LINK_MS = 60_000

export interface CardExportParams extends CardFilter { include_passwords?: boolean; format?: 'xlsx' | 'zip' }
/** The order export's query: the list's filters and tab, without paging. */
export type OrderExportParams = Omit<OrderListQuery, 'cursor' | 'limit'>
/** What a download link gives: an export, or a PDF of e-waybill labels (面单). */
export type ExportLink = { kind: 'cards.export'; params: CardExportParams } | { kind: 'orders.export'; params: OrderExportParams } | { kind: 'orders.labels'; params: { order_nos: string[] } }
/** The permission each kind of link needs, when asked for and again when followed. */
const LINK_PERMISSION: Record<ExportLink['kind'], Permission> = { 'cards.export': 'cards.export', 'orders.export': 'orders.export', 'orders.labels': 'orders.ship' }

const STATUS_TEXT: Record<CardStatusValue, string> = { inactive: '未激活', active: '已激活', redeemed: '已提货', voided: '已作废' }
const PAGE = 2000
/** What the card export reads of each card (never the password hash). */
const EXPORT_COLUMNS = ['serial', 'card_no', 'password_enc', 'face_value', 'valid_from', 'valid_to', 'batch_id', 'product_set_id', 'status', 'distributor_id'] as const

export const CARD_IMPORT_HEADERS = ['card_no', 'password', 'face_value', 'valid_from', 'valid_to']
const HEADER_ALIASES: Record<string, string[]> = {
  card_no: ['card_no', '卡号'], password: ['password', '密码'], face_value: ['face_value', '面值(元)', '面值'],
  valid_from: ['valid_from', '有效期开始'], valid_to: ['valid_to', '有效期结束'],
}
export const SHIP_IMPORT_HEADERS = ['order_no', 'courier', 'waybill_no']

export interface RowProblem { row: number; column: string; problem: string }

/**
 * At most this many problems (or shipping results) are listed in an answer and kept for the
 * report: a file of a million bad rows is fixed from its first ones, and listing them all made a
 * 60 MB answer, a report too big for MySQL's packet and minutes of a frozen process to write.
 */
export const MAX_LISTED = 10_000

/** Problems found in a file: every one counted, the first MAX_LISTED kept. */
class Problems {
  readonly list: RowProblem[] = []
  total = 0
  /** Rows refused while reading (their problems come one after the other). */
  badRows = 0
  private lastRow = -1
  add (p: RowProblem, rowCounted = false): void {
    this.total++
    if (this.list.length < MAX_LISTED) this.list.push(p)
    if (!rowCounted && p.row !== this.lastRow) { this.badRows++; this.lastRow = p.row }
  }
}

export interface ImportSettings {
  name?: string
  product_ids: number[]
  face_value?: number | null
  valid_from?: string | null
  valid_to?: string | null
  activate?: boolean
  dry_run?: boolean
}

interface Deps { db: Knex; clock: Clock; masterKey: Buffer; publicBaseUrl: string; merchants: MerchantsService; orders: OrdersService; open: OpenService }

export const PHONE_HEADERS = ['phone', 'quantity']

export const importBusy = appError('import_busy', 429, '正在处理其他导入文件，请稍后再试')
/** Imports waiting for the one that runs; past this a new one is refused with 429. */
const MAX_WAITING_IMPORTS = 3

export function createSheetsService ({ db, clock, masterKey, publicBaseUrl, merchants, orders, open }: Deps) {
  /** The filter with its batch number turned into an id, and the batches still being made (whose cards are hidden). */
  async function resolvedFilter (merchantId: number, filter: CardFilter) {
    const resolved = await cardsRepo.resolveCardFilter(db, merchantId, filter)
    return { resolved, hidden: await cardsRepo.unreadyBatchIds(db, merchantId) }
  }

  /** Cards of a filter, page by page in serial order: never the whole set in memory. */
  async function * cardPages (merchantId: number, filter: CardFilter) {
    const { resolved, hidden } = await resolvedFilter(merchantId, filter)
    let after = 0
    for (;;) {
      const rows = await cardsRepo.cardsPage(db, merchantId, resolved, hidden, { after, limit: PAGE, columns: EXPORT_COLUMNS })
      if (rows.length === 0) return
      yield rows
      after = Number(rows[rows.length - 1].serial)
      if (rows.length < PAGE) return
    }
  }

  async function names (merchantId: number) {
    const batches = new Map<number, string>()
    const dists = new Map<number, string>()
    const sets = new Map<number, string>()
    return {
      async load (rows: cardsRepo.CardRow[]) {
        const needBatches = [...new Set(rows.map((r) => Number(r.batch_id)))].filter((id) => !batches.has(id))
        for (const [id, no] of await cardsRepo.batchNos(db, needBatches)) batches.set(id, no)
        const needDists = [...new Set(rows.map((r) => r.distributor_id).filter((d): d is number => d !== null).map(Number))].filter((id) => !dists.has(id))
        for (const [id, name] of await distributorNames(db, merchantId, needDists)) dists.set(id, name)
        const needSets = [...new Set(rows.map((r) => Number(r.product_set_id)))].filter((id) => !sets.has(id))
        if (needSets.length) for (const [id, list] of await productsOfSets(db, needSets)) sets.set(id, list.map((p) => p.name).join('、'))
      },
      batch: (id: number) => batches.get(Number(id)) ?? '',
      dist: (id: number | null) => (id === null ? '' : dists.get(Number(id)) ?? ''),
      products: (id: number) => sets.get(Number(id)) ?? '',
    }
  }

  function qrUrl (code: string, cardNo: string): string {
    return `${publicBaseUrl}/r/${code}?c=${encodeURIComponent(cardNo)}`
  }

  /** Writes the card xlsx to `out`, counting each row handed on in `sent`. */
  async function writeCards (out: Writable, merchantId: number, filter: CardFilter, withPasswords: boolean, sent: { rows: number }, signal: AbortSignal): Promise<void> {
    const merchant = (await merchants.findById(merchantId))!
    const key = withPasswords ? cardPasswordKey(masterKey, merchantId) : null
    const headers = ['卡序号', '卡号', ...(withPasswords ? ['密码'] : []), '面值(元)', '有效期开始', '有效期结束', '批次', '可提商品', '状态', '券商', '二维码地址']
    const sheet = sheetWriter(out, '卡券', headers, [10, 18, ...(withPasswords ? [14] : []), 10, 12, 12, 16, 30, 8, 14, 50], signal)
    const lookup = await names(merchantId)
    for await (const rows of cardPages(merchantId, filter)) {
      await lookup.load(rows)
      for (const r of rows) {
        await sheet.add([
          Number(r.serial), r.card_no,
          // Decrypted only here, while streaming, one card at a time.
          ...(key ? [decryptCardPassword(key, r.card_no, r.password_enc)] : []),
          r.face_value === null ? null : Number(r.face_value) / 100, r.valid_from, r.valid_to,
          lookup.batch(r.batch_id), lookup.products(r.product_set_id), STATUS_TEXT[r.status], lookup.dist(r.distributor_id), qrUrl(merchant.code, r.card_no),
        ])
        sent.rows++
      }
    }
    await sheet.finish()
  }

  /** How many cards a filter selects (what an export is about to send). */
  async function countCards (merchantId: number, filter: CardFilter): Promise<number> {
    const { resolved, hidden } = await resolvedFilter(merchantId, filter)
    return cardsRepo.countCards(db, merchantId, resolved, hidden)
  }

  const service = {
    /**
     * Streams the card export (xlsx, or zip with one QR PNG per card and the xlsx) into `out`.
     * Audited when it starts (who, filter, how many rows) and again when it ends with the rows
     * actually handed to the download — also when the download is cut off part way, which
     * stops the export.
     */
    async exportCards (out: Writable, merchantId: number, filter: CardFilter, opts: { passwords: boolean; format: 'xlsx' | 'zip' }, actor: Actor): Promise<void> {
      const action = opts.passwords ? 'cards.export_secrets' : 'cards.export'
      await insertAudit(db, merchantId, actor, {
        action, target_type: 'cards', summary: { filter, rows: await countCards(merchantId, filter), format: opts.format, passwords: opts.passwords, state: 'started' },
      }, clock.now())
      const sent = { rows: 0 }
      const cut = new AbortController()
      let done = false
      // Closed before everything was written: the client went away (a normal end has finished writing first).
      const cutOff = () => { if (!done && !out.writableFinished) cut.abort(Object.assign(new Error('the download was cut off'), { code: 'EXPORT_ABORTED' })) }
      out.once('close', cutOff)
      out.once('error', cutOff)
      const ended = (complete: boolean) => insertAudit(db, merchantId, actor, { action: `${action}.ended`, target_type: 'cards', summary: { filter, rows: sent.rows, complete } }, clock.now())
      try {
        if (opts.format === 'xlsx') {
          await writeCards(out, merchantId, filter, opts.passwords, sent, cut.signal)
        } else {
          const zip = new ZipArchive({ zlib: { level: 1 } })
          zip.pipe(out)
          // First the PNGs, one at a time (each waits for the archive to take it: bounded memory),
          // then the sheet, streamed into the archive as its last entry.
          const merchant = (await merchants.findById(merchantId))!
          for await (const rows of cardPages(merchantId, filter)) {
            for (const r of rows) {
              cut.signal.throwIfAborted()
              const png = await QRCode.toBuffer(qrUrl(merchant.code, r.card_no), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 300 })
              zip.append(png, { name: `qr/${r.card_no}.png` })
              await once(zip, 'entry', { signal: cut.signal })
            }
          }
          const sheetStream = new PassThrough()
          zip.append(sheetStream, { name: 'cards.xlsx' })
          await writeCards(sheetStream, merchantId, filter, opts.passwords, sent, cut.signal)
          await unlessAborted(zip.finalize(), cut.signal)
        }
        done = true
      } catch (err) {
        await ended(false)
        // A cut-off download surfaces as whichever wait it interrupted: report it as what it is.
        throw cut.signal.aborted ? cut.signal.reason : err
      } finally {
        out.off('close', cutOff)
        out.off('error', cutOff)
      }
      await ended(true)
    },

    /**
     * A single-use link to a card export, good for DOWNLOAD_LINK_MS: the console navigates to it
     * and the browser saves the stream to disk. The permissions were checked on asking; only
     * the hash of the secret is stored.
     */
    async createExportLink (merchantId: number, adminId: number, link: ExportLink): Promise<{ token: string; expires_at: string }> {
      const now = clock.now().getTime()
      const token = randomBytes(32).toString('base64url')
      await linksRepo.deleteExpiredDownloadLinks(db, now)
      await linksRepo.insertDownloadLink(db, {
        id: hashToken(token), merchant_id: merchantId, admin_id: adminId, kind: link.kind, params: JSON.stringify(link.params),
        expires_at: now + DOWNLOAD_LINK_MS, created_at: now,
      })
      return { token, expires_at: new Date(now + DOWNLOAD_LINK_MS).toISOString() }
    },

    /**
     * Uses up a download link: what it exports and for whom. 404 when it is unknown, used or
     * expired, and also when its admin was disabled or lost the permissions since asking.
     */
    async takeExportLink (token: string, ip: string | null): Promise<{ merchantId: number; actor: Actor; link: ExportLink }> {
      const row = await linksRepo.takeDownloadLink(db, hashToken(token), clock.now().getTime())
      if (!row || !Object.hasOwn(LINK_PERMISSION, row.kind)) throw downloadLinkInvalid()
      const link = { kind: row.kind, params: JSON.parse(row.params) } as ExportLink
      const admin = await findAdmin(db, Number(row.merchant_id), Number(row.admin_id))
      const held = admin && admin.status === 'active' ? permissionsOf(admin) : []
      if (!held.includes(LINK_PERMISSION[link.kind])) throw downloadLinkInvalid()
      if (link.kind === 'cards.export' && link.params.include_passwords && !held.includes('cards.export_secrets')) throw downloadLinkInvalid()
      return { merchantId: Number(row.merchant_id), actor: { type: 'admin', id: Number(admin!.id), name: admin!.username, ip }, link }
    },

    async orderExport (out: Writable, merchantId: number, query: OrderListQuery, actor: Actor): Promise<void> {
      const sheet = sheetWriter(out, '订单', ['订单号', '下单时间', '预约发货日期', '商品', '货品编号', '规格编号', '卡号', '收货人', '手机号', '省', '市', '区', '详细地址', '备注', '状态', '快递公司', '运单号', '发货时间', '渠道'],
        [22, 20, 12, 20, 12, 12, 16, 10, 14, 8, 8, 8, 30, 20, 8, 12, 18, 20, 8])
      const STATUS: Record<string, string> = { pending: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' }
      const CHANNEL: Record<string, string> = { web: '网页', phone: '电话', store: '到店', open_api: '开放平台' }
      const tz = (await merchants.findById(merchantId))!.timezone
      const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE', { timeZone: tz }) : '')
      let cursor: string | undefined
      let count = 0
      for (;;) {
        const page = await orders.list(merchantId, { ...query, limit: 200, cursor }, { counts: false })
        for (const o of page.items) {
          await sheet.add([o.order_no, time(o.created_at), o.reserve_date, o.product.name, o.product.goods_no, o.product.spec_no, o.card_no,
            o.consignee?.name, o.consignee?.phone, o.consignee?.province, o.consignee?.city, o.consignee?.district, o.consignee?.address,
            o.remark, STATUS[o.status], o.courier_name, o.waybill_no, time(o.shipped_at), CHANNEL[o.channel]])
          count++
        }
        if (!page.next_cursor) break
        cursor = page.next_cursor
      }
      // Consignee names, phones and addresses left the building: recorded before the file's
      // last bytes go, so the answer never ends ahead of its audit row.
      await insertAudit(db, merchantId, actor, { action: 'orders.export', target_type: 'orders', summary: { query, rows: count } }, clock.now())
      await sheet.finish()
    },

    async cardTemplate (): Promise<Buffer> {
      return workbookBuffer((wb) => {
        const ws = wb.addWorksheet('卡券')
        ws.addRow(CARD_IMPORT_HEADERS)
        ws.addRow(['A58800000001', '1234567890', 388, '2026-12-01', '2027-02-28'])
        const help = wb.addWorksheet('说明')
        for (const line of [
          ['导入说明'],
          ['1. 只读取第一个工作表；第一行是表头，请勿修改表头。'],
          ['2. card_no（卡号）：必填，字母或数字，4-36 位，不能与已有卡号或本文件中的其他卡号重复。'],
          ['3. password（密码）：必填，字母或数字，6-32 位。'],
          ['4. face_value（面值，元）：选填，最多两位小数；不填则使用导入设置中的面值。'],
          ['5. valid_from / valid_to（有效期）：选填，格式 YYYY-MM-DD，开始日期不能晚于结束日期。'],
          ['6. 不允许使用公式；文件不超过 20 MB，最多 1,000,000 行。'],
          ['7. 任何一行有错误，整个文件都不会导入；请按错误报告修改后重新导入。'],
        ]) help.addRow(line)
      })
    },

    async phoneTemplate (): Promise<Buffer> {
      return workbookBuffer((wb) => {
        const ws = wb.addWorksheet('手机号')
        ws.addRow(PHONE_HEADERS)
        ws.addRow(['13800138000', 1])
        wb.addWorksheet('说明').addRow(['phone：职工手机号（11 位，1 开头）；quantity：发放张数 1-1000；一次最多 5000 张。全部行正确才会发放，否则一张也不发。'])
      })
    },

    /**
     * 按手机号发卡: an organisation buyer's list of phones and quantities; every row is checked,
     * then the cards are issued as the open platform issues them, all or nothing.
     */
    async issueFromPhones (merchantId: number, file: Buffer, body: { batch_no: string; send_sms: boolean }, actor: Actor) {
      await checkXlsx(file)
      const items: Array<{ phone: string; quantity: number }> = []
      const problems = new Problems()
      let header = true
      for await (const r of readFirstSheet(Readable.from(file))) {
        const cells = r.cells.map(cellText)
        if (header) {
          if (PHONE_HEADERS.some((h, i) => (cells[i] ?? '').toLowerCase() !== h)) throw headersInvalid()
          header = false
          continue
        }
        if (cells.every((c) => c === '')) continue
        if (r.formula) { problems.add({ row: r.number, column: '*', problem: '不允许使用公式' }); continue }
        const [phone, quantity] = cells
        if (!/^1[0-9]{10}$/.test(phone)) problems.add({ row: r.number, column: 'phone', problem: '手机号须为 11 位数字，以 1 开头' })
        else if (!/^\d+$/.test(quantity) || Number(quantity) < 1 || Number(quantity) > 1000) problems.add({ row: r.number, column: 'quantity', problem: '数量须为 1-1000' })
        else items.push({ phone, quantity: Number(quantity) })
      }
      if (header) throw headersInvalid()
      const total = items.reduce((n, i) => n + i.quantity, 0)
      if (total > 5000) problems.add({ row: 0, column: 'quantity', problem: '一次最多发放 5000 张' })
      if (problems.total || items.length === 0) {
        const reportId = problems.total ? await saveReport(merchantId, problems.list, clock.now()) : null
        return { issued: false as const, problems: problems.list, problems_total: problems.total, report_id: reportId, issue: null }
      }
      const merchant = (await merchants.findById(merchantId))!
      const outOrderNo = `P${clock.now().getTime()}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
      const r = await open.issue(merchant, null, [], { out_order_no: outOrderNo, batch_no: body.batch_no, items, send_sms: body.send_sms }, actor)
      await insertAudit(db, merchantId, actor, { action: 'cards.issue_phones', target_type: 'card_issue', target_id: r.view.issue_no, summary: { phones: items.length, cards: total, batch_no: body.batch_no } }, clock.now())
      return { issued: true as const, problems: [], problems_total: 0, report_id: null, issue: r.view }
    },

    async shipTemplate (): Promise<Buffer> {
      return workbookBuffer((wb) => {
        const ws = wb.addWorksheet('批量发货')
        ws.addRow(SHIP_IMPORT_HEADERS)
        ws.addRow(['20261123100000123456', 'SF', 'SF1234567890'])
        const help = wb.addWorksheet('说明')
        help.addRow(['order_no：订单号；courier：快递公司代码或名称（如 SF 或 顺丰速运）；waybill_no：运单号，6-32 位字母或数字。'])
        help.addRow(['每行发货一个订单；已发货的订单会在报告中列出，不会重复发货。'])
      })
    },

    /**
     * Card import: every row checked first (shape, duplicates in the file and with existing
     * cards, formulas); then all rows become one new batch in one transaction, or nothing does.
     */
    async importCards (merchantId: number, file: Buffer, settings: ImportSettings, actor: Actor) {
      await checkXlsx(file)
      if (settings.valid_from && settings.valid_to && settings.valid_from > settings.valid_to) throw validityInvalid()
      const products = await findProducts(db, merchantId, settings.product_ids)
      if (!settings.product_ids.length || products.length !== settings.product_ids.length) throw productIdsInvalid()

      const problems = new Problems()
      const rows: Array<{ row: number; card_no: string; password: string; face_value: number | null; valid_from: string | null; valid_to: string | null }> = []
      const seen = new Map<string, number>()
      let header = true
      let columns: number[] = []
      for await (const r of readFirstSheet(Readable.from(file))) {
        if (header) {
          // Columns are found by name: the template's, or the card export's own (so an
          // exported file imports as it is).
          const names = r.cells.map((c) => cellText(c).toLowerCase())
          columns = CARD_IMPORT_HEADERS.map((h) => names.findIndex((n) => HEADER_ALIASES[h].includes(n)))
          if (columns[0] < 0 || columns[1] < 0) throw headersInvalid()
          header = false
          continue
        }
        const all = r.cells.map(cellText)
        if (all.every((c) => c === '')) continue
        const cells = columns.map((i) => (i < 0 ? '' : all[i] ?? ''))
        if (rows.length + problems.badRows >= MAX_IMPORT_ROWS) throw tooManyRows()
        const bad = (column: string, problem: string) => problems.add({ row: r.number, column, problem })
        if (r.formula) { bad('*', '不允许使用公式'); continue }
        const [cardNo, password, face, from, to] = cells
        let ok = true
        if (!/^[A-Za-z0-9]{4,36}$/.test(cardNo)) { bad('card_no', '卡号须为 4-36 位字母或数字'); ok = false }
        if (!/^[A-Za-z0-9]{6,32}$/.test(password)) { bad('password', '密码须为 6-32 位字母或数字'); ok = false }
        let faceValue: number | null = settings.face_value ?? null
        if (face) {
          if (!/^\d+(\.\d{1,2})?$/.test(face)) { bad('face_value', '面值须为数字（元），最多两位小数'); ok = false } else faceValue = Math.round(Number(face) * 100)
        }
        const validFrom = from || settings.valid_from || null
        const validTo = to || settings.valid_to || null
        if (from && !isCalendarDayInRange(from)) { bad('valid_from', `有效期开始日期${DATE_INVALID_MESSAGE}`); ok = false }
        if (to && !isCalendarDayInRange(to)) { bad('valid_to', `有效期结束日期${DATE_INVALID_MESSAGE}`); ok = false }
        if (ok && validFrom && validTo && validFrom > validTo) { bad('valid_to', '开始日期不能晚于结束日期'); ok = false }
        if (ok && seen.has(cardNo)) { bad('card_no', `与第 ${seen.get(cardNo)} 行卡号重复`); ok = false }
        if (ok) {
          seen.set(cardNo, r.number)
          rows.push({ row: r.number, card_no: cardNo, password, face_value: faceValue, valid_from: validFrom, valid_to: validTo })
        }
      }
      if (header) throw headersInvalid()
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000)
        const existing = new Set(await cardsRepo.existingCardNos(db, merchantId, chunk.map((r) => r.card_no)))
        // These rows passed the reading checks and are counted among `rows` already.
        for (const r of chunk) if (existing.has(r.card_no)) problems.add({ row: r.row, column: 'card_no', problem: '卡号已存在' }, true)
      }
      problems.list.sort((a, b) => a.row - b.row)
      const now = clock.now()
      if (problems.total || settings.dry_run || rows.length === 0) {
        const reportId = problems.total ? await saveReport(merchantId, problems.list, now) : null
        return { imported: 0, rows: rows.length + problems.badRows, problems: problems.list, problems_total: problems.total, report_id: reportId, dry_run: Boolean(settings.dry_run), batch_no: null }
      }

      const pepper = await merchants.pepper(merchantId)
      const key = cardPasswordKey(masterKey, merchantId)
      const merchant = (await merchants.findById(merchantId))!
      const batchNo = await db.transaction(async (trx) => {
        const serialFrom = await reserveCounter(trx, merchantId, 'card_serial', rows.length)
        const batchNoValue = await nextBatchNo(trx, merchantId, merchant.timezone, now)
        const setId = await productSetFor(trx, merchantId, settings.product_ids, now)
        const batchId = await insertImportedBatch(trx, {
          merchant_id: merchantId, batch_no: batchNoValue, name: settings.name ?? `导入 ${rows.length} 张`, quantity: rows.length,
          product_set_id: setId, face_value: settings.face_value ?? null, valid_from: settings.valid_from ?? null, valid_to: settings.valid_to ?? null,
          activate: Boolean(settings.activate), serial_from: serialFrom, created_by: actor.id, at: now,
        })
        for (let i = 0; i < rows.length; i += 10_000) {
          const chunk = rows.slice(i, i + 10_000)
          // Imported passwords are stored exactly like generated ones: HMAC + AES-GCM copy.
          const sealed = sealCards({ pepper, key, charset: 'alnum', length: 0, cardNos: chunk.map((r) => r.card_no), passwords: chunk.map((r) => r.password) })
          await cardsRepo.insertCards(trx, chunk.map((r, k) => ({
            merchant_id: merchantId, batch_id: batchId, serial: serialFrom + i + k, card_no: r.card_no, password_hash: sealed.hashes[k],
            password_enc: sealed.encs[k], product_set_id: setId, face_value: r.face_value, valid_from: r.valid_from, valid_to: r.valid_to,
            status: settings.activate ? 'active' : 'inactive', status_before_void: null, distributor_id: null, remark: null, redeemed_at: null,
            created_at: now.getTime(), updated_at: now.getTime(),
          })))
        }
        await insertAudit(trx, merchantId, actor, { action: 'cards.import', target_type: 'card_batch', target_id: batchNoValue, summary: { rows: rows.length, product_ids: settings.product_ids } }, now)
        return batchNoValue
      })
      return { imported: rows.length, rows: rows.length, problems: [], problems_total: 0, report_id: null, dry_run: false, batch_no: batchNo }
    },

    async report (merchantId: number, id: number): Promise<Buffer> {
      const row = await repo.findImportReport(db, merchantId, id)
      if (!row) throw reportNotFound()
      const problems = JSON.parse(row.problems) as RowProblem[]
      return workbookBuffer((wb) => {
        const ws = wb.addWorksheet('错误报告')
        ws.addRow(['行号', '列', '问题'])
        for (const p of problems) ws.addRow([p.row, p.column, p.problem])
      })
    },

    /**
     * 批量发货: each valid row ships its order like manual shipping; repeats change nothing. A dry
     * run checks every row the same way and ships none (would_ship). Rows in error are kept as a
     * row-level report (GET /api/v1/imports/{report_id}/report).
     */
    async shipImport (merchantId: number, file: Buffer, opts: { dry_run?: boolean }, actor: Actor) {
      await checkXlsx(file)
      const dryRun = Boolean(opts.dry_run)
      const courierOf = await courierCodeResolver(db, merchantId)
      type Result = 'shipped' | 'would_ship' | 'already_shipped' | 'error'
      const results: Array<{ row: number; order_no: string; result: Result; column?: string; problem?: string }> = []
      const summary = { shipped: 0, would_ship: 0, already_shipped: 0, error: 0 }
      const problems = new Problems()
      const note = (r: typeof results[number]) => { summary[r.result]++; if (results.length < MAX_LISTED) results.push(r) }
      // A dry run ships nothing, so a second row of one order is checked against the first.
      const planned = new Map<string, { row: number; code: string; waybill: string }>()
      let header = true
      let count = 0
      // Orders ship row by row: the whole file is read once first, so a refused file ships none.
      for await (const r of readFirstSheet(Readable.from(file), { checkFirst: true })) {
        if (header) {
          const names = r.cells.map(cellText)
          if (SHIP_IMPORT_HEADERS.some((h, i) => (names[i] ?? '').toLowerCase() !== h)) throw headersInvalid()
          header = false
          continue
        }
        const [orderNo, courierRaw, waybill] = r.cells.map(cellText)
        if (!orderNo && !courierRaw && !waybill) continue
        if (++count > MAX_IMPORT_ROWS) throw tooManyRows()
        const fail = (column: string, problem: string) => {
          note({ row: r.number, order_no: orderNo, result: 'error', column, problem })
          problems.add({ row: r.number, column, problem })
        }
        if (r.formula) { fail('*', '不允许使用公式'); continue }
        const code = courierOf(courierRaw)
        if (!code) { fail('courier', '快递公司不存在'); continue }
        if (!/^[A-Za-z0-9]{6,32}$/.test(waybill)) { fail('waybill_no', '运单号须为 6-32 位字母或数字'); continue }
        const order = await findOrder(db, merchantId, orderNo)
        if (!order) { fail('order_no', '订单不存在'); continue }
        const earlier = dryRun ? planned.get(orderNo) : undefined
        if (earlier) {
          if (earlier.code === code && earlier.waybill === waybill) note({ row: r.number, order_no: orderNo, result: 'already_shipped' })
          else fail('order_no', `与第 ${earlier.row} 行是同一订单，运单号不同`)
          continue
        }
        if (order.status !== 'pending') {
          if (order.waybill_no === waybill && order.courier_code === code) note({ row: r.number, order_no: orderNo, result: 'already_shipped' })
          else fail('order_no', order.status === 'shipped' ? `订单已发货（运单号 ${order.waybill_no}）` : '订单当前状态不能发货')
          continue
        }
        if (dryRun) {
          planned.set(orderNo, { row: r.number, code, waybill })
          note({ row: r.number, order_no: orderNo, result: 'would_ship' })
          continue
        }
        try {
          await orders.ship(merchantId, orderNo, { courier_code: code, waybill_no: waybill }, actor)
          note({ row: r.number, order_no: orderNo, result: 'shipped' })
        } catch (err) {
          fail('order_no', (err as Error).message)
        }
      }
      if (header) throw headersInvalid()
      const now = clock.now()
      const reportId = problems.total ? await saveReport(merchantId, problems.list, now) : null
      if (!dryRun) await insertAudit(db, merchantId, actor, { action: 'orders.ship_import', target_type: 'orders', summary }, now)
      return { ...summary, dry_run: dryRun, report_id: reportId, rows: results }
    },
  }
  // Reading a big sheet is seconds of CPU: one import at a time per instance, a few waiting,
  // so that uploads never starve the requests around them.
  const running = new PQueue({ concurrency: 1 })
  function oneAtATime<A extends unknown[], R> (run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      if (running.size >= MAX_WAITING_IMPORTS) throw importBusy({ headers: { 'retry-after': '10' } })
      return running.add(() => run(...args)) as Promise<R>
    }
  }
  service.importCards = oneAtATime(service.importCards)
  service.issueFromPhones = oneAtATime(service.issueFromPhones)
  service.shipImport = oneAtATime(service.shipImport)
  return service

  function hashToken (token: string): string {
    return createHash('sha256').update(token).digest('hex')
  }

  async function saveReport (merchantId: number, problems: RowProblem[], at: Date): Promise<number> {
    return repo.insertImportReport(db, merchantId, problems, at)
  }
}

export type SheetsService = ReturnType<typeof createSheetsService>
