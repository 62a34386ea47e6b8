import { appError } from '../../shared/errors.js'

export const merchantNotFound = appError('merchant_not_found', 404, '商户不存在')
export const merchantCodeTaken = appError('merchant_code_taken', 409, '商户代码已存在')
export const timezoneInvalid = appError('timezone_invalid', 422, '时区不正确，请填写 IANA 时区名称，例如 Asia/Shanghai')
