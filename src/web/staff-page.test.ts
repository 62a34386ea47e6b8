// The staff pickup pages (/staff) in Debian's Chromium: captcha login, 到店提货 with its
// receipt, 电话提货, and the permissions that decide which of them a staff member sees.
import type { Page } from 'playwright-core'
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { DESKTOP, PHONE, browserSkip, focused, horizontalOverflow, launchBrowser, screenshot, unlabelled, withPage } from '../test-support/browser.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

const skip = browserSkip()
t.setTimeout(300_000)

const clock = fixedClock('2026-11-23T02:00:00Z') // Monday, 10:00 in Shanghai
/** Waits until the login form's captcha has solved its proof of work (the widget's own state). */
async function captchaSolved (page: Page): Promise<void> {
  await page.waitForSelector('altcha-widget [data-state="verified"]', { timeout: 60_000 })
}

/** Opens `path`, logs in through the form once the captcha has solved itself. */
async function login (page: Page, base: string, path: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}${path}`)
  await page.fill('#kq-username', username)
  await page.fill('#kq-admin-password', password)
  await captchaSolved(page)
  await page.click('#kq-login-submit')
  await page.waitForSelector('.kq-header__aside')
}

const fieldError = (page: Page, id: string) => page.locator(`.van-field:has(#${id}) .van-field__error-message`).innerText()

t.test('staff pages in a browser', { skip }, async (t) => {
  const server = await pickupServer(t, { clock, captcha: true })
  const admin = server.auth(server.token)
  for (const [username, name, permissions] of [['clerk1', '门店小王', ['redeem.store']], ['phone1', '客服小李', ['redeem.phone']], ['viewer1', '只读', ['orders.read']]] as const) {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/admins', headers: admin, payload: { username, name, password: 'Staff12345-kq#Pw', permissions } })
    t.equal(res.statusCode, 201, `staff ${username}`)
  }
  await server.setPickup({ reservation: { mode: 'window', min_days_ahead: 1, max_days_ahead: 5, blocked_weekdays: [], blocked_dates: [] } })
  const browser = await launchBrowser(t)
  let next = 0
  const takeCard = () => server.cards[next++]

  t.test('login: the captcha solves itself; a refused login solves a new one', async (t) => {
    await withPage(t, browser, 'staff-login', DESKTOP, async (page) => {
      const first = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'))
      const opened = Date.now()
      await page.goto(`${server.url}/staff`)
      const firstNonce = (await (await first).json() as { parameters: { nonce: string } }).parameters.nonce
      await captchaSolved(page)
      t.comment(`the proof of work took ${Date.now() - opened} ms from opening the page (production cost)`)
      t.match(await page.locator('altcha-widget').innerText(), '已验证', 'the widget says it is done, in Chinese')
      t.equal(await page.inputValue('#kq-merchant'), 'default', 'the merchant code is filled in')
      t.same(await unlabelled(page), [], 'every control of the login form has a label')
      await screenshot(page, 'staff-login-form')
      await page.fill('#kq-merchant', '')
      await page.click('#kq-login-submit')
      t.equal(await fieldError(page, 'kq-merchant'), '请输入商户代码')
      t.equal(await fieldError(page, 'kq-username'), '请输入用户名')
      t.equal(await focused(page), '#kq-merchant')

      await page.fill('#kq-merchant', 'default')
      await page.fill('#kq-username', 'clerk1')
      await page.fill('#kq-admin-password', 'Wrong-Password-1')
      const second = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'))
      await page.click('#kq-login-submit')
      await page.waitForSelector('.van-field:has(#kq-admin-password) .van-field__error-message')
      t.equal(await fieldError(page, 'kq-admin-password'), '用户名或密码错误')
      const secondNonce = (await (await second).json() as { parameters: { nonce: string } }).parameters.nonce
      t.not(secondNonce, firstNonce, 'a new challenge after a refused login: each works once')

      await page.fill('#kq-admin-password', 'Staff12345-kq#Pw')
      await captchaSolved(page)
      await page.click('#kq-login-submit')
      await page.waitForSelector('.kq-header__aside')
      t.match(await page.locator('.kq-header').innerText(), '门店小王')
      t.same(await page.locator('.kq-tabs a').allInnerTexts(), ['到店提货'], 'only the pickup this staff member may do')
      await screenshot(page, 'staff-login-done')

      await page.getByRole('button', { name: '退出登录' }).click()
      await page.waitForSelector('#kq-login-submit')
      const sessions = await server.db('admin_sessions').join('admins', 'admins.id', 'admin_sessions.admin_id').where({ username: 'clerk1' }).whereNull('revoked_at')
      t.equal(sessions.length, 0, 'logging out ends the session on the server')
    })
  })

  t.test('到店提货: card, product with the customer, completed order and a printable receipt', async (t) => {
    const [wrong, card] = [takeCard(), takeCard()]
    await withPage(t, browser, 'staff-store', DESKTOP, async (page) => {
      await login(page, server.url, '/staff', 'clerk1', 'Staff12345-kq#Pw')
      t.equal(new URL(page.url()).pathname, '/staff')
      await page.fill('#kq-store-card-no', wrong.card_no)
      await page.fill('#kq-store-password', 'not-the-password')
      await page.click('#kq-store-verify')
      await page.waitForSelector('.van-field:has(#kq-store-password) .van-field__error-message')
      t.equal(await fieldError(page, 'kq-store-password'), '卡号或密码错误')
      t.equal(await focused(page), '#kq-store-password')

      await page.fill('#kq-store-card-no', card.card_no)
      await page.fill('#kq-store-password', card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      t.same(await page.locator('.kq-product__name').allInnerTexts(), ['苹果礼盒', '桃子礼盒'], 'the products this card can be exchanged for')
      t.equal(await focused(page), '#kq-store-card-title')
      await page.getByLabel('桃子礼盒').check()
      await page.fill('#kq-store-remark', '顾客自提')
      await page.click('#kq-store-submit')

      await page.waitForSelector('.kq-receipt')
      const receipt = await page.locator('.kq-receipt').innerText()
      const orderNo = await page.locator('.kq-receipt .kq-order-no').innerText()
      for (const part of ['提货凭证', '默认商户', card.card_no, '桃子礼盒', '到店提货', '已完成', '门店小王', '顾客自提']) t.match(receipt, part)
      t.equal(await focused(page), '#kq-receipt-title')
      await screenshot(page, 'staff-store-receipt')
      await page.emulateMedia({ media: 'print' })
      t.notOk(await page.locator('.kq-header').isVisible(), 'printing leaves out the header')
      t.notOk(await page.locator('.kq-receipt .kq-actions').isVisible(), 'and the buttons')
      t.ok(await page.locator('.kq-receipt').isVisible())
      await screenshot(page, 'staff-store-receipt-print')
      await page.emulateMedia({ media: 'screen' })

      const order = await server.db('orders').where({ order_no: orderNo }).first()
      const clerk = await server.db('admins').where({ username: 'clerk1' }).first()
      t.match(order, { channel: 'store', status: 'completed', product_name: '桃子礼盒', remark: '顾客自提', consignee_name: null })
      t.equal(Number(order.staff_id), Number(clerk.id), 'the staff member is on the order')

      await page.getByRole('button', { name: '继续提货' }).click()
      t.equal(await page.inputValue('#kq-store-card-no'), '')
      t.equal(await focused(page), '#kq-store-card-no', 'ready for the next customer')
    })
  })

  t.test('电话提货: the address the customer dictates and a delivery date', async (t) => {
    const card = takeCard()
    await withPage(t, browser, 'staff-phone', DESKTOP, async (page) => {
      await login(page, server.url, '/staff/phone', 'phone1', 'Staff12345-kq#Pw')
      t.same(await page.locator('.kq-tabs a').allInnerTexts(), ['电话提货'])
      await page.fill('#kq-phone-card-no', card.card_no)
      await page.fill('#kq-phone-password', card.password)
      await page.click('#kq-phone-verify')
      await page.waitForSelector('.kq-product')
      await page.getByLabel('苹果礼盒').check()
      await page.fill('#kq-phone-name', '王五')
      await page.fill('#kq-phone-phone', '13700137000')
      await page.selectOption('#kq-phone-province', '广东省')
      await page.selectOption('#kq-phone-city', '深圳市')
      await page.selectOption('#kq-phone-district', '南山区')
      await page.fill('#kq-phone-address', '科技园 8 栋 1201')
      t.same(await unlabelled(page), [], 'every control of the phone pickup form has a label')
      await page.click('#kq-phone-submit')
      t.equal(await page.locator('.kq-cal [role="alert"]').innerText(), '请选择发货日期', 'the merchant\'s window asks for a date')
      t.ok(await page.locator('button[data-date="2026-11-23"]').isDisabled(), 'today is outside the window')
      t.ok(await page.locator('button[data-date="2026-11-29"]').isDisabled(), 'so is a day after it')
      await page.click('button[data-date="2026-11-25"]')
      await page.click('#kq-phone-submit')

      await page.waitForSelector('.kq-order')
      const text = await page.locator('.kq-order').innerText()
      for (const part of ['待发货', '电话提货', '王五 13700137000', '广东省 深圳市 南山区 科技园 8 栋 1201', '2026年11月25日 星期三']) t.match(text, part)
      await screenshot(page, 'staff-phone-done')
      const orderNo = await page.locator('.kq-order .kq-order-no').innerText()
      const order = await server.db('orders').where({ order_no: orderNo }).first()
      t.match(order, { channel: 'phone', status: 'pending', consignee_name: '王五', city: '深圳市', reserve_date: '2026-11-25', product_name: '苹果礼盒' })
      t.equal(Number(order.staff_id), Number((await server.db('admins').where({ username: 'phone1' }).first()).id))
    })
  })

  t.test('a staff member without redeem.store does not see 到店提货', async (t) => {
    await withPage(t, browser, 'staff-no-store', PHONE, async (page) => {
      await login(page, server.url, '/staff/store', 'phone1', 'Staff12345-kq#Pw')
      t.equal(await page.locator('#kq-store-card-no').count(), 0, 'no store pickup form')
      t.same(await page.locator('.kq-tabs a').allInnerTexts(), ['电话提货'], 'no link to it either')
      t.match(await page.locator('main [role="alert"]').innerText(), '您没有到店提货的权限')
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'staff-no-store')
      await page.getByRole('link', { name: '电话提货' }).click()
      await page.waitForSelector('#kq-phone-card-no')
      t.equal(new URL(page.url()).pathname, '/staff/phone')
    })
    await withPage(t, browser, 'staff-no-pickup', PHONE, async (page) => {
      await login(page, server.url, '/staff', 'viewer1', 'Staff12345-kq#Pw')
      t.equal(await page.locator('.kq-tabs a').count(), 0)
      t.match(await page.locator('main [role="alert"]').innerText(), '您没有到店提货或电话提货的权限')
    })
  })

  t.test('an ended session goes back to the login form', async (t) => {
    await withPage(t, browser, 'staff-session-ended', DESKTOP, async (page) => {
      await login(page, server.url, '/staff/store', 'clerk1', 'Staff12345-kq#Pw')
      const clerk = await server.db('admins').where({ username: 'clerk1' }).first()
      await server.db('admin_sessions').where({ admin_id: clerk.id }).update({ revoked_at: clock.now().getTime() })
      const card = takeCard()
      await page.fill('#kq-store-card-no', card.card_no)
      await page.fill('#kq-store-password', card.password)
      await page.click('#kq-store-verify')
      await page.waitForSelector('#kq-login-submit')
      t.match(await page.locator('.kq-login [role="alert"]').innerText(), '登录已失效，请重新登录')
      t.equal(await focused(page), '#kq-username', 'the focus waits on the login form')
    })
  })
})
