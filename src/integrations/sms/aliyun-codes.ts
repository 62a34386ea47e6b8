// Aliyun SMS (Dysmsapi) answer codes: what retrying can do about each.
//  API错误码: https://help.aliyun.com/document_detail/101346.html (the isv.* / isp.* codes)
//  OpenAPI common errors (InvalidAccessKeyId.*, SignatureDoesNotMatch, Throttling*): the POP
//  gateway's codes, https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
//  Throttling: Aliyun's SDK treats every code containing `Throttling` as throttling (as issue 16
//  found by pointing the SDK and this adapter at one capture server), so `Throttling`,
//  `Throttling.Api`, `Throttling.User` and any other `…Throttling…` are transient.
//  Limits (发送频率限制): https://help.aliyun.com/document_detail/2881383.html
import { fromCode, type CodeTable, type IntegrationError } from '../errors.js'

export const ALIYUN_SMS_CODES: CodeTable = {
  codes: {
    // Worth another try later: the platform's own trouble.
    'isp.SYSTEM_ERROR': { outcome: 'transient', reason: '阿里云短信系统错误，稍后重试' },
    'isp.GATEWAY_ERROR': { outcome: 'transient', reason: '阿里云短信网关错误，稍后重试' },
    ServiceUnavailable: { outcome: 'transient', reason: '阿里云短信服务暂不可用，稍后重试' },
    InternalError: { outcome: 'transient', reason: '阿里云内部错误，稍后重试' },
    // Each try carries a new nonce.
    SignatureNonceUsed: { outcome: 'transient', reason: '请求随机数重复，重试时会换新' },

    // isv.BUSINESS_LIMIT_CONTROL is one code for the minute, hour and day limits of one phone
    // (its message says which: 触发分钟级流控 / 触发小时级流控 / 触发天级流控). See
    // aliyunSmsError: only the minute one is retried; the rest are final here.
    'isv.BUSINESS_LIMIT_CONTROL': { outcome: 'final', reason: '触发阿里云对同一手机号的发送频率限制（小时级或天级流控），本条不再发送' },

    // Every text fails until the merchant fixes the account, the signature or the template.
    'isv.SMS_SIGNATURE_ILLEGAL': { outcome: 'misconfiguration', reason: '短信签名不合法（不存在或未审核通过），请检查通知设置中的签名' },
    'isv.SMS_SIGN_ILLEGAL': { outcome: 'misconfiguration', reason: '短信签名禁止使用，请在阿里云申请合规的签名' },
    'isv.SMS_TEMPLATE_ILLEGAL': { outcome: 'misconfiguration', reason: '短信模板不合法（不存在或未审核通过），请检查模板编号' },
    'isv.SMS_SIGNATURE_SCENE_ILLEGAL': { outcome: 'misconfiguration', reason: '签名和模板类型不一致（验证码签名只能发验证码模板）' },
    'isv.TEMPLATE_MISSING_PARAMETERS': { outcome: 'misconfiguration', reason: '模板缺少变量，请检查模板参数设置' },
    'isv.SMS_TEST_SIGN_TEMPLATE_LIMIT': { outcome: 'misconfiguration', reason: '测试签名和模板只能发给已绑定的测试手机号' },
    'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': { outcome: 'misconfiguration', reason: '国际/港澳台模板不能发往境内号码，请换用国内模板' },
    'isv.EXTEND_CODE_ERROR': { outcome: 'misconfiguration', reason: '扩展码使用错误' },
    'isv.DENY_IP_RANGE': { outcome: 'misconfiguration', reason: '服务器所在地区被阿里云禁止发送国内短信' },
    'isv.DAY_LIMIT_CONTROL': { outcome: 'misconfiguration', reason: '已达到阿里云控制台设置的日发送量限额' },
    'isv.MONTH_LIMIT_CONTROL': { outcome: 'misconfiguration', reason: '已达到阿里云控制台设置的月发送量限额' },
    'isp.RAM_PERMISSION_DENY': { outcome: 'misconfiguration', reason: 'AccessKey 没有短信权限（需授予 AliyunDysmsFullAccess）' },
    'isv.OUT_OF_SERVICE': { outcome: 'misconfiguration', reason: '阿里云账户余额不足，短信业务停机，请充值' },
    'isv.AMOUNT_NOT_ENOUGH': { outcome: 'misconfiguration', reason: '阿里云账户余额不足，请充值' },
    'isv.PRODUCT_UN_SUBSCRIPT': { outcome: 'misconfiguration', reason: '该 AccessKey 所属账号未开通云通信服务' },
    'isv.PRODUCT_UNSUBSCRIBE': { outcome: 'misconfiguration', reason: '该 AccessKey 所属账号未开通短信服务' },
    'isv.ACCOUNT_NOT_EXISTS': { outcome: 'misconfiguration', reason: '阿里云账户不存在，请检查 AccessKey' },
    'isv.ACCOUNT_ABNORMAL': { outcome: 'misconfiguration', reason: '阿里云账户异常，请检查是否欠费' },
    'isv.SECURITY_FROZEN_ACCOUNT': { outcome: 'misconfiguration', reason: '阿里云账户已被冻结' },
    'InvalidAccessKeyId.NotFound': { outcome: 'misconfiguration', reason: 'AccessKey ID 不存在，请检查通知设置' },
    'InvalidAccessKeyId.Inactive': { outcome: 'misconfiguration', reason: 'AccessKey 已被禁用' },
    SignatureDoesNotMatch: { outcome: 'misconfiguration', reason: '签名校验失败，请检查 AccessKey Secret' },
    IncompleteSignature: { outcome: 'misconfiguration', reason: '签名校验失败，请检查 AccessKey Secret' },
    'Forbidden.RAM': { outcome: 'misconfiguration', reason: 'AccessKey 没有短信权限' },
    'Forbidden.AccessKeyDisabled': { outcome: 'misconfiguration', reason: 'AccessKey 已被禁用' },
    // The server's clock is off by more than Aliyun allows: the operator's to fix.
    'InvalidTimeStamp.Expired': { outcome: 'misconfiguration', reason: '服务器时间与阿里云相差过大，请校准服务器时间' },

    // This text is refused; the next one may go.
    'isv.MOBILE_NUMBER_ILLEGAL': { outcome: 'final', reason: '手机号码格式不正确' },
    'isv.MOBILE_COUNT_OVER_LIMIT': { outcome: 'final', reason: '手机号码数量超过限制' },
    'isv.INVALID_PARAMETERS': { outcome: 'final', reason: '参数异常' },
    'isv.INVALID_JSON_PARAM': { outcome: 'final', reason: '模板参数格式不正确（只接受字符串值）' },
    'isv.BLACK_KEY_CONTROL_LIMIT': { outcome: 'final', reason: '短信内容命中黑名单关键字' },
    'isv.PARAM_LENGTH_LIMIT': { outcome: 'final', reason: '模板变量超出长度限制' },
    'isv.PARAM_NOT_SUPPORT_URL': { outcome: 'final', reason: '模板变量不支持网址' },
    'isv.SMS_CONTENT_ILLEGAL': { outcome: 'final', reason: '短信内容包含禁止发送的内容' },
  },
  patterns: [[/Throttling/, { outcome: 'transient', reason: '阿里云接口限流，稍后重试' }]],
  fallback: 'final',
}

/**
 * isv.BUSINESS_LIMIT_CONTROL's minute limit (触发分钟级流控, e.g. "Permits:1") clears within a
 * minute: retried (the outbox's next tries are 5 s and 5 min later). Its hour and day limits
 * would hold the text back for hours, up to the next day (the retries span ~32 h), and a pickup
 * notice that arrives the next day is stale: final. Each retry asks again, so a minute limit
 * that turns into a day limit becomes final then.
 */
export function aliyunSmsError (code: string | null | undefined, message: unknown): IntegrationError {
  if (code === 'isv.BUSINESS_LIMIT_CONTROL' && /分钟级|minute/i.test(String(message ?? ''))) {
    return fromCode({ codes: { [code]: { outcome: 'transient' } } }, code, message)
  }
  return fromCode(ALIYUN_SMS_CODES, code, message)
}

/** QuerySendDetails' SendStatus: 1 waiting for the receipt, 2 failed, 3 delivered. */
export const ALIYUN_SEND_STATUS = { waiting: 1, failed: 2, delivered: 3 } as const
