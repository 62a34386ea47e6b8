// Wangdiantong classic (企业版 openapi2) answer codes: `code` 0 is success, anything else a
// refusal. WDT publishes no table of classic codes (its 错误码说明 page covers 旗舰版 only), so the
// table holds the codes its API documents show, and the rest is read from the words of the
// `message`, which is how the documents explain each refusal:
// - 2310 "店铺编号在系统中不存在或已停用" (api_goods_stock_change_query, 异常响应示例):
//   https://open.wangdian.cn/Y/open/apidoc/doc?path=api_goods_stock_change_query_Y
// - 1020 "请勿重复操作" (sales_trade_batch_change, 异常响应示例):
//   https://open.wangdian.cn/Y/open/apidoc/doc?path=sales_trade_batch_change_Y
// - 99 "buyer_nick 名字不能只用一个…" (trade_push, 异常响应示例): a refusal of this trade.
//   https://open.wangdian.cn/qyb/open/apidoc/doc?path=trade_push.php
// The message words follow the 旗舰版 table of the same vendor (超过每分钟最大调用频率限制 →
// wait 5–10 minutes; 数据库错误; 验证失败/签名; 权限不足; ip限制):
//   https://open.wangdian.cn/qjb/open/guide?path=qjbguide_cwmsm
import { fromCode, type CodeTable, type IntegrationError, type VendorCode } from '../errors.js'

export const WDT_CLASSIC_CODES: CodeTable = {
  codes: {
    99: { outcome: 'final', reason: '旺店通拒绝了这笔订单' },
    1020: { outcome: 'final', reason: '请勿重复操作' },
    2310: { outcome: 'misconfiguration', reason: '店铺编号在旺店通中不存在或已停用，请检查 ERP 设置中的店铺编号' },
  },
  fallback: 'final',
}

/** For a code not in the table: what the message says, checked in order. */
export const WDT_CLASSIC_MESSAGES: ReadonlyArray<readonly [RegExp, VendorCode]> = [
  // Throttling and the ERP's own trouble: the same call succeeds later.
  [/频率|并发|繁忙|超时|稍后|timeout|busy|数据库|database/i, { outcome: 'transient' }],
  // The connection's settings: every call fails until the merchant fixes them.
  [/签名|sign|appkey|appsecret|卖家账号|\bsid\b|权限|授权|白名单|\bip\b|店铺.*(不存在|停用)|验证失败/i, { outcome: 'misconfiguration' }],
]

/** The classic API answered `code` / `message` (code ≠ 0): the error its table or its words say. */
export function wdtClassicError (code: unknown, message: unknown): IntegrationError {
  const key = String(code ?? '')
  const text = String(message ?? '')
  if (!WDT_CLASSIC_CODES.codes[key]) {
    const rule = WDT_CLASSIC_MESSAGES.find(([re]) => re.test(text))
    if (rule) return fromCode({ codes: { [key]: rule[1] } }, key, message)
  }
  // No words and none in the table: say so rather than print nothing.
  const said = message === undefined || message === null || message === '' ? (WDT_CLASSIC_CODES.codes[key] ? null : '旺店通未说明原因') : message
  return fromCode(WDT_CLASSIC_CODES, key, said)
}
