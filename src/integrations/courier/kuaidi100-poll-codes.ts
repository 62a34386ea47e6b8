// Kuaidi100 subscription (订阅, poll.kuaidi100.com/poll) returnCode values. The answer comes
// with HTTP 200 and the code in the body: a 5xx code here is not an HTTP status, and `503`
// (签名认证失败) is a refusal that no retry fixes.
// Sources: the 订阅 document (https://apifox.com/apidoc/project-514987/api-8567477, "快递订阅查询快递api
// 接口技术文档") and Kuaidi100's own 订阅推送 guide republished at
// https://cloud.tencent.com/developer/article/1828132 (200, 500, 501, 600, 601, 700, 701, 702).
import type { CodeTable } from '../errors.js'

/** 200 提交成功 and 501 重复订阅 (already subscribed and still polling) are both a subscription in place. */
export const KUAIDI100_POLL_OK = ['200', '501'] as const

export const KUAIDI100_POLL_CODES: CodeTable = {
  codes: {
    // 服务器错误: a pause or temporary fault on Kuaidi100's side.
    500: { outcome: 'transient', reason: '快递100服务器错误' },
    // 服务器繁忙 / 服务暂不可用.
    502: { outcome: 'transient', reason: '快递100服务器繁忙' },
    // 签名认证失败: the key or salt as sent is refused; retrying the same request cannot pass.
    503: { outcome: 'misconfiguration', reason: '快递100签名认证失败：请检查授权 key 与 salt' },
    // 您不是合法的订阅者 (授权 key 错误).
    600: { outcome: 'misconfiguration', reason: '快递100授权 key 不正确' },
    // KEY已过期 / 余额不足.
    601: { outcome: 'misconfiguration', reason: '快递100授权 key 已过期或余额不足' },
    // 订阅数据有误 (不支持的快递公司、单号为空或超长、回调地址错误).
    700: { outcome: 'final', reason: '快递100订阅参数有误（快递公司、单号或回调地址）' },
    // 拒绝订阅的快递公司.
    701: { outcome: 'final', reason: '快递100不接受该快递公司的订阅' },
    // 识别不到该单号对应的快递公司.
    702: { outcome: 'final', reason: '快递100识别不到该单号对应的快递公司' },
  },
  fallback: 'final',
}
