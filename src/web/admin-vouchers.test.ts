// 储值券 (stored-value vouchers) in the console (/admin), in Debian's Chromium against the real
// server: a product's 售价 and 供应商; a 200 元 / 90-day batch with restrictions through the form
// (a server refusal shown under its field); the batch and card lists; one card's drawer with its
// balance, an adjustment of −50 with a reason and its ledger row, the one extension (previewed,
// confirmed) and the refusal of a second; 解绑 of a voucher a mall sold to a phone; an admin
// without cards.edit sees the balance and no actions.
import type { Page } from 'playwright-core'
import t from 'tap'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { ledgerMismatches } from '../modules/cards/vouchers.repository.js'
import { createApp, openRequest } from '../test-support/open-fixture.js'

const skip = browserSkip()
t.setTimeout(300_000)

/** An Element Plus input (el-input, el-input-number) by the id given to the component. */
const input = (page: Page, id: string) => page.locator(`input#${id}, textarea#${id}, #${id} input`).first()

/** Picks options of an Element Plus multiple select, then closes its dropdown. */
async function pickMany (page: Page, id: string, options: string[]): Promise<void> {
  await page.locator(`.el-select:has(#${id})`).click()
  for (const o of options) {
    await page.locator(`#${id}`).fill(o)
    await page.locator('.el-select-dropdown__item:visible', { hasText: o }).first().click()
  }
  // Closed by a click beside it (the form's title), as a merchant would.
  await page.locator('.kq-page__title').click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
}

/** The day `n` days after a "YYYY-MM-DD". */
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

