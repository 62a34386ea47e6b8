// Wangdiantong 旗舰版 answer `status` codes, from its 错误码说明:
//   https://open.wangdian.cn/qjb/open/guide?path=qjbguide_cwmsm
// 1 and 100 carry many meanings told apart by the message (the same page lists them one by one),
// so those two are refined by the message's words first.
import { fromCode, type CodeTable, type IntegrationError, type VendorCode } from '../errors.js'

export const WDT_QJB_CODES: CodeTable = {
  codes: {
    // 1: 参数错误 / invalid argument count / argument type mismatch — our request is refused.
    1: { outcome: 'final', reason: '参数错误' },
    // 2: a named parameter is not one the method takes.
    2: { outcome: 'final', reason: '参数不符合接口要求' },
    // 3: 需要动态口令 — the account has a one-time password set; the merchant must remove it.
    3: { outcome: 'misconfiguration', reason: '旺店通账号设置了动态口令，请取消后再试' },
    // 4, 5: 数据库错误 on WDT's side.
    4: { outcome: 'transient', reason: '旺店通数据库错误' },
    5: { outcome: 'transient', reason: '旺店通数据库错误' },
    // 6: ip限制 — the IP allow-list does not hold our address.
    6: { outcome: 'misconfiguration', reason: '旺店通设置了 IP 白名单，本平台的地址不在其中' },
    // 7: 时间戳错误 (more than 120 s off): the next attempt carries a new timestamp.
    7: { outcome: 'transient', reason: '时间戳错误' },
    // 8: 版本错误 — the `v` we send.
    8: { outcome: 'final', reason: '接口版本错误' },
    // 99: 其他错误 (contact WDT): not a refusal of this request.
    99: { outcome: 'transient', reason: '旺店通其他错误' },
    // 100: 应用错误 — refused for a reason in the message.
    100: { outcome: 'final', reason: '旺店通应用错误' },
    // 1064 "Unknown Database Error": the error example of sales.StockSync.syncSuccess
    // (https://open.wangdian.cn/qjb/open/apidoc/doc?path=sales.StockSync.syncSuccess).
    1064: { outcome: 'transient', reason: 'Unknown Database Error' },
  },
  fallback: 'final',
}

/** Refinements of 1 and 100 by their message, from the same page's rows. */
export const WDT_QJB_MESSAGES: ReadonlyArray<readonly [number, RegExp, VendorCode]> = [
  // 1 验证失败 (appkey/appsecret), sid is not exists / not found, app auth fail.
  [1, /验证失败|sid is not (exists|found)|app auth fail/i, { outcome: 'misconfiguration' }],
  // 100 超过每分钟最大调用频率限制 / 最大并发次数限制: wait 5–10 minutes.
  [100, /频率|并发/, { outcome: 'transient' }],
  // 100 店铺编号不存在或已停用, 店铺平台不是自有平台, 权限不足, 无仓库访问权限, 新建订单权限不足, 传入店铺编号全部错误.
  [100, /店铺编号不存在|已停用|不是自有平台|权限|店铺编号全部错误/, { outcome: 'misconfiguration' }],
]

/** The 旗舰版 answered `status` ≠ 0 with `message`: the error its table says. */
export function wdtQjbError (status: unknown, message: unknown): IntegrationError {
  const key = String(status ?? '')
  const rule = WDT_QJB_MESSAGES.find(([s, re]) => String(s) === key && re.test(String(message ?? '')))
  if (rule) return fromCode({ codes: { [key]: rule[2] } }, key, message)
  // No words and none in the table: say so rather than print nothing.
  const said = message === undefined || message === null || message === '' ? (WDT_QJB_CODES.codes[key] ? null : '旺店通未说明原因') : message
  return fromCode(WDT_QJB_CODES, key, said)
}
