// 订单列表 in the console (/admin), in Debian's Chromium against the real server on SQLite and a
// fake SF open platform on 127.0.0.1: orders of today and tomorrow in their tabs; six waybill
// numbers pasted down the column (as copied from a spreadsheet) ship five orders, the bad one
// shows its error on its row and ships nothing; an e-waybill from the fake SF ships an order and
// a refusal shows its reason on the order; the sender checked first; a ship import with one bad
// row; the order export opened and its rows counted; 面单: one order's label and the ticked
// orders' labels downloaded as one PDF (SF cloud print files from the fake), 取消面单 confirmed and
// sent to the fake SF through the outbox.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import t from 'tap'
import ExcelJS from 'exceljs'
import { PDFDocument } from 'pdf-lib'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { freePort } from '../test-support/http.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

const skip = browserSkip()
t.setTimeout(1_000_000) // up to 10 minutes of it waiting for Shanghai midnight to pass (below)

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const WIDE = { ...DESKTOP, viewport: { width: 1600, height: 1000 } }

async function readXlsx (buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function xlsx (rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('批量发货')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A day in Shanghai, `plus` days from today. */
function shanghaiDay (plus = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + plus * 86_400_000))
}

/**
 * SF on 127.0.0.1: EXP_RECE_CREATE_ORDER gives a waybill for every order, except those listed in
 * `refuse`, which get SF's refusal (success false, errorCode, errorMsg); COM_RECE_CLOUD_PRINT_WAYBILLS
 * answers a file per waybill as SF does (obj.files[{url, token, waybillNo}]), served here as a
 * one-page PDF to the right X-Auth-token; EXP_RECE_UPDATE_ORDER cancels (resStatus 2).
 */
async function fakeSf (t: { teardown (fn: () => unknown): void }) {
  const refuse = new Map<string, [string, string]>()
  const calls: Array<{ orderId: string; partnerID: string }> = []
  const others: Array<{ serviceCode: string; msg: Record<string, unknown> }> = []
  const doc = await PDFDocument.create()
  doc.addPage([283, 425]).drawText('SF label', { x: 20, y: 380, size: 14 })
  const pdf = Buffer.from(await doc.save())
  let n = 0
  let port = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET') {
      const waybill = /\/print-file\/(\w+)\.pdf$/.exec(req.url ?? '')?.[1]
      if (!waybill || req.headers['x-auth-token'] !== `AUTH_tkv12_${waybill}`) { res.statusCode = 403; res.end(); return }
      res.setHeader('content-type', 'application/pdf')
      res.end(pdf)
      return
    }
    let body = ''
    req.on('data', (c) => { body += c })
    req.on('end', () => {
      const form = new URLSearchParams(body)
      const msg = JSON.parse(form.get('msgData') ?? '{}')
      const serviceCode = form.get('serviceCode') ?? ''
      let data: object
      if (serviceCode === 'COM_RECE_CLOUD_PRINT_WAYBILLS') {
        others.push({ serviceCode, msg })
        const files = (msg.documents as Array<{ masterWaybillNo: string }>).map((d) => ({ token: `AUTH_tkv12_${d.masterWaybillNo}`, url: `http://127.0.0.1:${port}/print-file/${d.masterWaybillNo}.pdf`, waybillNo: d.masterWaybillNo }))
        data = { success: true, obj: { fileType: 'pdf', files, templateCode: msg.templateCode } }
      } else if (serviceCode === 'EXP_RECE_UPDATE_ORDER') {
        others.push({ serviceCode, msg })
        data = { success: true, errorCode: 'S0000', msgData: { orderId: msg.orderId, resStatus: 2 } }
      } else {
        calls.push({ orderId: msg.orderId, partnerID: form.get('partnerID') ?? '' })
        const no = refuse.get(msg.orderId)
        data = no ? { success: false, errorCode: no[0], errorMsg: no[1] } : { success: true, errorCode: 'S0000', msgData: { waybillNoInfoList: [{ waybillNo: `SF74400000${String(++n).padStart(4, '0')}` }] } }
      }
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ apiResultCode: 'A1000', apiResultData: JSON.stringify(data) }))
    })
  })
  port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  t.teardown(() => new Promise((resolve) => server.close(resolve)))
  return { port: (server.address() as AddressInfo).port, refuse, calls, others }
}

