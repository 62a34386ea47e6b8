// The SMS vendors' code tables, code by code: what the outbox does with each answer.
import t from 'tap'
import { ALIYUN_SMS_CODES, aliyunSmsError } from './aliyun-codes.js'
import { TENCENT_SMS_CODES } from './tencent-codes.js'
import { fromCode, lookupCode, type Outcome } from '../errors.js'

const ALIYUN: Record<string, Outcome> = {
  'isp.SYSTEM_ERROR': 'transient', 'isp.GATEWAY_ERROR': 'transient', ServiceUnavailable: 'transient', InternalError: 'transient', SignatureNonceUsed: 'transient',
  // As the SDK: any code containing Throttling.
  Throttling: 'transient', 'Throttling.Api': 'transient', 'Throttling.User': 'transient', 'Throttling.Tps': 'transient', 'Request.Throttling': 'transient',
  'isv.BUSINESS_LIMIT_CONTROL': 'final',
  'isv.SMS_SIGNATURE_ILLEGAL': 'misconfiguration', 'isv.SMS_SIGN_ILLEGAL': 'misconfiguration', 'isv.SMS_TEMPLATE_ILLEGAL': 'misconfiguration',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': 'misconfiguration', 'isv.TEMPLATE_MISSING_PARAMETERS': 'misconfiguration', 'isv.SMS_TEST_SIGN_TEMPLATE_LIMIT': 'misconfiguration',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': 'misconfiguration', 'isv.EXTEND_CODE_ERROR': 'misconfiguration', 'isv.DENY_IP_RANGE': 'misconfiguration',
  'isv.DAY_LIMIT_CONTROL': 'misconfiguration', 'isv.MONTH_LIMIT_CONTROL': 'misconfiguration', 'isp.RAM_PERMISSION_DENY': 'misconfiguration',
  'isv.OUT_OF_SERVICE': 'misconfiguration', 'isv.AMOUNT_NOT_ENOUGH': 'misconfiguration', 'isv.PRODUCT_UN_SUBSCRIPT': 'misconfiguration',
  'isv.PRODUCT_UNSUBSCRIBE': 'misconfiguration', 'isv.ACCOUNT_NOT_EXISTS': 'misconfiguration', 'isv.ACCOUNT_ABNORMAL': 'misconfiguration',
  'isv.SECURITY_FROZEN_ACCOUNT': 'misconfiguration', 'InvalidAccessKeyId.NotFound': 'misconfiguration', 'InvalidAccessKeyId.Inactive': 'misconfiguration',
  SignatureDoesNotMatch: 'misconfiguration', IncompleteSignature: 'misconfiguration', 'Forbidden.RAM': 'misconfiguration',
  'Forbidden.AccessKeyDisabled': 'misconfiguration', 'InvalidTimeStamp.Expired': 'misconfiguration',
  'isv.MOBILE_NUMBER_ILLEGAL': 'final', 'isv.MOBILE_COUNT_OVER_LIMIT': 'final', 'isv.INVALID_PARAMETERS': 'final', 'isv.INVALID_JSON_PARAM': 'final',
  'isv.BLACK_KEY_CONTROL_LIMIT': 'final', 'isv.PARAM_LENGTH_LIMIT': 'final', 'isv.PARAM_NOT_SUPPORT_URL': 'final', 'isv.SMS_CONTENT_ILLEGAL': 'final',
  'isv.SOMETHING_NEW': 'final',
}

