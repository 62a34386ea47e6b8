// The console's logistics pages in Debian's Chromium: 物流配置 (a merchant variant 省外顺丰 with
// its SF account, the secret masked and never shown again, a test call against a fake SF server
// on 127.0.0.1 that passes and then shows SF's reason), 电子面单寄件人 (province / city / district
// and the seed's warning when one is missing), and 物流跟踪 (key and salt masked, the SF push URL
// copied with its button).
import type { Page } from 'playwright-core'
import t from 'tap'
import { sfMsgDigest } from '../integrations/courier/courier-signing.js'
import { DESKTOP, browserSkip, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { consoleProblems, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { startReceiver } from '../test-support/receiver.js'

const skip = browserSkip()
t.setTimeout(300_000)

const CHECK_WORD = 'checkword123'

async function toast (page: Page, text: string): Promise<string> {
  const m = page.locator('.el-message', { hasText: text }).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}

/** Picks `label` from the region select `id` after typing `typed` into it (the lists filter as typed). */
async function pick (page: Page, id: string, typed: string, label: string): Promise<void> {
  await page.click(id)
  await page.keyboard.type(typed)
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

async function confirmBox (page: Page, label: string): Promise<void> {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.locator('button', { hasText: label }).click()
  await box.waitFor({ state: 'hidden' })
}

t.test('logistics pages in a browser', { skip }, async (t) => {
  // The fake SF open platform: the digest is checked with the check word SF holds for KQTEST.
  const sf = await startReceiver(t, (r) => {
    const form = new URLSearchParams(r.body)
    const good = form.get('partnerID') === 'KQTEST' && form.get('msgDigest') === sfMsgDigest(form.get('msgData') ?? '', form.get('timestamp') ?? '', CHECK_WORD)
    return {
      status: 200,
      body: JSON.stringify(good
        ? { apiResultCode: 'A1000', apiErrorMsg: '', apiResultData: JSON.stringify({ success: false, errorCode: '8018', errorMsg: '未获取到订单信息' }) }
        : { apiResultCode: 'A1006', apiErrorMsg: '数字签名无效', apiResultData: null }),
    }
  })
  const sfHost = new URL(sf.url).host
  const server = await pickupServer(t, { config: { vendorHosts: [sfHost], allowPrivateVendors: true } })
  const api = async (url: string) => (await server.app.inject({ method: 'GET', url, headers: server.auth(server.token) })).json()
  const browser = await launchBrowser(t)

  t.test('物流配置: 省外顺丰 with an SF account, masked, tested against the fake SF', async (t) => {
    await withPage(t, browser, 'admin-logistics-couriers', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/logistics')
      await page.waitForSelector('.kq-catalogue__item')
      t.match(await page.locator('.kq-catalogue').innerText(), /顺丰速运[\s\S]*中通快递/, 'the catalogue')
      t.match(await page.locator('.kq-menu').innerText(), /物流配置[\s\S]*全局设置/)

      await page.click('#kq-variant-create')
      const dialog = page.locator('.kq-variant-dialog')
      await dialog.waitFor()
      t.equal((await dialog.locator('.el-select').first().innerText()).trim(), '顺丰速运', 'SF picked by default')
      await page.fill('#kq-variant-name', '省外顺丰')
      await page.fill('#kq-variant-product', '2')
      await page.fill('#kq-variant-monthly', '7551234567')
      await page.click('#kq-variant-save')
      t.match(await toast(page, '已添加'), /省外顺丰/)
      const row = page.locator('.kq-variants .el-table__row', { hasText: '省外顺丰' })
      await row.waitFor()
      t.match(await row.innerText(), /省外顺丰[\s\S]*顺丰速运[\s\S]*2[\s\S]*7551234567[\s\S]*未设置/)
      const variant = (await api('/api/v1/couriers')).items.find((c: { name: string }) => c.name === '省外顺丰')
      t.match(variant, { base_code: 'SF', product_type: '2', monthly_account: '7551234567', custom: true })

      // The SF account: every field SF needs, the secret saved and then never shown.
      const actions = page.locator('.kq-variants__actions[data-name="省外顺丰"]')
      await actions.locator('button', { hasText: '电子面单账号' }).click()
      const acc = page.locator('.kq-account-dialog')
      await acc.waitFor()
      await page.waitForSelector('#kq-acc-partner_id')
      t.equal(await acc.locator('.el-radio-button.is-active[data-vendor="sf"]').count(), 1, 'SF chosen for an SF variant')
      t.equal(await page.isDisabled('#kq-account-test'), true, 'nothing to test before saving')
      await page.fill('#kq-acc-partner_id', 'KQTEST')
      await page.fill('#kq-acc-check_word', CHECK_WORD)
      await page.fill('#kq-acc-endpoint', `http://${sfHost}/std/service`)
      await page.click('#kq-account-save')
      await toast(page, '电子面单账号已保存')
      t.equal(await page.inputValue('#kq-acc-check_word'), '', 'the check word is not put back into the form')
      t.equal(await page.getAttribute('#kq-acc-check_word', 'placeholder'), '已保存（****d123），留空则不修改')
      t.notOk((await page.content()).includes(CHECK_WORD), 'the secret is nowhere on the page')
      const stored = await api(`/api/v1/couriers/${variant.id}/account`)
      t.same(stored.credentials, { partner_id: 'KQTEST', check_word: '****d123', template_code: null })

      await page.click('#kq-account-test')
      const result = page.locator('[data-testid="account-test-result"]')
      await result.waitFor()
      t.match(await result.innerText(), /连接成功[\s\S]*顺丰已接受顾客编码和校验码/)
      t.equal(sf.received.length, 1, 'one call reached the fake SF')
      t.equal(new URLSearchParams(sf.received[0].body).get('serviceCode'), 'EXP_RECE_SEARCH_ORDER_RESP', 'a query, never an order')
      await screenshot(page, 'admin-logistics-account')

      // A wrong check word: saved (blank fields keep the rest), tested, SF's reason shown.
      await page.fill('#kq-acc-check_word', 'wrongword')
      await page.click('#kq-account-save')
      await toast(page, '电子面单账号已保存')
      await page.click('#kq-account-test')
      await page.locator('[data-testid="account-test-result"].el-alert--error').waitFor()
      t.match(await result.innerText(), /连接失败[\s\S]*顺丰未通过：A1006: 数字签名无效/)
      await screenshot(page, 'admin-logistics-account-refused')

      // Closed and opened again: still masked, nothing in clear.
      await acc.locator('button', { hasText: '关闭' }).click()
      await acc.waitFor({ state: 'hidden' })
      t.match(await row.innerText(), /顺丰开放平台（丰桥）/, 'the list shows the account\'s vendor')
      await actions.locator('button', { hasText: '电子面单账号' }).click()
      await page.waitForSelector('#kq-acc-check_word')
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector (s: string): { value: string } | null } }).document.querySelector('#kq-acc-partner_id')?.value === 'KQTEST')
      t.equal(await page.inputValue('#kq-acc-check_word'), '')
      t.equal(await page.getAttribute('#kq-acc-check_word', 'placeholder'), '已保存（****），留空则不修改')
      // The Kuaidi100 form, looked at and left unsaved: every field of its e-waybill account.
      await acc.locator('.el-radio-button[data-vendor="kuaidi100"]').click()
      await page.waitForSelector('#kq-acc-partner_secret')
      t.match(await acc.innerText(), /改用快递100后，原顺丰开放平台（丰桥）的密钥不再保留/)
      t.same(await acc.locator('.el-form-item__label').allInnerTexts(), ['电子面单服务', '授权 key', '授权 secret', '快递公司编码', '电子面单客户账户', '电子面单密码', '电子面单密钥', '客户账户名称', '网点名称', '承载编号', '承载快递员', '授权网点', '面单模板编码', '云打印机设备码', '支付方式', '接口地址'])
      const help = await acc.innerText()
      t.match(help, /顺丰填丰桥的顾客编码/, 'which courier needs partnerKey')
      t.match(help, /顺丰填 sf_secret，申通填 44，中通填 ztoOpen/, 'the fixed 承载编号 values')
      t.match(help, /格式“网点名称,网点编号”/, 'tbNet explained')
      t.match(help, /通过快递100下单顺丰时必填/, 'tempId required for SF')
      await screenshot(page, 'admin-logistics-account-kuaidi100')
      // SF through Kuaidi100 without a template: said at the field, nothing sent or stored.
      await page.fill('#kq-acc-key', 'k100key-0001')
      await page.fill('#kq-acc-secret', 'k100secret-0001')
      await page.fill('#kq-acc-kuaidicom', 'shunfeng')
      await page.fill('#kq-acc-partner_id', '7551234567')
      await page.fill('#kq-acc-tb_net', '杭州余杭网点,571001')
      await page.click('#kq-account-save')
      const tempError = acc.locator('.el-form-item', { has: page.locator('#kq-acc-temp_id') }).locator('.el-form-item__error')
      await tempError.waitFor()
      t.match(await tempError.innerText(), /通过快递100下单顺丰时必须填写面单模板编码/)
      t.equal(await acc.locator('.el-form-item.is-required', { has: page.locator('#kq-acc-temp_id') }).count(), 1, 'marked required for shunfeng')
      t.equal((await api(`/api/v1/couriers/${variant.id}/account`)).vendor, 'sf', 'the SF account is untouched')
      await tempError.scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-logistics-account-kuaidi100-template')
      await acc.locator('button', { hasText: '关闭' }).click()
      await acc.waitFor({ state: 'hidden' })

      // Disabled: said so in the list.
      await actions.locator('button', { hasText: '停用' }).click()
      await confirmBox(page, '停用')
      await toast(page, '已停用 省外顺丰')
      t.match(await row.innerText(), /已停用/)
      t.equal((await api('/api/v1/couriers')).items.find((c: { id: number }) => c.id === variant.id).disabled, true)
      await screenshot(page, 'admin-logistics')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('电子面单寄件人: the warning when a region part is missing, then saved', async (t) => {
    await withPage(t, browser, 'admin-logistics-sender', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/settings/e-waybill')
      const warning = page.locator('[data-testid="sender-warning"]')
      await warning.waitFor()
      t.match(await warning.innerText(), /省、市、区县必须全部填写/, 'the seed\'s warning, always shown')
      t.match(await page.locator('.kq-menu').innerText(), /店铺设置[\s\S]*电子面单寄件人[\s\S]*物流跟踪/, 'after 店铺设置 in 全局设置')
      await page.fill('#kq-sender-name', '鲜果铺仓库')
      await page.fill('#kq-sender-phone', '0571-88888888')
      await page.click('#kq-region-province')
      await page.keyboard.type('浙江')
      await page.locator('.el-select-dropdown__item', { hasText: '浙江省' }).click()
      await pick(page, '#kq-region-city', '杭州', '杭州市')
      await page.fill('#kq-sender-address', '仓前街道 1 号')
      await page.click('#kq-sender-save')
      await page.locator('[data-testid="sender-warning"].el-alert--error').waitFor()
      t.match(await warning.innerText(), /还没有填写：区县/)
      t.match(await page.locator('.kq-region').innerText(), /请填写区县/)
      t.equal((await api('/api/v1/settings/e-waybill')).sender, null, 'nothing saved')
      await screenshot(page, 'admin-logistics-sender-missing')

      await pick(page, '#kq-region-district', '余杭', '余杭区')
      await page.click('#kq-sender-save')
      await toast(page, '寄件人已保存')
      t.same((await api('/api/v1/settings/e-waybill')).sender, { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' })
      await page.locator('[data-testid="sender-warning"].el-alert--warning').waitFor()

      // A municipality fills its own city.
      await page.click('#kq-region-province')
      await page.keyboard.type('上海')
      await page.locator('.el-select-dropdown__item', { hasText: '上海市' }).click()
      t.equal((await page.locator('[data-testid="region-city"] .el-select__placeholder').innerText()).trim(), '上海市')
      t.equal((await page.locator('[data-testid="region-district"] .el-select__placeholder').innerText()).trim(), '区县', 'the district of another province cleared')
      await page.click('#kq-region-district')
      await page.locator('.el-select-dropdown__item:visible', { hasText: '浦东新区' }).waitFor()
      await page.keyboard.press('Escape')
      await screenshot(page, 'admin-logistics-sender')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('物流跟踪: key and salt masked, the SF push URL copied', async (t) => {
    await withPage(t, browser, 'admin-logistics-tracking', { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, '/admin/settings/tracking')
      await page.waitForSelector('#kq-k100-key')
      await page.locator('.kq-tracking .el-loading-mask').waitFor({ state: 'hidden' })
      await page.fill('#kq-k100-key', 'pollkey-9876')
      await page.fill('#kq-k100-salt', 'saltsalt-5555')
      await page.fill('#kq-sf-allowlist', '203.0.113.0/24\n198.51.100.7')
      await page.click('#kq-tracking-save')
      await toast(page, '物流跟踪设置已保存')
      t.equal(await page.inputValue('#kq-k100-key'), '')
      t.equal(await page.getAttribute('#kq-k100-key', 'placeholder'), '已保存（****9876），留空则不修改')
      t.equal(await page.getAttribute('#kq-k100-salt', 'placeholder'), '已保存（****5555），留空则不修改')
      t.notOk((await page.content()).includes('pollkey-9876'), 'the key is nowhere on the page')
      const view = await api('/api/v1/settings/tracking')
      t.same(view.sf_ip_allowlist, ['203.0.113.0/24', '198.51.100.7'])
      t.match(view.sf_callback_url, new RegExp(`^${server.url}/hooks/couriers/sf/default/[A-Za-z0-9_-]{20,}$`))
      t.equal(await page.inputValue('#kq-sf-push-url'), view.sf_callback_url, 'the push URL with its token shown')

      await page.click('#kq-sf-push-copy')
      await toast(page, '已复制顺丰推送地址')
      t.equal(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText (): Promise<string> } } }).navigator.clipboard.readText()), view.sf_callback_url, 'the clipboard holds the push URL')

      // Saved again with the secrets left blank: kept.
      await page.click('#kq-tracking-save')
      await page.locator('.el-message', { hasText: '物流跟踪设置已保存' }).nth(1).waitFor().catch(() => {})
      t.equal((await api('/api/v1/settings/tracking')).kuaidi100_key, '****9876', 'a blank key keeps the stored one')

      await page.click('text=重新生成推送地址')
      await confirmBox(page, '重新生成')
      await toast(page, '已生成新的顺丰推送地址')
      const rotated = (await api('/api/v1/settings/tracking')).sf_callback_url
      t.not(rotated, view.sf_callback_url, 'a new token')
      t.equal(await page.inputValue('#kq-sf-push-url'), rotated)
      await page.locator('.kq-page__title').scrollIntoViewIfNeeded()
      await screenshot(page, 'admin-logistics-tracking')
      t.same(problems, [], 'no console errors')
    })
  })
})
