// Labels (面单) and 取消电子面单 for SF and Kuaidi100, against nock with the vendors' answers as
// their documents and official demos show them:
// - SF cloud print 2.0: the answer of SF's Java demo (`printWayBills`, apiResultData.obj.files
//   [{url on eos-scp-core-shenzhen-futian1-oss.sf-express.com, token, waybillNo}]), the file read with
//   `X-Auth-token` (https://open.sf-express.com/Api/ApiDetails?apiServiceCode=COM_RECE_CLOUD_PRINT_WAYBILLS);
// - SF 订单确认/取消: msgData {orderId, resStatus 2} (https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_UPDATE_ORDER);
// - Kuaidi100 label/order: {code 200, data {kuaidinum, label, taskId}} (kuaidi100-api/java-demo
//   `response/labelV2/OrderResult.java`), 复打 printOld {taskId, siid} (`request/labelV2/RepeatPrintReq.java`),
//   cancel (kuaidi100-api/php-demo `src/ele_cancel.php`).
import t from 'tap'
import nock from 'nock'
import QRCode from 'qrcode'
import { PDFDocument } from 'pdf-lib'
import { kuaidi100PrintSign, sfMsgDigest } from '../../integrations/courier/courier-signing.js'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const SF_HOST = 'https://sfapi-sbox.sf-express.com'
const SF_FILES = 'https://eos-scp-core-shenzhen-futian1-oss.sf-express.com'

function nets (t: { teardown (fn: () => void): void }) {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
}

/** A real one-page PDF, as SF's label files are. */
async function labelPdf (text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([283, 425])
  page.drawText(text, { x: 20, y: 380, size: 14 })
  return Buffer.from(await doc.save())
}

async function pending (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
}

