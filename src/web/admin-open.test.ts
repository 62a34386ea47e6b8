// 开放平台 in the console (/admin), in Debian's Chromium against the real server with its outbox
// worker running: an app created, its secret read once from the dialog and used to sign a call
// to the open API, never shown again (list, reload); a rotation whose old secret still works;
// a disabled app refused; the signing guide on /docs; a webhook endpoint on a local receiver
// that gets a test delivery the receiver can verify; a failing endpoint whose every attempt
// (status code, latency, the start of its answer) is listed, which dies after its retries and
// is replayed over a time range once it answers again.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import t from 'tap'
import { Webhook } from 'standardwebhooks'
import { KaquanClient } from '../modules/open/client.js'
import { fixedClock } from '../shared/clock.js'
import { ARTIFACTS, DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { startReceiver } from '../test-support/receiver.js'
import { until } from '../test-support/until.js'
import { RETRY_DELAYS_MS } from '../workers/outbox-worker.js'

const skip = browserSkip()
t.setTimeout(400_000)

// What page.evaluate reads in the browser (the server's tsconfig has no DOM library).
declare const navigator: { clipboard: { readText (): Promise<string> } }

const input = (page: Page, id: string) => page.locator(`input#${id}, textarea#${id}, #${id} input`).first()
const tick = (page: Page, id: string) => page.locator(`.el-checkbox:has(#${id})`).click()

async function confirmBox (page: Page, button: string): Promise<string> {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const text = (await box.innerText()).trim()
  await box.getByRole('button', { name: button }).click()
  await box.waitFor({ state: 'hidden' })
  return text
}

/** Reads the secret of the open "shown once" dialog, checks the copy button, and closes it. */
async function takeSecret (page: Page, name: string): Promise<{ secret: string; text: string }> {
  const dialog = page.locator('.kq-secret')
  await dialog.waitFor()
  const secret = (await dialog.locator('[data-testid="secret-value"]').innerText()).trim()
  const text = await dialog.innerText()
  await page.click('#kq-secret-copy')
  // Waited for by its text: an earlier message (the endpoint saved) may still be on screen.
  const copiedMessage = await page.locator('.el-message', { hasText: '已复制' }).last().waitFor({ timeout: 5000 }).then(() => true, () => false)
  if (!copiedMessage) throw new Error(`the copy button did not copy (last message: ${await lastMessage(page)})`)
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  if (copied !== secret) throw new Error('the clipboard does not hold the secret')
  await screenshot(page, name)
  await page.click('#kq-secret-done')
  await dialog.waitFor({ state: 'hidden' })
  return { secret, text }
}

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] }

