// Tencent Cloud SMS (2021-01-11) codes, for both the request's Response.Error.Code and each
// number's SendStatusSet[].Code ("Ok" is success): what retrying can do about each.
//  SMS codes: https://cloud.tencent.com/document/api/382/55981 (错误码) and
//  https://cloud.tencent.com/document/api/382/59177 (短信 API 3.0 发送错误码)
//  Common codes (AuthFailure.*, RequestLimitExceeded.*, InternalError): https://cloud.tencent.com/document/api/382/52075
//  Frequency limits (频率限制): https://cloud.tencent.com/document/product/382/13303
import type { CodeTable } from '../errors.js'

export const TENCENT_SMS_CODES: CodeTable = {
  codes: {
    // Timeouts and the platform's own trouble: the same text may go through later.
    InternalError: { outcome: 'transient', reason: '腾讯云内部错误，稍后重试' },
    'InternalError.Timeout': { outcome: 'transient', reason: '请求下发短信超时，稍后重试' },
    'InternalError.SendAndRecvFail': { outcome: 'transient', reason: '腾讯云接口超时或收发包失败，稍后重试' },
    'InternalError.ParseBackendResponseFail': { outcome: 'transient', reason: '腾讯云解析后端包失败，稍后重试' },
    'InternalError.JsonParseFail': { outcome: 'transient', reason: '腾讯云解析请求包体时内部错误，稍后重试' },
    ResourceUnavailable: { outcome: 'transient', reason: '腾讯云资源暂不可用，稍后重试' },
    RequestLimitExceeded: { outcome: 'transient', reason: '请求次数超过频率限制，稍后重试' },
    'RequestLimitExceeded.IPLimitExceeded': { outcome: 'transient', reason: 'IP 限频，稍后重试' },
    'RequestLimitExceeded.UinLimitExceeded': { outcome: 'transient', reason: '主账号限频，稍后重试' },
    'RequestLimitExceeded.GlobalRegionUinLimitExceeded': { outcome: 'transient', reason: '主账号超过频率限制，稍后重试' },
    // The 30 s window passes before the second retry (5 min).
    'LimitExceeded.PhoneNumberThirtySecondLimit': { outcome: 'transient', reason: '同一手机号 30 秒内发送条数超过上限，稍后重试' },

    // Internal codes that are not timeouts: retrying sends the same refused request.
    'InternalError.OtherError': { outcome: 'final', reason: '腾讯云其他错误' },
    'InternalError.RestApiInterfaceNotExist': { outcome: 'final', reason: '接口不存在' },
    'InternalError.RequestTimeException': { outcome: 'misconfiguration', reason: '服务器时间与腾讯云相差过大，请校准服务器时间' },
    'InternalError.SigVerificationFail': { outcome: 'misconfiguration', reason: '签名校验失败，请检查 SecretKey' },
    'InternalError.SigFieldMissing': { outcome: 'misconfiguration', reason: '签名校验失败' },

    // Every text fails until the merchant fixes the account, the signature or the template.
    'FailedOperation.SignatureIncorrectOrUnapproved': { outcome: 'misconfiguration', reason: '短信签名未审核通过或格式错误，请检查通知设置中的签名' },
    'FailedOperation.TemplateIncorrectOrUnapproved': { outcome: 'misconfiguration', reason: '短信模板未审核通过或内容不匹配，请检查模板编号' },
    'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': { outcome: 'misconfiguration', reason: '模板参数个数与审核通过的模板不一致，请检查模板参数设置' },
    'FailedOperation.MissingSignature': { outcome: 'misconfiguration', reason: '缺少短信签名，请在通知设置中填写' },
    'FailedOperation.MissingSignatureList': { outcome: 'misconfiguration', reason: '没有可用的短信签名' },
    'FailedOperation.InsufficientBalanceInSmsPackage': { outcome: 'misconfiguration', reason: '短信套餐包余量不足，请购买套餐包' },
    'FailedOperation.TemplateIdNotExist': { outcome: 'misconfiguration', reason: '模板编号不存在' },
    'InvalidParameterValue.SdkAppIdNotExist': { outcome: 'misconfiguration', reason: 'SdkAppId 不存在，请检查通知设置' },
    'InvalidParameterValue.TemplateWithDirtyWords': { outcome: 'misconfiguration', reason: '模板内容含敏感词' },
    'UnauthorizedOperation.RequestPermissionDeny': { outcome: 'misconfiguration', reason: '请求没有权限' },
    'UnauthorizedOperation.RequestIpNotInWhitelist': { outcome: 'misconfiguration', reason: '服务器 IP 不在腾讯云短信的白名单中' },
    'UnauthorizedOperation.SdkAppIdIsDisabled': { outcome: 'misconfiguration', reason: 'SdkAppId 已被禁用' },
    'UnauthorizedOperation.ServiceSuspendDueToArrears': { outcome: 'misconfiguration', reason: '腾讯云账户欠费停止服务，请充值' },
    'UnauthorizedOperation.SmsSdkAppIdVerifyFail': { outcome: 'misconfiguration', reason: 'SdkAppId 校验失败，请检查通知设置' },
    'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny': { outcome: 'misconfiguration', reason: '个人用户没有发营销短信的权限' },
    'LimitExceeded.DailyLimit': { outcome: 'misconfiguration', reason: '已达到腾讯云控制台设置的业务短信日下发上限' },
    'LimitExceeded.AppDailyLimit': { outcome: 'misconfiguration', reason: '已达到该应用的日下发上限' },
    'LimitExceeded.AppMainlandChinaDailyLimit': { outcome: 'misconfiguration', reason: '已达到该应用的国内短信日下发上限' },

    // This text is refused; the next one may go. The per-phone caps of an hour or a day would
    // send the text hours late, up to the next day (the retries span ~32 h): final.
    'LimitExceeded.PhoneNumberOneHourLimit': { outcome: 'final', reason: '同一手机号 1 小时内发送条数超过上限，本条不再发送' },
    'LimitExceeded.PhoneNumberDailyLimit': { outcome: 'final', reason: '同一手机号当日发送条数超过上限，本条不再发送' },
    'LimitExceeded.PhoneNumberSameContentDailyLimit': { outcome: 'final', reason: '同一手机号当日相同内容超过上限，本条不再发送' },
    'LimitExceeded.DeliveryFrequencyLimit': { outcome: 'final', reason: '命中腾讯云控制台的频率限制策略，本条不再发送' },
    'LimitExceeded.PhoneNumberCountLimit': { outcome: 'final', reason: '单次提交的手机号超过 200 个' },
    'FailedOperation.PhoneNumberInBlacklist': { outcome: 'final', reason: '手机号在免打扰名单中（用户退订或运营商名单）' },
    'FailedOperation.ContainSensitiveWord': { outcome: 'final', reason: '短信内容含敏感词' },
    'FailedOperation.MarketingSendTimeConstraint': { outcome: 'final', reason: '营销短信只能在 8 点至 22 点发送' },
    'FailedOperation.FailResolvePacket': { outcome: 'final', reason: '请求包解析失败' },
    'FailedOperation.JsonParseFail': { outcome: 'final', reason: '请求包体解析失败' },
    'InvalidParameterValue.IncorrectPhoneNumber': { outcome: 'final', reason: '手机号码格式不正确' },
    'InvalidParameterValue.ContentLengthLimit': { outcome: 'final', reason: '短信内容过长' },
    'InvalidParameterValue.TemplateParameterFormatError': { outcome: 'final', reason: '验证码模板参数格式错误' },
    'InvalidParameterValue.TemplateParameterLengthLimit': { outcome: 'final', reason: '单个模板变量超出长度限制' },
    'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': { outcome: 'final', reason: '模板变量中不能使用网址' },
    'UnsupportedOperation.UnsupportedRegion': { outcome: 'final', reason: '不支持该地区的短信' },
    'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': { outcome: 'final', reason: '同一次请求里既有境内号码又有境外号码' },
  },
  patterns: [
    // Any other timeout-like internal code and any other request-rate limit.
    [/^InternalError\./, { outcome: 'transient', reason: '腾讯云内部错误，稍后重试' }],
    [/^RequestLimitExceeded\./, { outcome: 'transient', reason: '请求次数超过频率限制，稍后重试' }],
    // Wrong SecretId / SecretKey, expired signature, no CAM permission.
    [/^AuthFailure(\.|$)/, { outcome: 'misconfiguration', reason: '腾讯云鉴权失败，请检查 SecretId 和 SecretKey' }],
    [/^UnauthorizedOperation(\.|$)/, { outcome: 'misconfiguration', reason: '腾讯云拒绝了该操作（权限不足）' }],
  ],
  fallback: 'final',
}
