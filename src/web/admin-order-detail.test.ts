// 订单详情 in the console (/admin/orders/:order_no), in Debian's Chromium against the real server
// on SQLite: an order placed through the customer API and pushed to a local fake ERP, its texts
// sent through a local fake SMS provider; the page shows its fields and a timeline (created, ERP
// push, texts); shipped, its waybill edited from the page (a bad number refused in Chinese), the
// courier's tracking lines pushed to the Kuaidi100 hook shown, then signed for from the page.
// A second order cancelled from the page: its card shows as usable again, and the customer's
// verify API takes it again. A third, shipped with an SF e-waybill from a local fake SF: its label
// downloaded as a PDF from the page, its e-waybill given back (取消电子面单, confirmed) and cancelled
// at SF through the outbox, shown on the timeline; then, SF having confirmed, the order cancelled.
import { createServer } from 'node:http'
import type { Page } from 'playwright-core'
import t from 'tap'
import { readFileSync } from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { kuaidi100PushSign } from '../integrations/courier/courier-signing.js'
import { DESKTOP, browserSkip, horizontalOverflow, launchBrowser, screenshot, withPage } from '../test-support/browser.js'
import { LARGE_DESKTOP, consoleProblems, lastMessage, openConsole } from '../test-support/admin-console.js'
import { pickupServer } from '../test-support/pickup-server.js'
import { CONSIGNEE } from '../test-support/redeem-fixture.js'

const skip = browserSkip()
t.setTimeout(300_000)

async function fakeServer (t: { teardown (fn: () => unknown): void }, handle: (path: string, body: string) => unknown): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const out = handle(req.url ?? '', Buffer.concat(chunks).toString('utf8'))
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(out))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

/** Confirms the open Element Plus message box with the button named `button`; returns its text. */
async function confirmBox (page: Page, button: string): Promise<string> {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const text = (await box.innerText()).trim()
  await box.getByRole('button', { name: button }).click()
  await box.waitFor({ state: 'hidden' })
  return text
}

/** The timeline as the page shows it: one "kind|state|text" line per entry. */
async function timelineOf (page: Page): Promise<Array<{ kind: string; state: string; text: string }>> {
  const items = page.locator('#kq-order-timeline .kq-tl')
  const out: Array<{ kind: string; state: string; text: string }> = []
  for (let i = 0; i < await items.count(); i++) {
    const item = items.nth(i)
    out.push({ kind: (await item.getAttribute('data-kind')) ?? '', state: (await item.getAttribute('data-state')) ?? '', text: (await item.innerText()).replace(/\s+/g, ' ').trim() })
  }
  return out
}

