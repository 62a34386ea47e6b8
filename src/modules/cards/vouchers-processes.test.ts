// Stored-value vouchers across real server processes: 50 parallel holds of one voucher sent to
// two processes sharing the database (SQLite: one file, several writers; MySQL/MariaDB: one
// database, several pools) never overdraw it, and its ledger sums to its balance.
import t from 'tap'
import { addDays, localDate } from '../../shared/dates.js'
import { createTestDatabase } from '../../test-support/build-test-app.js'
import { createApp, openRequest } from '../../test-support/open-fixture.js'
import { startServerProcess } from '../../test-support/processes.js'
import { redeemFixture } from '../../test-support/redeem-fixture.js'
import { signRequest } from '../open/client.js'
import { ledgerMismatches } from './vouchers.repository.js'

const PHONE = '13900000001'

t.test('50 parallel holds of one voucher from two server processes never overdraw; the ledger sums to the balance', async (t) => {
  const database = await createTestDatabase(t)
  // The in-process app (setup and checks) and the children all use the real clock.
  const f = await redeemFixture(t, { database, quantity: 1 })
  const mall = await createApp(f, ['cards:issue', 'vouchers:pay'])
  const batchRes = await f.app.inject({
    method: 'POST', url: '/api/v1/card-batches', headers: f.auth(f.token),
    payload: { kind: 'stored_value', prefix: 'SV', number_length: 6, quantity: 1, face_value: 20000, valid_days: 90 },
  })
  t.equal(batchRes.statusCode, 201, 'a stored-value batch of 200 yuan', { body: batchRes.body })
  const issued = await openRequest(f, mall, 'POST', '/open/v1/card-issues', { out_order_no: 'ORG-1', batch_no: batchRes.json().batch_no, items: [{ phone: PHONE, quantity: 1 }], send_sms: false })
  t.equal(issued.statusCode, 201, 'one voucher issued to a phone', { body: issued.body })
  const [card] = issued.json().cards as Array<{ card_no: string; valid_from: string }>

  // A voucher is usable from the day after its activation, in the merchant's zone. The child
  // processes run on the system clock (no fixed clock reaches them), so instead of waiting a day
  // the voucher is made to start yesterday; its balance and ledger are left as activation made them.
  const merchant = await f.db('merchants').where({ code: 'default' }).first()
  const today = localDate(merchant.timezone, new Date())
  t.equal(card.valid_from, addDays(today, 1), 'issued today, valid from tomorrow')
  t.equal(await f.db('cards').where({ card_no: card.card_no }).update({ valid_from: addDays(today, -1) }), 1, 'now valid from yesterday')

  const [p1, p2] = await Promise.all([startServerProcess(t, database.config, database.dir), startServerProcess(t, database.config, database.dir)])
  const path = `/open/v1/vouchers/${card.card_no}/holds`
  const results = await Promise.all(Array.from({ length: 50 }, async (_, k) => {
    const body = JSON.stringify({ out_trade_no: `P${k}`, amount: 700, phone: PHONE })
    const headers = signRequest({ appKey: mall.app_key, appSecret: mall.app_secret, method: 'POST', pathWithQuery: path, body, nonce: `proc-${k}-${Date.now()}-abcdefgh` })
    const res = await fetch(`${(k % 2 ? p1 : p2).url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body })
    return { process: k % 2 ? 1 : 2, status: res.status, body: await res.json() as { code?: string; balance?: number } }
  }))

  const ok = results.filter((r) => r.status === 201)
  const refused = results.filter((r) => r.status !== 201)
  t.equal(ok.length, 28, '28 × 7 yuan fit in 200 yuan')
  t.comment(`holds taken: ${ok.filter((r) => r.process === 1).length} by process 1, ${ok.filter((r) => r.process === 2).length} by process 2`)
  t.same(refused.filter((r) => r.status !== 409 || r.body.code !== 'insufficient_balance'), [], 'every other one is refused: 409 insufficient_balance')
  const row = await f.db('cards').where({ card_no: card.card_no }).first()
  t.equal(Number(row.balance), 20000 - 28 * 700, 'never overdrawn')
  t.equal(Math.min(...ok.map((r) => r.body.balance!)), 400, 'the last hold taken leaves 4 yuan')
  t.equal((await f.db('voucher_holds').where({ card_no: card.card_no, status: 'held' })).length, 28, 'one hold row per 201')
  t.same(await ledgerMismatches(f.db), [], 'every balance is the sum of its ledger')
})