async function variant (f: RedeemFixture, base: string, account: object): Promise<{ id: number; code: string }> {
  const c = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: `${base} 电子面单`, base_code: base, product_type: '1', monthly_account: '7551234567' } })).json()
  const res = await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${c.id}/account`, headers: f.auth(f.token), payload: account })
  if (res.statusCode !== 200) throw new Error(res.body)
  return c
}

/** SF's answer to a call: A1000 and apiResultData as a JSON string, as the gateway sends it. */
const sfOk = (data: object) => ({ apiErrorMsg: '', apiResponseID: '00018E79F0AAEE3FE755F4D40823D73F', apiResultCode: 'A1000', apiResultData: JSON.stringify(data) })

/** Ships `orderNo` with an SF e-waybill `waybill`; the form SF got is returned. */
async function shipSf (f: RedeemFixture, accountId: number, orderNo: string, waybill: string): Promise<Record<string, string>> {
  let form: Record<string, string> = {}
  nock(SF_HOST).post('/std/service', (b) => { form = b as Record<string, string>; return b.serviceCode === 'EXP_RECE_CREATE_ORDER' })
    .reply(200, sfOk({ success: true, errorCode: 'S0000', msgData: { orderId: orderNo, filterResult: 2, waybillNoInfoList: [{ waybillType: 1, waybillNo: waybill }] } }))
  const r = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: accountId } })
  if (r.statusCode !== 202) throw new Error(r.body)
  await f.app.services.worker.drainAll()
  return form
}

/** The print answer of SF's Java demo for these waybills, one file each. */
function sfPrintAnswer (waybills: string[]) {
  return sfOk({
    obj: {
      clientCode: 'KQTEST', fileType: 'pdf', templateCode: 'fm_150_standard_KQTEST',
      files: waybills.map((w, i) => ({ areaNo: 1, documentSize: 0, pageCount: 0, pageNo: 1, seqNo: i + 1, token: `AUTH_tkv12_${w}`, url: `${SF_FILES}:443/v1.2/AUTH_EOS-SCP-CORE/print-file-sbox/AAAB_${w}_fm_150_standard_KQTEST_1_1.pdf`, waybillNo: w })),
    },
    requestId: '9c772eb846124800a15edcaf9e0cfea4', success: true,
  })
}

const PDF = await labelPdf('SF7444480501251')
const pagesOf = async (body: Buffer) => (await PDFDocument.load(body)).getPageCount()

t.test('SF labels: one PDF per order and one for the ticked orders, from SF\'s cloud print files', async (t) => {
  nets(t)
  const f = await redeemFixture(t, { quantity: 3 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_HOST}/std/service` })
  const [a, b, manual] = [await pending(f, 0), await pending(f, 1), await pending(f, 2)]
  await shipSf(f, sf.id, a, 'SF7444480501251')
  await shipSf(f, sf.id, b, 'SF7444480501252')

  const list = (await f.app.inject({ method: 'GET', url: '/api/v1/orders', headers: f.auth(f.token) })).json()
  t.match(list.items.find((o: { order_no: string }) => o.order_no === a).e_waybill, { vendor: 'sf', pdf: true, cloud_print: false }, 'the desk knows the label can be printed')

  let print: Record<string, string> = {}
  const tokens: string[] = []
  nock(SF_HOST).post('/std/service', (body) => { print = body as Record<string, string>; return body.serviceCode === 'COM_RECE_CLOUD_PRINT_WAYBILLS' }).reply(200, sfPrintAnswer(['SF7444480501251']))
  nock(SF_FILES).get(/SF7444480501251/).reply(function () { tokens.push(String(this.req.headers['x-auth-token'])); return [200, PDF] })
  const one = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/label.pdf`, headers: f.auth(f.token) })
  t.equal(one.statusCode, 200, one.body.slice(0, 200))
  t.equal(one.headers['content-type'], 'application/pdf')
  t.equal(await pagesOf(one.rawPayload), 1, 'one label, one page')
  t.equal(print.msgDigest, sfMsgDigest(print.msgData, print.timestamp, 'checkword123'), 'signed like every SF call')
  t.same(JSON.parse(print.msgData), { templateCode: 'fm_150_standard_KQTEST', version: '2.0', fileType: 'pdf', sync: true, documents: [{ masterWaybillNo: 'SF7444480501251' }] }, 'SF\'s standard template by default')
  t.same(tokens, ['AUTH_tkv12_SF7444480501251'], 'the file is read with its token')

  // The batch: a single-use link, the labels in the order ticked, in one call to SF.
  nock(SF_HOST).post('/std/service', (body) => { print = body as Record<string, string>; return true }).reply(200, sfPrintAnswer(['SF7444480501252', 'SF7444480501251']))
  nock(SF_FILES).get(/_SF744448050125\d_/).times(2).reply(200, PDF)
  const link = await f.app.inject({ method: 'POST', url: '/api/v1/orders/labels', headers: f.auth(f.token), payload: { order_nos: [b, a] } })
  t.equal(link.statusCode, 201)
  const file = await f.app.inject({ method: 'GET', url: link.json().url })
  t.equal(file.statusCode, 200)
  t.equal(await pagesOf(file.rawPayload), 2, 'two labels, two pages')
  t.same(JSON.parse(print.msgData).documents, [{ masterWaybillNo: 'SF7444480501252' }, { masterWaybillNo: 'SF7444480501251' }])
  t.equal((await f.app.inject({ method: 'GET', url: link.json().url })).statusCode, 404, 'the link works once')

  // An order without an e-waybill: refused before any link or call, with the order named.
  const none = await f.app.inject({ method: 'POST', url: '/api/v1/orders/labels', headers: f.auth(f.token), payload: { order_nos: [a, manual] } })
  t.equal(none.statusCode, 409)
  t.equal(none.json().code, 'e_waybill_missing')
  t.match(none.json().details, [{ path: '/order_nos/1', message: `${manual} 没有电子面单` }])
  t.equal((await f.db('download_links')).length, 0, 'no link made')

  // SF refuses (template not bound): the merchant reads SF's reason; a file on another host is never read.
  nock(SF_HOST).post('/std/service').reply(200, sfOk({ success: false, errorCode: '1002', errorMessage: '模板不存在或未授权' }))
  const refused = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/label.pdf`, headers: f.auth(f.token) })
  t.equal(refused.statusCode, 422)
  t.match(refused.json(), { code: 'label_unavailable', message: '取不到面单：1002: 模板不存在或未授权' })
  nock(SF_HOST).post('/std/service').reply(200, sfOk({ success: true, obj: { files: [{ url: 'https://files.example.com/a.pdf', token: 't', waybillNo: 'SF7444480501251' }] } }))
  const elsewhere = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/label.pdf`, headers: f.auth(f.token) })
  t.equal(elsewhere.json().code, 'label_unavailable')
  t.match(elsewhere.json().message, /接口地址不在允许的范围内/)
  t.ok(nock.isDone(), 'every call answered, none left')
})

t.test('Kuaidi100 labels: the label link kept per order, images and PDFs in one PDF; cloud print and 复打 by siid', async (t) => {
  nets(t)
  const f = await redeemFixture(t, { quantity: 3 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const zto = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k100key', secret: 'k100secret', kuaidicom: 'zhongtong' })
  const [a, b, c] = [await pending(f, 0), await pending(f, 1), await pending(f, 2)]
  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 200, message: 'success', data: { kuaidinum: '7590000000001', taskId: 'T1', label: 'https://api.kuaidi100.com/label/getImage/20261202/T1' } })
  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 200, message: 'success', data: { kuaidinum: '7590000000002', taskId: 'T2', label: 'https://api.kuaidi100.com/label/getImage/20261202/T2' } })
  // One after the other: asked together, the two calls race for the two answers (seen flaking on MariaDB).
  for (const no of [a, b]) {
    await f.app.inject({ method: 'POST', url: '/api/v1/orders/e-waybill', headers: f.auth(f.token), payload: { order_nos: [no], courier_account_id: zto.id } })
    await f.app.services.worker.drainAll()
  }
  t.equal((await f.db('orders').where({ order_no: a }).first()).waybill_label, 'https://api.kuaidi100.com/label/getImage/20261202/T1', 'the label link is kept')

  nock('https://api.kuaidi100.com').get('/label/getImage/20261202/T1').reply(200, await QRCode.toBuffer('7590000000001'))
  nock('https://api.kuaidi100.com').get('/label/getImage/20261202/T2').reply(200, await labelPdf('7590000000002'))
  const link = (await f.app.inject({ method: 'POST', url: '/api/v1/orders/labels', headers: f.auth(f.token), payload: { order_nos: [a, b] } })).json()
  const file = await f.app.inject({ method: 'GET', url: link.url })
  t.equal(file.statusCode, 200)
  const doc = await PDFDocument.load(file.rawPayload)
  t.equal(doc.getPageCount(), 2, 'an image page and a PDF page')
  t.equal(Math.round(doc.getPage(0).getWidth()), 283, 'the image on a 100 mm wide label page')

  const noSiid = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${a}/label/print`, headers: f.auth(f.token) })
  t.equal(noSiid.statusCode, 422)
  t.match(noSiid.json(), { code: 'cloud_print_failed', message: /未设置快递100云打印机设备码（siid）/ })

  // With the cloud printer set, the waybill is printed there when issued (printType CLOUD), and 复打 sends its task again.
  await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${zto.id}/account`, headers: f.auth(f.token), payload: { vendor: 'kuaidi100', kuaidicom: 'zhongtong', siid: 'KX100L1234' } })
  let order: Record<string, string> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { order = body as Record<string, string>; return true }).reply(200, { code: 200, message: 'success', data: { kuaidinum: '7590000000003', taskId: '027B34AD22DE4F299643A13642B70D5F' } })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${c}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: zto.id } })
  await f.app.services.worker.drainAll()
  t.match(JSON.parse(order.param), { printType: 'CLOUD', siid: 'KX100L1234' })
  const desk = (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${c}`, headers: f.auth(f.token) })).json()
  t.same(desk.e_waybill, { vendor: 'kuaidi100', pdf: false, cloud_print: true }, 'no label image: printed by the cloud printer')
  let again: Record<string, string> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { again = body as Record<string, string>; return true }).reply(200, { code: 200, message: 'success', data: { taskId: '027B34AD22DE4F299643A13642B70D5F' } })
  const reprint = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${c}/label/print`, headers: f.auth(f.token) })
  t.equal(reprint.statusCode, 200)
  t.equal(again.method, 'printOld')
  t.equal(again.sign, kuaidi100PrintSign(again.param, again.t, 'k100key', 'k100secret'))
  t.same(JSON.parse(again.param), { taskId: '027B34AD22DE4F299643A13642B70D5F', siid: 'KX100L1234' })
  const timeline = (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${c}/timeline`, headers: f.auth(f.token) })).json()
  t.ok(timeline.items.some((e: { kind: string }) => e.kind === 'label_print'), 'the reprint is on the timeline')
  const pdf = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${c}/label.pdf`, headers: f.auth(f.token) })
  t.equal(pdf.statusCode, 422)
  t.match(pdf.json().message, /没有返回面单图片/)

  // A label link on another host is never fetched.
  await f.db('orders').where({ order_no: a }).update({ waybill_label: 'https://labels.example.com/T1.png' })
  const elsewhere = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/label.pdf`, headers: f.auth(f.token) })
  t.equal(elsewhere.json().code, 'label_unavailable')
  t.ok(nock.isDone())
})

