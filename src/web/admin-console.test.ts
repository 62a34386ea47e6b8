// The merchant console's frame (/admin) in Debian's Chromium: / leads there; login with the
// captcha solved as a person's browser solves it, a wrong password, success; the menu follows
// the admin's permissions and a page they may not open names the missing permission; a lapsed
// or revoked session goes to the login form and back to where it was; one's own password.
import type { Page } from 'playwright-core'
import t from 'tap'
import { ADMIN_PASSWORD } from '../test-support/build-test-app.js'
import { DESKTOP, browserSkip, focused, launchBrowser, screenshot, unlabelled, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, openConsole } from '../test-support/admin-console.js'
import { pickupServer, solidPng } from '../test-support/pickup-server.js'

const skip = browserSkip()
t.setTimeout(300_000)

const STAFF_PASSWORD = 'Staff12345-kq#Pw'

async function captchaSolved (page: Page): Promise<void> {
  await page.waitForSelector('altcha-widget [data-state="verified"]', { timeout: 60_000 })
}

const formError = (page: Page, id: string) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`).innerText()
const menuTexts = (page: Page) => page.locator('.kq-menu .el-menu-item, .kq-menu .el-sub-menu__title').allInnerTexts()

t.test('the console in a browser', { skip }, async (t) => {
  const server = await pickupServer(t, { captcha: true })
  const admin = server.auth(server.token)
  for (const [username, name, permissions] of [['viewer1', '只看卡券', ['cards.read']], ['clerk1', '门店小王', ['redeem.store', 'products.read']]] as const) {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/admins', headers: admin, payload: { username, name, password: STAFF_PASSWORD, permissions } })
    t.equal(res.statusCode, 201, `staff ${username}`)
  }
  const apiLogin = async (username: string, password: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { merchant_code: 'default', username, password } })
    return res.statusCode === 200 ? res.json().token as string : null
  }
  const browser = await launchBrowser(t)

  t.test('/ leads to the login form; a wrong password, then success and the whole menu', async (t) => {
    await withPage(t, browser, 'admin-login', DESKTOP, async (page) => {
      const problems = consoleProblems(page, [/status of 401/])
      await page.goto(`${server.url}/`)
      await page.waitForSelector('#kq-login-submit')
      t.equal(new URL(page.url()).pathname, '/admin/login')
      t.equal(await page.inputValue('#kq-merchant'), 'default')
      t.same(await unlabelled(page), [], 'every control of the login form has a label')
      await page.click('#kq-login-submit')
      t.equal(await formError(page, 'kq-username'), '请输入用户名')
      t.equal(await formError(page, 'kq-admin-password'), '请输入密码')
      t.equal(await focused(page), '#kq-username', 'the first field to fix has the focus')

      await page.fill('#kq-username', 'admin')
      await page.fill('#kq-admin-password', 'Wrong-Password-1')
      await captchaSolved(page)
      await screenshot(page, 'admin-login-form')
      await page.click('#kq-login-submit')
      await page.waitForSelector('.el-form-item:has(#kq-admin-password) .el-form-item__error')
      t.equal(await formError(page, 'kq-admin-password'), '用户名或密码错误')

      await page.fill('#kq-admin-password', ADMIN_PASSWORD)
      await captchaSolved(page)
      await page.click('#kq-login-submit')
      await page.waitForSelector('.kq-layout')
      t.equal(new URL(page.url()).pathname, '/admin/', 'the overview after login')
      t.match(await page.locator('.kq-brand').innerText(), '默认商户')
      t.match(await page.locator('.kq-header__user').innerText(), 'admin')
      const menu = await menuTexts(page)
      for (const item of ['概览', '提货前台', '商户信息', '提货商品', '卡券管理', '券商管理', '订单管理', '管理员', '操作日志', '到店提货', '电话提货']) t.ok(menu.includes(item), `the menu has ${item}`)
      await page.locator('.kq-menu .el-sub-menu__title', { hasText: '卡券管理' }).waitFor()
      const items = (group: string) => page.locator('.kq-menu .el-sub-menu').filter({ has: page.locator('.el-sub-menu__title', { hasText: group }) }).locator('.el-menu-item').allInnerTexts()
      t.same(await items('卡券管理'), ['创建卡券', '卡券批次', '卡券列表', '卡券导入', '手机号发卡'])
      t.same(await items('订单管理'), ['订单列表', '批量发货'])
      t.same(await items('开放平台'), ['应用管理', 'Webhook', '集成调用'])
      t.same((await items('全局设置')).slice(0, 3), ['店铺设置', '提货设置', '通知设置'], '全局设置: 店铺设置 first, then 提货设置 and 通知设置')
      await screenshot(page, 'admin-layout')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('the menu follows the permissions; a page the admin may not open names what is missing', async (t) => {
    const token = (await apiLogin('viewer1', STAFF_PASSWORD))!
    await withPage(t, browser, 'admin-permissions', DESKTOP, async (page) => {
      await openConsole(page, server.url, token)
      const menu = await menuTexts(page)
      t.notOk(menu.includes('管理员'), 'no 管理员 without admins.write')
      t.notOk(menu.includes('操作日志'), 'no 操作日志 without audit.read')
      t.notOk(menu.includes('提货商品'), 'no 提货商品 without products.read')
      t.notOk(menu.includes('到店提货'), 'no staff pickup without redeem.store')
      t.ok(menu.includes('卡券管理'))
      await page.goto(`${server.url}/admin/admins`)
      await page.waitForSelector('.el-result')
      const text = await page.locator('.el-result').innerText()
      t.match(text, '没有权限')
      t.match(text, '“管理管理员”（admins.write）', 'the permission named, in words and as its code')
      await screenshot(page, 'admin-forbidden')
      await page.goto(`${server.url}/admin/no-such-page`)
      await page.waitForSelector('.el-result')
      t.match(await page.locator('.el-result').innerText(), '页面不存在')
    })
  })

  t.test('a revoked session goes to the login form and back to the page afterwards', async (t) => {
    const token = (await apiLogin('admin', ADMIN_PASSWORD))!
    await withPage(t, browser, 'admin-session-lapsed', DESKTOP, async (page) => {
      await openConsole(page, server.url, token, '/admin/password')
      await page.waitForSelector('#kq-old-password')
      // The session ends elsewhere (logged out on another device, or revoked).
      t.equal((await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: server.auth(token) })).statusCode, 200)
      await page.fill('#kq-old-password', ADMIN_PASSWORD)
      await page.fill('#kq-new-password', 'Another-Long-Secret-2026')
      await page.fill('#kq-new-password-again', 'Another-Long-Secret-2026')
      await page.getByRole('button', { name: '保存' }).click()
      await page.waitForSelector('#kq-login-submit')
      const url = new URL(page.url())
      t.equal(url.pathname, '/admin/login')
      t.equal(url.searchParams.get('redirect'), '/password', 'where it was is kept')
      t.match(await page.locator('.kq-login').innerText(), '登录已失效，请重新登录')
      await screenshot(page, 'admin-session-lapsed')
      await page.fill('#kq-username', 'admin')
      await page.fill('#kq-admin-password', ADMIN_PASSWORD)
      await captchaSolved(page)
      await page.click('#kq-login-submit')
      await page.waitForSelector('#kq-old-password')
      t.equal(new URL(page.url()).pathname, '/admin/password', 'back to the page after login')
      t.equal(await apiLogin('admin', 'Another-Long-Secret-2026'), null, 'the refused request changed nothing')
    })
  })

  t.test('店铺设置: name, logo and colour saved, previewed, and shown on the pickup page', async (t) => {
    const token = (await apiLogin('admin', ADMIN_PASSWORD))!
    await withPage(t, browser, 'admin-storefront', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, token, '/admin/settings/storefront')
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector (s: string): { value: string } | null } }).document.querySelector('#kq-site-name')?.value !== '')
      t.equal(await page.inputValue('#kq-site-name'), '鲜果提货中心', 'the saved settings are loaded')
      await page.fill('#kq-site-name', '')
      await page.getByRole('button', { name: '保存' }).click()
      t.equal(await formError(page, 'kq-site-name'), '请填写提货网站名称')
      await page.fill('#kq-site-name', '果园直供提货站')
      t.equal(await page.locator('.kq-preview__name').innerText(), '果园直供提货站', 'the preview follows the form')
      await page.locator('.kq-logo__upload input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(120, 120, [30, 120, 200]) })
      await page.waitForSelector('.kq-logo__img')
      await page.waitForSelector('.kq-preview__logo')
      await page.fill('#kq-notice', '每张卡限提一次\n节假日正常发货')
      t.same(await page.locator('.kq-preview__notice p').allInnerTexts(), ['每张卡限提一次', '节假日正常发货'])
      await page.getByRole('button', { name: '保存' }).click()
      await page.locator('.el-message', { hasText: '已保存' }).waitFor()
      await screenshot(page, 'admin-storefront')
      const saved = (await server.app.inject({ url: '/api/v1/settings/storefront', headers: admin })).json()
      t.equal(saved.site_name, '果园直供提货站')
      t.match(saved.logo_url, new RegExp(`^${server.url}/uploads/\\d+/[0-9a-f]{64}\\.png$`), 'the uploaded logo is stored')
      t.equal(saved.theme_color, '#2f7d32', 'fields not touched stay as they were')

      await page.goto(`${server.url}/r/default`)
      await page.waitForSelector('.kq-header h1')
      t.equal(await page.locator('.kq-header h1').innerText(), '果园直供提货站', 'the pickup page shows the new name')
      t.equal(await page.locator('.kq-header img').getAttribute('src'), saved.logo_url, 'and the new logo')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('修改密码: a mismatch is caught on the page; the new password works', async (t) => {
    const token = (await apiLogin('clerk1', STAFF_PASSWORD))!
    await withPage(t, browser, 'admin-password', LARGE_DESKTOP, async (page) => {
      await openConsole(page, server.url, token)
      await page.locator('.kq-header__user').click()
      await page.getByRole('menuitem', { name: '修改密码' }).click()
      await page.waitForSelector('#kq-old-password')
      await page.fill('#kq-old-password', STAFF_PASSWORD)
      await page.fill('#kq-new-password', 'Clerk-New-Secret-2026')
      await page.fill('#kq-new-password-again', 'Clerk-New-Secret-2027')
      await page.getByRole('button', { name: '保存' }).click()
      t.equal(await formError(page, 'kq-new-password-again'), '两次输入的新密码不一致')
      await page.fill('#kq-new-password-again', 'Clerk-New-Secret-2026')
      await page.getByRole('button', { name: '保存' }).click()
      await page.locator('.el-message', { hasText: '密码已修改' }).waitFor()
      await screenshot(page, 'admin-password')
      t.ok(await apiLogin('clerk1', 'Clerk-New-Secret-2026'), 'the new password logs in')
      t.equal(await apiLogin('clerk1', STAFF_PASSWORD), null, 'the old one no longer does')

      await page.locator('.kq-header__user').click()
      await page.getByRole('menuitem', { name: '退出登录' }).click()
      await page.waitForSelector('#kq-login-submit')
      t.equal((await server.app.inject({ url: '/api/v1/auth/me', headers: server.auth(token) })).statusCode, 401, 'logging out ends the session on the server')
    })
  })
})
