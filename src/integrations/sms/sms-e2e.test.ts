// End to end through the outbox against a local fake vendor server (127.0.0.1, no interception),
// for Aliyun and Tencent: a text sent, then its receipt polled and the log saying delivered; a
// final refusal, dead at once with the vendor's reason in the message log and in 集成调用; a
// transient refusal retried on the outbox's schedule (5 s, ±10 %) and then sent.
import t, { type Test } from 'tap'
import { createServer } from 'node:http'
import { fixedClock } from '../../shared/clock.js'
import { redeemFixture } from '../../test-support/redeem-fixture.js'
import { createSmsReceipts } from '../../workers/sms-receipts.js'

interface Call { url: URL; action: string; body: string }
type Answer = (c: Call) => unknown

async function fakeVendor (t: Test, answer: Answer) {
  const calls: Call[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const call = { url, action: String(req.headers['x-tc-action'] ?? url.searchParams.get('Action') ?? ''), body: Buffer.concat(chunks).toString('utf8') }
      calls.push(call)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(answer(call)))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, calls }
}

const BASE = {
  sign_name: '鲜果铺', admin_phones: [],
  switches: { order_submitted_customer: false, order_submitted_admin: false, shipped_customer: false, card_issued: false },
  templates: { order_submitted_customer: { template_id: 'SMS_100001', params: { no: 'order_no' } } },
  card_issued_include_password: false, limits: { per_minute: 100, per_day: 1000 },
}

interface Vendor {
  name: string
  settings: (endpoint: string) => object
  ok: (n: number) => unknown
  refusal: { answer: unknown; code: string; reason: RegExp }
  transient: unknown
  delivered: (c: Call) => unknown
}