t.test('a shipped order is cancelled only after the courier confirmed its e-waybill cancelled: retried, refused, confirmed', async (t) => {
  nets(t)
  const { fixedClock } = await import('../../shared/clock.js')
  const clock = fixedClock(new Date())
  const f = await redeemFixture(t, { quantity: 3, clock })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_HOST}/std/service` })
  const zto = await variant(f, 'ZTO', { vendor: 'kuaidi100', key: 'k100key', secret: 'k100secret', kuaidicom: 'zhongtong', partner_id: 'ZT001', partner_key: 'zt-password' })
  const [a, b] = [await pending(f, 0), await pending(f, 1)]
  await shipSf(f, sf.id, a, 'SF7444480501251')
  nock('https://api.kuaidi100.com').post('/label/order').reply(200, { code: 200, message: 'success', data: { kuaidinum: '7590000000002', taskId: 'T2', kdComOrderNum: 'ZTO-ORDER-2', label: 'https://api.kuaidi100.com/label/getImage/T2' } })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${b}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: zto.id } })
  await f.app.services.worker.drainAll()
  t.equal((await f.db('orders').where({ order_no: b }).first()).status, 'shipped')
  const cancel = (no: string) => f.app.inject({ method: 'POST', url: `/api/v1/orders/${no}/cancel`, headers: f.auth(f.token) })
  const cardOf = async (i: number) => (await f.db('cards').where({ card_no: f.cards[i].card_no }).first()).status

  // A shipped order is not cancelled directly: its waybill is given back first (取消电子面单).
  t.match((await cancel(a)).json(), { code: 'order_state_invalid' }, 'shipped: refused')
  t.equal(await cardOf(0), 'redeemed')

  // SF is down: the waybill is given back (pending), but the order waits for SF's confirmation.
  nock(SF_HOST).post('/std/service').reply(503, 'busy')
  t.equal((await f.app.inject({ method: 'POST', url: `/api/v1/orders/${a}/e-waybill/cancel`, headers: f.auth(f.token) })).statusCode, 200)
  await f.app.services.worker.drainAll()
  let row = await f.db('outbox').where({ topic: 'ewaybill.cancel' }).first()
  t.match(row, { status: 'pending', attempts: 1 }, 'retried on the schedule')
  const calls = (await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?topic=ewaybill.cancel', headers: f.auth(f.token) })).json()
  t.match(calls.items, [{ order_no: a, status: 'pending', last_error: 'HTTP 503' }], 'visible in 集成调用')
  const waiting = await cancel(a)
  t.equal(waiting.statusCode, 409)
  t.match(waiting.json(), { code: 'waybill_cancel_pending', message: /快递公司还没有确认取消/ })
  t.equal(await cardOf(0), 'redeemed', 'the card is not given back while the parcel may still leave')

  let form: Record<string, string> = {}
  nock(SF_HOST).post('/std/service', (body) => { form = body as Record<string, string>; return true }).reply(200, sfOk({ success: true, errorCode: 'S0000', msgData: { orderId: a, waybillNoInfoList: [{ waybillType: 1, waybillNo: 'SF7444480501251' }], resStatus: 2 } }))
  clock.advance(6_000)
  await f.app.services.worker.drainAll()
  t.equal(form.serviceCode, 'EXP_RECE_UPDATE_ORDER')
  t.same(JSON.parse(form.msgData), { language: 'zh-CN', orderId: a, dealType: 2 })
  row = await f.db('outbox').where({ topic: 'ewaybill.cancel' }).first()
  t.equal(row.status, 'done')
  let timeline = (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/timeline`, headers: f.auth(f.token) })).json()
  t.match(timeline.items.find((e: { kind: string }) => e.kind === 'ewaybill_cancel'), { state: 'done', detail: '快递公司已取消运单 SF7444480501251' })
  const done = await cancel(a)
  t.equal(done.statusCode, 200, done.body)
  t.equal(done.json().status, 'cancelled')
  t.equal(await cardOf(0), 'active', 'confirmed: the card can be redeemed again')

  // Kuaidi100 refuses (already collected): final, the reason on the timeline, the order not cancellable.
  let cancelForm: Record<string, string> = {}
  nock('https://api.kuaidi100.com').post('/label/order', (body) => { cancelForm = body as Record<string, string>; return true }).reply(200, { success: false, code: 30011, message: '快递公司已揽件，不能取消' })
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${b}/e-waybill/cancel`, headers: f.auth(f.token) })
  await f.app.services.worker.drainAll()
  t.equal(cancelForm.method, 'cancel')
  t.match(JSON.parse(cancelForm.param), { kuaidicom: 'zhongtong', kuaidinum: '7590000000002', orderId: 'ZTO-ORDER-2', partnerId: 'ZT001', partnerKey: 'zt-password', reason: '面单需重新打印' })
  const dead = await f.db('outbox').where({ topic: 'ewaybill.cancel' }).orderBy('id', 'desc').first()
  t.match(dead, { status: 'dead', attempts: 1, last_error: '30011: 快递公司已揽件，不能取消' })
  timeline = (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${b}/timeline`, headers: f.auth(f.token) })).json()
  t.match(timeline.items.find((e: { kind: string }) => e.kind === 'ewaybill_cancel'), { state: 'failed', detail: '失败：30011: 快递公司已揽件，不能取消' })
  const history = (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${b}`, headers: f.auth(f.token) })).json().history
  t.match(history.find((e: { type: string }) => e.type === 'e_waybill_cancel_failed'), { detail: { waybill_no: '7590000000002', reason: '30011: 快递公司已揽件，不能取消' } })
  const refused = await cancel(b)
  t.equal(refused.statusCode, 409)
  t.match(refused.json(), { code: 'waybill_cancel_refused', details: [{ message: '30011: 快递公司已揽件，不能取消' }] })
  t.equal(await cardOf(1), 'redeemed', 'refused by the courier: the card stays redeemed')
  t.notOk(JSON.stringify(calls).includes('zt-password') || JSON.stringify(timeline).includes('zt-password'), 'the courier password never shows')
})

t.test('取消电子面单: the waybill given back, the order pending for a new one (a new SF order id); not once collected', async (t) => {
  nets(t)
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_HOST}/std/service`, template_code: 'fm_76130_standard_KQTEST' })
  const [a, b] = [await pending(f, 0), await pending(f, 1)]
  await shipSf(f, sf.id, a, 'SF7444480501251')

  nock(SF_HOST).post('/std/service', (body) => body.serviceCode === 'EXP_RECE_UPDATE_ORDER').reply(200, sfOk({ success: true, errorCode: 'S0000', msgData: { orderId: a, resStatus: 2 } }))
  const res = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${a}/e-waybill/cancel`, headers: f.auth(f.token) })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json(), { order_no: a, waybill_no: 'SF7444480501251', queued: true })
  t.match(await f.db('orders').where({ order_no: a }).first(), { status: 'pending', waybill_no: null, courier_code: null, e_waybill_issued: null })
  await f.app.services.worker.drainAll()
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.cancel' }).first()).status, 'done')
  t.equal((await f.app.inject({ method: 'POST', url: `/api/v1/orders/${a}/e-waybill/cancel`, headers: f.auth(f.token) })).json().code, 'e_waybill_missing', 'nothing left to cancel')

  const again = await shipSf(f, sf.id, a, 'SF7444480509999')
  t.equal(JSON.parse(again.msgData).orderId, `${a}-1`, 'SF never takes a cancelled order id again: the new waybill is a new order')
  t.match(await f.db('orders').where({ order_no: a }).first(), { status: 'shipped', waybill_no: 'SF7444480509999' })

  // The template set on the account is the one printed with.
  let print: Record<string, string> = {}
  nock(SF_HOST).post('/std/service', (body) => { print = body as Record<string, string>; return true }).reply(200, sfPrintAnswer(['SF7444480509999']))
  nock(SF_FILES).get(/SF7444480509999/).reply(200, await labelPdf('x'))
  t.equal((await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}/label.pdf`, headers: f.auth(f.token) })).statusCode, 200)
  t.equal(JSON.parse(print.msgData).templateCode, 'fm_76130_standard_KQTEST')

  // Collected: SF has a tracking line for it, so neither the waybill nor the order can be cancelled here.
  await shipSf(f, sf.id, b, 'SF7444480501252')
  const ob = await f.db('orders').where({ order_no: b }).first()
  await f.db('order_tracking').insert({ merchant_id: ob.merchant_id, order_id: ob.id, time: '2026-12-02 10:00:00', text: '顺丰速运 已收取快件', line_hash: 'h1', provider: 'sf', created_at: Date.now() })
  const r = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${b}/e-waybill/cancel`, headers: f.auth(f.token) })
  t.equal(r.statusCode, 409)
  t.match(r.json(), { code: 'waybill_collected', message: /快递已揽收/ })
  t.match((await f.app.inject({ method: 'POST', url: `/api/v1/orders/${b}/cancel`, headers: f.auth(f.token) })).json(), { code: 'order_state_invalid' }, 'a shipped order is not cancelled')
  t.equal((await f.db('orders').where({ order_no: b }).first()).status, 'shipped', 'nothing changed')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.cancel' })).length, 1, 'nothing queued')
  t.ok(nock.isDone())
})

t.test('the label, print and cancel routes need orders.ship; a labels link stops working when the permission is gone', async (t) => {
  nets(t)
  const f = await redeemFixture(t, { quantity: 1 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const sf = await variant(f, 'SF', { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_HOST}/std/service` })
  const orderNo = await pending(f, 0)
  await shipSf(f, sf.id, orderNo, 'SF7444480501251')
  const made = await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'shipper1', name: '发货', password: 'Viewer123-kq#Pw', permissions: ['orders.read', 'orders.ship'] } })
  const shipper = await f.login('shipper1', 'Viewer123-kq#Pw')
  const link = await f.app.inject({ method: 'POST', url: '/api/v1/orders/labels', headers: f.auth(shipper), payload: { order_nos: [orderNo] } })
  t.equal(link.statusCode, 201)
  await f.app.inject({ method: 'PATCH', url: `/api/v1/admins/${made.json().id}`, headers: f.auth(f.token), payload: { permissions: ['orders.read'] } })
  t.equal((await f.app.inject({ method: 'GET', url: link.json().url })).statusCode, 404, 'the link checks the permission again when followed; SF never called')
  const viewer = await f.login('shipper1', 'Viewer123-kq#Pw')
  const routes: Array<['GET' | 'POST', string, object?]> = [
    ['GET', `/api/v1/orders/${orderNo}/label.pdf`], ['POST', '/api/v1/orders/labels', { order_nos: [orderNo] }],
    ['POST', `/api/v1/orders/${orderNo}/label/print`], ['POST', `/api/v1/orders/${orderNo}/e-waybill/cancel`],
  ]
  for (const [method, url, payload] of routes) {
    const res = await f.app.inject({ method, url, headers: f.auth(viewer), ...(payload ? { payload } : {}) })
    t.equal(res.statusCode, 403, `${method} ${url}`)
  }
  t.match(await f.db('orders').where({ order_no: orderNo }).first(), { status: 'shipped', waybill_no: 'SF7444480501251' }, 'nothing changed')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.cancel' })).length, 0)
})
