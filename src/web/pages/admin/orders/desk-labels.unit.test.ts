import t from 'tap'
import { WAYBILL_RE, pastedColumn } from './desk-labels.js'

t.test('a column copied from a spreadsheet: one value per line, in order', async (t) => {
  t.same(pastedColumn('SF1001\r\nSF1002\r\nSF1003\r\n'), ['SF1001', 'SF1002', 'SF1003'], 'Excel ends with a line break (Windows)')
  t.same(pastedColumn('SF1001\nSF1002\n\n'), ['SF1001', 'SF1002'], 'blank lines at the end dropped')
  t.same(pastedColumn('SF1001\n\nSF1003'), ['SF1001', '', 'SF1003'], 'a blank cell inside the column keeps its row')
  t.same(pastedColumn(' SF1001 \tYTO\nSF1002\t顺丰'), ['SF1001', 'SF1002'], 'several columns: the first, trimmed')
  t.same(pastedColumn('SF1001'), ['SF1001'], 'one value is typing, not a column')
  t.same(pastedColumn('\r\n'), [])
})

t.test('the waybill rule is the server\'s', async (t) => {
  t.ok(WAYBILL_RE.test('SF1234567890'))
  t.notOk(WAYBILL_RE.test('SF123'), 'under 6')
  t.notOk(WAYBILL_RE.test('bad!'))
  t.notOk(WAYBILL_RE.test('A'.repeat(33)), 'over 32')
})
