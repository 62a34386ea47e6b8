// The ERP back-sync loop: it visits every merchant with an ERP connection, and neither a failing
// database nor one merchant's failing ERP stops it; it resumes at the next tick.
import t from 'tap'
import nock from 'nock'
import { buildTestApp } from '../test-support/build-test-app.js'
import { createErpSync } from './erp-sync.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function logCapture () {
  const lines: Array<{ o: Record<string, unknown>; m: string }> = []
  return { lines, error: (o: object, m: string) => { lines.push({ o: o as Record<string, unknown>, m }) } }
}

t.test('a failing database is logged and the next tick syncs again; one merchant failing does not stop the others', async (t) => {
  const log = logCapture()
  const synced: number[] = []
  let lookups = 0
  const erp = {
    async connectedMerchants () {
      if (++lookups === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:3306')
      return [1, 2, 3]
    },
    async syncLogistics (merchantId: number) {
      if (merchantId === 2) throw new Error('ERP busy')
      synced.push(merchantId)
      return { shipped: 0, failed: 0, stock_updated: 0, ack_failed: 0 }
    },
  }
  const sync = createErpSync({ erp, log, everyMs: 20 })
  sync.start()
  for (let i = 0; i < 200 && lookups < 3; i++) await sleep(10)
  await sync.stop()
  t.ok(lookups >= 3, 'the loop lived through the failed lookup')
  t.match(log.lines[0], { m: 'erp.sync.failed', o: { err: { message: /ECONNREFUSED/ } } }, 'the database failure is logged')
  t.notOk('merchant_id' in log.lines[0].o)
  t.same(synced.slice(0, 4), [1, 3, 1, 3], 'every tick after it syncs the merchants whose ERP answers')
  t.match(log.lines.filter((l) => 'merchant_id' in l.o), [{ m: 'erp.sync.failed', o: { merchant_id: 2, err: { message: 'ERP busy' } } }])

  const after = lookups
  await sleep(60)
  t.equal(lookups, after, 'nothing runs after stop()')
})

t.test('the merchants visited are those with an ERP connection', async (t) => {
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
  t.teardown(() => { nock.cleanAll(); nock.enableNetConnect() })
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const log = logCapture()
  const sync = createErpSync({ erp: ta.app.services.erp, log })
  t.same(await sync.runOnce(), { synced: 0, failed: 0 }, 'no connection, nothing to visit')

  await ta.app.inject({ method: 'PUT', url: '/api/v1/settings/erp', headers: ta.auth(token), payload: { protocol: 'wdt_classic', sid: 's', appkey: 'k', appsecret: 'secret', shop_no: 'KQ', endpoint: 'https://sandbox.wangdian.cn/openapi2/' } })
  const pulled = nock('https://sandbox.wangdian.cn').post('/openapi2/logistics_sync_query.php').reply(200, { code: 0, trades: [] })
  const stock = nock('https://sandbox.wangdian.cn').post('/openapi2/api_goods_stock_change_query.php').reply(200, { code: 0, stock_change_list: [] })
  t.same(await sync.runOnce(), { synced: 1, failed: 0 })
  t.ok(pulled.isDone(), 'the merchant\'s ERP was asked for its shipments')
  t.ok(stock.isDone(), 'and for its stock changes, in the same loop')
  t.same(log.lines, [])
})
