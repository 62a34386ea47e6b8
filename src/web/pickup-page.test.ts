// The customer pickup page (/r/default) in Debian's Chromium against the real server.
import type { Page } from 'playwright-core'
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { kuaidi100PushSign } from '../integrations/courier/courier-signing.js'
import { DESKTOP, NARROW_PHONE, PHONE, browserSkip, focused, horizontalOverflow, launchBrowser, screenshot, tabTo, unlabelled, withPage, type BrowserDocument, type BrowserImage } from '../test-support/browser.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

declare const document: BrowserDocument

const skip = browserSkip()
t.setTimeout(300_000)

// Monday 23 November 2026, 10:00 in Shanghai.
const clock = fixedClock('2026-11-23T02:00:00Z')
const WINDOW = { mode: 'window', min_days_ahead: 1, max_days_ahead: 7, blocked_weekdays: [0], blocked_dates: ['2026-11-26'] }

async function fillConsignee (page: Page, c = CONSIGNEE): Promise<void> {
  await page.fill('#kq-name', c.name)
  await page.fill('#kq-phone', c.phone)
  await page.selectOption('#kq-province', c.province)
  await page.selectOption('#kq-city', c.city)
  await page.selectOption('#kq-district', c.district)
  await page.fill('#kq-address', c.address)
}

const stepTitle = (page: Page) => page.locator('#kq-step-title').innerText()
/** The error shown under a Vant field, by the field's input id. */
const fieldError = (page: Page, id: string) => page.locator(`.van-field:has(#${id}) .van-field__error-message`).innerText()

