// 集成调用: the vendor calls with what they are about, filtered to what is failing now, and 重试
// of one failed call (audited; anything but a failed call refused with a stable code).
import t from 'tap'
import nock from 'nock'
import { CONSIGNEE, redeemFixture, type RedeemFixture } from '../../test-support/redeem-fixture.js'

async function order (f: RedeemFixture, i: number): Promise<string> {
  const v = await f.verify(f.cards[i].card_no, f.cards[i].password)
  return (await f.submit({ token: v.json().token, product_id: f.apple, consignee: CONSIGNEE })).json().order_no
}

t.test('failing calls are listed with their error and next retry; 重试 sends a failed one again', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const f = await redeemFixture(t, { quantity: 3 })
  const admin = f.auth(f.token)
  const list = async (q = '') => (await f.app.inject({ method: 'GET', url: `/api/v1/integration-calls${q}`, headers: admin })).json().items as Array<Record<string, any>>
  const retry = (id: number) => f.app.inject({ method: 'POST', url: `/api/v1/integration-calls/${id}/retry`, headers: admin })
  await f.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: admin, payload: { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'secret', shop_no: 'KQ', endpoint: 'https://sandbox.wangdian.cn/openapi2/' } })

  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 0 })
  const done = await order(f, 0)
  await f.app.services.worker.drainAll()
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 1090, message: '店铺不存在' })
  const refused = await order(f, 1)
  await f.app.services.worker.drainAll()
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(502, 'bad gateway')
  const later = await order(f, 2)
  await f.app.services.worker.drainAll()

  const all = await list('?topic=erp.push')
  t.same(all.map((c) => [c.order_no, c.status, c.event]), [[later, 'pending', 'push'], [refused, 'dead', 'push'], [done, 'done', 'push']], 'each call names its order')
  const failing = await list('?status=failing')
  t.same(failing.map((c) => c.order_no), [later, refused], '失败中: the dead one and the one waiting for its retry')
  const waiting = failing[0]
  t.match(waiting, { attempts: 1, last_error: 'HTTP 502', attempt_log: [{ attempt: 1, error: 'HTTP 502' }] })
  t.ok(Date.parse(waiting.next_attempt_at) > Date.now(), 'its next retry time')
  t.equal(failing[1].next_attempt_at, null, 'a dead call has none')
  t.equal((await f.app.inject({ method: 'GET', url: '/api/v1/integration-calls?status=nonsense', headers: admin })).statusCode, 422, 'an unknown status is refused')

  const doneId = all[2].id
  const notFailed = await retry(doneId)
  t.equal(notFailed.statusCode, 409)
  t.equal(notFailed.json().code, 'integration_call_not_failed')
  const missing = await retry(999999)
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().code, 'integration_call_not_found')
  const webhookRow = await f.db('outbox').where({ topic: 'order.created' }).first()
  t.equal((await retry(Number(webhookRow.id))).statusCode, 404, 'not an integration call')

  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 0 })
  const again = await retry(failing[1].id)
  t.same(again.json(), { requeued: 1 })
  t.equal((await f.db('outbox').where({ id: failing[1].id }).first()).status, 'pending')
  await f.app.services.worker.drainAll()
  const after = (await list('?topic=erp.push')).find((c) => c.id === failing[1].id)!
  t.equal(after.status, 'done', 'the retried call went through')
  t.same(after.attempt_log.map((a: { error: string | null }) => a.error), ['1090: 店铺不存在', null], 'both attempts kept')
  t.equal((await f.db('orders').where({ order_no: refused }).first()).erp_status, 'pushed')
  t.equal((await retry(failing[1].id)).statusCode, 409, 'done now: nothing to retry')
  const audit = await f.db('audit_logs').where({ action: 'integration_calls.retry' })
  t.match(audit, [{ target_type: 'integration_call', target_id: String(failing[1].id) }], 'the retry is audited')

  // The one waiting for its retry may be sent now too.
  nock('https://sandbox.wangdian.cn').post('/openapi2/trade_push.php').reply(200, { code: 0 })
  t.equal((await retry(waiting.id)).statusCode, 200)
  await f.app.services.worker.drainAll()
  t.same(await list('?status=failing'), [], 'nothing failing any more')
})