const row = (page: Page, orderNo: string) => page.locator('.kq-orders__table .el-table__body-wrapper .el-table__row', { hasText: orderNo })

/** Pastes `text` into an input as a spreadsheet's copied column arrives (a paste event with text/plain). */
async function pasteInto (page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).first().evaluate((el, value) => {
    const g = globalThis as unknown as { DataTransfer: new () => { setData (k: string, v: string): void }; ClipboardEvent: new (type: string, init: object) => object }
    const data = new g.DataTransfer()
    data.setData('text/plain', value)
    const input = el as unknown as { focus (): void; dispatchEvent (e: object): boolean }
    input.focus()
    input.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

/**
 * The server, the page and this test read the real clock, and 今日已发货 is a day in Shanghai: a
 * run that crossed midnight there lost the orders it had shipped before it (seen as a flake).
 * Closer than this to midnight, wait until it has passed.
 */
async function notAcrossShanghaiMidnight (t: { comment (m: string): void }, runMs = 10 * 60_000): Promise<void> {
  const msOfDay = (Date.now() + 8 * 3_600_000) % 86_400_000
  const left = 86_400_000 - msOfDay
  if (left > runMs) return
  t.comment(`${Math.ceil(left / 1000)} s to midnight in Shanghai: waiting for it to pass`)
  await new Promise((resolve) => setTimeout(resolve, left + 1000))
}

t.test('订单列表 in a browser', { skip }, async (t) => {
  await notAcrossShanghaiMidnight(t)
  const sf = await fakeSf(t)
  const server = await pickupServer(t, { quantity: 30, config: { vendorHosts: [`127.0.0.1:${sf.port}`], allowPrivateVendors: true } })
  const admin = server.auth(server.token)
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) })
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  await server.setPickup({ reservation: { mode: 'any', min_days_ahead: 0, max_days_ahead: 30, blocked_weekdays: [], blocked_dates: [] } })
  const today = shanghaiDay(0)
  const tomorrow = shanghaiDay(1)
  let card = 0
  const place = async (reserveDate: string, name: string): Promise<string> => {
    const c = server.cards[card]
    const v = await server.verify(c.card_no, c.password)
    const res = await server.submit({ token: v.json().token, product_id: server.apple, reserve_date: reserveDate, consignee: { ...CONSIGNEE, name, phone: `1390000${String(card).padStart(4, '0')}` } })
    card++
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json().order_no
  }
  // Oldest first: the list shows the newest first.
  const forImport = [await place(today, '导入甲'), await place(today, '导入乙')]
  const forEWaybill = [await place(today, '面单成功'), await place(today, '面单失败')]
  const tomorrowOrders = [await place(tomorrow, '明天甲'), await place(tomorrow, '明天乙')]
  const forPaste: string[] = []
  for (let i = 0; i < 6; i++) forPaste.push(await place(today, `粘贴${i + 1}`))
  const status = async (orderNo: string) => (await api('GET', `/api/v1/orders/${orderNo}`)).status as string

  const browser = await launchBrowser(t)
  // admin.html names no icon: Chromium asks for /favicon.ico once and logs the 404 as a console error.
  const warm = await browser.newPage()
  await warm.goto(`${server.url}/admin/login`)
  await warm.waitForTimeout(1000)
  await warm.close()

  t.test('tabs: today\'s and tomorrow\'s orders in their tabs, with counts', async (t) => {
    await withPage(t, browser, 'admin-orders-tabs', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.waitForSelector('.kq-orders__table .el-table__row')
      t.match((await page.locator('.kq-menu').innerText()).replace(/\s+/g, ''), '订单管理订单列表批量发货', 'in the menu')
      const tabs = (await page.locator('#kq-orders-tabs').innerText()).replace(/\s+/g, '')
      t.match(tabs, '今日待发货10明日待发货2后天待发货0今日已发货0昨日已发货0全部12', 'the seed\'s tabs with their counts')
      t.equal(await page.locator('.kq-orders__table .el-table__body-wrapper .el-table__row').count(), 10, 'today\'s orders')
      t.equal(await row(page, tomorrowOrders[0]).count(), 0, 'tomorrow\'s are not among them')
      await screenshot(page, 'admin-orders-today')
      await page.click('[data-tab="pending_tomorrow"]')
      await page.waitForSelector(`.kq-orders__table .el-table__row:has-text("${tomorrowOrders[0]}")`)
      t.equal(await page.locator('.kq-orders__table .el-table__body-wrapper .el-table__row').count(), 2)
      t.match(await row(page, tomorrowOrders[1]).innerText(), tomorrow)
      await screenshot(page, 'admin-orders-tomorrow')
      // A filter narrows the list and the counts alike.
      await page.click('[data-tab="pending_today"]')
      await page.locator('input#kq-orders-phone').fill('13900000000')
      await page.click('#kq-orders-search')
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll (s: string): { length: number } } }).document.querySelectorAll('.kq-orders__table .el-table__body-wrapper .el-table__row').length === 1)
      t.match((await page.locator('#kq-orders-tabs').innerText()).replace(/\s+/g, ''), '今日待发货1', 'counts of the filter')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('like Excel: a pasted column ships five orders; the bad number shows on its row and ships nothing', async (t) => {
    await withPage(t, browser, 'admin-orders-paste', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.waitForSelector('.kq-orders__table .el-table__row')
      await page.locator('#kq-orders-courier-all').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '中通快递' }).first().click()
      // The newest six are the paste orders, newest first: the column goes down from the first row.
      const rows = [...forPaste].reverse()
      t.same(await page.locator('.kq-orders__waybill').evaluateAll((els) => els.slice(0, 6).map((e) => (e as unknown as { getAttribute (n: string): string }).getAttribute('data-order'))), rows, 'the paste orders lead the list')
      const numbers = ['75100000000001', '75100000000002', '75100000000003', 'bad!', '75100000000005', '75100000000006']
      await pasteInto(page, `.kq-orders__waybill[data-order="${rows[0]}"] input`, numbers.join('\r\n') + '\r\n')
      for (let i = 0; i < 6; i++) t.equal(await page.locator(`.kq-orders__waybill[data-order="${rows[i]}"] input`).inputValue(), numbers[i], `row ${i + 1} filled`)
      t.equal(await page.locator(`.kq-orders__waybill[data-order="${forEWaybill[1]}"] input`).inputValue(), '', 'the row below the column is left alone')
      await screenshot(page, 'admin-orders-pasted')
      await page.click('#kq-orders-save')
      t.match(await lastMessage(page, '已发货 5 单，1 单未发货'), '已发货 5 单，1 单未发货')
      const bad = page.locator(`.kq-orders__waybill[data-order="${rows[3]}"] .kq-orders__row-error`)
      await bad.waitFor()
      t.equal(await bad.innerText(), '运单号须为 6-32 位字母或数字', 'the error on its row')
      for (const [i, no] of rows.entries()) {
        const s = await status(no)
        t.equal(s, i === 3 ? 'pending' : 'shipped', `${i === 3 ? 'the bad row ships nothing' : `row ${i + 1} shipped`}`)
      }
      const shipped = await api('GET', `/api/v1/orders/${rows[0]}`)
      t.match(shipped, { courier_code: 'ZTO', waybill_no: '75100000000001' }, 'with the courier chosen for all')
      t.match(await row(page, rows[0]).innerText(), '75100000000001')
      t.match((await page.locator('#kq-orders-tabs').innerText()).replace(/\s+/g, ''), '今日已发货5', 'the counts follow')
      await screenshot(page, 'admin-orders-paste-shipped')

      // The bad row fixed by typing, Enter ships it and moves to the next row.
      const input = page.locator(`.kq-orders__waybill[data-order="${rows[3]}"] input`)
      await input.fill('75100000000004')
      await input.press('Enter')
      for (let i = 0; i < 50 && await status(rows[3]) !== 'shipped'; i++) await page.waitForTimeout(100)
      t.equal(await status(rows[3]), 'shipped', 'Enter ships the row')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('手输发货: one order through the dialog', async (t) => {
    await withPage(t, browser, 'admin-orders-manual', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.waitForSelector('.kq-orders__table .el-table__row')
      await page.click('[data-tab="pending_tomorrow"]')
      await row(page, tomorrowOrders[0]).waitFor()
      await row(page, tomorrowOrders[0]).locator('.kq-orders__manual').click()
      await page.locator('.kq-ship-dialog').waitFor()
      await page.locator('#kq-ship-courier').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '顺丰速运' }).first().click()
      await page.locator('input#kq-ship-waybill').fill('SF1234567890')
      await screenshot(page, 'admin-orders-manual-dialog')
      await page.click('#kq-ship-submit')
      t.equal(await lastMessage(page, '已发货'), '已发货')
      t.match(await api('GET', `/api/v1/orders/${tomorrowOrders[0]}`), { status: 'shipped', courier_code: 'SF', waybill_no: 'SF1234567890' })
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('电子面单: the sender checked first; the fake SF ships one order and refuses the other, its reason on the order', async (t) => {
    const variant = await api('POST', '/api/v1/couriers', { name: '顺丰标快', base_code: 'SF', product_type: '1', monthly_account: '7551234567' })
    await api('PUT', `/api/v1/couriers/${variant.id}/account`, { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `http://127.0.0.1:${sf.port}/std/service` })
    sf.refuse.set(forEWaybill[1], ['8196', '收件人地址不详'])
    await withPage(t, browser, 'admin-orders-ewaybill', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await row(page, forEWaybill[0]).waitFor()
      await row(page, forEWaybill[0]).locator('.kq-orders__one-ewaybill').click()
      const alert = page.locator('#kq-ewaybill-sender')
      await alert.waitFor()
      t.match(await alert.innerText(), '省、市、区和详细地址都必须填写', 'an incomplete sender is said so')
      t.equal(await alert.locator('a').getAttribute('href'), '/admin/settings/e-waybill', 'with a link to fix it')
      t.ok(await page.locator('#kq-ewaybill-submit').isDisabled(), 'and nothing can be asked')
      await screenshot(page, 'admin-orders-ewaybill-sender')
      await page.locator('.kq-ewaybill .el-dialog__headerbtn').click()
      await api('PUT', '/api/v1/settings/e-waybill', { sender: SENDER })

      // Both ticked, one request for the two.
      for (const no of forEWaybill) await row(page, no).locator('.el-checkbox').click()
      await page.click('#kq-orders-ewaybill')
      await page.locator('#kq-ewaybill-account').waitFor()
      await page.locator('.kq-ewaybill .el-select').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '顺丰标快' }).first().click()
      await screenshot(page, 'admin-orders-ewaybill-dialog')
      const asked = page.waitForResponse((r) => r.url().endsWith('/api/v1/orders/e-waybill'))
      await page.click('#kq-ewaybill-submit')
      t.same((await (await asked).json()).queued.sort(), [...forEWaybill].sort())
      await server.app.services.worker.drainAll()
      const reason = row(page, forEWaybill[1]).locator('.kq-orders__ewaybill-error')
      await reason.waitFor()
      t.match(await reason.innerText(), '电子面单失败：8196: 收件人地址不详', 'the refusal on the order')
      await row(page, forEWaybill[0]).waitFor({ state: 'detached' })
      t.pass('the shipped order left 今日待发货')
      t.match(await api('GET', `/api/v1/orders/${forEWaybill[0]}`), { status: 'shipped', courier_code: variant.code })
      t.equal(await status(forEWaybill[1]), 'pending')
      t.same(sf.calls.map((c) => c.orderId).sort(), [...forEWaybill].sort(), 'SF was asked for both')
      await screenshot(page, 'admin-orders-ewaybill-refused')
      await page.click('[data-tab="shipped_today"]')
      await row(page, forEWaybill[0]).waitFor()
      t.match(await row(page, forEWaybill[0]).innerText(), /SF74400000\d{4}/, 'the waybill on the shipped order')
      t.match(await row(page, forEWaybill[0]).innerText(), '顺丰标快')
      await screenshot(page, 'admin-orders-ewaybill-shipped')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('批量发货: the template, a dry run, then the import with one bad row', async (t) => {
    await withPage(t, browser, 'admin-orders-import', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.click('#kq-orders-import')
      await page.waitForSelector('.kq-ship-import')
      const template = page.waitForEvent('download')
      await page.click('#kq-ship-import-template')
      t.equal((await template).suggestedFilename(), 'ship-import-template.xlsx')
      const file = await xlsx([['order_no', 'courier', 'waybill_no'], [forImport[0], '圆通速递', 'YT1000000001'], [forImport[1], '不存在快递', 'YT1000000002']])
      await page.locator('#kq-ship-import-file input[type=file]').setInputFiles({ name: 'ship.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
      await page.click('#kq-ship-import-check')
      await page.waitForSelector('#kq-ship-import-summary')
      t.match(await page.locator('#kq-ship-import-summary').innerText(), '检查完成：1 行可以发货')
      t.equal(await status(forImport[0]), 'pending', 'the dry run ships nothing')
      await page.click('#kq-ship-import-submit')
      await page.waitForSelector('#kq-ship-import-summary:has-text("导入完成")')
      t.match(await page.locator('#kq-ship-import-summary').innerText(), '发货 1 单')
      const report = await page.locator('#kq-import-report').innerText()
      t.match(report, '1 行未发货')
      t.match(report, '快递公司（courier）')
      t.match(report, '快递公司不存在')
      t.equal(await status(forImport[0]), 'shipped')
      t.equal(await status(forImport[1]), 'pending', 'the bad row ships nothing')
      const xlsxReport = page.waitForEvent('download')
      await page.click('#kq-import-report-download')
      const rows = await readXlsx(readFileSync((await (await xlsxReport).path())!))
      t.same(rows.slice(1).map((r) => r[0]), [3], 'the report names row 3')
      await screenshot(page, 'admin-orders-import')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('订单导出: the current tab and filter through a single-use link, rows counted', async (t) => {
    await withPage(t, browser, 'admin-orders-export', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.click('[data-tab="shipped_today"]')
      await page.waitForSelector('.kq-orders__table .el-table__row')
      const shownCount = Number((await page.locator('[data-tab="shipped_today"] b').innerText()).replace(/,/g, ''))
      t.equal(shownCount, 9, 'five pasted, one by Enter, one by hand, one e-waybill, one imported')
      await page.click('#kq-orders-export')
      await page.locator('.kq-order-export').waitFor()
      t.match(await page.locator('.kq-order-export').innerText(), '今日已发货')
      await screenshot(page, 'admin-orders-export')
      const download = page.waitForEvent('download')
      const linked = page.waitForResponse((r) => r.url().endsWith('/api/v1/orders/export-link'))
      await page.click('#kq-order-export-start')
      const url = (await (await linked).json()).url as string
      const file = await download
      t.equal(file.suggestedFilename(), 'orders.xlsx')
      const rows = await readXlsx(readFileSync((await file.path())!))
      t.equal(rows.length - 1, shownCount, 'one row per order of the tab')
      t.equal(rows[0][0], '订单号')
      t.equal((await server.app.inject({ method: 'GET', url })).statusCode, 404, 'the link worked once')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('面单: one order\'s label and the ticked orders\' labels as one PDF; 取消面单 confirmed and sent to SF', async (t) => {
    // The refused order asked again: two SF e-waybills to print.
    sf.refuse.delete(forEWaybill[1])
    const variant = (await api('GET', '/api/v1/couriers')).items.find((c: { name: string }) => c.name === '顺丰标快')
    await api('POST', `/api/v1/orders/${forEWaybill[1]}/e-waybill`, { courier_account_id: variant.id })
    await server.app.services.worker.drainAll()
    t.equal(await status(forEWaybill[1]), 'shipped')
    const pages = async (path: string) => (await PDFDocument.load(readFileSync(path))).getPageCount()
    await withPage(t, browser, 'admin-orders-labels', WIDE, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/orders')
      await page.click('[data-tab="shipped_today"]')
      await row(page, forEWaybill[0]).waitFor()
      t.equal(await row(page, forImport[0]).locator('.kq-orders__label').count(), 0, 'a waybill typed in has no label to print')
      await screenshot(page, 'admin-orders-labels-row')

      const one = page.waitForEvent('download')
      await row(page, forEWaybill[0]).locator('.kq-orders__label').click()
      const file = await one
      t.equal(file.suggestedFilename(), 'labels.pdf')
      t.equal(await pages((await file.path())!), 1, 'the order\'s label, one page')

      // Both ticked: one PDF, the labels in the list's order.
      for (const no of forEWaybill) await row(page, no).locator('.el-checkbox').click()
      t.match(await page.locator('#kq-orders-labels').innerText(), '打印面单（已勾选 2）')
      await screenshot(page, 'admin-orders-labels-ticked')
      const both = page.waitForEvent('download')
      await page.click('#kq-orders-labels')
      t.equal(await pages((await (await both).path())!), 2, 'two labels, two pages')
      const printed = sf.others.filter((c) => c.serviceCode === 'COM_RECE_CLOUD_PRINT_WAYBILLS')
      t.equal(printed.length, 2, 'one print call per download')
      t.match(printed[1].msg, { templateCode: 'fm_150_standard_KQTEST', version: '2.0', fileType: 'pdf', sync: true })
      t.equal((printed[1].msg.documents as unknown[]).length, 2)

      // 取消面单: confirmed first; the order is pending again, SF is told through the outbox.
      const waybill = (await api('GET', `/api/v1/orders/${forEWaybill[1]}`)).waybill_no
      await row(page, forEWaybill[1]).locator('.kq-orders__cancel-ewaybill').click()
      const box = page.locator('.el-message-box')
      await box.waitFor()
      t.match(await box.innerText(), `取消订单 ${forEWaybill[1]} 的电子面单 ${waybill}`)
      await screenshot(page, 'admin-orders-labels-cancel-confirm')
      await box.getByRole('button', { name: '取消电子面单' }).click()
      t.match(await lastMessage(page, `运单 ${waybill} 已退回`), `运单 ${waybill} 已退回，正在通知快递公司取消`)
      t.match(await api('GET', `/api/v1/orders/${forEWaybill[1]}`), { status: 'pending', waybill_no: null })
      await server.app.services.worker.drainAll()
      t.match(sf.others.filter((c) => c.serviceCode === 'EXP_RECE_UPDATE_ORDER'), [{ msg: { orderId: `${forEWaybill[1]}-1`, dealType: 2 } }], 'SF cancels the order the waybill came from')
      await row(page, forEWaybill[1]).waitFor({ state: 'detached' })
      t.pass('the order left 今日已发货')
      await screenshot(page, 'admin-orders-labels-cancelled')
      t.same(problems, [], 'no console errors')
    })
  })
})