t.test('开放平台 in a browser', { skip }, async (t) => {
  const clock = fixedClock(new Date())
  const server = await pickupServer(t, { clock, quantity: 5 })
  const worker = server.app.services.worker
  worker.start(200)
  t.teardown(() => worker.stop())
  const admin = server.auth(server.token)
  const browser = await launchBrowser(t)
  // admin.html names no icon: Chromium asks for /favicon.ico once and logs the 404 (see admin-cards.test.ts).
  const warm = await browser.newPage()
  await warm.goto(`${server.url}/admin/login`)
  await warm.waitForTimeout(1000)
  await warm.close()
  const openApi = (appKey: string, appSecret: string) => new KaquanClient({ baseUrl: server.url, appKey, appSecret, now: () => Math.floor(clock.now().getTime() / 1000) })

  t.test('应用管理: created, its secret read once and used to sign a call, never shown again; rotated; disabled', async (t) => {
    await withPage(t, browser, 'admin-open-apps', { ...LARGE_DESKTOP, ...CLIPBOARD }, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/open/apps')
      t.match(await page.locator('.kq-layout').innerText(), /开放平台[\s\S]*应用管理[\s\S]*Webhook/, 'the menu group and its pages')
      t.equal(await page.locator('#kq-signing-guide').getAttribute('href'), '/docs#/open', 'the signing guide this server serves')

      await page.click('#kq-app-create')
      const form = page.locator('.el-dialog:has(#kq-app-name)')
      await form.waitFor()
      const formText = await form.innerText()
      t.match(formText, /查询提货订单、发货和物流信息/, 'each scope explained')
      t.match(formText, /发卡结果里带卡密码/)
      await input(page, 'kq-app-name').fill('鲜果商城')
      await tick(page, 'kq-scope-orders-read')
      await tick(page, 'kq-scope-products-read')
      await input(page, 'kq-app-allowlist').fill('127.0.0.1\n203.0.113.0/24')
      await input(page, 'kq-app-rate').fill('20')
      await screenshot(page, 'admin-open-app-form')
      await page.click('#kq-app-submit')
      const created = await takeSecret(page, 'admin-open-app-secret')
      t.match(created.secret, /^sk_[A-Za-z0-9]{40}$/, 'the secret, read from the dialog')
      const appKey = /ak_[A-Za-z0-9]{24}/.exec(created.text)![0]
      t.match(created.text, /只显示这一次/)

      const signed = await openApi(appKey, created.secret).request<{ items: unknown[] }>('GET', '/open/v1/orders?limit=10')
      t.equal(signed.status, 200, 'a call signed with the secret from the dialog is accepted')
      t.ok(Array.isArray(signed.body.items))
      const scoped = await openApi(appKey, created.secret).request<{ code: string }>('GET', `/open/v1/cards/${server.cards[0].card_no}`)
      t.equal(scoped.body.code, 'scope_missing', 'a scope that was not ticked is refused')

      const row = page.locator('.el-table__row', { hasText: '鲜果商城' }).first()
      await row.waitFor()
      t.match(await row.innerText(), /查询订单[\s\S]*读取商品[\s\S]*127\.0\.0\.1[\s\S]*203\.0\.113\.0\/24[\s\S]*20 次\/秒/)
      t.equal((await row.locator('[data-testid="secret-hint"]').innerText()).trim(), `****${created.secret.slice(-4)}`, 'the list shows the last four characters')
      t.notOk((await page.content()).includes(created.secret), 'the secret is gone from the page')
      await page.reload()
      await page.locator('.el-table__row', { hasText: '鲜果商城' }).first().waitFor()
      t.notOk((await page.content()).includes(created.secret), 'and not there after a reload')
      const listed = await server.app.inject({ method: 'GET', url: '/api/v1/apps', headers: admin })
      t.notOk(listed.body.includes(created.secret), 'nor in the list the page reads')
      await screenshot(page, 'admin-open-apps')

      await page.locator('.kq-apps__actions[data-app="鲜果商城"]').getByRole('button', { name: '轮换密钥' }).click()
      t.match(await confirmBox(page, '轮换'), /旧密钥继续有效 24 小时/, 'the overlap said before rotating')
      const rotated = await takeSecret(page, 'admin-open-app-rotated')
      t.not(rotated.secret, created.secret)
      t.match(rotated.text, /旧密钥在 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 前仍然有效（24 小时）/, 'until when the old secret works')
      t.equal((await openApi(appKey, rotated.secret).request('GET', '/open/v1/orders')).status, 200, 'the new secret signs')
      t.equal((await openApi(appKey, created.secret).request('GET', '/open/v1/orders')).status, 200, 'the old one still does, inside the overlap')
      t.match(await page.locator('.el-table__row', { hasText: '鲜果商城' }).innerText(), /旧密钥有效至/)

      await page.locator('.kq-apps__actions[data-app="鲜果商城"]').getByRole('button', { name: '停用' }).click()
      t.match(await confirmBox(page, '停用'), /立即被拒绝/)
      await page.locator('.el-table__row', { hasText: '鲜果商城' }).getByText('已停用').waitFor()
      const refused = await openApi(appKey, rotated.secret).request<{ code: string }>('GET', '/open/v1/orders')
      t.equal(refused.body.code, 'app_disabled', 'a disabled app is refused')
      await page.locator('.kq-apps__actions[data-app="鲜果商城"]').getByRole('button', { name: '启用' }).click()
      await page.locator('.el-table__row', { hasText: '鲜果商城' }).getByText('启用', { exact: true }).waitFor()
      t.equal((await openApi(appKey, rotated.secret).request('GET', '/open/v1/orders')).status, 200, 'enabled again')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('the signing guide the console links to opens from this server', async (t) => {
    await withPage(t, browser, 'admin-open-docs', DESKTOP, async (page) => {
      await page.goto(`${server.url}/docs#/open`)
      await page.getByText('开放平台接口签名说明').first().waitFor()
      t.match(await page.locator('#swagger-ui').innerText(), /X-Kq-Signature[\s\S]*string_to_sign/)
      await screenshot(page, 'admin-open-docs')
      // The guide itself, as the developer reads it (the whole page is long).
      await page.locator('.opblock-tag-section', { hasText: '开放平台接口签名说明' }).screenshot({ path: join(ARTIFACTS, 'admin-open-docs-guide.png') })
    })
  })

  let failingId = 0
  let failing = true
  const good = await startReceiver(t)
  // A receiver that is down, and echoes our signature back in its answer (as debugging receivers do).
  const bad = await startReceiver(t, (r) => failing
    ? { status: 500, body: JSON.stringify({ error: 'database down', echo: r.headers['webhook-signature'] }) }
    : { status: 200, body: 'ok' })

  t.test('Webhook: a refused URL, an endpoint on a local receiver, a test delivery it verifies; a failing one tried', async (t) => {
    await withPage(t, browser, 'admin-open-webhooks', { ...LARGE_DESKTOP, ...CLIPBOARD }, async (page) => {
      const problems = consoleProblems(page, [/status of 422/])
      await openConsole(page, server.url, server.token, '/admin/open/webhooks')
      await page.click('#kq-webhook-create')
      const form = page.locator('.el-dialog:has(#kq-webhook-url)')
      await form.waitFor()
      t.match(await form.innerText(), /订单已发货[\s\S]*订单填写了运单号/, 'each event explained')
      await input(page, 'kq-webhook-url').fill('http://example.com/hook')
      await page.click('#kq-webhook-submit')
      await form.locator('.el-form-item__error', { hasText: 'https' }).waitFor()
      t.match(await form.locator('.el-form-item__error').first().innerText(), /Webhook 地址必须是 https/, 'the server\'s refusal, in Chinese, on the field')
      t.equal((await server.app.inject({ method: 'GET', url: '/api/v1/webhook-endpoints', headers: admin })).json().items.length, 0, 'nothing stored')

      await input(page, 'kq-webhook-url').fill(good.url)
      await input(page, 'kq-webhook-description').fill('商城订单同步')
      await page.click('#kq-webhook-submit')
      const { secret } = await takeSecret(page, 'admin-open-webhook-secret')
      t.match(secret, /^whsec_/)
      t.notOk((await page.content()).includes(secret), 'the secret is gone from the page')
      const actions = (url: string) => page.locator(`.kq-webhooks__actions[data-url="${url}"]`)
      t.match(await page.locator('.el-table__row', { hasText: good.url }).innerText(), /全部事件[\s\S]*\*\*\*\*/)

      await actions(good.url).getByRole('button', { name: '发送测试' }).click()
      t.match(await lastMessage(page), /测试消息已排队/)
      await actions(good.url).getByRole('button', { name: '投递记录' }).click()
      await page.waitForURL(/\/admin\/open\/webhooks\/\d+$/)
      await page.locator('.kq-delivery__state', { hasText: '成功' }).waitFor({ timeout: 20_000 })
      t.equal(good.received.length, 1, 'the receiver got the test delivery')
      const r = good.received[0]
      t.equal(JSON.parse(r.body).type, 'webhook.test')
      t.ok(new Webhook(secret).verify(r.body, { 'webhook-id': r.headers['webhook-id'] as string, 'webhook-timestamp': r.headers['webhook-timestamp'] as string, 'webhook-signature': r.headers['webhook-signature'] as string }), 'signed with the secret the dialog showed')
      t.match(await page.locator('.kq-deliveries__table').innerText(), /测试消息[\s\S]*msg_/)
      await screenshot(page, 'admin-open-deliveries-ok')

      await page.click('text=返回 Webhook')
      await page.click('#kq-webhook-create')
      await input(page, 'kq-webhook-url').fill(bad.url)
      await input(page, 'kq-webhook-description').fill('故障地址')
      await tick(page, 'kq-event-order-created')
      await page.click('#kq-webhook-submit')
      await takeSecret(page, 'admin-open-webhook-secret-2')
      t.match(await page.locator('.el-table__row', { hasText: bad.url }).innerText(), /订单已创建/)
      await actions(bad.url).getByRole('button', { name: '发送测试' }).click()
      await actions(bad.url).getByRole('button', { name: '投递记录' }).click()
      await page.waitForURL(/\/admin\/open\/webhooks\/\d+$/)
      failingId = Number(/(\d+)$/.exec(page.url())![1])
      await page.locator('.kq-attempt').first().waitFor({ timeout: 20_000 })
      const first = await page.locator('.kq-attempt').first().innerText()
      t.match(first, /500[\s\S]*\d+ ms[\s\S]*对方返回 HTTP 500[\s\S]*database down/, 'the attempt: status, latency, what it means, the answer')
      t.match(await page.locator('.kq-deliveries__table').innerText(), /下次重试/)
      await screenshot(page, 'admin-open-deliveries-failing')

      // The good endpoint is deleted, after a confirmation.
      await page.click('text=返回 Webhook')
      await actions(good.url).getByRole('button', { name: '删除' }).click()
      t.match(await confirmBox(page, '删除'), /不能恢复/)
      await page.locator('.el-table__row', { hasText: good.url }).waitFor({ state: 'detached' })
      t.same(problems, [], 'no console errors (but the refused URL\'s 422)')
    })
  })

  t.test('a failing endpoint dies after its retries, every attempt shown; replayed over a time range once it answers', async (t) => {
    // A day and more of retries, in the server's time; the console's session is a new one. The
    // running worker makes each attempt (a drain of our own beside it could find the row leased
    // to it, still in flight, and move on): each step waits for its attempt to arrive.
    const deliveries = async () => (await server.app.inject({ method: 'GET', url: `/api/v1/deliveries?endpoint_id=${failingId}`, headers: server.auth(await server.login()) })).json().items
    for (const [i, delay] of RETRY_DELAYS_MS.entries()) {
      clock.advance(delay * 1.1 + 1000)
      worker.kick()
      await until(`attempt ${i + 2}`, () => bad.received.length >= i + 2)
    }
    await until('the delivery given up', async () => (await deliveries())[0].status === 'dead')
    t.equal(bad.received.length, 8)
    const token = await server.login()
    await withPage(t, browser, 'admin-open-replay', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, token, `/admin/open/webhooks/${failingId}`)
      await page.locator('.kq-delivery__state', { hasText: '已放弃' }).waitFor()
      const attempts = page.locator('.kq-attempt')
      t.equal(await attempts.count(), 8, 'every attempt listed')
      for (let i = 0; i < 8; i++) {
        const text = await attempts.nth(i).innerText()
        t.match(text, new RegExp(`^${i + 1}\\s[\\s\\S]*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}[\\s\\S]*500[\\s\\S]*\\d+ ms[\\s\\S]*database down`), `attempt ${i + 1}`)
        t.match(text, /\[已隐藏\]/, 'our signature echoed back is hidden')
        t.notOk(text.includes((bad.received[i].headers['webhook-signature'] as string).slice(3)), 'never shown')
      }
      await screenshot(page, 'admin-open-deliveries-dead')

      failing = false
      await page.click('#kq-replay-open')
      const dialog = page.locator('.el-dialog', { hasText: '按时间重发' })
      await dialog.waitFor()
      await dialog.locator('.el-range-editor').click()
      await page.locator('.el-picker-panel__shortcut', { hasText: '最近 3 天' }).click()
      await screenshot(page, 'admin-open-replay-dialog')
      await page.click('#kq-replay-submit')
      t.equal(await lastMessage(page, '已重新排队 1 条消息'), '已重新排队 1 条消息')
      await page.locator('.kq-delivery__state', { hasText: '成功' }).waitFor({ timeout: 20_000 })
      t.equal(bad.received.length, 9, 'sent again')
      t.equal(bad.received[8].headers['webhook-id'], bad.received[0].headers['webhook-id'], 'with its webhook-id')
      t.equal(await attempts.count(), 9, 'the new attempt follows the eight before it')
      t.match(await attempts.last().innerText(), /^9\s[\s\S]*200[\s\S]*成功/)
      await screenshot(page, 'admin-open-deliveries-replayed')

      await page.click('text=返回 Webhook')
      await page.locator(`.kq-webhooks__actions[data-url="${bad.url}"]`).getByRole('button', { name: '停用' }).click()
      await confirmBox(page, '停用')
      await page.locator('.el-table__row', { hasText: bad.url }).getByText('已停用').waitFor()
      await screenshot(page, 'admin-open-webhooks')
      t.same(problems, [], 'no console errors')
    })
  })
})
