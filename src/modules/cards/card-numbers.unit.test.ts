// Unit tests of card and batch numbering (no database, no HTTP): sequences, their bounds, ranges
// on the card_no index, overlaps between plans, random numbers and batch numbers.
import t from 'tap'
import { fitsWidth, inPlan, lastOf, plansOverlap, RandomNumbers, randomSpaceFits, sameLengthRanges, sequentialNumber, type SequentialPlan } from './card-numbers.js'
import { batchNoOf } from './batches.service.js'

const seq = (first: bigint, width: number, quantity: number, prefix = 'A'): SequentialPlan => ({ mode: 'sequential', prefix, first, width, quantity })

t.test('sequential numbers: prefix + padded number, or unpadded from the start number', async (t) => {
  t.equal(sequentialNumber(seq(1n, 8, 300, 'A588'), 0), 'A58800000001')
  t.equal(sequentialNumber(seq(1n, 8, 300, 'A588'), 299), 'A58800000300')
  t.equal(sequentialNumber(seq(10001n, 0, 3, '388'), 2), '38810003')
  t.equal(lastOf(seq(10001n, 0, 3)), 10003n)
})

t.test('number space bounds: a padded sequence stays in its width; random draws at most 10 % of the space', async (t) => {
  t.ok(fitsWidth(seq(1n, 4, 9999)), '0001 … 9999')
  t.notOk(fitsWidth(seq(1n, 4, 10_000)), '10000 has five digits')
  t.notOk(fitsWidth(seq(9000n, 4, 1001)))
  t.ok(fitsWidth(seq(10n ** 18n, 0, 5)), 'unpadded numbers have no width')
  t.ok(randomSpaceFits(4, 1000), 'exactly 10 % of 10^4')
  t.notOk(randomSpaceFits(4, 1001))
  t.ok(randomSpaceFits(20, 1_000_000))
  t.notOk(randomSpaceFits(6, 100_001))
})

t.test('a plan as ranges of one length each (string order = number order within a length)', async (t) => {
  t.same(sameLengthRanges(seq(98n, 0, 5, 'C')), [{ from: 'C98', to: 'C99', length: 3 }, { from: 'C100', to: 'C102', length: 4 }])
  t.same(sameLengthRanges(seq(1n, 6, 10, 'L')), [{ from: 'L000001', to: 'L000010', length: 7 }])
})

t.test('inPlan knows its own numbers and nothing padded differently', async (t) => {
  const plan = seq(101n, 0, 10, 'C')
  t.ok(inPlan(plan, 'C105'))
  t.ok(inPlan(plan, 'C110'))
  t.notOk(inPlan(plan, 'C111'), 'past the last')
  t.notOk(inPlan(plan, 'C0105'), 'a padded spelling is another number')
  t.notOk(inPlan(plan, 'D105'), 'another prefix')
  t.notOk(inPlan(plan, 'C10x'))
  t.ok(inPlan(seq(1n, 8, 5, 'C'), 'C00000003'))
})

t.test('two plans overlap only where some number is spelled alike', async (t) => {
  t.ok(plansOverlap(seq(101n, 0, 10, 'C'), seq(106n, 0, 10, 'C')))
  t.notOk(plansOverlap(seq(101n, 0, 10, 'C'), seq(111n, 0, 10, 'C')), 'adjacent ranges')
  t.notOk(plansOverlap(seq(101n, 0, 10, 'C'), seq(101n, 0, 10, 'D')), 'other prefix')
  t.notOk(plansOverlap(seq(1n, 8, 5, 'C'), seq(1n, 0, 200, 'C')), 'C00000001 is not C1')
  t.ok(plansOverlap(seq(1n, 3, 2000, 'C'), seq(1n, 0, 2000, 'C')), 'from 100 on, width 3 pads nothing: C100 in both')
})

t.test('random numbers have the prefix and length and never repeat within a generator', async (t) => {
  const gen = new RandomNumbers({ mode: 'random', prefix: 'R', length: 3, quantity: 100 })
  const drawn = Array.from({ length: 1000 }, () => gen.next())
  t.ok(drawn.every((n) => /^R[0-9]{3}$/.test(n)))
  t.equal(new Set(drawn).size, 1000, 'the whole space, each number once')
})

t.test('batch numbers: B + the merchant\'s local date + a sequence of at least four digits', async (t) => {
  t.equal(batchNoOf('Asia/Shanghai', new Date('2026-11-23T08:00:00Z'), 1), 'B202611230001')
  t.equal(batchNoOf('Asia/Shanghai', new Date('2026-11-23T16:30:00Z'), 27), 'B202611240027', 'after local midnight it is the next day')
  t.equal(batchNoOf('UTC', new Date('2026-11-23T16:30:00Z'), 12345), 'B2026112312345')
})
