import t from 'tap'
import { TtlCache } from './ttl-cache.js'

t.test('entries expire, and no more than max are kept, the oldest going first', async (t) => {
  let now = 0
  const cache = new TtlCache<string, number>(3, 1000, () => now)
  for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) cache.set(k, v)
  t.same(cache.get('a'), { value: 1 })
  cache.set('d', 4)
  t.equal(cache.size, 3)
  t.equal(cache.get('a'), undefined, 'the oldest was dropped')
  for (let i = 0; i < 100_000; i++) cache.set(`junk${i}`, i)
  t.equal(cache.size, 3, 'a flood of keys stays at the bound')
  now = 1000
  t.equal(cache.get('junk99999'), undefined, 'expired after the ttl')
})

t.test('a clock that goes back expires the entries instead of keeping them longer', async (t) => {
  let now = 10_000
  const cache = new TtlCache<string, number>(3, 1000, () => now)
  cache.set('a', 1)
  now = 10_999
  t.same(cache.get('a'), { value: 1 }, 'kept within the ttl')
  now = 9_000
  t.equal(cache.get('a'), undefined)
})
