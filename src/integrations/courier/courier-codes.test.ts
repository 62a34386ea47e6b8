// The couriers' code tables, code by code, as their documents classify them (sf-codes.ts and
// kuaidi100-codes.ts cite the pages), and SF's 筛单结果.
import t, { type Test } from 'tap'
import { fromCode, lookupCode, type Outcome } from '../errors.js'
import { SF_API_CODES, SF_BUSINESS_CODES, sfFilterVerdict } from './sf-codes.js'
import { KUAIDI100_CODES } from './kuaidi100-codes.js'

function check (t: Test, table: Parameters<typeof lookupCode>[0], expected: Record<string, Outcome>) {
  for (const [code, outcome] of Object.entries(expected)) t.equal(lookupCode(table, code).outcome, outcome, `${code} is ${outcome}`)
}

t.test('SF 公共返回码 (apiResultCode)', async (t) => {
  check(t, SF_API_CODES, {
    A1001: 'misconfiguration', A1002: 'transient', A1003: 'misconfiguration', A1004: 'misconfiguration',
    A1005: 'transient', A1006: 'misconfiguration', A1007: 'final', A1008: 'final', A1009: 'transient',
    A1010: 'misconfiguration', A1011: 'misconfiguration', A1099: 'transient', A1234: 'final',
  })
  t.same(Object.keys(SF_API_CODES.codes).sort(), ['A1001', 'A1002', 'A1003', 'A1004', 'A1005', 'A1006', 'A1007', 'A1008', 'A1009', 'A1010', 'A1011', 'A1099'], 'every documented code is in the table')
  const limited = fromCode(SF_API_CODES, 'A1005', '流量受控')
  t.match(limited, { retryable: true, outcome: 'transient', code: 'A1005', answered: true, message: 'A1005: 流量受控' }, '流量受控 is retried')
  t.match(fromCode(SF_API_CODES, 'A1009', ''), { retryable: true, message: 'A1009: 目标服务异常或不可达' }, 'the table says it when SF does not')
  t.match(fromCode(SF_API_CODES, 'A1006', '数字签名无效'), { retryable: false, outcome: 'misconfiguration' })
})

t.test('SF 业务异常代码 (apiResultData.errorCode)', async (t) => {
  const final = ['1010', '1011', '1012', '1014', '1015', '1016', '1020', '1023', '1028', '1038', '6127', '6128', '6130', '6138', '6139',
    '6200', '6201', '6202', '6203', '6204', '6205', '6206', '6207', '8016', '8067', '8117', '8194', '8196', '8247', '8051', '8052', '8053',
    '20011', '20012', '20035', '6135', '6150', '8017', '8018', '8019', '8037', '8252', '8253', '20052']
  const misconfiguration = ['6126', '8027', '8057', '8114', '8119', '8179', '8256', '20036']
  const transient = ['8177', '8096', '4001']
  check(t, SF_BUSINESS_CODES, {
    ...Object.fromEntries(final.map((c) => [c, 'final'])),
    ...Object.fromEntries(misconfiguration.map((c) => [c, 'misconfiguration'])),
    ...Object.fromEntries(transient.map((c) => [c, 'transient'])),
    99999: 'final',
  })
  t.same(Object.keys(SF_BUSINESS_CODES.codes).sort(), [...final, ...misconfiguration, ...transient].sort(), 'no code left untested')
  for (const [code, v] of Object.entries(SF_BUSINESS_CODES.codes)) t.match(v.reason, /[\u4e00-\u9fff]/, `${code} has a Chinese reason`)
})

t.test('SF 筛单结果 (filterResult)', async (t) => {
  t.same(sfFilterVerdict({ filterResult: 2 }), { kind: 'ok' }, '2 可收派')
  t.same(sfFilterVerdict({ filterResult: '2' }), { kind: 'ok' }, 'a string (订单结果查询 answers "2")')
  t.same(sfFilterVerdict({}), { kind: 'ok' }, 'absent: no 筛单 on the account')
  t.same(sfFilterVerdict({ filterResult: 1 }), { kind: 'manual' }, '1 人工确认')
  t.same(sfFilterVerdict({ filterResult: 3, remark: '1' }), { kind: 'refused', reason: '顺丰不可以收派（收方超范围）' })
  t.same(sfFilterVerdict({ filterResult: 3, remark: '2' }), { kind: 'refused', reason: '顺丰不可以收派（派方超范围）' })
  t.same(sfFilterVerdict({ filterResult: '3', remark: '3：其它原因' }), { kind: 'refused', reason: '顺丰不可以收派（其它原因）' })
  t.same(sfFilterVerdict({ filterResult: 3, remark: '' }), { kind: 'refused', reason: '顺丰不可以收派' })
  t.same(sfFilterVerdict({ filterResult: 3, remark: '9：偏远地区暂停收派' }), { kind: 'refused', reason: '顺丰不可以收派（偏远地区暂停收派）' }, 'an unknown reason code keeps SF\'s words')
  t.match(sfFilterVerdict({ filterResult: 4 }), { kind: 'refused', reason: /无法确定能否收派该地址，请核对收件地址/ }, '4 无法确定')
})

t.test('Kuaidi100 返回码', async (t) => {
  check(t, KUAIDI100_CODES, {
    400: 'final', 500: 'transient', 501: 'transient', 502: 'transient', 503: 'misconfiguration',
    600: 'misconfiguration', 601: 'misconfiguration', 700: 'misconfiguration', 30002: 'final', 0: 'final',
  })
  t.same(Object.keys(KUAIDI100_CODES.codes).sort(), ['400', '500', '503', '600', '601', '700'])
  const sign = fromCode(KUAIDI100_CODES, 503, '签名认证失败')
  t.match(sign, { retryable: false, outcome: 'misconfiguration', code: '503', message: '503: 签名认证失败' }, '签名认证失败 is not retried like a 5xx')
  t.match(fromCode(KUAIDI100_CODES, 500, '服务器错误'), { retryable: true })
})
