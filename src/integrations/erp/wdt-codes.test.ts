// The Wangdiantong code tables, code by code: what retrying can do about each answer.
import t from 'tap'
import { lookupCode } from '../errors.js'
import { WDT_CLASSIC_CODES, WDT_CLASSIC_MESSAGES, wdtClassicError } from './wdt-classic-codes.js'
import { WDT_QJB_CODES, WDT_QJB_MESSAGES, wdtQjbError } from './wdt-qjb-codes.js'

t.test('classic: every code of the table', async (t) => {
  const expected = { 99: 'final', 1020: 'final', 2310: 'misconfiguration' }
  t.same(Object.keys(WDT_CLASSIC_CODES.codes).sort(), Object.keys(expected).sort(), 'the table holds exactly the documented codes')
  for (const [code, outcome] of Object.entries(expected)) {
    t.equal(lookupCode(WDT_CLASSIC_CODES, code).outcome, outcome, `code ${code}`)
    const e = wdtClassicError(Number(code), '文档中的原因')
    t.equal(e.outcome, outcome, `code ${code} as an error`)
    t.equal(e.retryable, outcome === 'transient')
    t.equal(e.answered, true)
    t.equal(e.message, `${code}: 文档中的原因`, 'the vendor\'s own code and words')
  }
  // The documented example of 2310 keeps its outcome whatever the words.
  t.equal(wdtClassicError(2310, '店铺编号在系统中不存在或已停用，请检查shop_id是否正确').outcome, 'misconfiguration')
})

t.test('classic: a code outside the table is read by its words, else final', async (t) => {
  t.equal(WDT_CLASSIC_MESSAGES.length, 2)
  const cases: Array<[string, string]> = [
    ['超过每分钟最大调用频率限制，请稍后重试', 'transient'],
    ['超过每分钟最大并发次数限制', 'transient'],
    ['系统繁忙', 'transient'],
    ['请求超时', 'transient'],
    ['数据库错误', 'transient'],
    ['签名错误', 'misconfiguration'],
    ['appkey 无效', 'misconfiguration'],
    ['卖家账号不存在', 'misconfiguration'],
    ['权限不足', 'misconfiguration'],
    ['ip限制', 'misconfiguration'],
    ['店铺不存在', 'misconfiguration'],
    ['验证失败', 'misconfiguration'],
    ['buyer_nick 名字不能只用一个，不同客户必须用不同的名字', 'final'],
    ['', 'final'],
  ]
  for (const [message, outcome] of cases) {
    const e = wdtClassicError(1234, message)
    t.equal(e.outcome, outcome, message || '(no message)')
    t.equal(e.retryable, outcome === 'transient')
  }
  t.equal(wdtClassicError(1234, undefined).message, '1234: 旺店通未说明原因', 'no words: said so')
  t.equal(wdtClassicError(1234, '').message, '1234: 旺店通未说明原因')
  t.equal(wdtQjbError(4, '').message, '4: 旺店通数据库错误', '旗舰版 likewise, from its table')
  t.equal(wdtClassicError(2310, undefined).message, '2310: 店铺编号在旺店通中不存在或已停用，请检查 ERP 设置中的店铺编号', 'no words: the table\'s')
})

t.test('旗舰版: every status of 错误码说明', async (t) => {
  const expected: Record<string, string> = { 1: 'final', 2: 'final', 3: 'misconfiguration', 4: 'transient', 5: 'transient', 6: 'misconfiguration', 7: 'transient', 8: 'final', 99: 'transient', 100: 'final', 1064: 'transient' }
  t.same(Object.keys(WDT_QJB_CODES.codes).sort(), Object.keys(expected).sort())
  for (const [code, outcome] of Object.entries(expected)) {
    const e = wdtQjbError(Number(code), '某个原因')
    t.equal(e.outcome, outcome, `status ${code}`)
    t.equal(e.retryable, outcome === 'transient', `status ${code} retryable`)
    t.equal(e.code, code)
  }
  t.equal(wdtQjbError(12345, 'x').outcome, 'final', 'an unknown status is final')
})

t.test('旗舰版: 1 and 100 refined by the rows of the same page', async (t) => {
  t.equal(WDT_QJB_MESSAGES.length, 3)
  const cases: Array<[number, string, string]> = [
    [1, '验证失败', 'misconfiguration'],
    [1, 'sid is not exists', 'misconfiguration'],
    [1, 'sid is not found', 'misconfiguration'],
    [1, 'app auth fail', 'misconfiguration'],
    [1, '参数错误', 'final'],
    [1, 'invalid argument count', 'final'],
    [100, '超过每分钟最大调用频率限制，请稍后重试', 'transient'],
    [100, '超过每分钟最大并发次数限制，请稍后重试', 'transient'],
    [100, '店铺编号不存在或已停用', 'misconfiguration'],
    [100, '店铺平台不是自有平台', 'misconfiguration'],
    [100, '权限不足', 'misconfiguration'],
    [100, '无仓库访问权限', 'misconfiguration'],
    [100, '新建订单权限不足！', 'misconfiguration'],
    [100, '传入店铺编号全部错误', 'misconfiguration'],
    [100, '昵称/收件人姓名/收件人地址/买家留言包含非法字符或为空,原始单号为：1', 'final'],
    [100, '未找到符合条件的订单', 'final'],
    // The rules are per status: the words of 100 do not change 4.
    [4, '权限不足', 'transient'],
  ]
  for (const [status, message, outcome] of cases) t.equal(wdtQjbError(status, message).outcome, outcome, `${status} ${message}`)
})