t.test('订单详情 in a browser', { skip }, async (t) => {
  const server = await pickupServer(t, { quantity: 4 })
  const admin = server.auth(server.token)
  const erpPushes: string[] = []
  const erp = await fakeServer(t, (path, body) => {
    if (path.endsWith('trade_push.php')) { erpPushes.push(JSON.parse(new URLSearchParams(body).get('trade_list')!)[0].tid); return { code: 0, new_count: 1 } }
    return { code: 0, trades: [], errors: [] }
  })
  const texts: Array<{ TemplateId: string; PhoneNumberSet: string[] }> = []
  const sms = await fakeServer(t, (_path, body) => {
    texts.push(JSON.parse(body))
    return { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: `s${texts.length}` }], RequestId: 'r' } }
  })
  const put = async (url: string, payload: object) => {
    const res = await server.app.inject({ method: 'PUT', url, headers: admin, payload })
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`)
  }
  await put('/api/v1/settings/erp', { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'secret', shop_no: 'KQ', endpoint: `${erp}/openapi2/` })
  await put('/api/v1/settings/notifications', {
    provider: 'tencent', tencent: { secret_id: 'AKID', secret_key: 'tkey', sdk_app_id: '1400000001', endpoint: `${sms}/` }, sign_name: '鲜果铺', admin_phones: ['13900000001'],
    switches: { order_submitted_customer: true, order_submitted_admin: true, shipped_customer: true, card_issued: false },
    templates: {
      order_submitted_customer: { template_id: '1001', params: { no: 'order_no' } }, order_submitted_admin: { template_id: '1002', params: { no: 'order_no' } },
      shipped_customer: { template_id: '1003', params: { no: 'order_no', waybill: 'waybill_no' } },
    },
    card_issued_include_password: false, limits: { per_minute: 5, per_day: 10 },
  })
  await put('/api/v1/settings/tracking', { kuaidi100_salt: 'salt1' })

  async function placeOrder (i: number): Promise<string> {
    const v = await server.verify(server.cards[i].card_no, server.cards[i].password)
    const res = await server.submit({ token: v.json().token, product_id: server.apple, consignee: CONSIGNEE, remark: '请周末送达' })
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json().order_no
  }
  const browser = await launchBrowser(t)
  // admin.html names no icon: Chromium asks for /favicon.ico once and logs the 404 as a console error.
  const warm = await browser.newPage()
  await warm.goto(`${server.url}/admin/login`)
  await warm.waitForTimeout(1000)
  await warm.close()

  t.test('an order\'s fields and timeline; waybill edited, tracking lines, signed for', async (t) => {
    const orderNo = await placeOrder(0)
    await server.app.services.worker.drainAll()
    t.same(erpPushes, [orderNo], 'pushed to the fake ERP')
    t.same(texts.map((x) => x.TemplateId).sort(), ['1001', '1002'], 'texts A and B sent')

    await withPage(t, browser, 'admin-order-detail', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/orders/${orderNo}`)
      await page.waitForSelector('#kq-order-timeline')
      t.equal((await page.locator('#kq-order-status').innerText()).trim(), '待发货')
      const fields = (await page.locator('.kq-order-detail__fields').innerText()).replace(/\s+/g, ' ')
      for (const text of [orderNo, '网页提货', '苹果礼盒', 'G-APPLE', server.cards[0].card_no, '张三', '13800138000', '浙江省 杭州市 西湖区 文三路 100 号', '未预约', '请周末送达']) {
        t.ok(fields.includes(text), `the fields show ${text}`)
      }
      t.equal((await page.locator('#kq-order-card-status').innerText()).trim(), '已提货', 'the card is redeemed')
      let tl = await timelineOf(page)
      t.same(tl.map((e) => e.kind), ['created', 'erp_push', 'sms', 'sms'], 'created, the ERP push, texts A and B')
      t.match(tl[0].text, /下单 顾客 渠道：网页提货/)
      t.match(tl[1].text, /推送 ERP.*ERP 已收到订单/)
      t.ok(tl.some((e) => /下单短信（发给顾客）.*发送至 138\*\*\*\*8000（模板 1001）/.test(e.text)), 'the customer\'s text, phone masked')
      t.ok(tl.some((e) => /下单通知（发给管理员）.*139\*\*\*\*0001/.test(e.text)), 'the admin\'s notice')
      t.equal(await page.locator('#kq-order-cancel').count(), 1, 'a pending order can be cancelled')
      t.equal(await page.locator('#kq-order-edit-waybill').count(), 0, 'no waybill to edit yet')
      await screenshot(page, 'admin-order-detail-pending')

      // Shipped (the order desk's job; here through the API), then the waybill edited on the page.
      const shipped = await server.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: admin, payload: { courier_code: 'ZTO', waybill_no: '7500001111' } })
      t.equal(shipped.statusCode, 200)
      await server.app.services.worker.drainAll()
      await page.reload()
      await page.waitForSelector('#kq-order-edit-waybill')
      t.equal((await page.locator('#kq-order-status').innerText()).trim(), '已发货')
      t.equal((await page.locator('#kq-order-waybill').innerText()).trim(), '7500001111')

      await page.locator('#kq-order-edit-waybill').click()
      const dialog = page.locator('.kq-waybill-dialog')
      await dialog.waitFor()
      t.equal(await page.locator('#kq-waybill-no').inputValue(), '7500001111', 'the dialog starts from the current waybill')
      await page.locator('#kq-waybill-courier').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '圆通速递' }).first().click()
      await page.locator('#kq-waybill-no').fill('YT12')
      await page.locator('#kq-waybill-save').click()
      await dialog.locator('.el-form-item__error', { hasText: '运单号应为 6-32 位字母或数字' }).waitFor()
      t.pass('a bad number is refused in Chinese, on its field')
      t.equal((await server.db('orders').where({ order_no: orderNo }).first()).waybill_no, '7500001111', 'and nothing changed')
      await page.locator('#kq-waybill-no').fill('YT1234567890')
      await page.locator('#kq-waybill-save').click()
      t.match(await confirmBox(page, '修改'), /由“中通快递 7500001111”改为“圆通速递 YT1234567890”/, 'the confirmation names both waybills')
      await dialog.waitFor({ state: 'hidden' })
      await page.locator('#kq-order-waybill', { hasText: 'YT1234567890' }).waitFor()
      t.match(await server.db('orders').where({ order_no: orderNo }).first(), { courier_code: 'YTO', waybill_no: 'YT1234567890' })
      t.equal((await server.db('audit_logs').where({ action: 'orders.waybill_change' })).length, 1, 'audited')

      // The courier's pushes (Kuaidi100 hook) on the new waybill: lines on the timeline.
      const param = JSON.stringify({ status: 'polling', lastResult: { nu: 'YT1234567890', com: 'yuantong', state: '0', ischeck: '0', data: [
        { ftime: '2099-01-02 09:00:00', context: '【上海】已发往 杭州转运中心' }, { ftime: '2099-01-01 18:00:00', context: '【杭州】已揽收' },
      ] } })
      const hook = await server.app.inject({ method: 'POST', url: '/hooks/couriers/kuaidi100/default', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ param, sign: kuaidi100PushSign(param, 'salt1') }).toString() })
      t.equal(hook.statusCode, 200)
      await server.app.services.worker.drainAll()
      await page.reload()
      await page.waitForSelector('.kq-tl--tracking')
      tl = await timelineOf(page)
      t.same(tl.map((e) => e.kind), ['created', 'erp_push', 'sms', 'sms', 'shipped', 'sms', 'waybill_changed', 'tracking', 'tracking'])
      t.match(tl[4].text, /发货.*中通快递 7500001111/)
      t.match(tl[5].text, /发货短信（发给顾客）/)
      t.match(tl[6].text, /修改运单.*中通快递 7500001111 → 圆通速递 YT1234567890/)
      t.match(tl[7].text, /2099-01-01 18:00:00 物流轨迹 快递100 推送 【杭州】已揽收/, 'oldest line first, at the courier\'s time')
      t.match(tl[8].text, /2099-01-02 09:00:00.*已发往 杭州转运中心/)

      await page.locator('#kq-order-complete').click()
      t.match(await confirmBox(page, '确认签收'), /已签收/)
      t.equal(await lastMessage(page, '订单已签收'), '订单已签收')
      await page.locator('#kq-order-status', { hasText: '已签收' }).waitFor()
      await page.locator('.kq-tl--delivered').waitFor()
      t.equal(await page.locator('#kq-order-complete').count(), 0, 'nothing left to do')
      t.equal((await server.db('orders').where({ order_no: orderNo }).first()).status, 'delivered')
      await screenshot(page, 'admin-order-detail-delivered')

      // The card links to the card list filtered by it.
      await page.locator('#kq-order-card').click()
      await page.waitForURL(/\/admin\/cards\?card_no=/)
      await page.locator('.kq-cards__table', { hasText: server.cards[0].card_no }).waitFor()
      t.equal(await page.locator('input#kq-filter-card, #kq-filter-card input').first().inputValue(), server.cards[0].card_no)
      t.same(problems, [], 'no console errors')
    })
    await withPage(t, browser, 'admin-order-detail-large', LARGE_DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/orders/${orderNo}`)
      await page.waitForSelector('.kq-tl--delivered')
      t.equal(await horizontalOverflow(page), 0, 'nothing scrolls sideways')
      const [info, timeline] = [await page.locator('.kq-order-detail__info').boundingBox(), await page.locator('.kq-order-detail__timeline').boundingBox()]
      t.ok(info && timeline && timeline.x > info.x + info.width - 1, 'on a large screen the timeline sits beside the fields')
      await screenshot(page, 'admin-order-detail-large')
      t.same(problems, [], 'no console errors')
    })
  })

  t.test('an action the order no longer allows: the API\'s reason in Chinese, the page brought up to date', async (t) => {
    const orderNo = await placeOrder(2)
    await withPage(t, browser, 'admin-order-detail-stale', DESKTOP, async (page) => {
      const problems = consoleProblems(page, [/status of 409/])
      await openConsole(page, server.url, server.token, `/admin/orders/${orderNo}`)
      await page.waitForSelector('#kq-order-cancel')
      // Shipped meanwhile (by the ERP, another admin…), behind the page's back.
      t.equal((await server.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: admin, payload: { courier_code: 'SF', waybill_no: 'SF1234567890' } })).statusCode, 200)
      await page.locator('#kq-order-cancel').click()
      await confirmBox(page, '取消订单')
      t.equal(await lastMessage(page, '订单当前状态不能执行此操作'), '订单当前状态不能执行此操作')
      await page.locator('#kq-order-status', { hasText: '已发货' }).waitFor()
      t.equal(await page.locator('#kq-order-cancel').count(), 0, 'no cancel button any more')
      t.equal((await server.db('cards').where({ card_no: server.cards[2].card_no }).first()).status, 'redeemed', 'the card stays redeemed')
      t.same(problems, [], 'no console errors but the 409')
    })
  })

  t.test('an order cancelled from the page: its card is usable again', async (t) => {
    const orderNo = await placeOrder(1)
    await server.app.services.worker.drainAll()
    await withPage(t, browser, 'admin-order-detail-cancel', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/orders/${orderNo}`)
      await page.waitForSelector('#kq-order-cancel')
      await page.locator('#kq-order-cancel').click()
      const text = await confirmBox(page, '取消订单')
      t.match(text, new RegExp(`卡券 ${server.cards[1].card_no} 恢复为可用`), 'the dialog says the card becomes usable again')
      t.match(await lastMessage(page), /订单已取消，卡券 .* 现为“已激活”/)
      await page.locator('#kq-order-status', { hasText: '已取消' }).waitFor()
      t.equal((await page.locator('#kq-order-card-status').innerText()).trim(), '已激活', 'the card shows as active')
      t.match(await page.locator('.kq-order-detail__fields').innerText(), /可重新提货/)
      await page.locator('.kq-tl--cancelled').waitFor()
      t.match((await timelineOf(page)).find((e) => e.kind === 'cancelled')?.text ?? '', /已取消.*卡券已恢复为可用/)
      t.equal(await page.locator('#kq-order-cancel').count(), 0)
      await screenshot(page, 'admin-order-detail-cancelled')

      const again = await server.verify(server.cards[1].card_no, server.cards[1].password)
      t.equal(again.statusCode, 200, 'the customer\'s verify takes the card again')
      t.ok(again.json().token, 'with a token to redeem it')

      await page.goto(`${server.url}/admin/orders/00000000000000000000`)
      await page.locator('.el-result', { hasText: '订单不存在' }).waitFor()
      t.same(problems.filter((p) => !/status of 404/.test(p)), [], 'no console errors (but the 404 asked for)')
      await screenshot(page, 'admin-order-detail-missing')
    })
  })

  t.test('an e-waybill order: its label as a PDF from the page; its waybill cancelled at SF, then the order', async (t) => {
    const doc = await PDFDocument.create()
    doc.addPage([283, 425])
    const label = Buffer.from(await doc.save())
    const files = createServer((req, res) => {
      res.statusCode = req.headers['x-auth-token'] === 'AUTH_tkv12_1' ? 200 : 403
      res.setHeader('content-type', 'application/pdf')
      res.end(res.statusCode === 200 ? label : undefined)
    })
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve))
    t.teardown(() => new Promise<void>((resolve) => { files.closeAllConnections(); files.close(() => resolve()) }))
    const fileUrl = `http://127.0.0.1:${(files.address() as { port: number }).port}/print-file/SF7444480501251.pdf`
    const sfCalls: Array<{ serviceCode: string; msg: Record<string, unknown> }> = []
    // SF's answers as its documents show them (see e-waybill-labels.test.ts).
    const sf = await fakeServer(t, (_path, body) => {
      const form = new URLSearchParams(body)
      const msg = JSON.parse(form.get('msgData') ?? '{}')
      const serviceCode = form.get('serviceCode') ?? ''
      sfCalls.push({ serviceCode, msg })
      const data = serviceCode === 'COM_RECE_CLOUD_PRINT_WAYBILLS' ? { success: true, obj: { fileType: 'pdf', files: [{ token: 'AUTH_tkv12_1', url: fileUrl, waybillNo: 'SF7444480501251' }] } }
        : serviceCode === 'EXP_RECE_UPDATE_ORDER' ? { success: true, errorCode: 'S0000', msgData: { orderId: msg.orderId, resStatus: 2 } }
          : { success: true, errorCode: 'S0000', msgData: { waybillNoInfoList: [{ waybillType: 1, waybillNo: 'SF7444480501251' }] } }
      return { apiResultCode: 'A1000', apiResultData: JSON.stringify(data) }
    })
    await put('/api/v1/settings/e-waybill', { sender: { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' } })
    const variant = (await server.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: admin, payload: { name: '顺丰标快', base_code: 'SF', product_type: '1', monthly_account: '7551234567' } })).json()
    await put(`/api/v1/couriers/${variant.id}/account`, { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${sf}/std/service` })
    const orderNo = await placeOrder(3)
    await server.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/e-waybill`, headers: admin, payload: { courier_account_id: variant.id } })
    await server.app.services.worker.drainAll()

    await withPage(t, browser, 'admin-order-detail-ewaybill', DESKTOP, async (page) => {
      const problems = consoleProblems(page)
      await openConsole(page, server.url, server.token, `/admin/orders/${orderNo}`)
      await page.locator('#kq-order-status', { hasText: '已发货' }).waitFor()
      t.equal(await page.locator('#kq-order-reprint').count(), 0, 'no cloud printer for SF')
      await screenshot(page, 'admin-order-detail-ewaybill')
      const download = page.waitForEvent('download')
      await page.locator('#kq-order-label').click()
      const file = await download
      t.equal((await PDFDocument.load(readFileSync((await file.path())!))).getPageCount(), 1, 'the label, one page')
      t.match(sfCalls.find((c) => c.serviceCode === 'COM_RECE_CLOUD_PRINT_WAYBILLS')?.msg, { documents: [{ masterWaybillNo: 'SF7444480501251' }] })

      // Not collected yet: the e-waybill is given back (the order pending again), SF told through
      // the outbox; the order is cancelled once SF confirmed.
      t.equal(await page.locator('#kq-order-cancel').count(), 0, 'a shipped order is not cancelled directly')
      await page.locator('#kq-order-cancel-ewaybill').click()
      const text = await confirmBox(page, '取消电子面单')
      t.match(text, '系统会通知快递公司作废该运单', 'the dialog says the courier is told')
      await page.locator('#kq-order-status', { hasText: '待发货' }).waitFor()
      await server.app.services.worker.drainAll()
      t.match(sfCalls.filter((c) => c.serviceCode === 'EXP_RECE_UPDATE_ORDER'), [{ msg: { orderId: orderNo, dealType: 2 } }], 'SF told through the outbox')
      await page.reload()
      await page.locator('.kq-tl--ewaybill_cancel').waitFor()
      t.match((await timelineOf(page)).find((e) => e.kind === 'ewaybill_cancel'), { state: 'done', text: /取消电子面单（通知快递公司）.*快递公司已取消运单 SF7444480501251/ })
      await page.locator('#kq-order-cancel').click()
      await confirmBox(page, '取消订单')
      await page.locator('#kq-order-status', { hasText: '已取消' }).waitFor()
      await screenshot(page, 'admin-order-detail-ewaybill-cancelled')
      t.same(problems, [], 'no console errors')
    })
  })
})
