// 全局设置 → 提货设置 and 通知设置 in Debian's Chromium against the real server: pickup paused
// from the console and the pause message seen on /r/default; a reservation window with a blocked
// date the pickup page no longer offers; the SMS provider pointed at a fake Aliyun server on
// 127.0.0.1, a test text seen in the log as sent, waiting for its receipt and then delivered, and
// a second one dropped by the per-phone limit and shown as dropped with its whole reason. (The storefront's live preview is asserted in
// admin-console.test.ts: the preview follows the form, then the pickup page shows the change.)
import { createServer } from 'node:http'
import type { Page } from 'playwright-core'
import t from 'tap'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'
import { createSmsReceipts } from '../workers/sms-receipts.js'

const skip = browserSkip()
t.setTimeout(300_000)

/** A calendar day `n` days from today in Shanghai (the default merchant's time zone). */
function shanghaiDay (n: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000)
  return d.toISOString().slice(0, 10)
}

async function fakeAliyun (t: { teardown (fn: () => unknown): void }) {
  const calls: URL[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    calls.push(url)
    res.setHeader('content-type', 'application/json')
    // The receipt: delivered (QuerySendDetails' SendStatus 3), as Aliyun documents the answer.
    if (url.searchParams.get('Action') === 'QuerySendDetails') {
      res.end(JSON.stringify({ Code: 'OK', Message: 'OK', RequestId: 'req', TotalCount: 1, SmsSendDetailDTOs: { SmsSendDetailDTO: [{ ErrCode: 'DELIVERED', SendStatus: 3, ReceiveDate: '2026-11-23 10:00:05', SendDate: '2026-11-23 10:00:01', PhoneNum: url.searchParams.get('PhoneNumber'), TemplateCode: 'SMS_100001', Content: '' }] } }))
      return
    }
    res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz-${calls.length}`, RequestId: 'req' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, calls }
}

async function fillConsignee (page: Page): Promise<void> {
  await page.fill('#kq-name', CONSIGNEE.name)
  await page.fill('#kq-phone', CONSIGNEE.phone)
  await page.selectOption('#kq-province', CONSIGNEE.province)
  await page.selectOption('#kq-city', CONSIGNEE.city)
  await page.selectOption('#kq-district', CONSIGNEE.district)
  await page.fill('#kq-address', CONSIGNEE.address)
}

t.test('提货设置 and 通知设置 in a browser', { skip }, async (t) => {
  const server = await pickupServer(t)
  const admin = server.auth(server.token)
  const browser = await launchBrowser(t)

  t.test('提货设置: paused with a message the pickup page shows; a window with a blocked date the page no longer offers', async (t) => {
    const blocked = shanghaiDay(2)
    await withPage(t, browser, 'admin-pickup-settings', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/settings/pickup')
      await page.waitForSelector('#kq-pause-message')
      await page.locator('.kq-menu .el-menu-item', { hasText: '提货设置' }).waitFor()
      await page.locator('.el-switch:has(#kq-pickup-enabled)').click()
      await page.fill('#kq-pause-message', '年货节备货中，12 月 20 日恢复提货')
      await page.locator('.el-radio[data-mode="window"]').click()
      await page.fill('#kq-min-days', '1')
      await page.fill('#kq-max-days', '6')
      await page.locator('#kq-max-days').blur()
      await page.fill('#kq-redirect-url', 'shop.example.com')
      await page.click('#kq-pickup-save')
      t.equal(await page.locator('.el-form-item:has(#kq-redirect-url) .el-form-item__error').innerText(), '跳转地址必须以 http:// 或 https:// 开头，且不能有空格', 'the redirect URL is checked, in Chinese')
      await page.fill('#kq-redirect-url', '')
      if (blocked.slice(0, 7) !== shanghaiDay(0).slice(0, 7)) await page.locator('.el-calendar__button-group button', { hasText: '下个月' }).click()
      await page.click(`.kq-day[data-date="${blocked}"]`)
      t.equal(await page.locator(`.kq-day[data-date="${blocked}"]`).getAttribute('aria-pressed'), 'true', 'the day is marked as not shipping')
      t.equal(await page.locator(`[data-blocked="${blocked}"]`).count(), 1, 'and listed')
      await page.click('#kq-pickup-save')
      t.match(await lastMessage(page, '已保存'), '已保存')
      await screenshot(page, 'admin-pickup-settings')
      const saved = (await server.app.inject({ url: '/api/v1/settings/pickup', headers: admin })).json()
      t.match(saved, { enabled: false, pause_message: '年货节备货中，12 月 20 日恢复提货', redirect_url: null, reservation: { mode: 'window', min_days_ahead: 1, max_days_ahead: 6, blocked_dates: [blocked] } })

      await page.goto(`${server.url}/r/default`)
      await page.waitForSelector('.kq-alert')
      t.match(await page.locator('.kq-alert').innerText(), '年货节备货中，12 月 20 日恢复提货', 'the customer reads the pause message')
      t.equal(await page.locator('#kq-password').count(), 0, 'and cannot pick up')
      await screenshot(page, 'admin-pickup-paused-page')
      t.same(problems, [], 'no console errors')
    })

    // Open again (from the console's 提货前台 switch, tested elsewhere; here by the API).
    t.equal((await server.app.inject({ method: 'PATCH', url: '/api/v1/settings/pickup', headers: admin, payload: { enabled: true } })).statusCode, 200)
    const card = server.cards[0]
    await withPage(t, browser, 'admin-pickup-window', DESKTOP, async (page) => {
      await page.goto(`${server.url}/r/default?c=${card.card_no}`)
      await page.waitForSelector('#kq-password')
      await page.fill('#kq-password', card.password)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.kq-product')
      await page.getByLabel('苹果礼盒').check()
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('#kq-name')
      await fillConsignee(page)
      await page.getByRole('button', { name: '下一步' }).click()
      await page.waitForSelector('.kq-cal')
      t.equal(await page.locator(`button[data-date="${blocked}"]:not([disabled])`).count(), 0, 'the blocked date is not offered')
      const free = shanghaiDay(blocked === shanghaiDay(1) ? 3 : 1)
      if (free.slice(0, 7) === blocked.slice(0, 7) && await page.locator(`button[data-date="${blocked}"]`).count()) t.ok(await page.locator(`button[data-date="${blocked}"]`).isDisabled())
      const offered = (await server.app.inject({ url: '/api/v1/redeem/default/config' })).json().reservation.available_dates as string[]
      t.notOk(offered.includes(blocked), 'nor by the page\'s config')
      t.ok(offered.includes(shanghaiDay(1)) || blocked === shanghaiDay(1), 'the day after today is')
      await screenshot(page, 'admin-pickup-window-page')
    })
  })

  t.test('通知设置: a fake Aliyun server, a test text sent, a second dropped by the per-phone limit', async (t) => {
    const aliyun = await fakeAliyun(t)
    await withPage(t, browser, 'admin-notification-settings', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/settings/notifications')
      await page.waitForSelector('#kq-sign-name')
      for (const seed of ['当顾客提交了提货订单，是否要给顾客发一个友好的短信', '当顾客提交了提货订单，是否要给管理员发一个通知短信', '当工作人员进行发货时，是否要给顾客发一个友好的短信']) {
        t.match(await page.locator('.kq-sms__event').allInnerTexts().then((x) => x.join('\n')), seed, `the switch reads: ${seed}`)
      }
      t.match(await page.locator('[data-testid="limit-warning"]').innerText(), '管理员手机收不到第二条订单通知', 'the form says what the default limit drops')

      await page.locator('.el-radio[data-provider="aliyun"]').click()
      await page.fill('#kq-aliyun-id', 'LTAI5tTestKey')
      await page.fill('#kq-aliyun-secret', 'AliyunSecret-7788')
      await page.fill('#kq-aliyun-endpoint', aliyun.url)
      await page.fill('#kq-sign-name', '鲜果铺')
      await page.fill('#kq-template-order_submitted_customer', 'SMS_100001')
      await page.click('#kq-sms-save')
      t.match(await lastMessage(page, '通知设置已保存'), '通知设置已保存')
      await page.locator('.kq-page__title').scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-notification-settings-form')
      t.equal(await page.inputValue('#kq-aliyun-secret'), '', 'the secret is not shown again')
      t.match(await page.getAttribute('#kq-aliyun-secret', 'placeholder') ?? '', '已保存（****7788）')
      const saved = await server.app.inject({ url: '/api/v1/settings/notifications', headers: admin })
      t.notOk(saved.body.includes('AliyunSecret-7788'), 'the API never returns it either')

      await page.fill('#kq-test-phone', '13600136000')
      await page.click('#kq-test-send')
      await page.locator('.el-message', { hasText: '测试短信已排队发送' }).waitFor()
      await server.app.services.worker.drainAll()
      await page.locator('.kq-smslog__state[data-state="sent"]').waitFor()
      t.equal(aliyun.calls.length, 1, 'the text reached the fake Aliyun server')
      t.equal(aliyun.calls[0].searchParams.get('Action'), 'SendSms')
      t.equal(aliyun.calls[0].searchParams.get('PhoneNumbers'), '13600136000')
      t.equal(aliyun.calls[0].searchParams.get('SignName'), '鲜果铺')
      t.equal(aliyun.calls[0].searchParams.get('TemplateCode'), 'SMS_100001')
      t.match(await page.locator('.kq-smslog tbody tr').first().innerText(), /136\*\*\*\*6000[\s\S]*测试短信[\s\S]*已发送[\s\S]*等待回执[\s\S]*biz-1/)

      // The receipt poller asks Aliyun (QuerySendDetails); the log shows the text delivered.
      const receipts = createSmsReceipts({ db: server.app.db, notifications: server.app.services.notifications, log: { error: (o) => t.fail(JSON.stringify(o)) } })
      t.match(await receipts.runOnce(), { delivered: 1 })
      t.equal(aliyun.calls.at(-1)?.searchParams.get('Action'), 'QuerySendDetails')
      t.equal(aliyun.calls.at(-1)?.searchParams.get('BizId'), 'biz-1')
      await page.click('#kq-smslog-refresh')
      await page.locator('.kq-smslog__delivery[data-delivery="delivered"]').waitFor()
      t.match(await page.locator('.kq-smslog tbody tr').first().innerText(), /已发送[\s\S]*已送达/, 'the log says delivered')
      const calls = aliyun.calls.length

      // Within the minute, the same phone and template: over the default limit of one.
      await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector (s: string): { classList: { contains (c: string): boolean } } | null } }).document.querySelector('#kq-test-send')?.classList.contains('is-loading'), undefined, { timeout: 20_000 })
      await page.click('#kq-test-send')
      await page.locator('.el-message', { hasText: '测试短信已排队发送' }).last().waitFor()
      await server.app.services.worker.drainAll()
      await page.locator('.kq-smslog__state[data-state="dropped"]').waitFor()
      const row = await page.locator('.kq-smslog tbody tr').first().innerText()
      t.match(row, '未发送（超出频率限制）', 'the dropped text is shown as dropped')
      t.match(row, '同一手机号同一模板 1 分钟内最多 1 条，本条未发送', 'with the limit it hit')
      t.equal(aliyun.calls.length, calls, 'and never reached the provider')
      // Whole: inside the table's visible width (no column pushed past the card's edge) and not
      // clipped inside its cell.
      const clipped = await page.locator('.kq-smslog tbody tr').first().locator('.kq-smslog__reason').evaluate((el) => {
        interface Box { getBoundingClientRect (): { right: number }; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }
        const e = el as unknown as Box & { closest (s: string): Box }
        const cell = e.closest('.cell')
        const table = e.closest('.kq-smslog')
        return { past: e.getBoundingClientRect().right - table.getBoundingClientRect().right, inCell: cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1 }
      })
      t.ok(clipped.past <= 0, `the reason ends inside the table (${clipped.past} px past its edge)`)
      t.equal(clipped.inCell, false, 'and is not clipped in its cell')
      await page.locator('.kq-pager').last().scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-sms-log-delivery')

      await page.locator('.el-select:has(#kq-smslog-status) .el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item', { hasText: '未发送（超出频率限制）' }).click()
      await page.click('#kq-smslog-search')
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll (s: string): { length: number } } }).document.querySelectorAll('.kq-smslog tbody tr').length === 1)
      t.equal(await page.locator('.kq-smslog__state[data-state="sent"]').count(), 0, 'the filter shows only dropped texts')
      await page.locator('.el-select:has(#kq-smslog-status) .el-select__wrapper').hover()
      await page.locator('.el-select:has(#kq-smslog-status) .el-select__clear').click()
      await page.locator('.el-select:has(#kq-smslog-delivery) .el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '已送达' }).click()
      await page.click('#kq-smslog-search')
      await page.locator('.kq-smslog__state[data-state="sent"]').waitFor()
      t.equal(await page.locator('.kq-smslog tbody tr').count(), 1, 'the delivery filter: the delivered text only')
      t.equal(await page.locator('.kq-smslog__delivery[data-delivery="delivered"]').count(), 1)
      await page.locator('.kq-page').first().evaluate(() => undefined)
      await screenshot(page, 'admin-notification-settings')
      t.same(problems, [], 'no console errors')
    })
  })
})
