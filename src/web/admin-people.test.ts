// The console's people pages in Debian's Chromium: 管理员 (add with permission ticks, edit,
// disable, reset a password shown once, the last admin who can manage admins kept), the menu and
// the missing-permission page of a staff account, 到店提货 from the menu without a second login,
// 操作日志 with its filters, and 券商管理 with each distributor's card counts.
import type { Page } from 'playwright-core'
import t from 'tap'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'

const skip = browserSkip()
t.setTimeout(300_000)

const CLERK_PASSWORD = 'Clerk12345-kq#Pw'

/** Confirms the Element Plus message box that is open, with its button named `label`. */
async function confirmBox (page: Page, label: string): Promise<void> {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.locator('button', { hasText: label }).click()
  await box.waitFor({ state: 'hidden' })
}

const shanghai = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', ...options })
/** "2026-12-02" as Shanghai's calendar has it. */
const shanghaiDay = (d: Date) => shanghai({ year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
/** "2026-12-02 06:24:47" in Shanghai. */
const shanghaiTime = (iso: string) => shanghai({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso))

/**
 * The toast saying `text` (waited for: an earlier toast may still be showing while the answer
 * is on its way), as the page shows it.
 */
async function toast (page: Page, text: string): Promise<string> {
  const m = page.locator('.el-message', { hasText: text }).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}

const actions = (page: Page, username: string) => page.locator(`.kq-admins__actions[data-username="${username}"]`)

t.test('people pages in a browser', { skip }, async (t) => {
  const server = await pickupServer(t)
  const owner = server.auth(server.token)
  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = owner) => {
    const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json()
  }
  const adminNamed = async (username: string) => (await api('GET', '/api/v1/admins')).items.find((a: { username: string }) => a.username === username)
  const dist = await api('POST', '/api/v1/admins', { username: 'dist01', name: '渠道经理', password: 'Dist123456-kq#Pw', permissions: ['cards.read', 'distributors.write', 'audit.read'] })
  const browser = await launchBrowser(t)
  /** clerk02's password as the page reset it. */
  let clerkPassword = ''

  t.test('管理员: add with ticks, edit, disable, reset the password; the last admin who manages admins stays', async (t) => {
    await withPage(t, browser, 'admin-people-admins', DESKTOP, async (page) => {
      // The refusals below answer 409: the browser logs each failed request.
      // The refusals below answer 409, which the browser logs. Chromium's own request for
      // /favicon.ico (the console has none) logs a 404 without its URL: the page's own
      // requests are checked one by one instead.
      const problems = consoleProblems(page, [/status of 409/, /status of 404/])
      const failed: string[] = []
      page.on('response', (r) => { if (r.status() >= 400 && r.status() !== 409) failed.push(`${r.status()} ${r.url()}`) })
      await openConsole(page, server.url, server.token, '/admin/admins')
      await page.waitForSelector('.kq-admins__actions[data-username="admin"]')
      t.match(await page.locator('.kq-admins .el-table__row', { hasText: 'admin' }).first().innerText(), /初始管理员[\s\S]*全部权限/)
      await screenshot(page, 'admin-people-admins-list')

      await page.click('#kq-admin-create')
      const dialog = page.locator('.kq-admin-dialog')
      await dialog.waitFor()
      await page.fill('#kq-admin-username', 'clerk02')
      await page.fill('#kq-admin-name', '店员小张')
      await page.fill('#kq-admin-phone', '13800138001')
      await page.fill('#kq-admin-password-new', CLERK_PASSWORD)
      t.same(await dialog.locator('.kq-perms__title').allInnerTexts(), ['商品', '卡券', '券商', '订单', '提货', '设置', '开放平台', '管理员与日志'], 'ticks grouped by area, in Chinese')
      await dialog.locator('.el-checkbox[data-permission="redeem.store"]').click()
      await dialog.locator('.el-checkbox[data-permission="orders.read"]').click()
      await dialog.locator('.el-checkbox.is-checked[data-permission="orders.read"]').waitFor()
      t.match(await dialog.locator('.kq-perms__group[data-group="提货"]').innerText(), /到店提货[\s\S]*电话提货/)
      await screenshot(page, 'admin-people-admin-create')
      await page.click('#kq-admin-save')
      t.equal(await toast(page, '已添加管理员 clerk02'), '已添加管理员 clerk02')
      await dialog.waitFor({ state: 'hidden' })
      let clerk = await adminNamed('clerk02')
      t.same([clerk.name, clerk.phone, clerk.permissions], ['店员小张', '13800138001', ['orders.read', 'redeem.store']], 'created with the ticks given')
      t.match(await page.locator('.kq-admins .el-table__row', { hasText: 'clerk02' }).innerText(), /订单：查看订单[\s\S]*提货：到店提货/)

      await actions(page, 'clerk02').getByText('编辑').click()
      await dialog.waitFor()
      t.equal(await page.inputValue('#kq-admin-name'), '店员小张')
      t.ok(await page.locator('#kq-admin-username').isDisabled(), 'the username stays')
      await page.fill('#kq-admin-name', '店员小张（早班）')
      await dialog.locator('.el-checkbox[data-permission="orders.read"]').click()
      await dialog.locator('.el-checkbox[data-permission="redeem.phone"]').click()
      await page.click('#kq-admin-save')
      t.equal(await toast(page, '已保存'), '已保存')
      await dialog.waitFor({ state: 'hidden' })
      clerk = await adminNamed('clerk02')
      t.same([clerk.name, clerk.permissions], ['店员小张（早班）', ['redeem.store', 'redeem.phone']], 'edited: name and ticks')

      await actions(page, 'clerk02').getByText('停用').click()
      await confirmBox(page, '停用')
      t.equal(await toast(page, '已停用 clerk02'), '已停用 clerk02')
      await page.locator('.kq-admins .el-table__row', { hasText: 'clerk02' }).getByText('已停用').waitFor()
      t.equal((await adminNamed('clerk02')).status, 'disabled')
      const refused = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk02', password: CLERK_PASSWORD } })
      t.equal(refused.json().code, 'account_disabled', 'a disabled account cannot log in')
      await actions(page, 'clerk02').getByText('启用').click()
      t.equal(await toast(page, '已启用 clerk02'), '已启用 clerk02')
      t.equal((await adminNamed('clerk02')).status, 'active')

      await actions(page, 'clerk02').getByText('重置密码').click()
      await confirmBox(page, '重置')
      const shown = page.locator('[data-testid="new-password"]')
      await shown.waitFor()
      const password = (await shown.innerText()).trim()
      t.match(password, /^[A-Za-z2-9]{16}$/, 'the new password is shown')
      t.match(await page.locator('.kq-reset').innerText(), /只显示这一次/)
      await screenshot(page, 'admin-people-password-reset')
      await page.locator('.kq-reset').getByText('我已记下').click()
      await shown.waitFor({ state: 'detached' })
      t.equal(await page.locator('.kq-admins').innerText().then((s) => s.includes(password)), false, 'shown once: gone when closed')
      const oldLogin = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk02', password: CLERK_PASSWORD } })
      t.equal(oldLogin.statusCode, 401, 'the old password no longer works')
      t.ok(await server.login('clerk02', password), 'the new password works for an API login')
      clerkPassword = password

      // The owner is the only admin holding admins.write: neither deleted nor disabled.
      await actions(page, 'admin').getByText('删除').click()
      await confirmBox(page, '删除')
      t.equal(await toast(page, '不能删除自己的账号'), '不能删除自己的账号', 'the server\'s reason is shown')
      await actions(page, 'admin').getByText('停用').click()
      await confirmBox(page, '停用')
      t.equal(await toast(page, '不能取消自己的管理员管理权限或停用自己'), '不能取消自己的管理员管理权限或停用自己')
      const ownerRow = await adminNamed('admin')
      t.same([ownerRow.status, ownerRow.permissions.includes('admins.write')], ['active', true], 'the last holder stays')
      await screenshot(page, 'admin-people-last-holder')
      t.same(problems, [], 'no console errors')
      t.same(failed, [], 'no request failed but the refusals')
    })

    await withPage(t, browser, 'admin-people-admins-large', LARGE_DESKTOP, async (page) => {
      await openConsole(page, server.url, server.token, '/admin/admins')
      await page.waitForSelector('.kq-admins__actions[data-username="clerk02"]')
      await screenshot(page, 'admin-people-admins-1920')
    })
  })

  t.test('a staff account without admins.write: no 管理员 menu, the page names the missing permission; 到店提货 opens signed in', async (t) => {
    const clerkToken = await server.login('clerk02', clerkPassword)
    await withPage(t, browser, 'admin-people-staff', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, clerkToken, '/admin/')
      const menu = await page.locator('.kq-menu').innerText()
      t.notMatch(menu, /管理员/, 'no 管理员 menu')
      t.notMatch(menu, /操作日志/)
      t.match(menu, /到店提货[\s\S]*电话提货/, 'the staff pages are in the menu')
      await page.goto(`${server.url}/admin/admins`)
      const result = page.locator('.el-result')
      await result.waitFor()
      t.match(await result.innerText(), /没有权限[\s\S]*“管理管理员”（admins\.write）/, 'the missing permission is named')
      await screenshot(page, 'admin-people-no-permission')

      await page.locator('.kq-menu .el-menu-item', { hasText: '到店提货' }).click()
      await page.waitForURL(`${server.url}/staff/store`)
      await page.waitForSelector('.kq-header__aside')
      t.match(await page.locator('.kq-header__aside').innerText(), /店员小张（早班）/, 'signed in as the console\'s admin, no second login')
      t.equal(await page.locator('#kq-admin-password').count(), 0, 'no login form')
      await page.locator('.kq-tabs a[aria-current="page"]', { hasText: '到店提货' }).waitFor()
      await screenshot(page, 'admin-people-staff-store')
      await page.goBack()
      await page.waitForSelector('.kq-layout')
      t.equal(page.url(), `${server.url}/admin/admins`, 'back returns to the console page it came from')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('券商管理: a distributor created on the page, its cards counted', async (t) => {
    const distToken = await server.login('dist01', 'Dist123456-kq#Pw')
    await withPage(t, browser, 'admin-people-distributors', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, distToken, '/admin/distributors')
      await page.waitForSelector('.kq-dist')
      await page.click('#kq-distributor-create')
      await page.fill('#kq-dist-name', '华东分销')
      await page.fill('#kq-dist-contact', '王经理')
      await page.fill('#kq-dist-phone', '13900139000')
      await page.click('#kq-dist-save')
      t.equal(await toast(page, '已添加券商 华东分销'), '已添加券商 华东分销')
      const row = page.locator('.kq-dist__actions[data-name="华东分销"]')
      await row.waitFor()
      const id = (await api('GET', '/api/v1/distributors')).items.find((d: { name: string }) => d.name === '华东分销').id

      // Three cards go to it (the card list's bulk update); one of them is redeemed.
      const cards = server.cards.slice(0, 3)
      const serials = await server.db('cards').whereIn('card_no', cards.map((c) => c.card_no)).orderBy('serial').pluck('serial')
      await api('POST', '/api/v1/cards/bulk', { action: 'update', target: { serial_from: Number(serials[0]), serial_to: Number(serials[2]) }, fields: { distributor_id: id } })
      const verified = await server.verify(cards[0].card_no, cards[0].password)
      const order = await server.submit({ token: verified.json().token, product_id: server.apple, consignee: { name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 100 号' } })
      t.equal(order.statusCode, 201, 'one card redeemed')
      await page.reload()
      await page.waitForSelector('.kq-dist__actions[data-name="华东分销"]')
      const cells = page.locator('.kq-dist .el-table__row', { hasText: '华东分销' })
      const count = async (what: string) => (await cells.locator(`[data-count="${what}"]`).innerText()).trim()
      t.same([await count('total'), await count('active'), await count('redeemed'), await count('inactive'), await count('voided')], ['3', '2', '1', '0', '0'], 'assigned 3, activated 2, redeemed 1')
      t.match(await page.locator('.kq-dist__totals').innerText(), /共 1 家券商[\s\S]*已分配 3 张/)
      t.equal(await page.locator('.kq-dist__actions[data-name="华东分销"] a', { hasText: '查看卡券' }).getAttribute('href'), `/admin/cards?distributor=${id}`, 'links to its cards')
      await screenshot(page, 'admin-people-distributors')

      await row.getByText('编辑').click()
      await page.fill('#kq-dist-remark', '月底结算')
      await page.click('#kq-dist-save')
      t.equal(await toast(page, '已保存'), '已保存')
      await cells.getByText('月底结算').waitFor()
      await row.getByText('删除').click()
      await confirmBox(page, '删除')
      t.equal(await toast(page, '该券商名下还有卡券，不能删除'), '该券商名下还有卡券，不能删除', 'a distributor holding cards stays, with the reason')
      t.same(problems.filter((p) => !/status of 409/.test(p)), [], 'no console errors')
    })

    // Buttons follow permissions: cards.read alone sees the counts and no 添加/编辑/删除.
    await api('POST', '/api/v1/admins', { username: 'viewer1', name: '只读', password: 'Viewer1234-kq#Pw', permissions: ['cards.read'] })
    const viewer = await server.login('viewer1', 'Viewer1234-kq#Pw')
    await withPage(t, browser, 'admin-people-distributors-read', DESKTOP, async (page) => {
      await openConsole(page, server.url, viewer, '/admin/distributors')
      await page.waitForSelector('.kq-dist__actions[data-name="华东分销"]')
      t.equal(await page.locator('#kq-distributor-create').count(), 0, 'no 添加券商')
      t.same(await page.locator('.kq-dist__actions[data-name="华东分销"]').innerText(), '查看卡券', 'only the link to its cards')
    })
  })

  t.test('操作日志: the actions just done, in words, filtered by who and by day', async (t) => {
    await withPage(t, browser, 'admin-people-audit', { ...DESKTOP, timezoneId: 'America/Los_Angeles' }, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/audit')
      await page.waitForSelector('.kq-audit .el-table__row')
      const actionsShown = async () => page.locator('.kq-audit__action').allInnerTexts()
      const all = await actionsShown()
      for (const label of ['添加管理员', '修改管理员', '重置管理员密码', '添加券商', '批量修改卡券']) t.ok(all.includes(label), `shows ${label}`)
      const table = await page.locator('.kq-audit').innerText()
      t.match(table, /用户名：clerk02/, 'the summary in words')
      t.match(table, /新权限：到店提货、电话提货/, 'permission codes translated')
      t.match(table, /修改内容：券商=华东分销/, 'a distributor by its name')
      t.notMatch(table, new RegExp(CLERK_PASSWORD.replace(/[#-]/g, '\\$&')), 'no password')
      t.notMatch(table, /scrypt\$/)
      await screenshot(page, 'admin-people-audit')

      // Who: 渠道经理 did two things here: added 华东分销 and changed its remark.
      await page.click('#kq-audit-actor')
      await page.locator('.el-select-dropdown__item:visible', { hasText: '渠道经理（dist01）' }).click()
      await page.click('#kq-audit-search')
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll (s: string): ArrayLike<unknown> } }).document.querySelectorAll('.kq-audit__action').length === 2)
      t.same(await actionsShown(), ['修改券商', '添加券商'], 'only 渠道经理\'s actions')
      t.match(await page.locator('.kq-audit').innerText(), /渠道经理[\s\S]*名称：华东分销/)
      await screenshot(page, 'admin-people-audit-by-actor')

      // When: days in the merchant's zone (Shanghai), whatever the browser's (Los Angeles here).
      const picker = page.locator('.kq-audit__filters .el-date-editor')
      const days = async (from: string, to: string) => {
        await picker.locator('input').first().fill(from)
        await picker.locator('input').nth(1).fill(to)
        await page.keyboard.press('Enter')
        await page.click('#kq-audit-search')
      }
      await days('2020-01-01', '2020-01-02')
      await page.locator('.kq-audit', { hasText: '没有符合条件的记录' }).waitFor()
      t.pass('a day long past: nothing')
      const today = shanghaiDay(new Date())
      await days(today, today)
      await page.locator('.kq-audit__action', { hasText: '添加券商' }).waitFor()
      t.same(await actionsShown(), ['修改券商', '添加券商'], 'today in Shanghai holds them again (with the actor filter still on)')
      // What: every 管理员 action, by anyone.
      await page.getByText('重置', { exact: true }).click()
      await page.locator('.kq-audit__action', { hasText: '批量修改卡券' }).waitFor()
      await page.click('#kq-audit-action')
      await page.locator('.el-select-dropdown__item:visible', { hasText: '全部管理员操作' }).click()
      await page.click('#kq-audit-search')
      await page.locator('.kq-audit__action', { hasText: '批量修改卡券' }).waitFor({ state: 'detached' })
      const adminActions = await page.locator('.kq-audit__action').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute (n: string): string | null }).getAttribute('data-action')))
      t.ok(adminActions.length >= 5 && adminActions.every((a) => a?.startsWith('admins.')), `only 管理员 actions: ${adminActions.join(', ')}`)
      const first = (await api('GET', '/api/v1/audit-logs?limit=1')).items[0]
      await page.getByText('重置', { exact: true }).click()
      await page.locator('.kq-audit__action', { hasText: '批量修改卡券' }).waitFor()
      t.equal(await page.locator('.kq-audit .el-table__row').first().locator('td').first().innerText(), shanghaiTime(first.created_at), 'times in the merchant\'s zone, not the browser\'s')
      t.same(problems, [], 'no console errors')
    })
    t.equal(dist.username, 'dist01')
  })
})
