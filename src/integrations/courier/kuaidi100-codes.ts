// Kuaidi100 (快递100) codes of the signed e-waybill endpoint (label/order: order, cancel, time).
//
// Source: 信息代码含义 of Kuaidi100's e-waybill and print documents, which share one table:
// https://api.kuaidi100.com/document/dianzimiandanV2 (电子面单下单接口) and
// https://api.kuaidi100.com/document/5f0ff6adbc8da837cbd8aef8 (电子面单打印接口):
// 200 提交成功, 400 参数错误, 500 服务器错误, 503 签名认证失败, 600 您不是合法的用户（即授权Key出错）,
// 601 KEY已过期 (账号无可用单量，需要充值), 700 错误的回调地址.
// 503 is not an HTTP 5xx: it is the sign check, so retrying it only repeats the refusal.
// The courier's own refusals (余额不足, 账号不对, 地址超区 …) come back with other codes and
// Kuaidi100's message, and are final for that order.
import type { CodeTable } from '../errors.js'

export const KUAIDI100_CODES: CodeTable = {
  codes: {
    400: { outcome: 'final', reason: '参数错误' },
    // "快递100的服务器出现间歇或临时性异常" (sometimes also a malformed request; the schedule ends it).
    500: { outcome: 'transient', reason: '服务器错误' },
    503: { outcome: 'misconfiguration', reason: '签名认证失败：请检查授权 key 和 secret' },
    600: { outcome: 'misconfiguration', reason: '您不是合法的用户（授权 key 出错）' },
    601: { outcome: 'misconfiguration', reason: 'KEY已过期或账号无可用单量，请在快递100充值' },
    700: { outcome: 'misconfiguration', reason: '错误的回调地址' },
  },
  // Other server-side 5xx codes (501, 502 …: not in the table) are the service failing, not a refusal.
  patterns: [[/^5\d\d$/, { outcome: 'transient', reason: '快递100服务异常' }]],
  fallback: 'final',
}
