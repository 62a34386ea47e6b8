// The customer pickup page (/r/default) in Debian's Chromium against the real server.
import type { Page } from 'playwright-core'
import t from 'tap'
import { fixedClock } from '../shared/clock.js'
import { DESKTOP, NARROW_PHONE, PHONE, browserSkip, focused, horizontalOverflow, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

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
      await screenshot(page, 'pickup-phone-1-verify')

      await page.keyboard.type(card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      t.equal(await stepTitle(page), '选择商品')
      t.equal(await focused(page), '#kq-step-title', 'the focus moves to the new step')
      t.equal(await page.locator('.kq-face-value').innerText(), '¥388.00')
      const img = page.locator('.kq-product img')
      await img.evaluate((el: HTMLImageElement) => el.complete || new Promise((resolve) => { el.onload = resolve }))
      t.ok(await img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0), 'the product picture loads')
      t.same(await page.locator('.kq-product__name').allInnerTexts(), ['苹果礼盒', '桃子礼盒'])
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
      await screenshot(page, 'pickup-phone-3-consignee')
      await page.fill('#kq-phone', CONSIGNEE.phone)
      await page.getByRole('button', { name: '下一步' }).click()

      await page.waitForSelector('.kq-cal')
      t.equal(await stepTitle(page), '发货日期')
      t.equal(await horizontalOverflow(page), 0)
      await page.click('button[data-date="2026-11-27"]')
      t.equal(await page.locator('.kq-chosen-date').innerText(), '已选择：2026年11月27日 星期五')
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
})
