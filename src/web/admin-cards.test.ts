// 卡券管理 in the console (/admin), in Debian's Chromium against the real server: a batch bound
// to two products created through the form, the batch list, a serial range activated through
// its preview, a bulk edit of one field, void → restore → void → delete, the printer's export
// (zip with QR codes that decode to PUBLIC_BASE_URL), an import with a bad row and then a good
// one, and an admin without cards.export_secrets who is never offered passwords.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import t from 'tap'
import { unzip } from '../test-support/zip.js'
import ExcelJS from 'exceljs'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'

const skip = browserSkip()
t.setTimeout(400_000)
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null


async function readXlsx (buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function xlsx (rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('卡券')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** An Element Plus input (el-input, el-input-number) by the id given to the component. */
const input = (page: Page, id: string) => page.locator(`input#${id}, textarea#${id}, #${id} input`).first()
/** Ticks an Element Plus checkbox by the id of its input (the input itself is hidden). */
const tick = (page: Page, id: string) => page.locator(`.el-checkbox:has(#${id})`).click()

/** Picks an option of the open Element Plus select. */
async function pick (page: Page, trigger: string, option: string): Promise<void> {
  await page.locator(trigger).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Confirms the open Element Plus message box with the button named `button`. */
async function confirmBox (page: Page, button: string): Promise<string> {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const text = (await box.innerText()).trim()
  await box.getByRole('button', { name: button }).click()
  await box.waitFor({ state: 'hidden' })
  return text
}

t.test('卡券管理 in a browser', { skip }, async (t) => {
  const server = await pickupServer(t)
  const admin = server.auth(server.token)
  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) })
    return res.json()
  }
  const cardsOf = async (batchNo: string) => (await api('GET', `/api/v1/cards?batch_no=${batchNo}&limit=500`)).items as Array<Record<string, any>>
  const browser = await launchBrowser(t)
  // admin.html names no icon: Chromium asks for /favicon.ico once and logs the 404 as a console
  // error. Asked here first, so the pages' own checks stay strict.
  const warm = await browser.newPage()
  await warm.goto(`${server.url}/admin/login`)
  await warm.waitForTimeout(1000)
  await warm.close()
  let batchNo = ''

  t.test('创建卡券: a batch bound to two products through the form; the batch list shows it', async (t) => {
    await withPage(t, browser, 'admin-cards-create', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/cards/new')
      await page.waitForSelector('#kq-card-submit')
      t.match(await page.locator('.kq-card-create').innerText(), '卡前缀第一位不能为数字', 'the manual\'s help texts are there')
      await input(page, 'kq-card-prefix').fill('0A')
      await input(page, 'kq-card-name').click()
      await page.waitForSelector('.el-form-item__error')
      t.match(await page.locator('.el-form-item__error').first().innerText(), '卡号前缀只能由字母和数字组成，且不能以 0 开头')
      await input(page, 'kq-card-prefix').fill('388')
      await input(page, 'kq-card-name').fill('388 卡')
      await input(page, 'kq-card-quantity').fill('30')
      await input(page, 'kq-card-quantity').press('Tab')
      await page.locator('#kq-card-products .el-checkbox', { hasText: '苹果礼盒' }).click()
      await page.locator('#kq-card-products .el-checkbox', { hasText: '桃子礼盒' }).click()
      await input(page, 'kq-card-face').fill('388')
      await input(page, 'kq-card-remark').fill('中秋礼盒')
      await page.locator('.el-radio', { hasText: '字母 + 数字' }).click()
      t.match(await page.locator('.kq-card-create').innerText(), '请先确认你的合作印刷厂是否支持字母喷码', 'the printer warning for letters')
      await page.locator('.el-radio', { hasText: '纯数字' }).click()
      t.equal(await page.locator('#kq-card-example').innerText(), '38800000001（系统接着本前缀已用的最大号往后排）')
      await screenshot(page, 'admin-cards-create-form')
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/card-batches') && r.request().method() === 'POST')
      await page.click('#kq-card-submit')
      const created = await (await answer).json()
      await page.waitForSelector('.el-result__title:has-text("卡券已生成")')
      batchNo = created.batch_no
      const batch = await api('GET', `/api/v1/card-batches/${batchNo}`)
      t.match(batch, { name: '388 卡', prefix: '388', quantity: 30, face_value: 38800, remark: '中秋礼盒', activate: false, password_charset: 'digits' })
      t.same(batch.product_ids, [server.apple, server.peach].sort((a, b) => a - b), 'bound to both products')
      t.same(batch.counts, { inactive: 30, active: 0, redeemed: 0, voided: 0, total: 30 })
      await screenshot(page, 'admin-cards-create-done')

      await page.click('.el-menu-item:has-text("卡券批次")')
      await page.waitForSelector(`.kq-batches .el-table__row:has-text("${batchNo}")`)
      const row = await page.locator(`.kq-batches .el-table__row:has-text("${batchNo}")`).innerText()
      t.match(row, '388 卡')
      t.match(row, '苹果礼盒、桃子礼盒')
      t.match(row, '¥388.00')
      t.match(row, '30 张')
      t.match(row.replace(/\s+/g, ''), '未激活30·已激活0·已提货0·已作废0', 'its counts by state')
      await screenshot(page, 'admin-cards-batches')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('快速创建: products and quantity only; a large batch shows its generation progress until it is ready', async (t) => {
    await withPage(t, browser, 'admin-cards-quick', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      // A batch over 10,000 cards is generated in the background; this one is small, so its
      // answer is shown as a large one's would be (generating, then halfway, then ready).
      await page.route((u) => u.pathname === '/api/v1/card-batches', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback()
        const res = await route.fetch()
        const body = await res.json()
        await route.fulfill({ response: res, status: 202, json: { ...body, status: 'generating', progress: { done: 0, total: body.quantity } } })
      })
      let polls = 0
      await page.route((u) => u.pathname.startsWith('/api/v1/card-batches/B'), async (route) => {
        const res = await route.fetch()
        const body = await res.json()
        polls++
        await route.fulfill({ response: res, json: polls === 1 ? { ...body, status: 'generating', progress: { done: 15, total: body.quantity } } : body })
      })
      await openConsole(page, server.url, server.token, '/admin/cards/new')
      await page.locator('.el-tabs__item', { hasText: '快速创建' }).click()
      await page.locator('#kq-quick-products .el-checkbox', { hasText: '苹果礼盒' }).click()
      await input(page, 'kq-quick-quantity').fill('30')
      await input(page, 'kq-quick-quantity').press('Tab')
      await page.click('#kq-quick-submit')
      await page.waitForSelector('.kq-card-create__progress:has-text("已生成 15 / 30 张")')
      await screenshot(page, 'admin-cards-generating')
      await page.waitForSelector('.el-result__title:has-text("卡券已生成")')
      const quick = (await api('GET', '/api/v1/card-batches?limit=1')).items[0]
      t.match(quick, { quantity: 30, number_mode: 'sequential', password_length: 10, activate: false, status: 'ready' }, 'the quick batch with the defaults')
      t.same(quick.product_ids, [server.apple])
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('卡券列表: a serial range activated through its preview; one field bulk-edited, the others unchanged', async (t) => {
    const before = await cardsOf(batchNo)
    const first = before[0].serial as number
    // One card of the range is active already: the preview counts it as skipped, with its reason.
    await api('POST', `/api/v1/cards/${before[0].card_no}/activate`)
    await withPage(t, browser, 'admin-cards-list', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      await page.waitForSelector(`.kq-cards__table .el-table__row:has-text("${before[0].card_no}")`)
      t.equal(await page.locator('.kq-cards__table .el-table__body .el-table__row').count(), 20, 'a page of 20')
      const counts = await page.locator('#kq-cards-counts').innerText()
      t.match(counts.replace(/\s+/g, ''), '全部30未激活29已激活1已提货0已作废0', 'the counts by state of the filter')
      t.notMatch(counts, '精确统计', 'a batch filter counts exactly: no button')
      await page.click('#kq-cards-next')
      await page.waitForSelector(`.kq-cards__table .el-table__row:has-text("${before[29].card_no}")`)
      t.equal(await page.locator('.kq-cards__table .el-table__body .el-table__row').count(), 10, 'the second page has the other 10')
      await screenshot(page, 'admin-cards-list')

      await page.click('#kq-cards-bulk')
      const dialog = page.locator('.kq-bulk')
      await dialog.waitFor()
      await dialog.locator('.el-radio', { hasText: '卡序号区间' }).click()
      await input(page, 'kq-bulk-serial-from').fill(String(first))
      await input(page, 'kq-bulk-serial-to').fill(String(first + 9))
      await input(page, 'kq-bulk-serial-to').press('Tab')
      await dialog.locator('.el-radio-button', { hasText: '激活' }).first().click()
      await page.click('#kq-bulk-preview-btn')
      await page.waitForSelector('#kq-bulk-preview')
      t.equal(await page.locator('#kq-bulk-matched').innerText(), '10', 'the dry run matched the 10 serials')
      t.equal(await page.locator('#kq-bulk-changed').innerText(), '9', 'and will change 9')
      t.equal(await page.locator('#kq-bulk-skipped').innerText(), '1')
      t.match(await page.locator('#kq-bulk-preview').innerText(), '跳过 1 张：已经是激活状态', 'the reason in Chinese')
      t.equal((await cardsOf(batchNo)).filter((c) => c.status === 'active').length, 1, 'the preview changed nothing')
      await screenshot(page, 'admin-cards-bulk-preview')
      await page.click('#kq-bulk-confirm')
      t.match(await confirmBox(page, '确定执行'), '将激活 9 张卡券')
      await page.waitForSelector('#kq-bulk-result')
      t.match(await page.locator('#kq-bulk-result').innerText(), '已变更 9 张')
      const activated = await cardsOf(batchNo)
      t.same(activated.filter((c) => c.status === 'active').map((c) => c.serial), Array.from({ length: 10 }, (_, i) => first + i), 'exactly the range is active')
      await page.locator('.kq-bulk').getByRole('button', { name: '关闭', exact: true }).click()
      await page.waitForFunction(() => (globalThis as any).document.querySelector('#kq-cards-counts')?.textContent.replace(/\s+/g, '').includes('已激活10'))

      // 批量修改: only the remark of the batch, ticked; the other fields stay as they were.
      await page.click('#kq-cards-bulk')
      await dialog.waitFor()
      await dialog.locator('.el-radio', { hasText: '当前筛选结果' }).click()
      await dialog.locator('.el-radio-button', { hasText: '批量修改' }).click()
      await tick(page, 'kq-bulk-tick-remark')
      await input(page, 'kq-bulk-remark').fill('团购专用')
      await page.click('#kq-bulk-preview-btn')
      await page.waitForSelector('#kq-bulk-preview')
      t.equal(await page.locator('#kq-bulk-matched').innerText(), '30')
      t.equal(await page.locator('#kq-bulk-changed').innerText(), '30')
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/cards/bulk') && r.method() === 'POST')
      await page.click('#kq-bulk-confirm')
      await confirmBox(page, '确定执行')
      t.same((await sent).postDataJSON(), { action: 'update', target: { filter: { batch_no: batchNo } }, dry_run: false, fields: { remark: '团购专用' } }, 'only the ticked field is sent')
      await page.waitForSelector('#kq-bulk-result')
      const edited = await cardsOf(batchNo)
      t.ok(edited.every((c) => c.remark === '团购专用'), 'every card has the new remark')
      const strip = (c: Record<string, any>) => ({ ...c, remark: null, updated_at: null })
      t.same(edited.map(strip), activated.map(strip), 'products, validity, face value, distributor and state unchanged')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('批量操作 on the ticked rows; a large action\'s background job shows its progress', async (t) => {
    const cards = await cardsOf(batchNo)
    await withPage(t, browser, 'admin-cards-job', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      // Over 20,000 cards an action answers 202 with a job; these two are done at once, so the
      // answer is shown as a job's would be (running, then done with the real counts).
      let done: Record<string, unknown> = {}
      const job = { job_no: 'J-test', action: 'deactivate', dry_run: false, error_code: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString(), finished_at: null }
      await page.route((u) => u.pathname === '/api/v1/cards/bulk', async (route) => {
        const res = await route.fetch()
        const body = await res.json()
        if (body.dry_run) return route.fulfill({ response: res, json: body })
        done = body
        await route.fulfill({ response: res, status: 202, json: { ...job, status: 'running', matched: 0, changed: 0, skipped: {}, progress: { done: 0, total: 2 } } })
      })
      let polls = 0
      await page.route((u) => u.pathname === '/api/v1/card-bulk-jobs/J-test', async (route) => {
        polls++
        await route.fulfill({ json: polls === 1 ? { ...job, status: 'running', matched: 1, changed: 1, skipped: {}, progress: { done: 1, total: 2 } } : { ...job, ...done, status: 'done', progress: { done: 2, total: 2 }, finished_at: new Date().toISOString() } })
      })
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      await page.waitForSelector(`.kq-cards__table .el-table__row:has-text("${cards[1].card_no}")`)
      for (const c of cards.slice(1, 3)) await page.locator(`.kq-cards__table .el-table__row:has-text("${c.card_no}") .el-checkbox`).click()
      await page.click('#kq-cards-bulk')
      const dialog = page.locator('.kq-bulk')
      await dialog.waitFor()
      t.ok(await dialog.locator('.el-radio', { hasText: '勾选的卡（2 张）' }).locator('input').isChecked(), 'the ticked rows are the target')
      await dialog.locator('.el-radio-button', { hasText: '取消激活' }).click()
      await page.click('#kq-bulk-preview-btn')
      await page.waitForSelector('#kq-bulk-preview')
      t.equal(await page.locator('#kq-bulk-changed').innerText(), '2')
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/cards/bulk') && !r.postDataJSON().dry_run)
      await page.click('#kq-bulk-confirm')
      await confirmBox(page, '确定执行')
      t.same((await sent).postDataJSON().target, { card_nos: [cards[1].card_no, cards[2].card_no] })
      await page.waitForSelector('.kq-bulk:has-text("正在后台取消激活")')
      await page.waitForSelector('.kq-bulk:has-text("已处理 1 张")')
      await screenshot(page, 'admin-cards-job')
      await page.waitForSelector('#kq-bulk-result')
      t.match(await page.locator('#kq-bulk-result').innerText(), '已变更 2 张')
      const after = await cardsOf(batchNo)
      t.same(after.slice(1, 3).map((c) => c.status), ['inactive', 'inactive'], 'the two ticked cards are deactivated')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('a card: void → restore → void → delete in its drawer, with its history', async (t) => {
    const card = (await cardsOf(batchNo))[20]
    t.equal(card.status, 'inactive')
    await withPage(t, browser, 'admin-cards-drawer', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      await input(page, 'kq-filter-card').fill(card.card_no)
      await page.click('#kq-filter-search')
      await page.waitForSelector(`.kq-cards__table .el-table__row:has-text("${card.card_no}")`)
      await page.locator('.kq-cards__table .el-table__row').getByRole('button', { name: card.card_no }).click()
      const drawer = page.locator('.kq-card-drawer')
      await drawer.waitFor()
      await drawer.locator('.el-descriptions').waitFor()
      t.match(await drawer.innerText(), '苹果礼盒、桃子礼盒')
      const step = async (button: string, confirm: string, state: string | null) => {
        await drawer.getByRole('button', { name: button, exact: true }).click()
        await confirmBox(page, confirm)
        t.match(await lastMessage(page, `已${button}卡券`), `已${button}卡券`)
        if (state) await drawer.locator('.el-descriptions .el-tag', { hasText: state }).waitFor()
      }
      await step('作废', '确定', '已作废')
      t.equal((await api('GET', `/api/v1/cards/${card.card_no}`)).status, 'voided')
      await step('恢复', '确定', '未激活')
      t.equal((await api('GET', `/api/v1/cards/${card.card_no}`)).status, 'inactive', 'restored to its state before voiding')
      await step('作废', '确定', '已作废')
      const history = await drawer.locator('.el-timeline').innerText()
      t.match(history, '生成')
      t.match(history, '修改了备注')
      t.equal(await drawer.locator('.el-timeline-item b', { hasText: /^作废$/ }).count(), 2, 'voided twice in its history')
      t.match(history, '恢复')
      await screenshot(page, 'admin-cards-drawer')
      await drawer.getByRole('button', { name: '删除', exact: true }).click()
      t.match(await confirmBox(page, '永久删除'), '删除后不可恢复')
      await drawer.waitFor({ state: 'hidden' })
      const gone = await server.app.inject({ method: 'GET', url: `/api/v1/cards/${card.card_no}`, headers: admin })
      t.equal(gone.statusCode, 404, 'deleted')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('导出 for the printer: a zip with QR codes pointing at PUBLIC_BASE_URL, downloaded by a single-use link', async (t) => {
    await withPage(t, browser, 'admin-cards-export', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      await page.waitForSelector('.kq-cards__table .el-table__row')
      await page.click('#kq-cards-export')
      await page.locator('.kq-export').waitFor()
      await page.locator('.kq-export .el-radio', { hasText: '给印刷厂' }).click()
      await tick(page, 'kq-export-passwords')
      await screenshot(page, 'admin-cards-export')
      const download = page.waitForEvent('download')
      const linked = page.waitForResponse((r) => r.url().endsWith('/api/v1/cards/export-link'))
      await page.click('#kq-export-start')
      const link = await (await linked).json()
      const file = await download
      t.equal(file.suggestedFilename(), 'cards.zip')
      t.equal(file.url(), `${server.url}${link.url}`, 'the browser followed the link itself (no fetch into the page)')
      const zip = await unzip(readFileSync((await file.path())!))
      const pngs = [...zip.keys()].filter((k) => k.startsWith('qr/'))
      t.equal(pngs.length, 29, 'one QR code per card of the batch (one was deleted)')
      const cards = await cardsOf(batchNo)
      const png = PNG.sync.read(zip.get(`qr/${cards[0].card_no}.png`)!)
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      t.equal(code?.data, `${server.url}/r/default?c=${cards[0].card_no}`, 'the QR decodes to the pickup address under PUBLIC_BASE_URL')
      const rows = await readXlsx(zip.get('cards.xlsx')!)
      t.equal(rows[0][2], '密码', 'with passwords, as ticked')
      t.equal(rows.length, 30)
      const again = await server.app.inject({ method: 'GET', url: link.url })
      t.equal(again.statusCode, 404, 'the link worked once')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('卡券导入: a file with a bad row shows the report; a good one becomes a batch', async (t) => {
    await withPage(t, browser, 'admin-cards-import', DESKTOP, async (page) => {
      // The refused file's 422 is logged by the browser itself.
      const problems = consoleProblems(page, [/status of 422/])
      await openConsole(page, server.url, server.token, '/admin/cards/import')
      await page.waitForSelector('#kq-import-submit')
      const template = page.waitForEvent('download')
      await page.click('#kq-import-template')
      t.equal((await template).suggestedFilename(), 'card-import-template.xlsx', 'the template downloads')
      await page.locator('#kq-import-products .el-checkbox', { hasText: '桃子礼盒' }).click()
      await input(page, 'kq-import-name').fill('自编号卡')
      const header = ['card_no', 'password', 'face_value', 'valid_from', 'valid_to']
      const bad = await xlsx([header, ['IMP00000001', 'Pass123456', 100, '', ''], ['X1', 'Pass123457', '', '', ''], ['IMP00000003', 'Pass123458', '12.345', '', '']])
      await page.locator('.kq-import__upload input[type=file]').setInputFiles({ name: 'bad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad })
      await page.click('#kq-import-submit')
      await page.waitForSelector('#kq-import-report')
      const report = await page.locator('#kq-import-report').innerText()
      t.match(report, '导入文件有错误，未导入任何卡券')
      t.match(report, '共发现 2 个问题')
      t.match(report, /3\s+卡号（card_no）\s+卡号须为 4-36 位字母或数字/, 'row 3, its column and the problem')
      t.match(report, /4\s+面值（face_value）\s+面值须为数字（元），最多两位小数/)
      t.equal((await api('GET', '/api/v1/cards?card_no_prefix=IMP')).items.length, 0, 'nothing imported')
      const xlsxReport = page.waitForEvent('download')
      await page.click('#kq-import-report-download')
      const rows = await readXlsx(readFileSync((await (await xlsxReport).path())!))
      t.same(rows[1], [3, 'card_no', '卡号须为 4-36 位字母或数字'], 'the report as xlsx')
      await screenshot(page, 'admin-cards-import-report')

      const good = await xlsx([header, ['IMP00000001', 'Pass123456', 100, '', ''], ['IMP00000002', 'Pass123457', '', '2026-12-01', '2027-03-01']])
      await page.locator('.kq-import__upload input[type=file]').setInputFiles({ name: 'good.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good })
      await page.locator('.kq-import__upload .el-upload-list__item', { hasText: 'bad.xlsx' }).waitFor({ state: 'detached' })
      t.equal(await page.locator('.kq-import__upload .el-upload-list__item').count(), 1, 'the new file replaces the old one')
      await page.click('#kq-import-check')
      await page.waitForSelector('#kq-import-checked')
      t.equal((await api('GET', '/api/v1/cards?card_no_prefix=IMP')).items.length, 0, 'the check imports nothing')
      await page.click('#kq-import-submit')
      await page.waitForSelector('#kq-import-done')
      const imported = (await api('GET', '/api/v1/cards?card_no_prefix=IMP')).items
      t.same(imported.map((c: any) => [c.card_no, c.face_value, c.valid_to, c.products.map((p: any) => p.name)]), [
        ['IMP00000001', 10000, null, ['桃子礼盒']], ['IMP00000002', null, '2027-03-01', ['桃子礼盒']],
      ])
      const verify = await server.verify('IMP00000002', 'Pass123457')
      t.not(verify.statusCode, 200, 'an imported card is inactive until activated (激活 was not ticked)')
      await screenshot(page, 'admin-cards-import-done')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('手机号发卡 and the other pages open cleanly; the list at 1920×1080', async (t) => {
    await withPage(t, browser, 'admin-cards-phone', DESKTOP, async (page) => {
      const problems = consoleProblems(page, [/status of 422/])
      await openConsole(page, server.url, server.token, '/admin/cards/phone-issue')
      await page.waitForSelector('#kq-phone-submit')
      await pick(page, '#kq-phone-batch', batchNo)
      const list = await xlsx([['phone', 'quantity'], ['13800138001', 2], ['1380013800', 1]])
      await page.locator('.kq-phone-issue__upload input[type=file]').setInputFiles({ name: 'phones.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: list })
      await page.click('#kq-phone-submit')
      await page.waitForSelector('#kq-import-report')
      t.match(await page.locator('#kq-import-report').innerText(), '手机号须为 11 位数字，以 1 开头')
      const fine = await xlsx([['phone', 'quantity'], ['13800138001', 2]])
      await page.locator('.kq-phone-issue__upload input[type=file]').setInputFiles({ name: 'phones.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fine })
      await page.click('#kq-phone-submit')
      await page.waitForSelector('#kq-phone-issued')
      t.equal(await page.locator('#kq-phone-issued .el-table__body .el-table__row').count(), 2, 'two cards issued to the phone')
      const bound = (await cardsOf(batchNo)).filter((c) => c.phone === '13800138001')
      t.equal(bound.length, 2)
      t.ok(bound.every((c) => c.status === 'active'), 'issued cards are active')
      await screenshot(page, 'admin-cards-phone-issue')
      t.same(problems, [], 'no console errors')
    })
    await withPage(t, browser, 'admin-cards-large', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/cards')
      await page.waitForSelector('.kq-cards__table .el-table__row')
      await screenshot(page, 'admin-cards-list-1920')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('a rare filter: "10,000+" until 精确统计 is clicked, and exact counts are never asked otherwise', async (t) => {
    await withPage(t, browser, 'admin-cards-capped', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      const asked: string[] = []
      page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/cards') asked.push(new URL(r.url()).search) })
      // 10,000 cards are more than this test makes: the server's capped answer is stood in for.
      await page.route((u) => u.pathname === '/api/v1/cards' && u.searchParams.has('card_no_prefix'), async (route) => {
        const res = await route.fetch()
        const body = await res.json()
        const exact = new URL(route.request().url()).searchParams.get('count') === 'exact'
        await route.fulfill({ response: res, json: exact ? { ...body, counts: { inactive: 7000, active: 5000, redeemed: 20, voided: 3, total: 12023 } } : { ...body, counts: { inactive: 6001, active: 4000, redeemed: 0, voided: 0, total: 10001 }, counts_capped: true } })
      })
      await openConsole(page, server.url, server.token, '/admin/cards')
      await page.waitForSelector('.kq-cards__table .el-table__row')
      await pick(page, '.kq-cards__filters .el-input-group__prepend .el-select', '开头是')
      await input(page, 'kq-filter-card').fill('388')
      await page.click('#kq-filter-search')
      await page.waitForSelector('#kq-cards-exact')
      t.match((await page.locator('#kq-cards-counts').innerText()).replace(/\s+/g, ''), '全部10,000+未激活6,001+已激活4,000+', 'shown as 10,000+')
      t.notOk(asked.some((q) => q.includes('count=exact')), 'no exact count asked for')
      t.ok(asked.every((q) => /limit=20(&|$)/.test(q)), 'never a page larger than shown')
      await screenshot(page, 'admin-cards-capped')
      await page.click('#kq-cards-exact')
      await page.waitForSelector('#kq-cards-exact', { state: 'detached' })
      t.match((await page.locator('#kq-cards-counts').innerText()).replace(/\s+/g, ''), '全部12,023未激活7,000已激活5,000已提货20已作废3', 'the exact counts once asked')
      t.equal(asked.filter((q) => q.includes('count=exact')).length, 1, 'asked once, on the click')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('an admin without cards.export_secrets is offered no password export', async (t) => {
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/admins', headers: admin, payload: { username: 'clerk', name: '发卡员', password: 'Clerk12345-kq#Pw', permissions: ['cards.read', 'cards.export', 'products.read'] } })
    t.equal(created.statusCode, 201, created.body)
    const token = await server.login('clerk', 'Clerk12345-kq#Pw')
    await withPage(t, browser, 'admin-cards-clerk', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, token, `/admin/cards?batch_no=${batchNo}`)
      await page.waitForSelector('.kq-cards__table .el-table__row')
      t.ok(await page.locator('#kq-cards-bulk').isDisabled(), 'no bulk action without its permissions')
      await page.click('#kq-cards-export')
      await page.locator('.kq-export').waitFor()
      t.equal(await page.locator('#kq-export-passwords').count(), 0, 'no password option')
      t.notMatch(await page.locator('.kq-export').innerText(), '包含提货密码')
      await screenshot(page, 'admin-cards-export-clerk')
      const download = page.waitForEvent('download')
      await page.click('#kq-export-start')
      const rows = await readXlsx(readFileSync((await (await download).path())!))
      t.notOk(rows[0].includes('密码'), 'the export has no passwords')
      t.equal(rows.length, 30)
      t.notMatch(await page.locator('.kq-menu').innerText(), '创建卡券', 'no 创建卡券 without cards.create')
      t.same(problems, [], 'no console errors')
    })
  })
})
