// The console's 概览, 提货前台, 商户信息 and 提货商品 pages in Debian's Chromium against the real
// server, at 1280×800 and 1920×1080: what a merchant does there, checked where it lands (the API,
// the pickup page /r/default, the downloaded QR code decoded).
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { cardPasswordKey, decryptCardPassword } from '../modules/cards/card-secrets.js'
import { DESKTOP, browserSkip, horizontalOverflow, launchBrowser, screenshot, withPage, type BrowserImage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, openConsole } from '../test-support/admin-console.js'
import { createBatch } from '../test-support/factories.js'
import { pickupServer, type PickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

// jsqr's CommonJS export is the function itself; its types say `default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default
const skip = browserSkip()
t.setTimeout(300_000)

// Monday 23 November 2026, 10:00 in Shanghai.
const clock = fixedClock('2026-11-23T02:00:00Z')

function png (width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const p = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) p.data.set([r, g, b, 255], i * 4)
  return PNG.sync.write(p)
}

async function api (s: PickupServer, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<any> {
  const res = await s.app.inject({ method, url, headers: s.auth(s.token), ...(payload ? { payload } : {}) })
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

async function order (s: PickupServer, index: number, reserveDate: string): Promise<string> {
  const c = s.cards[index]
  const v = await s.verify(c.card_no, c.password)
  const res = await s.submit({ token: v.json().token, product_id: s.apple, consignee: CONSIGNEE, reserve_date: reserveDate })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().order_no
}

/** The cards of a new active batch for `productId`, with their passwords. */
async function cardsFor (s: PickupServer, productId: number): Promise<Array<{ card_no: string; password: string }>> {
  const batch = await createBatch(s, s.token, { prefix: 'N', number_length: 6, quantity: 2, product_ids: [productId], activate: true, face_value: 18800 })
  const merchant = await s.db('merchants').where({ code: 'default' }).first()
  const key = cardPasswordKey(s.config.masterKey, merchant.id)
  const b = await s.db('card_batches').where({ batch_no: batch.batch_no }).first()
  const rows = await s.db('cards').where({ batch_id: b.id }).orderBy('serial').select('card_no', 'password_enc')
  return rows.map((r) => ({ card_no: r.card_no, password: decryptCardPassword(key, r.card_no, r.password_enc) }))
}

/** Waits for Element Plus's message with this text (an earlier one may still be showing). */
const toast = (page: Page, text: string) => page.locator('.el-message', { hasText: text }).last().waitFor()
const row = (page: Page, name: string) => page.locator('.el-table__body-wrapper .el-table__row', { hasText: name })
const listedNames = (page: Page) => page.locator('.el-table__body-wrapper .kq-products__name').allInnerTexts()
// The browser's own line for an answer the test provoked (the 409 of a refused delete).
const EXPECTED = [/Failed to load resource: the server responded with a status of 409/]

t.test('console: overview, pickup site, merchant, products', { skip }, async (t) => {
  const server = await pickupServer(t, { clock, quantity: 10 })
  const browser = await launchBrowser(t)

  // Orders: one placed on the 18th and shipped today; three today, due today, tomorrow, the day after.
  await server.setPickup({ reservation: { mode: 'any', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] } })
  clock.set('2026-11-18T02:00:00Z')
  const old = await order(server, 0, '2026-11-18')
  clock.set('2026-11-23T02:00:00Z')
  await api(server, 'POST', `/api/v1/orders/${old}/ship`, { courier_code: 'SF', waybill_no: 'SF1234567890' })
  await order(server, 1, '2026-11-23')
  await order(server, 2, '2026-11-24')
  await order(server, 3, '2026-11-25')

  t.test('概览: the fixture\'s figures, the 30-day chart, the PUBLIC_BASE_URL banner', async (t) => {
    for (const [size, options] of [['1280', DESKTOP], ['1920', LARGE_DESKTOP]] as const) {
      await withPage(t, browser, `admin-catalog-overview-${size}`, options, async (page) => {
        const problems = consoleProblems(page)
        const assets = new Set<string>()
        page.on('response', (r) => { if (/\/web\/assets\/.+\.(js|css)$/.test(r.url())) assets.add(new URL(r.url()).pathname.split('/').pop()!) })
        await openConsole(page, server.url, server.token, '/admin/')
        await page.waitForSelector('[data-testid="cards"]')
        const text = (id: string) => page.locator(`[data-testid="${id}"]`).innerText()
        t.match(await text('unredeemed'), /¥2,328\.00/, '6 active cards × ¥388.00 not yet redeemed')
        t.match(await text('cards-active'), /6\s*张[\s\S]*¥2,328\.00/)
        t.match(await text('cards-redeemed'), /4\s*张[\s\S]*¥1,552\.00/)
        t.match(await text('cards-inactive'), /0\s*张/)
        t.match(await text('cards-total'), /10\s*张[\s\S]*¥3,880\.00/)
        t.match(await text('orders-pending_today'), /1\s*单/)
        t.match(await text('orders-pending_tomorrow'), /1\s*单/)
        t.match(await text('orders-pending_day_after'), /1\s*单/)
        t.match(await text('orders-shipped_today'), /1\s*单/)
        t.match(await text('orders-shipped_yesterday'), /0\s*单/)
        t.equal(await text('redemptions-total'), '共 4 单', 'four redemptions in the last 30 days')
        const canvas = page.locator('.kq-overview__chart canvas')
        await canvas.waitFor()
        const box = await canvas.boundingBox()
        t.ok(box && box.width > 300 && box.height > 200, `the chart is drawn (${box?.width}×${box?.height})`)
        t.match(await text('failing'), /Webhook 推送[\s\S]*0[\s\S]*对接调用/)
        const banner = await text('base-url-warning')
        t.match(banner, server.url, 'the banner names the address')
        t.match(banner, /本机地址/, 'and says why the QR codes would not work')
        t.equal(await horizontalOverflow(page), 0)
        // The first screen after login is this page: the budget is 350 kB of JS and CSS, gzipped.
        let gzipped = 0
        for (const f of assets) gzipped += gzipSync(await readFile(join(server.config.webDir, 'assets', f))).length
        t.ok(gzipped <= 350_000, `first screen: ${assets.size} files, ${Math.round(gzipped / 1000)} kB gzipped`)
        await screenshot(page, `admin-catalog-overview-${size}`)
        await page.locator('[data-testid="failing"]').scrollIntoViewIfNeeded()
        await screenshot(page, `admin-catalog-overview-${size}-bottom`)
        t.same(problems, [])
      })
    }
  })

  t.test('概览: a webhook delivery given up on shows', async (t) => {
    const merchant = await server.db('merchants').where({ code: 'default' }).first()
    await server.db('outbox').insert({
      merchant_id: merchant.id, topic: 'webhook.delivery', payload: '{}', idempotency_key: 'admin-catalog-dead', status: 'dead', attempts: 8, next_attempt_at: 0, created_at: 0, updated_at: 0,
    })
    await withPage(t, browser, 'admin-catalog-overview-failing', DESKTOP, async (page) => {
      await openConsole(page, server.url, server.token, '/admin/')
      const tile = page.locator('[data-testid="failing"] .kq-stat').first()
      await tile.waitFor()
      t.match(await tile.innerText(), /Webhook 推送\s*1\s*条已放弃\s*0\s*条重试中/)
      t.ok(await tile.evaluate((el) => (el as unknown as { classList: { contains (c: string): boolean } }).classList.contains('kq-stat--bad')), 'marked as a problem')
      await page.locator('[data-testid="failing"]').scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-catalog-overview-failing')
    })
    await server.db('outbox').where({ idempotency_key: 'admin-catalog-dead' }).delete()
  })

  t.test('提货前台: the URL, a QR code that decodes to it as a PNG download, the pickup switch', async (t) => {
    const pickupUrl = `${server.url}/r/default`
    await withPage(t, browser, 'admin-catalog-pickup-site-1280', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/pickup-site')
      await page.waitForSelector('[data-testid="pickup-qr"]')
      t.equal(await page.getByLabel('提货网址', { exact: true }).inputValue(), pickupUrl)
      t.equal(await page.getByRole('link', { name: '打开提货页' }).getAttribute('href'), pickupUrl)
      t.match(await page.locator('[data-testid="pickup-state"]').innerText(), /已开启/)
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载二维码' }).click()])
      t.equal(download.suggestedFilename(), '提货二维码-default.png')
      const file = PNG.sync.read(await readFile((await download.path())!))
      t.ok(file.width >= 512, `a printable size (${file.width} px)`)
      t.equal(jsQR(new Uint8ClampedArray(file.data), file.width, file.height)?.data, pickupUrl, 'the downloaded QR code decodes to the pickup URL')
      await screenshot(page, 'admin-catalog-pickup-site-1280')

      // Switched off here, the pickup page says so; on again.
      await page.locator('.kq-site__switch').click()
      await page.locator('.el-message-box').getByRole('button', { name: '关闭提货' }).click()
      await page.locator('[data-testid="pickup-state"]', { hasText: '已关闭' }).waitFor()
      t.equal((await api(server, 'GET', '/api/v1/settings/pickup')).enabled, false)
      await page.locator('.kq-site__switch').click()
      await page.locator('[data-testid="pickup-state"]', { hasText: '已开启' }).waitFor()
      t.equal((await api(server, 'GET', '/api/v1/settings/pickup')).enabled, true)
      t.same(problems, [])
    })
    await withPage(t, browser, 'admin-catalog-pickup-site-1920', LARGE_DESKTOP, async (page) => {
      await openConsole(page, server.url, server.token, '/admin/pickup-site')
      await page.waitForSelector('[data-testid="pickup-qr"]')
      const src = await page.locator('[data-testid="pickup-qr"]').getAttribute('src')
      const shown = PNG.sync.read(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'))
      t.equal(jsQR(new Uint8ClampedArray(shown.data), shown.width, shown.height)?.data, pickupUrl, 'the QR code shown decodes to the URL too')
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'admin-catalog-pickup-site-1920')
    })
  })

  t.test('提货商品: create with a name only, pictures and a rich description, on/off, order, delete refused with the reason', async (t) => {
    let id = 0
    await withPage(t, browser, 'admin-catalog-products-1280', DESKTOP, async (page) => {
      const problems = consoleProblems(page, EXPECTED)
      await openConsole(page, server.url, server.token, '/admin/products')
      await page.waitForSelector('.kq-products__name')
      t.same(await listedNames(page), ['苹果礼盒', '桃子礼盒'])

      // 添加商品 with nothing but the name; an empty name is refused first.
      await page.getByRole('button', { name: '添加商品' }).click()
      await page.waitForSelector('#kq-product-name')
      await page.locator('#kq-product-save').click()
      t.equal(await page.locator('.el-form-item__error').first().innerText(), '请输入商品名称')
      await screenshot(page, 'admin-catalog-product-new-1280')
      await page.fill('#kq-product-name', '苹果桃子礼盒')
      await page.locator('#kq-product-save').click()
      await page.waitForURL(/\/admin\/products\/\d+$/)
      id = Number(page.url().split('/').pop())
      const created = await api(server, 'GET', `/api/v1/products/${id}`)
      t.match(created, { name: '苹果桃子礼盒', images: [], description: null, status: 'on', goods_no: null, attributes: [] })

      // Edit: a picture dropped in, a description with bold text and a picture, ERP fields.
      await page.waitForSelector('.kq-product-images')
      await page.locator('.kq-product-images input[type=file]').setInputFiles({ name: 'gift.png', mimeType: 'image/png', buffer: png(120, 120, [240, 160, 40]) })
      await page.locator('.kq-product-images .el-upload-list__item.is-success').waitFor()
      // A second picture, made the main one (the first is what customers see).
      const second = png(120, 120, [40, 120, 220])
      await page.locator('.kq-product-images input[type=file]').setInputFiles({ name: 'gift-blue.png', mimeType: 'image/png', buffer: second })
      await page.locator('.kq-product-images .el-upload-list__item.is-success').nth(1).waitFor()
      await page.locator('.kq-product-images .el-upload-list__item').nth(1).hover()
      await page.locator('.kq-product-images .el-upload-list__item').nth(1).getByRole('button', { name: '设为主图' }).click()
      t.equal(await page.locator('.kq-product-images .el-upload-list__item').first().locator('.kq-product-image__badge').innerText(), '主图')
      const editor = page.locator('.kq-rich__content')
      await editor.click()
      await page.keyboard.type('应季苹果和水蜜桃，')
      // Typed once the toolbar shows the mark switched (the editor takes the focus back first).
      const bold = page.getByRole('button', { name: '粗体' })
      await bold.click()
      await page.locator('.kq-rich__btn--bold[aria-pressed="true"]').waitFor()
      await page.keyboard.type('顺丰冷链')
      await bold.click()
      await page.locator('.kq-rich__btn--bold[aria-pressed="false"]').waitFor()
      await page.keyboard.type('发货。')
      await page.keyboard.press('Enter')
      await page.locator('.kq-rich__file').setInputFiles({ name: 'detail.png', mimeType: 'image/png', buffer: png(300, 120, [60, 140, 60]) })
      await editor.locator('img').waitFor()
      await page.fill('#kq-product-goods-no', 'G-GIFT')
      await page.fill('#kq-product-spec-no', 'S-2')
      await page.getByRole('button', { name: '添加属性' }).click()
      await page.getByLabel('扩展属性 1 名称').fill('产地')
      await page.getByLabel('扩展属性 1 值').fill('山东烟台')
      // A gift box of two ERP goods: two apples and one peach.
      await page.locator('#kq-product-erp-add').click()
      await page.getByLabel('ERP 货品 1 规格编号').fill('S-APPLE')
      await page.getByLabel('ERP 货品 1 数量').fill('2')
      await page.locator('#kq-product-erp-add').click()
      await page.getByLabel('ERP 货品 2 货品编号').fill('G-PEACH')
      await screenshot(page, 'admin-catalog-product-edit-1280')
      await page.locator('#kq-product-save').click()
      await toast(page, '已保存')
      const saved = await api(server, 'GET', `/api/v1/products/${id}`)
      t.equal(saved.images.length, 2, 'both pictures are the product\'s')
      t.match(saved.images[0], new RegExp(`^${server.url}/uploads/\\d+/${createHash('sha256').update(second).digest('hex')}\\.png$`), 'the one made 主图 first')
      t.match(saved.description, /<p>应季苹果和水蜜桃，<strong>顺丰冷链<\/strong>发货。<\/p>/, 'the bold text survives the server\'s sanitising')
      t.match(saved.description, /<img src="\/uploads\/\d+\/[0-9a-f]{64}\.png" alt="detail"/, 'so does the uploaded picture, by path')
      t.match(saved, { goods_no: 'G-GIFT', spec_no: 'S-2', attributes: [{ key: '产地', value: '山东烟台' }] })
      t.same(saved.erp_goods, [{ goods_no: null, spec_no: 'S-APPLE', quantity: 2 }, { goods_no: 'G-PEACH', spec_no: null, quantity: 1 }], 'the ERP goods of the box, one line each')

      // The list: switched off and on in the row, moved first by its order.
      await page.getByRole('button', { name: '返回列表' }).click()
      await page.waitForSelector('.kq-products__name')
      t.same(await listedNames(page), ['苹果礼盒', '桃子礼盒', '苹果桃子礼盒'])
      await row(page, '苹果桃子礼盒').locator('.el-switch').click()
      await toast(page, '已下架“苹果桃子礼盒”')
      t.equal((await api(server, 'GET', `/api/v1/products/${id}`)).status, 'off')
      await row(page, '苹果桃子礼盒').locator('.el-switch').click()
      await toast(page, '已上架“苹果桃子礼盒”')
      t.equal((await api(server, 'GET', `/api/v1/products/${id}`)).status, 'on')
      const order = row(page, '苹果桃子礼盒').locator('.kq-products__order input')
      await order.fill('-1')
      await order.press('Enter')
      await toast(page, '排序已保存')
      t.equal((await api(server, 'GET', `/api/v1/products/${id}`)).sort_order, -1)
      t.same(await listedNames(page), ['苹果桃子礼盒', '苹果礼盒', '桃子礼盒'], 'the smallest number first')
      await page.fill('#kq-product-q', '桃子')
      await page.getByRole('button', { name: '查询' }).click()
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll (s: string): { length: number } } }).document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 2)
      t.same(await listedNames(page), ['苹果桃子礼盒', '桃子礼盒'], 'search by part of the name')
      await page.getByRole('button', { name: '重置' }).click()
      await row(page, '苹果礼盒').waitFor()
      await screenshot(page, 'admin-catalog-products-1280')

      // A product cards use cannot be deleted: the reason stays on screen.
      await row(page, '苹果礼盒').getByRole('button', { name: '删除' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      const refusal = page.locator('.kq-in-use')
      await refusal.waitFor()
      t.match(await refusal.innerText(), /不能删除“苹果礼盒”[\s\S]*该商品已被卡券使用，不能删除，可以下架/)
      await page.waitForTimeout(400) // the box's fade-in, for the screenshot
      await screenshot(page, 'admin-catalog-product-delete-refused-1280')
      await refusal.getByRole('button', { name: '关闭', exact: true }).click()
      t.equal((await api(server, 'GET', `/api/v1/products/${server.apple}`)).status, 'on', 'still there, still on')
      t.same(problems, [])
    })

    // A card of the new product shows its picture and description on the pickup page.
    const [card] = await cardsFor(server, id)
    await withPage(t, browser, 'admin-catalog-product-on-pickup', DESKTOP, async (page) => {
      await page.goto(`${server.url}/r/default`)
      await page.fill('#kq-card-no', card.card_no)
      await page.fill('#kq-password', card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      t.same(await page.locator('.kq-product__name').allInnerTexts(), ['苹果桃子礼盒'])
      const img = page.locator('.kq-product__img')
      await img.evaluate((el: BrowserImage) => el.complete ? undefined : new Promise<void>((resolve) => { el.onload = () => resolve() }))
      t.ok(await img.evaluate((el: BrowserImage) => el.naturalWidth > 0), 'the uploaded picture loads')
      await page.locator('.kq-product__more summary').click()
      t.equal(await page.locator('.kq-product__desc strong').innerText(), '顺丰冷链')
      const detail = page.locator('.kq-product__desc img')
      await detail.evaluate((el: BrowserImage) => el.complete ? undefined : new Promise<void>((resolve) => { el.onload = () => resolve() }))
      t.equal(await detail.evaluate((el: BrowserImage) => el.naturalWidth), 300, 'the description\'s picture loads')
      await screenshot(page, 'admin-catalog-product-on-pickup')
    })

    await withPage(t, browser, 'admin-catalog-products-1920', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      // A product nobody uses goes.
      const spare = await api(server, 'POST', '/api/v1/products', { name: '临时商品' })
      await openConsole(page, server.url, server.token, '/admin/products')
      await row(page, '临时商品').getByRole('button', { name: '删除' }).click()
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      await toast(page, '已删除“临时商品”')
      t.equal((await server.app.inject({ method: 'GET', url: `/api/v1/products/${spare.id}`, headers: server.auth(server.token) })).statusCode, 404)
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'admin-catalog-products-1920')
      await page.goto(`${server.url}/admin/products/${id}`)
      await page.locator('.kq-product-images .el-upload-list__item').first().waitFor()
      t.equal(await page.locator('.kq-rich__content strong').innerText(), '顺丰冷链', 'the description opens in the editor as saved')
      await screenshot(page, 'admin-catalog-product-edit-1920')
      t.same(problems, [])
    })

    // Buttons follow the permissions: products.read alone sees, and changes nothing.
    await api(server, 'POST', '/api/v1/admins', { username: 'viewer01', name: '只读员', password: 'Viewer-2026-kq#Pw', permissions: ['products.read'] })
    const viewer = await server.login('viewer01', 'Viewer-2026-kq#Pw')
    await withPage(t, browser, 'admin-catalog-products-readonly', DESKTOP, async (page) => {
      await openConsole(page, server.url, viewer, '/admin/products')
      await page.waitForSelector('.kq-products__name')
      t.equal(await page.getByRole('button', { name: '添加商品' }).count(), 0)
      t.equal(await page.getByRole('button', { name: '删除' }).count(), 0)
      t.equal(await page.locator('.kq-products__order').count(), 0)
      t.ok(await row(page, '苹果礼盒').locator('.el-switch').evaluate((el) => (el as unknown as { classList: { contains (c: string): boolean } }).classList.contains('is-disabled')))
      await page.getByRole('button', { name: '查看' }).first().click()
      await page.waitForSelector('#kq-product-name')
      t.equal(await page.locator('#kq-product-save').count(), 0, 'no save button')
      t.ok(await page.locator('#kq-product-name').isDisabled())
    })
  })

  t.test('商户信息: the name changed shows on the pickup page footer and the console', async (t) => {
    await withPage(t, browser, 'admin-catalog-merchant-1280', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/merchant')
      await page.waitForSelector('#kq-merchant-name')
      t.equal(await page.locator('#kq-merchant-name').inputValue(), '默认商户')
      await page.fill('#kq-merchant-name', '鲜果商行')
      await page.fill('#kq-merchant-contact', '李经理')
      await page.fill('#kq-merchant-phone', '0571-88886666')
      await page.locator('#kq-merchant-save').click()
      await toast(page, '商户信息已保存')
      t.equal(await page.locator('.kq-brand__name').innerText(), '鲜果商行', 'the console\'s corner follows')
      t.match(await api(server, 'GET', '/api/v1/merchant'), { name: '鲜果商行', contact_name: '李经理', contact_phone: '0571-88886666' })
      await screenshot(page, 'admin-catalog-merchant-1280')
      await page.goto(`${server.url}/r/default`)
      await page.waitForSelector('.kq-footer')
      t.equal(await page.locator('.kq-footer').innerText(), '鲜果商行', 'the pickup page\'s footer')
      t.same(problems, [])
    })
    await withPage(t, browser, 'admin-catalog-merchant-1920', LARGE_DESKTOP, async (page) => {
      await openConsole(page, server.url, server.token, '/admin/merchant')
      await page.waitForSelector('#kq-merchant-name')
      await page.fill('#kq-merchant-phone', '12')
      await page.locator('#kq-merchant-name').click()
      t.match(await page.locator('.el-form-item__error').innerText(), /联系电话/)
      await page.waitForTimeout(400) // the error's fade-in, for the screenshot
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'admin-catalog-merchant-1920')
    })
  })
})
