// The nonce table on its own: one use per nonce, whether alone, arriving together, or inside a
// transaction, and an expired row taken over by exactly one use.
import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { useNonce } from './open-auth.repository.js'

const NOW = new Date('2026-11-23T02:00:00Z')
const LATER = NOW.getTime() + 360_000

t.test('a nonce is used once, alone or among others arriving together', async (t) => {
  const { db } = await buildTestApp(t)
  t.equal(await useNonce(db, 1, 'nonce-alone-123456', LATER, NOW), true)
  t.equal(await useNonce(db, 1, 'nonce-alone-123456', LATER, NOW), false, 'a replay')
  t.equal(await useNonce(db, 2, 'nonce-alone-123456', LATER, NOW), true, 'another app may use the same nonce')
  const together = await Promise.all(['a', 'b', 'a', 'c', 'b', 'a'].map((n) => useNonce(db, 1, `nonce-together-${n}-1234`, LATER, NOW)))
  t.same(together, [true, true, false, true, false, false], 'the first of each is used, every copy refused')
  t.equal((await db('app_nonces')).length, 5)
})

t.test('an expired row not yet pruned is taken over by one use only', async (t) => {
  const { db } = await buildTestApp(t)
  await db('app_nonces').insert({ app_id: 1, nonce: 'nonce-expired-12345', expires_at: NOW.getTime() - 1 })
  const racing = await Promise.all([1, 2, 3].map(() => useNonce(db, 1, 'nonce-expired-12345', LATER, NOW)))
  t.same(racing.filter(Boolean), [true], 'one of three racing uses wins')
  t.equal(Number((await db('app_nonces').where({ nonce: 'nonce-expired-12345' }).first()).expires_at), LATER)
})

t.test('inside a transaction the nonce is the transaction\'s: gone when it rolls back', async (t) => {
  const { db } = await buildTestApp(t)
  await t.rejects(db.transaction(async (trx) => {
    t.equal(await useNonce(trx, 1, 'nonce-in-a-trx-12345', LATER, NOW), true)
    t.equal(await useNonce(trx, 1, 'nonce-in-a-trx-12345', LATER, NOW), false, 'refused within the transaction')
    throw new Error('roll back')
  }), { message: 'roll back' })
  t.equal((await db('app_nonces')).length, 0, 'rolled back with it')
  await db.transaction(async (trx) => { await useNonce(trx, 1, 'nonce-in-a-trx-12345', LATER, NOW) })
  t.equal(await useNonce(db, 1, 'nonce-in-a-trx-12345', LATER, NOW), false, 'committed with it')
})