t.test('储值券 in a browser', { skip }, async (t) => {
  const server = await pickupServer(t, { quantity: 2 })
  const admin = server.auth(server.token)
  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  await api('PATCH', `/api/v1/products/${server.apple}`, { price: 5000, category: '水果', supplier: '果园甲' })
  await api('PATCH', `/api/v1/products/${server.peach}`, { price: 3000, category: '水果' })
  const browser = await launchBrowser(t)
  // Chromium asks for /favicon.ico once and logs the 404: asked here first (as admin-cards.test.ts does).
  const warm = await browser.newPage()
  await warm.goto(`${server.url}/admin/login`)
  await warm.waitForTimeout(1000)
  await warm.close()
  let batchNo = ''

  t.test('编辑商品: 售价 in yuan is saved in fen, with the 供应商; the list shows the price', async (t) => {
    await withPage(t, browser, 'admin-vouchers-product', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/products/${server.apple}`)
      await page.waitForSelector('#kq-product-price')
      t.equal(await input(page, 'kq-product-price').inputValue(), '50.00')
      t.equal(await input(page, 'kq-product-supplier').inputValue(), '果园甲')
      await input(page, 'kq-product-price').fill('55.5')
      await input(page, 'kq-product-supplier').fill('果园乙')
      await page.click('#kq-product-save')
      await lastMessage(page, '已保存')
      t.match(await api('GET', `/api/v1/products/${server.apple}`), { price: 5550, supplier: '果园乙', category: '水果' })
      await input(page, 'kq-product-price').fill('55.555')
      await input(page, 'kq-product-supplier').click()
      t.match(await page.locator('.el-form-item__error').first().innerText(), '售价请输入金额（元），最多两位小数')
      await page.goto(`${server.url}/admin/products`)
      const row = page.locator('.el-table__row', { hasText: '苹果礼盒' })
      await row.waitFor()
      t.match(await row.innerText(), '¥55.50')
      t.match(await row.innerText(), '供应商：果园乙')
      await screenshot(page, 'admin-vouchers-products')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('创建卡券 as 储值券: 200 元, 90 days from the day after activation, restricted to a category and a province', async (t) => {
    await withPage(t, browser, 'admin-vouchers-create', DESKTOP, async (page) => {
      // The refusal provoked below is logged by the browser as a failed resource.
      const problems = consoleProblems(page, [/status of 422/])
      await openConsole(page, server.url, server.token, '/admin/cards/new')
      await page.waitForSelector('#kq-card-submit')
      await page.locator('#kq-card-kind .el-radio-button', { hasText: '储值券' }).click()
      await page.waitForSelector('#kq-voucher-face')
      t.equal(await page.locator('#kq-card-products').count(), 0, 'no products of its own')
      t.equal(await page.locator('.el-form-item', { hasText: '卡号状态' }).count(), 0, 'not activated at creation')
      await input(page, 'kq-card-name').fill('储值券 200 元')
      await input(page, 'kq-card-prefix').fill('SV')
      await input(page, 'kq-card-quantity').fill('3')
      await input(page, 'kq-card-quantity').press('Tab')
      // 自定义 needs an amount; then the 200 元 preset.
      await page.locator('#kq-voucher-face .el-radio-button', { hasText: '自定义' }).click()
      await page.click('#kq-card-submit')
      t.match(await page.locator('.el-form-item:has(#kq-voucher-face) .el-form-item__error').innerText(), '请输入储值券面值')
      await page.locator('#kq-voucher-face .el-radio-button', { hasText: '200 元' }).click()
      await page.locator('#kq-voucher-validity .el-radio', { hasText: '激活次日起 90 天' }).click()
      await pickMany(page, 'kq-voucher-categories', ['水果'])
      await pickMany(page, 'kq-voucher-provinces', ['浙江省'])
      await page.locator('#kq-voucher-face').scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-vouchers-create-form')

      // A refusal of the kind's rules is shown under the field it is about.
      const batches = (u: URL) => u.pathname === '/api/v1/card-batches'
      await page.route(batches, (route) => route.request().method() === 'POST'
        ? route.fulfill({ status: 422, json: { code: 'valid_days_invalid', message: '有效天数和固定有效期只能选一种', request_id: 'test' } })
        : route.fallback())
      await page.click('#kq-card-submit')
      await page.locator('.el-form-item:has(#kq-voucher-validity) .el-form-item__error', { hasText: '有效天数和固定有效期只能选一种' }).waitFor()
      await page.unroute(batches)

      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/card-batches') && r.request().method() === 'POST')
      await page.click('#kq-card-submit')
      const created = await (await answer).json()
      await page.waitForSelector('.el-result__title:has-text("卡券已生成")')
      batchNo = created.batch_no
      const batch = await api('GET', `/api/v1/card-batches/${batchNo}`)
      t.match(batch, { kind: 'stored_value', name: '储值券 200 元', prefix: 'SV', quantity: 3, face_value: 20000, valid_days: 90, valid_from: null, valid_to: null, activate: false })
      t.same(batch.product_ids, [])
      t.same(batch.restrictions, { categories: ['水果'], provinces: ['浙江省'] })
      await screenshot(page, 'admin-vouchers-create-done')

      await page.click('.el-menu-item:has-text("卡券批次")')
      const row = page.locator(`.kq-batches .el-table__row:has-text("${batchNo}")`)
      await row.waitFor()
      const text = await row.innerText()
      t.match(text, '储值券')
      t.match(text, '指定类目：水果')
      t.match(text, '仅限收货地区：浙江省')
      t.match(text, '激活次日起 90 天')
      t.match(text, '¥200.00')
      await screenshot(page, 'admin-vouchers-batches')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('a card\'s drawer: balance, −50 with a reason, its ledger row, the one extension and the refusal of a second', async (t) => {
    const [card] = (await api('GET', `/api/v1/cards?batch_no=${batchNo}&limit=10`)).items as Array<{ card_no: string }>
    await api('POST', `/api/v1/cards/${card.card_no}/activate`)
    const loaded = await api('GET', `/api/v1/cards/${card.card_no}/voucher`)
    t.match(loaded, { balance: 20000, state: 'active', extended: false, valid_days: 90 })
    await withPage(t, browser, 'admin-vouchers-drawer', LARGE_DESKTOP, async (page) => {
      // The second extension's refusal is logged by the browser as a failed resource.
      const problems = consoleProblems(page, [/status of 409 .*\/voucher\/extend/])
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      const row = page.locator('.kq-cards__table .el-table__row', { hasText: card.card_no })
      await row.waitFor()
      t.match(await row.innerText(), '余额 ¥200.00', 'the list shows a voucher\'s balance')
      t.match(await row.innerText(), '储值券')
      t.match(await page.locator('.kq-cards__table .el-table__row', { hasText: 'SV00000002' }).innerText(), '激活后起算', 'an N-day voucher not sold yet has no dates')
      await screenshot(page, 'admin-vouchers-cards')
      await row.getByRole('button', { name: card.card_no }).click()
      const drawer = page.locator('.kq-card-drawer')
      await drawer.locator('#kq-voucher-balance').waitFor()
      t.equal((await drawer.locator('#kq-voucher-balance').innerText()).trim(), '200.00 元')
      t.equal((await drawer.locator('#kq-voucher-state').innerText()).trim(), '可用')
      const details = await drawer.locator('.kq-voucher .el-descriptions').innerText()
      t.match(details, `${loaded.valid_from} 至 ${loaded.valid_to}`)
      t.match(details, '指定类目：水果')
      t.match(details, '仅限收货地区：浙江省')
      t.match(await drawer.locator('#kq-voucher-ledger').innerText(), '充值（激活入账）')

      // 调整余额: −50, the reason required.
      await drawer.locator('#kq-voucher-adjust').click()
      await input(page, 'kq-voucher-adjust-amount').fill('50')
      await drawer.locator('#kq-voucher-adjust-save').click()
      await drawer.locator('.el-form-item__error', { hasText: '请填写调整原因' }).waitFor()
      await input(page, 'kq-voucher-adjust-reason').fill('线下已消费')
      await screenshot(page, 'admin-vouchers-adjust')
      await drawer.locator('#kq-voucher-adjust-save').click()
      t.match(await lastMessage(page, '已扣减 50.00 元'), '当前余额 150.00 元')
      await drawer.locator('#kq-voucher-balance', { hasText: '150.00 元' }).waitFor()
      const adjusted = drawer.locator('#kq-voucher-ledger .el-table__row', { hasText: '余额调整' })
      await adjusted.waitFor()
      const line = (await adjusted.innerText()).replace(/\s+/g, ' ')
      t.match(line, '-50.00')
      t.match(line, '150.00')
      t.match(line, '原因：线下已消费')
      t.equal((await api('GET', `/api/v1/cards/${card.card_no}/voucher`)).balance, 15000)

      // 延期: the dry run's new last day in the confirmation, then the extension.
      const until = plusDays(loaded.valid_to, 30)
      await drawer.locator('#kq-voucher-extend').click()
      const box = page.locator('.el-message-box')
      await box.waitFor()
      t.match(await box.innerText(), `延期后有效期至 ${until}（原到 ${loaded.valid_to}）`)
      await page.waitForTimeout(400) // the box's fade-in
      await screenshot(page, 'admin-vouchers-extend-confirm')
      await box.getByRole('button', { name: '确定延期' }).click()
      t.match(await lastMessage(page, '已延期'), `有效期至 ${until}`)
      await drawer.locator('#kq-voucher-validity', { hasText: until }).waitFor()
      t.match(await drawer.locator('.kq-voucher .el-descriptions').innerText(), '已延期')
      t.match(await drawer.locator('#kq-voucher-ledger').innerText(), `有效期 ${loaded.valid_to} → ${until}`)
      t.match(await api('GET', `/api/v1/cards/${card.card_no}/voucher`), { extended: true, valid_to: until })
      // The panel from its balance to its ledger, in one screen.
      await drawer.locator('.kq-voucher').evaluate((el) => { (el as unknown as { scrollIntoView (): void }).scrollIntoView() })
      await screenshot(page, 'admin-vouchers-drawer')

      // A second: the server's refusal, as it says it.
      await drawer.locator('#kq-voucher-extend').click()
      const refusal = page.locator('.el-message-box', { hasText: '不能延期' })
      await refusal.waitFor()
      t.match(await refusal.innerText(), '该储值券已延期过一次，不能再次延期')
      await page.waitForTimeout(400)
      await screenshot(page, 'admin-vouchers-extend-refused')
      await refusal.getByRole('button', { name: '知道了' }).click()
      t.equal((await api('GET', `/api/v1/cards/${card.card_no}/voucher`)).valid_to, until, 'extended once')
      t.same(await ledgerMismatches(server.db), [], 'the balance is the sum of its ledger')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('解绑: a voucher a mall sold to a phone, masked; the reason asked for; then 未绑定', async (t) => {
    const mall = await createApp(server, ['cards:issue', 'cards:read'])
    const res = await openRequest(server, mall, 'POST', '/open/v1/card-issues', { out_order_no: 'ORG-1', batch_no: batchNo, items: [{ phone: '13900000001', quantity: 1 }], send_sms: false })
    t.equal(res.statusCode, 201, res.body)
    const [sold] = res.json().cards as Array<{ card_no: string }>
    await withPage(t, browser, 'admin-vouchers-unbind', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/cards?card_no=${sold.card_no}`)
      const row = page.locator('.kq-cards__table .el-table__row', { hasText: sold.card_no })
      await row.getByRole('button', { name: sold.card_no }).click()
      const drawer = page.locator('.kq-card-drawer')
      await drawer.locator('#kq-voucher-balance', { hasText: '200.00 元' }).waitFor()
      t.match(await drawer.locator('.kq-voucher .el-descriptions').innerText(), '139****0001', 'the phone as the API masks it')
      await drawer.locator('#kq-voucher-unbind').click()
      const box = page.locator('.el-message-box', { hasText: '解绑手机号' })
      await box.waitFor()
      await box.getByRole('button', { name: '解绑' }).click()
      await box.locator('.el-message-box__errormsg', { hasText: '请填写解绑原因' }).waitFor()
      await box.locator('input').fill('顾客更换手机号')
      await page.waitForTimeout(400)
      await screenshot(page, 'admin-vouchers-unbind')
      await box.getByRole('button', { name: '解绑' }).click()
      await lastMessage(page, '已解绑手机号')
      await drawer.locator('.kq-voucher .el-descriptions', { hasText: '未绑定' }).waitFor()
      t.equal(await drawer.locator('#kq-voucher-unbind').count(), 0, 'nothing left to unbind')
      t.match(await drawer.locator('#kq-voucher-ledger').innerText(), '原因：顾客更换手机号')
      t.equal((await api('GET', `/api/v1/cards/${sold.card_no}/voucher`)).phone, null)
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('批量操作 → 储值券延期: the dry run counts, the extended and unsold ones are skipped in words', async (t) => {
    const cards = (await api('GET', `/api/v1/cards?batch_no=${batchNo}&limit=200`)).items as Array<{ card_no: string; status: string; extended: boolean; valid_to: string | null }>
    const due = cards.filter((c) => c.status === 'active' && !c.extended)
    t.ok(due.length >= 1 && cards.some((c) => c.extended), 'some to extend, one extended already')
    await withPage(t, browser, 'admin-vouchers-bulk-extend', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/cards?batch_no=${batchNo}`)
      await page.click('#kq-cards-bulk')
      const dialog = page.locator('.kq-bulk')
      await dialog.waitFor()
      await dialog.locator('.el-radio-button', { hasText: '储值券延期' }).click()
      t.match(await dialog.innerText(), '每张券只能延期一次')
      await page.click('#kq-bulk-preview-btn')
      await page.waitForSelector('#kq-bulk-preview')
      t.equal(await page.locator('#kq-bulk-matched').innerText(), String(cards.length))
      t.equal(await page.locator('#kq-bulk-changed').innerText(), String(due.length))
      const preview = await page.locator('#kq-bulk-preview').innerText()
      t.match(preview, '不能延期（不是储值券、已延期过，或已过期超过 30 天）')
      t.match(preview, '未激活（只有已激活的卡才能取消激活或延期）')
      await page.waitForTimeout(300)
      await screenshot(page, 'admin-vouchers-bulk-extend-preview')
      await page.click('#kq-bulk-confirm')
      await page.locator('.el-message-box').getByRole('button', { name: '确定执行' }).click()
      await page.waitForSelector('#kq-bulk-result')
      t.match(await page.locator('#kq-bulk-result').innerText(), `已变更 ${due.length} 张`)
      const after = await api('GET', `/api/v1/cards/${due[0].card_no}/voucher`)
      t.match(after, { extended: true, valid_to: plusDays(due[0].valid_to!, 30) }, '30 more days')
      t.same(await ledgerMismatches(server.db), [], 'every balance is the sum of its ledger')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('an admin without cards.edit sees the balance and no voucher actions', async (t) => {
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/admins', headers: admin, payload: { username: 'viewer', name: '查询员', password: 'Viewer12345-kq#Pw', permissions: ['cards.read', 'products.read'] } })
    t.equal(created.statusCode, 201, created.body)
    const token = await server.login('viewer', 'Viewer12345-kq#Pw')
    const [card] = (await api('GET', `/api/v1/cards?batch_no=${batchNo}&status=active&limit=1`)).items as Array<{ card_no: string }>
    await withPage(t, browser, 'admin-vouchers-viewer', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, token, `/admin/cards?card_no=${card.card_no}`)
      await page.locator('.kq-cards__table .el-table__row', { hasText: card.card_no }).getByRole('button', { name: card.card_no }).click()
      const drawer = page.locator('.kq-card-drawer')
      await drawer.locator('#kq-voucher-balance').waitFor()
      t.match(await drawer.locator('#kq-voucher-balance').innerText(), '元')
      t.equal(await drawer.locator('#kq-voucher-adjust, #kq-voucher-extend, #kq-voucher-unbind').count(), 0, 'no 调整余额, 延期 or 解绑')
      t.same(problems, [], 'no console errors')
    })
  })
})
