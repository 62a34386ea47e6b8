// The order desk's API (订单列表): the ERP-state filter and the desk fields of the list, an
// e-waybill's failure kept on the order (and cleared by its success), the ship import's dry run
// and row report, and the single-use order export link.
import t from 'tap'
import nock from 'nock'
import ExcelJS from 'exceljs'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'
import { multipart } from '../../test-support/http.js'
import { setErpStatus } from './orders.repository.js'

const SENDER = { name: '鲜果铺仓库', phone: '0571-88888888', province: '浙江省', city: '杭州市', district: '余杭区', address: '仓前街道 1 号' }
const SF_HOST = 'https://sfapi-sbox.sf-express.com'

async function pending (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  const res = await f.submit({ token: v.json().token, product_id: f.apple, consignee: { ...CONSIGNEE, phone: `1390000${String(i).padStart(4, '0')}` } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().order_no
}

async function readXlsx (buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function xlsx (rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('批量发货')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

t.test('the list filters by ERP state and shows it, with counts per tab of the filter', async (t) => {
  const f = await redeemFixture(t, { quantity: 3 })
  const [a, b, c] = [await pending(f, 0), await pending(f, 1), await pending(f, 2)]
  const merchant = await f.db('merchants').where({ code: 'default' }).first()
  await setErpStatus(f.db, merchant.id, a, 'failed', '旺店通: 店铺不存在')
  await setErpStatus(f.db, merchant.id, b, 'pushed', null)
  const list = async (q: string) => {
    const res = await f.app.inject({ method: 'GET', url: `/api/v1/orders?${q}`, headers: f.auth(f.token) })
    t.equal(res.statusCode, 200, res.body)
    return res.json()
  }
  const failed = await list('erp_status=failed')
  t.same(failed.items.map((o: { order_no: string }) => o.order_no), [a])
  t.match(failed.items[0], { erp_status: 'failed', erp_error: '旺店通: 店铺不存在', e_waybill_error: null })
  t.same(failed.tab_counts, { pending_today: 1, pending_tomorrow: 0, pending_day_after: 0, shipped_today: 0, shipped_yesterday: 0, all: 1 }, 'counts follow the filter')
  t.same((await list('erp_status=none')).items.map((o: { order_no: string }) => o.order_no), [c], 'none: never pushed')
  t.equal((await list('erp_status=pushed')).items[0].order_no, b)
  const bad = await f.app.inject({ method: 'GET', url: '/api/v1/orders?erp_status=lost', headers: f.auth(f.token) })
  t.equal(bad.statusCode, 422)
  const detail = await f.app.inject({ method: 'GET', url: `/api/v1/orders/${a}`, headers: f.auth(f.token) })
  t.match(detail.json(), { erp_status: 'failed', erp_error: '旺店通: 店铺不存在', e_waybill_error: null })
})

t.test('an e-waybill refusal is kept on the order; asking again after it is a new request, and its success clears it', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 2 })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/e-waybill', headers: f.auth(f.token), payload: { sender: SENDER } })
  const c = (await f.app.inject({ method: 'POST', url: '/api/v1/couriers', headers: f.auth(f.token), payload: { name: '顺丰电子面单', base_code: 'SF', product_type: '1', monthly_account: '7551234567' } })).json()
  await f.app.inject({ method: 'PUT', url: `/api/v1/couriers/${c.id}/account`, headers: f.auth(f.token), payload: { vendor: 'sf', partner_id: 'KQTEST', check_word: 'checkword123', endpoint: `${SF_HOST}/std/service` } })
  const orderNo = await pending(f, 0)
  const ask = () => f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/e-waybill`, headers: f.auth(f.token), payload: { courier_account_id: c.id } })
  const order = async () => (await f.app.inject({ method: 'GET', url: `/api/v1/orders/${orderNo}`, headers: f.auth(f.token) })).json()

  nock(SF_HOST).post('/std/service').reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: false, errorCode: '8196', errorMsg: '收件人地址不详' }) })
  t.equal((await ask()).statusCode, 202)
  await f.app.services.worker.drainAll()
  const refused = await order()
  t.equal(refused.status, 'pending')
  t.match(refused.e_waybill_error, { message: '8196: 收件人地址不详', retrying: false })
  t.ok(Date.parse(refused.e_waybill_error.at) > 0, 'with its time')
  t.same(refused.history.map((h: { type: string }) => h.type), ['created', 'e_waybill_requested', 'e_waybill_failed'])
  t.match(refused.history[2].detail, { reason: '8196: 收件人地址不详' })
  const listed = (await f.app.inject({ method: 'GET', url: '/api/v1/orders?tab=pending_today', headers: f.auth(f.token) })).json().items[0]
  t.match(listed.e_waybill_error, { message: '8196: 收件人地址不详' }, 'the list shows it on the order too')

  // After the final refusal, asking again (once the address is fixed) is a new request.
  nock(SF_HOST).post('/std/service').reply(503, 'busy')
  t.same((await ask()).json().queued, [orderNo])
  t.same((await ask()).json().queued, [orderNo], 'asked twice…')
  t.equal((await f.db('outbox').where({ topic: 'ewaybill.request' })).length, 2, '…one new request')
  await f.app.services.worker.drainAll()
  t.match((await order()).e_waybill_error, { retrying: true }, 'a failure that will be retried says so')

  nock(SF_HOST).post('/std/service').reply(200, { apiResultCode: 'A1000', apiResultData: JSON.stringify({ success: true, msgData: { waybillNoInfoList: [{ waybillNo: 'SF7444400000002' }] } }) })
  await f.db('outbox').where({ topic: 'ewaybill.request', status: 'pending' }).update({ next_attempt_at: 0 })
  await f.app.services.worker.drainAll()
  const shipped = await order()
  t.match(shipped, { status: 'shipped', waybill_no: 'SF7444400000002', e_waybill_error: null }, 'the success ships it and clears the failure')
})

t.test('ship import: a dry run ships nothing; rows in error get a report an order clerk can download', async (t) => {
  const f = await redeemFixture(t, { quantity: 3 })
  const [a, b] = [await pending(f, 0), await pending(f, 1)]
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'shipper1', name: '发货员', password: 'Staff12345-kq#Pw', permissions: ['orders.read', 'orders.ship'] } })
  const clerk = await f.login('shipper1', 'Staff12345-kq#Pw')
  const file = await xlsx([['order_no', 'courier', 'waybill_no'], [a, 'SF', 'SF1234567890'], [b, '中通快递', 'bad!'], [a, 'SF', 'SF1234567890'], [a, 'SF', 'SF9999999999']])
  const ship = (fields: Record<string, string>) => {
    const m = multipart(file, { fields })
    return f.app.inject({ method: 'POST', url: '/api/v1/orders/ship-import', payload: m.payload, headers: { ...m.headers, ...f.auth(clerk) } })
  }
  const dry = await ship({ dry_run: 'true' })
  t.equal(dry.statusCode, 200, dry.body)
  t.match(dry.json(), { dry_run: true, shipped: 0, would_ship: 1, already_shipped: 1, error: 2 })
  t.same(dry.json().rows.map((r: { result: string }) => r.result), ['would_ship', 'error', 'already_shipped', 'error'])
  t.match(dry.json().rows[1], { row: 3, column: 'waybill_no', problem: '运单号须为 6-32 位字母或数字' })
  t.match(dry.json().rows[3], { row: 5, column: 'order_no', problem: '与第 2 行是同一订单，运单号不同' })
  t.same((await f.db('orders').whereIn('order_no', [a, b])).map((o) => o.status), ['pending', 'pending'], 'nothing shipped')
  t.equal((await f.db('audit_logs').where({ action: 'orders.ship_import' })).length, 0)

  const report = await f.app.inject({ method: 'GET', url: `/api/v1/imports/${dry.json().report_id}/report`, headers: f.auth(clerk) })
  t.equal(report.statusCode, 200, 'orders.ship may read the report')
  const rows = await readXlsx(report.rawPayload)
  t.same(rows.slice(1).map((r) => r[0]), [3, 5])

  const real = await ship({})
  t.match(real.json(), { dry_run: false, shipped: 1, would_ship: 0, already_shipped: 1, error: 2 })
  t.equal((await f.db('orders').where({ order_no: a }).first()).status, 'shipped')
  t.equal((await f.db('orders').where({ order_no: b }).first()).status, 'pending', 'the bad row ships nothing')
})

t.test('an order export link: the filter\'s orders once, without a bearer token; orders.export checked', async (t) => {
  const f = await redeemFixture(t, { quantity: 4 })
  const nos = [await pending(f, 0), await pending(f, 1), await pending(f, 2)]
  await f.app.inject({ method: 'POST', url: `/api/v1/orders/${nos[0]}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: 'SF1234567890' } })
  const made = await f.app.inject({ method: 'POST', url: '/api/v1/orders/export-link', headers: f.auth(f.token), payload: { tab: 'pending_today' } })
  t.equal(made.statusCode, 201, made.body)
  const first = await f.app.inject({ method: 'GET', url: made.json().url })
  t.equal(first.statusCode, 200)
  t.match(first.headers['content-disposition'], /filename\*=UTF-8''orders\.xlsx/)
  const rows = await readXlsx(first.rawPayload)
  t.equal(rows.length, 3, 'the header and the two pending orders')
  t.same(rows.slice(1).map((r) => r[0]).sort(), [nos[1], nos[2]].sort())
  t.equal((await f.app.inject({ method: 'GET', url: made.json().url })).statusCode, 404, 'once')
  const audit = await f.db('audit_logs').where({ action: 'orders.export' }).first()
  t.match(JSON.parse(audit.summary), { rows: 2, query: { tab: 'pending_today' } })

  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/orders/export-link', headers: f.auth(f.token), payload: { tab: 'soon' } })).statusCode, 422)
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/orders/export-link', headers: f.auth(f.token), payload: { cursor: '5' } })).statusCode, 422, 'no paging in an export')
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'viewer1', name: '查看', password: 'Viewer123-kq#Pw', permissions: ['orders.read'] } })
  const viewer = await f.login('viewer1', 'Viewer123-kq#Pw')
  t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/orders/export-link', headers: f.auth(viewer), payload: {} })).statusCode, 403)

  // A link whose admin lost orders.export before using it is refused.
  await f.app.inject({ method: 'POST', url: '/api/v1/admins', headers: f.auth(f.token), payload: { username: 'exporter1', name: '导出', password: 'Viewer123-kq#Pw', permissions: ['orders.read', 'orders.export'] } })
  const exporter = await f.login('exporter1', 'Viewer123-kq#Pw')
  const link = (await f.app.inject({ method: 'POST', url: '/api/v1/orders/export-link', headers: f.auth(exporter), payload: {} })).json().url
  const admin = await f.db('admins').where({ username: 'exporter1' }).first()
  await f.app.inject({ method: 'PATCH', url: `/api/v1/admins/${admin.id}`, headers: f.auth(f.token), payload: { permissions: ['orders.read'] } })
  t.equal((await f.app.inject({ method: 'GET', url: link })).statusCode, 404)
})

t.test('a bad waybill number is refused in the merchant\'s words and ships nothing', async (t) => {
  const f = await redeemFixture(t, { quantity: 1 })
  const orderNo = await pending(f, 0)
  const res = await f.app.inject({ method: 'POST', url: `/api/v1/orders/${orderNo}/ship`, headers: f.auth(f.token), payload: { courier_code: 'SF', waybill_no: 'bad!' } })
  t.equal(res.statusCode, 422)
  t.match(res.json().details, [{ path: '/waybill_no', message: '运单号须为 6-32 位字母或数字' }])
  t.equal((await f.db('orders').where({ order_no: orderNo }).first()).status, 'pending')
})