const VENDORS: Vendor[] = [
  {
    name: 'aliyun',
    settings: (endpoint) => ({ provider: 'aliyun', aliyun: { access_key_id: 'LTAI5tKey', access_key_secret: 'AliyunSecret-1', endpoint } }),
    ok: (n) => ({ Code: 'OK', Message: 'OK', BizId: `9006197469364984^${n}`, RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' }),
    refusal: { answer: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'r' }, code: 'isv.MOBILE_NUMBER_ILLEGAL', reason: /isv\.MOBILE_NUMBER_ILLEGAL: 非法手机号/ },
    transient: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: 'r' },
    delivered: (c) => ({
      Code: 'OK', Message: 'OK', RequestId: 'r', TotalCount: 1,
      SmsSendDetailDTOs: { SmsSendDetailDTO: [{ ErrCode: 'DELIVERED', TemplateCode: 'SMS_100001', ReceiveDate: '2026-11-23 10:00:05', SendDate: '2026-11-23 10:00:01', PhoneNum: c.url.searchParams.get('PhoneNumber'), Content: '【鲜果铺】…', SendStatus: 3 }] },
    }),
  },
  {
    name: 'tencent',
    settings: (endpoint) => ({ provider: 'tencent', tencent: { secret_id: 'AKIDkey', secret_key: 'TencentSecret-1', sdk_app_id: '1400000001', endpoint } }),
    ok: (n) => ({ Response: { SendStatusSet: [{ SerialNo: `2028:${n}`, PhoneNumber: '+8613600136000', Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'r' } }),
    refusal: { answer: { Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: '+8613600136000', Fee: 0, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect phone number' }], RequestId: 'r' } }, code: 'InvalidParameterValue.IncorrectPhoneNumber', reason: /InvalidParameterValue\.IncorrectPhoneNumber: incorrect phone number/ },
    transient: { Response: { Error: { Code: 'InternalError.SendAndRecvFail', Message: '接口超时或后包失败' }, RequestId: 'r' } },
    delivered: () => ({ Response: { PullSmsSendStatusSet: [{ UserReceiveTime: 1795399205, CountryCode: '86', SubscriberNumber: '13600136000', PhoneNumber: '+8613600136000', SerialNo: '2028:1', ReportStatus: 'SUCCESS', Description: '用户短信接收成功', SessionContext: '' }], RequestId: 'r' } }),
  },
]

for (const v of VENDORS) {
  t.test(`${v.name}: sent then delivered; a final refusal in the log; a transient one retried on the schedule`, async (t) => {
    const clock = fixedClock(new Date('2026-11-23T02:00:00Z'))
    const f = await redeemFixture(t, { quantity: 1, clock })
    let sendAnswers: unknown[] = []
    let sent = 0
    const vendor = await fakeVendor(t, (c) => {
      if (c.action === 'SendSms') return sendAnswers.shift() ?? v.ok(++sent)
      return v.delivered(c)
    })
    const admin = f.auth(f.token)
    const put = await f.app.inject({ method: 'PUT', url: '/api/v1/settings/notifications', headers: admin, payload: { ...BASE, ...v.settings(vendor.url) } })
    t.equal(put.statusCode, 200, put.body)
    const text = async (phone: string) => {
      t.equal((await f.app.inject({ method: 'POST', url: '/api/v1/settings/notifications/test', headers: admin, payload: { phone } })).statusCode, 202)
      await f.app.services.worker.drainAll()
    }
    const log = async () => (await f.app.inject({ method: 'GET', url: '/api/v1/sms-messages', headers: admin })).json().items

    // Success, then the receipt.
    await text('13600136000')
    t.match((await log())[0], { status: 'sent', delivery_state: 'pending' })
    clock.advance(60_000)
    const receipts = createSmsReceipts({ db: f.db, notifications: f.app.services.notifications, log: { error: (o) => t.fail(JSON.stringify(o)) } })
    t.match(await receipts.runOnce(), { delivered: 1, failed: 0 })
    t.equal(vendor.calls.at(-1)!.action, v.name === 'aliyun' ? 'QuerySendDetails' : 'PullSmsSendStatus')
    t.match((await log())[0], { status: 'sent', delivery_state: 'delivered', delivery_code: v.name === 'aliyun' ? 'DELIVERED' : 'SUCCESS' }, 'the log says delivered')

    // A final refusal: dead at once, the reason in the log and in 集成调用.
    sendAnswers = [v.refusal.answer]
    const before = vendor.calls.length
    await text('13600136001')
    clock.advance(3_600_000)
    await f.app.services.worker.drainAll()
    t.equal(vendor.calls.length, before + 1, 'asked once, never again')
    const refused = (await log())[0]
    t.match(refused, { status: 'failed', delivery_state: null })
    t.match(refused.error, v.refusal.reason, 'the vendor\'s reason is in the message log')
    const dead = (await f.db('outbox').where({ topic: 'sms.send' }).orderBy('id', 'desc').first())
    t.equal(dead.status, 'dead')
    const calls = (await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls', headers: admin })).json().items as Array<{ status: string; last_error: string | null }>
    t.ok(calls.some((c) => c.status === 'dead' && v.refusal.reason.test(c.last_error ?? '')), 'and in 集成调用')

    // A transient refusal: retried on the schedule (the first delay is 5 s ±10 %).
    sendAnswers = [v.transient]
    const start = vendor.calls.length
    await text('13600136002')
    const row = await f.db('outbox').where({ topic: 'sms.send' }).orderBy('id', 'desc').first()
    t.equal(row.status, 'pending', 'waiting for its retry')
    const wait = Number(row.next_attempt_at) - clock.now().getTime()
    t.ok(wait >= 4_500 && wait <= 5_500, `the next try in about 5 s (${wait} ms)`)
    clock.advance(4_000)
    await f.app.services.worker.drainAll()
    t.equal(vendor.calls.length, start + 1, 'not before its time')
    clock.advance(2_000)
    await f.app.services.worker.drainAll()
    t.equal(vendor.calls.length, start + 2, 'tried again')
    t.equal((await f.db('outbox').where({ id: row.id }).first()).status, 'done')
    t.same((await log()).slice(0, 2).map((m: { status: string }) => m.status), ['sent', 'failed'], 'the failed try and the sent one, both in the log')
    t.notOk(f.logs.text().includes(v.name === 'aliyun' ? 'AliyunSecret-1' : 'TencentSecret-1'), 'no secret in the log')
  })
}