const TENCENT: Record<string, Outcome> = {
  InternalError: 'transient', 'InternalError.Timeout': 'transient', 'InternalError.SendAndRecvFail': 'transient', 'InternalError.ParseBackendResponseFail': 'transient',
  'InternalError.JsonParseFail': 'transient', 'InternalError.SomeNewTimeout': 'transient', ResourceUnavailable: 'transient',
  RequestLimitExceeded: 'transient', 'RequestLimitExceeded.IPLimitExceeded': 'transient', 'RequestLimitExceeded.UinLimitExceeded': 'transient',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': 'transient', 'LimitExceeded.PhoneNumberThirtySecondLimit': 'transient',
  'InternalError.OtherError': 'final', 'InternalError.RestApiInterfaceNotExist': 'final', 'InternalError.RequestTimeException': 'misconfiguration',
  'InternalError.SigVerificationFail': 'misconfiguration', 'InternalError.SigFieldMissing': 'misconfiguration',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'misconfiguration', 'FailedOperation.TemplateIncorrectOrUnapproved': 'misconfiguration',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'misconfiguration', 'FailedOperation.MissingSignature': 'misconfiguration',
  'FailedOperation.MissingSignatureList': 'misconfiguration', 'FailedOperation.InsufficientBalanceInSmsPackage': 'misconfiguration',
  'FailedOperation.TemplateIdNotExist': 'misconfiguration', 'InvalidParameterValue.SdkAppIdNotExist': 'misconfiguration',
  'InvalidParameterValue.TemplateWithDirtyWords': 'misconfiguration', 'UnauthorizedOperation.RequestPermissionDeny': 'misconfiguration',
  'UnauthorizedOperation.RequestIpNotInWhitelist': 'misconfiguration', 'UnauthorizedOperation.SdkAppIdIsDisabled': 'misconfiguration',
  'UnauthorizedOperation.ServiceSuspendDueToArrears': 'misconfiguration', 'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'misconfiguration',
  'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny': 'misconfiguration', 'UnauthorizedOperation.Other': 'misconfiguration',
  'LimitExceeded.DailyLimit': 'misconfiguration', 'LimitExceeded.AppDailyLimit': 'misconfiguration', 'LimitExceeded.AppMainlandChinaDailyLimit': 'misconfiguration',
  'AuthFailure.SignatureFailure': 'misconfiguration', 'AuthFailure.SignatureExpire': 'misconfiguration', 'AuthFailure.SecretIdNotFound': 'misconfiguration',
  'AuthFailure.UnauthorizedOperation': 'misconfiguration', AuthFailure: 'misconfiguration',
  'LimitExceeded.PhoneNumberOneHourLimit': 'final', 'LimitExceeded.PhoneNumberDailyLimit': 'final', 'LimitExceeded.PhoneNumberSameContentDailyLimit': 'final',
  'LimitExceeded.DeliveryFrequencyLimit': 'final', 'LimitExceeded.PhoneNumberCountLimit': 'final', 'FailedOperation.PhoneNumberInBlacklist': 'final',
  'FailedOperation.ContainSensitiveWord': 'final', 'FailedOperation.MarketingSendTimeConstraint': 'final', 'FailedOperation.FailResolvePacket': 'final',
  'FailedOperation.JsonParseFail': 'final', 'InvalidParameterValue.IncorrectPhoneNumber': 'final', 'InvalidParameterValue.ContentLengthLimit': 'final',
  'InvalidParameterValue.TemplateParameterFormatError': 'final', 'InvalidParameterValue.TemplateParameterLengthLimit': 'final',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'final', 'UnsupportedOperation.UnsupportedRegion': 'final',
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': 'final', 'FailedOperation.SomethingNew': 'final',
}

t.test('Aliyun: every code of the table, as its documents class it', async (t) => {
  for (const code of Object.keys(ALIYUN_SMS_CODES.codes)) t.ok(code in ALIYUN, `${code} is checked below`)
  for (const [code, outcome] of Object.entries(ALIYUN)) {
    t.equal(lookupCode(ALIYUN_SMS_CODES, code).outcome, outcome, code)
    const e = aliyunSmsError(code, '')
    t.equal(e.outcome, outcome, `${code}: the error`)
    t.equal(e.retryable, outcome === 'transient', `${code}: retried only when transient`)
    t.equal(e.code, code)
    t.ok(e.answered)
  }
})

t.test('Aliyun isv.BUSINESS_LIMIT_CONTROL: the minute limit is retried, the hour and day limits are not', async (t) => {
  const minute = aliyunSmsError('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1')
  t.equal(minute.outcome, 'transient')
  t.equal(minute.message, 'isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控Permits:1')
  t.equal(aliyunSmsError('isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5').outcome, 'final')
  const day = aliyunSmsError('isv.BUSINESS_LIMIT_CONTROL', '触发天级流控Permits:10')
  t.equal(day.outcome, 'final', 'a text the next day is stale')
  t.equal(day.retryable, false)
  t.equal(aliyunSmsError('isv.BUSINESS_LIMIT_CONTROL', null).message, 'isv.BUSINESS_LIMIT_CONTROL: 触发阿里云对同一手机号的发送频率限制（小时级或天级流控），本条不再发送', 'no message: the table\'s reason')
})

t.test('Tencent: every code of the table, request-level or per number', async (t) => {
  for (const code of Object.keys(TENCENT_SMS_CODES.codes)) t.ok(code in TENCENT, `${code} is checked below`)
  for (const [code, outcome] of Object.entries(TENCENT)) {
    t.equal(lookupCode(TENCENT_SMS_CODES, code).outcome, outcome, code)
    const e = fromCode(TENCENT_SMS_CODES, code, 'msg')
    t.equal(e.retryable, outcome === 'transient', `${code}: retried only when transient`)
  }
})