t.test('pickup pages in a browser', { skip }, async (t) => {
  const server = await pickupServer(t, { clock })
  const browser = await launchBrowser(t)
  let next = 0
  const takeCard = () => server.cards[next++]

  t.test('on a phone from the QR link: only the password, a product with its picture, the address, a date, the order', async (t) => {
    await server.setPickup({ reservation: WINDOW })
    const card = takeCard()
    await withPage(t, browser, 'pickup-phone', PHONE, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.waitForSelector('#kq-password')
      t.equal(await page.title(), '鲜果提货中心 - 提货')
      t.equal(await page.locator('[data-testid="qr-card-no"]').innerText(), card.card_no, 'the number comes from the QR code')
      t.equal(await page.locator('#kq-card-no').count(), 0, 'and is not asked')
      t.equal(await focused(page), '#kq-password', 'the password field has the focus')
      t.equal(await horizontalOverflow(page), 0)
      t.same(await unlabelled(page), [], 'every control on the verify step has a label')
      await screenshot(page, 'pickup-phone-1-verify')

      await page.keyboard.type(card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      t.equal(await stepTitle(page), '选择商品')
      t.equal(await focused(page), '#kq-step-title', 'the focus moves to the new step')
      t.equal(await page.locator('.kq-face-value').innerText(), '¥388.00')
      const img = page.locator('.kq-product img')
      await img.evaluate((el: BrowserImage) => el.complete ? undefined : new Promise<void>((resolve) => { el.onload = () => resolve() }))
      t.ok(await img.evaluate((el: BrowserImage) => el.naturalWidth > 0), 'the product picture loads')
      t.same(await page.locator('.kq-product__name').allInnerTexts(), ['苹果礼盒', '桃子礼盒'])
      t.same(await unlabelled(page), [], 'every control on the product step has a label')
      await screenshot(page, 'pickup-phone-2-product')
      await page.getByRole('button', { name: '下一步' }).click()
      t.equal(await page.locator('.kq-products [role="alert"]').innerText(), '请选择一款商品', 'nothing picked yet')
      await page.getByLabel('苹果礼盒').check()
      await page.getByRole('button', { name: '下一步' }).click()

      await page.waitForSelector('#kq-name')
      t.equal(await stepTitle(page), '收货信息')
      await fillConsignee(page, { ...CONSIGNEE, phone: '1380013' })
      await page.getByRole('button', { name: '下一步' }).click()
      t.equal(await page.locator('.van-field__error-message').innerText(), '请填写正确的 11 位手机号码', 'the phone is checked before leaving the step')
      t.equal(await focused(page), '#kq-phone', 'and gets the focus')
      t.same(await unlabelled(page), [], 'every control on the address step has a label')
      await screenshot(page, 'pickup-phone-3-consignee')
      await page.fill('#kq-phone', CONSIGNEE.phone)
      await page.getByRole('button', { name: '下一步' }).click()

      await page.waitForSelector('.kq-cal')
      t.equal(await stepTitle(page), '发货日期')
      t.equal(await horizontalOverflow(page), 0)
      await page.click('button[data-date="2026-11-27"]')
      t.equal(await page.locator('.kq-chosen-date').innerText(), '已选择：2026年11月27日 星期五')
      t.same(await unlabelled(page), [], 'every day and button on the date step has a label')
      await screenshot(page, 'pickup-phone-4-date')
      await page.getByRole('button', { name: '下一步' }).click()

      await page.waitForSelector('#kq-submit')
      t.equal(await stepTitle(page), '确认提交')
      const summary = await page.locator('.kq-summary').innerText()
      for (const text of ['苹果礼盒', '张三 13800138000', '浙江省 杭州市 西湖区 文三路 100 号', '2026年11月27日 星期五']) t.match(summary, text)
      await screenshot(page, 'pickup-phone-5-confirm')
      await page.click('#kq-submit')

      await page.waitForSelector('[data-testid="order-no"]')
      const orderNo = await page.locator('[data-testid="order-no"]').innerText()
      t.match(orderNo, /^\d{20}$/)
      t.equal(await stepTitle(page), '提货成功')
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'pickup-phone-done')

      const order = await server.db('orders').where({ order_no: orderNo }).first()
      t.match(order, { card_no: card.card_no, channel: 'web', status: 'pending', product_name: '苹果礼盒', reserve_date: '2026-11-27', consignee_name: '张三', district: '西湖区' })
      t.equal((await server.db('cards').where({ card_no: card.card_no }).first()).status, 'redeemed')
    })
  })
  t.test('on a desktop with the keyboard alone, then on to the merchant\'s page without the card number', async (t) => {
    await server.setPickup({ redirect_url: 'https://shop.example.com/thanks' })
    const [logo] = JSON.parse((await server.db('products').where({ id: server.apple }).first()).images) as string[]
    await server.setStorefront({ logo_url: `${server.url}${logo}`, theme_color: '#ffd54f' })
    const card = takeCard()
    await withPage(t, browser, 'pickup-desktop', { ...DESKTOP, allowHosts: ['shop.example.com'] }, async (page) => {
      let referer: string | undefined = 'not requested'
      await page.route('https://shop.example.com/**', async (route) => {
        referer = route.request().headers().referer
        await route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>商家首页</title><h1>感谢惠顾</h1>' })
      })
      await page.goto(`${server.url}/r/default`)
      await page.waitForSelector('#kq-card-no')
      const header = page.locator('.kq-header img')
      await header.evaluate((el: BrowserImage) => el.complete ? undefined : new Promise<void>((resolve) => { el.onload = () => resolve() }))
      t.ok(await header.evaluate((el: BrowserImage) => el.naturalWidth > 0), 'the merchant\'s logo is shown')
      t.equal(await page.locator('.kq-header').evaluate((el) => (globalThis as unknown as { getComputedStyle (e: unknown): { color: string } }).getComputedStyle(el).color), 'rgb(26, 26, 26)', 'dark text on a light brand colour')
      const main = await page.locator('.kq-main').boundingBox()
      t.ok(main && main.width <= 560 && Math.abs(main.x - (1280 - main.width) / 2) < 2, 'a centred column on a wide screen')

      await tabTo(page, '#kq-card-no')
      await page.keyboard.type(card.card_no)
      await tabTo(page, '#kq-password')
      await page.keyboard.type(card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      t.equal(await focused(page), '#kq-step-title')

      await tabTo(page, 'input[type="radio"]')
      await page.keyboard.press('Space')
      await page.keyboard.press('ArrowDown')
      t.ok(await page.getByLabel('桃子礼盒').isChecked(), 'arrow keys choose among the products')
      await tabTo(page, '.kq-actions .van-button--primary')
      await page.keyboard.press('Enter')

      await page.waitForSelector('#kq-name')
      t.equal(await focused(page), '#kq-step-title')
      await tabTo(page, '#kq-name')
      await page.keyboard.type('李四')
      await tabTo(page, '#kq-phone')
      await page.keyboard.type('139 0013 9000')
      // Closed selects change with the arrow keys: the first province, city and district.
      await tabTo(page, '#kq-province')
      await page.keyboard.press('ArrowDown')
      await tabTo(page, '#kq-city')
      await page.keyboard.press('ArrowDown')
      await tabTo(page, '#kq-district')
      await page.keyboard.press('ArrowDown')
      await tabTo(page, '#kq-address')
      await page.keyboard.type('长安街 1 号')
      await tabTo(page, '.kq-actions .van-button--primary')
      await page.keyboard.press('Enter')

      await page.waitForSelector('#kq-submit')
      t.equal(await stepTitle(page), '确认提交', 'no date step when the merchant takes no reservations')
      t.match(await page.locator('.kq-summary').innerText(), '北京市 北京市 东城区 长安街 1 号')
      await tabTo(page, '#kq-submit')
      await page.keyboard.press('Enter')

      await page.waitForSelector('[data-testid="order-no"]')
      const orderNo = await page.locator('[data-testid="order-no"]').innerText()
      t.match(await page.locator('.kq-done').innerText(), /秒后将跳转到商家页面/)
      await screenshot(page, 'pickup-desktop-done')
      const order = await server.db('orders').where({ order_no: orderNo }).first()
      t.match(order, { product_name: '桃子礼盒', consignee_name: '李四', consignee_phone: '13900139000', province: '北京市', city: '北京市', district: '东城区', reserve_date: null })

      await page.waitForURL('https://shop.example.com/thanks', { timeout: 10_000 })
      t.equal(await page.title(), '商家首页', 'the customer lands on the merchant\'s page')
      t.equal(referer, undefined, 'with no Referer: the card number stays with us')
    })
    await server.setPickup()
    await server.setStorefront()
  })

  t.test('a wrong password, then the right one; the back button goes back a step', async (t) => {
    const card = takeCard()
    await withPage(t, browser, 'pickup-wrong-password', PHONE, async (page) => {
      await page.goto(`${server.url}/r/default`)
      await page.click('#kq-verify-submit')
      t.equal(await fieldError(page, 'kq-card-no'), '请输入卡号')
      t.equal(await fieldError(page, 'kq-password'), '请输入密码')
      t.equal(await focused(page), '#kq-card-no')

      await page.fill('#kq-card-no', card.card_no)
      await page.fill('#kq-password', 'wrong-password')
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.van-field:has(#kq-password) .van-field__error-message')
      t.equal(await fieldError(page, 'kq-password'), '卡号或密码错误', 'next to the password, without saying which was wrong')
      t.equal(await page.locator('.van-field:has(#kq-card-no) .van-field__error-message').count(), 0)
      t.equal(await focused(page), '#kq-password', 'the password gets the focus to try again')
      t.equal(await page.inputValue('#kq-card-no'), card.card_no, 'the number stays')
      await screenshot(page, 'pickup-wrong-password')

      await page.fill('#kq-password', card.password)
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.kq-product')
      t.equal(await stepTitle(page), '选择商品')
      await screenshot(page, 'pickup-right-password')
      await page.goBack()
      await page.waitForSelector('#kq-card-no')
      t.equal(await stepTitle(page), '验证卡券', 'back leaves the product step')
    })
  })

  t.test('a locked card says how long to wait', async (t) => {
    const card = takeCard()
    // Locked for this caller: the browser comes from the same address as the wrong guesses.
    for (let n = 1; n <= 5; n++) await server.verify(card.card_no, `wrong-${n}`, '127.0.0.1')
    await withPage(t, browser, 'pickup-locked', PHONE, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.fill('#kq-password', card.password)
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.van-field:has(#kq-password) .van-field__error-message')
      t.equal(await fieldError(page, 'kq-password'), '密码错误次数过多，该卡已锁定，请 30 分钟后再试')
      t.equal(await page.locator('.kq-product').count(), 0)
      await screenshot(page, 'pickup-locked')
    })
  })

  t.test('expired, not yet valid and inactive cards: the reason next to the card number', async (t) => {
    const [expired, early, inactive] = [takeCard(), takeCard(), takeCard()]
    await server.db('cards').where({ card_no: expired.card_no }).update({ valid_to: '2026-11-22' })
    await server.db('cards').where({ card_no: early.card_no }).update({ valid_from: '2026-12-01' })
    await server.db('cards').where({ card_no: inactive.card_no }).update({ status: 'inactive' })
    await withPage(t, browser, 'pickup-card-states', PHONE, async (page) => {
      for (const [card, message] of [[expired, '该卡券已过期'], [early, '该卡券尚未到可提货日期'], [inactive, '该卡券尚未激活或已停用']] as const) {
        await page.goto(`${server.url}/r/default`)
        await page.fill('#kq-card-no', card.card_no)
        await page.fill('#kq-password', card.password)
        await page.click('#kq-verify-submit')
        await page.waitForSelector('.van-field:has(#kq-card-no) .van-field__error-message')
        t.equal(await fieldError(page, 'kq-card-no'), message)
        t.equal(await focused(page), '#kq-card-no')
      }
      await screenshot(page, 'pickup-card-states')
    })
  })

  t.test('paused pickup shows the merchant\'s message, on arrival and on submit', async (t) => {
    const card = takeCard()
    await server.setPickup({ enabled: false, pause_message: '春节期间暂停提货，2 月 10 日起恢复' })
    await withPage(t, browser, 'pickup-paused', PHONE, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.waitForSelector('.kq-alert')
      t.equal(await page.locator('.kq-alert').innerText(), '暂停提货：春节期间暂停提货，2 月 10 日起恢复')
      t.equal(await page.locator('#kq-password').count(), 0, 'no form while paused')
      t.ok(await page.getByRole('button', { name: '查询我的订单' }).isVisible(), 'orders can still be looked up')
      await screenshot(page, 'pickup-paused')

      await server.setPickup()
      await page.reload()
      await page.fill('#kq-password', card.password)
      await server.setPickup({ enabled: false, pause_message: '系统维护中，请 1 小时后再来' })
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.kq-alert')
      t.equal(await page.locator('.kq-alert').innerText(), '暂停提货：系统维护中，请 1 小时后再来', 'paused after the page opened')
    })
    await server.setPickup()
    t.equal((await server.db('cards').where({ card_no: card.card_no }).first()).status, 'active', 'nothing changed')
  })

  t.test('at 360 px: only the dates the rules allow can be chosen, also with the keyboard', async (t) => {
    await server.setPickup({ reservation: WINDOW, daily_cap: 1 })
    const full = takeCard()
    const v = await server.verify(full.card_no, full.password)
    const taken = await server.submit({ token: v.json().token, product_id: server.apple, consignee: CONSIGNEE, reserve_date: '2026-11-25' })
    t.equal(taken.statusCode, 201, 'the 25th is now full')
    const card = takeCard()
    await withPage(t, browser, 'pickup-dates-360', NARROW_PHONE, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      t.equal(await horizontalOverflow(page), 0, 'verify step fits 360 px')
      await page.fill('#kq-password', card.password)
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.kq-product')
      t.equal(await horizontalOverflow(page), 0, 'product step fits 360 px')
      await page.getByLabel('桃子礼盒').check()
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('#kq-name')
      await fillConsignee(page)
      t.equal(await horizontalOverflow(page), 0, 'address step fits 360 px')
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('.kq-cal')
      t.equal(await horizontalOverflow(page), 0, 'date step fits 360 px')

      const day = (d: string) => page.locator(`button[data-date="${d}"]`)
      for (const [d, why] of [['2026-11-22', 'past'], ['2026-11-23', 'today, before the window'], ['2026-11-25', 'full'], ['2026-11-26', 'blocked date'], ['2026-11-29', 'Sunday']]) {
        t.ok(await day(d).isDisabled(), `${d} cannot be chosen (${why})`)
      }
      for (const d of ['2026-11-24', '2026-11-27', '2026-11-28', '2026-11-30']) t.ok(await day(d).isEnabled(), `${d} can be chosen`)
      t.ok(await page.getByRole('button', { name: '下个月' }).isDisabled(), 'December is past the window')
      await day('2026-11-26').click({ force: true })
      t.equal(await page.locator('.kq-cal__day[aria-pressed="true"]').count(), 0, 'pressing a blocked day chooses nothing')
      await page.getByRole('button', { name: '下一步' }).click()
      t.equal(await page.locator('.kq-cal [role="alert"]').innerText(), '请选择发货日期')

      await day('2026-11-24').focus()
      await page.keyboard.press('ArrowRight')
      t.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-date')), '2026-11-27', 'the arrow skips the full and the blocked day')
      await page.keyboard.press('ArrowDown')
      t.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-date')), '2026-11-28', 'a week on is past the window: the next open day')
      await page.keyboard.press('Enter')
      t.equal(await page.locator('.kq-chosen-date').innerText(), '已选择：2026年11月28日 星期六')
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('#kq-submit')
      t.equal(await horizontalOverflow(page), 0, 'confirm step fits 360 px')

      // Someone else takes the last slot of the 28th while this customer reads the summary.
      const other = takeCard()
      const ov = await server.verify(other.card_no, other.password, '10.1.1.3')
      t.equal((await server.submit({ token: ov.json().token, product_id: server.apple, consignee: CONSIGNEE, reserve_date: '2026-11-28' }, '10.1.1.3')).statusCode, 201)
      await page.click('#kq-submit')
      await page.waitForSelector('.kq-cal [role="alert"]')
      t.equal(await stepTitle(page), '发货日期', 'back to the dates')
      t.equal(await page.locator('.kq-cal [role="alert"]').innerText(), '该日期预约已满，请选择其他日期')
      // The dates are fetched again after the refusal: the day turns disabled once they arrive.
      await page.waitForSelector('button[data-date="2026-11-28"][disabled]', { timeout: 5000 }).catch(() => undefined)
      t.ok(await day('2026-11-28').isDisabled(), 'the day just taken is no longer offered')
      await day('2026-11-30').click()
      await page.getByRole('button', { name: '下一步' }).click()
      await page.click('#kq-submit')
      await page.waitForSelector('[data-testid="order-no"]')
      t.equal(await horizontalOverflow(page), 0, 'success page fits 360 px')
      await screenshot(page, 'pickup-dates-360-done')
      const orderNo = await page.locator('[data-testid="order-no"]').innerText()
      t.equal((await server.db('orders').where({ order_no: orderNo }).first()).reserve_date, '2026-11-30')

      await page.getByRole('button', { name: '查看订单' }).click()
      await page.waitForSelector('.kq-order')
      const text = await page.locator('.kq-order').innerText()
      for (const part of ['待发货', orderNo, '桃子礼盒', '2026年11月30日 星期一']) t.match(text, part, 'the order just placed')
      t.equal(await horizontalOverflow(page), 0, 'order view fits 360 px')
    })
    await server.setPickup()
  })

  t.test('a customer slower than the 15-minute verification still gets the order', async (t) => {
    const card = takeCard()
    await withPage(t, browser, 'pickup-slow', PHONE, async (page) => {
      const calls: string[] = []
      page.on('response', (r) => { if (r.url().includes('/api/v1/redeem/default/')) calls.push(`${new URL(r.url()).pathname.split('/').pop()} ${r.status()}`) })
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.fill('#kq-password', card.password)
      await page.click('#kq-verify-submit')
      await page.getByLabel('苹果礼盒').check()
      await page.getByRole('button', { name: '下一步' }).click()
      await fillConsignee(page)
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('#kq-submit')
      clock.advance(16 * 60_000)
      await page.click('#kq-submit')
      await page.waitForSelector('[data-testid="order-no"]')
      const orderNo = await page.locator('[data-testid="order-no"]').innerText()
      t.match(await server.db('orders').where({ order_no: orderNo }).first(), { card_no: card.card_no, product_name: '苹果礼盒' })
      t.same(calls, ['config 200', 'verify 200', 'orders 401', 'verify 200', 'orders 201'], 'the stale token is refused, the password verifies again, the order goes through')
    })
  })

  t.test('an already redeemed card leads to its order: state, courier, waybill and tracking', async (t) => {
    const card = takeCard()
    const v = await server.verify(card.card_no, card.password, '10.1.1.2')
    const orderNo = (await server.submit({ token: v.json().token, product_id: server.apple, consignee: CONSIGNEE }, '10.1.1.2')).json().order_no
    const admin = server.auth(server.token)
    t.equal((await server.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: admin, payload: { courier_code: 'YTO', waybill_no: 'YT1234567890' } })).statusCode, 200)
    t.equal((await server.app.inject({ method: 'PUT', url: '/api/v1/settings/tracking', headers: admin, payload: { kuaidi100_salt: 'saltyk100' } })).statusCode, 200)
    const param = JSON.stringify({ status: 'polling', lastResult: { nu: 'YT1234567890', com: 'yuantong', state: '0', ischeck: '0', data: [
      { ftime: '2026-11-23 20:00:00', context: '【杭州转运中心】已发出，下一站【上海】' }, { ftime: '2026-11-23 18:00:00', context: '【杭州】已揽收' },
    ] } })
    const push = await server.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', payload: new URLSearchParams({ param, sign: kuaidi100PushSign(param, 'saltyk100') }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    t.equal(push.statusCode, 200)
    await server.app.services.worker.drainAll()

    await withPage(t, browser, 'pickup-redeemed-order', PHONE, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.fill('#kq-password', card.password)
      await page.click('#kq-verify-submit')
      await page.waitForSelector('.kq-redeemed')
      t.equal(await page.locator('.kq-qr-card__error').innerText(), '该卡券已提货')
      t.match(await page.locator('.kq-redeemed').innerText(), `订单号 ${orderNo}`)
      await page.getByRole('button', { name: '查看订单' }).click()
      await page.waitForSelector('.kq-order')
      t.equal(await stepTitle(page), '我的订单')
      t.equal(new URL(page.url()).pathname, '/r/default/order')
      const text = await page.locator('.kq-order').innerText()
      for (const part of ['已发货', orderNo, '苹果礼盒', '圆通速递', 'YT1234567890', '【杭州转运中心】已发出，下一站【上海】', '【杭州】已揽收']) t.match(text, part)
      t.same(await page.locator('.kq-tracking li p').allInnerTexts(), ['【杭州转运中心】已发出，下一站【上海】', '【杭州】已揽收'], 'newest first')
      t.equal(await horizontalOverflow(page), 0)
      await screenshot(page, 'pickup-order')

      const unused = takeCard()
      await page.getByRole('button', { name: '查询其他卡' }).click()
      await page.fill('#kq-lookup-card', unused.card_no)
      await page.fill('#kq-lookup-password', unused.password)
      await page.click('#kq-lookup-submit')
      await page.waitForSelector('.kq-card [role="alert"]')
      t.equal(await page.locator('p.kq-error').innerText(), '该卡券还没有提货订单')
    })
  })

  t.test('an unknown merchant code says so', async (t) => {
    await withPage(t, browser, 'pickup-unknown-merchant', PHONE, async (page) => {
      await page.goto(`${server.url}/r/no-such-shop`)
      await page.waitForSelector('[role="alert"]')
      t.match(await page.locator('[role="alert"]').innerText(), '提货页面不存在')
      t.equal(await page.locator('#kq-password').count(), 0)
    })
  })
})
