import t from 'tap'
import { SharedReads, TtlCache } from './ttl-cache.js'

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

t.test('shared reads: callers at the same moment share one read, nothing is kept after it, and forget() starts afresh', async (t) => {
  const reads = new SharedReads<number, string>()
  let queries = 0
  let answer!: (v: string) => void
  const slow = () => { queries++; return new Promise<string>((resolve) => { answer = resolve }) }
  const a = reads.get(1, slow)
  const b = reads.get(1, slow)
  t.equal(queries, 1, 'two callers, one query')
  answer('old')
  t.same(await Promise.all([a, b]), ['old', 'old'])
  const c = reads.get(1, slow)
  t.equal(queries, 2, 'a settled read is not kept')
  // A write happens while c is in flight: a read after it must not join c.
  reads.forget(1)
  const first = answer
  const d = reads.get(1, slow)
  t.equal(queries, 3, 'after forget(), a read of its own')
  answer('new')
  first('old')
  t.equal(await c, 'old')
  t.equal(await d, 'new')
  // c settling after forget() must not remove d's successor entry: a read now still shares with one in flight.
  const e = reads.get(1, slow)
  const f = reads.get(1, slow)
  t.equal(queries, 4)
  answer('x')
  t.same(await Promise.all([e, f]), ['x', 'x'])
  // A failed read fails its callers and is not kept either.
  const g = reads.get(2, async () => { throw new Error('down') })
  await t.rejects(g, /down/)
  t.equal(await reads.get(2, async () => 'up'), 'up')
})
