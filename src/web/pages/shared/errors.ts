// Where each API error is shown: next to the field it concerns, in Chinese. The server's
// messages are already written for customers; validation details get a plainer sentence.
import type { ApiError } from './api.js'

/** The fields of the pages' forms, plus `form` (above the button) for the rest. */
export type Field =
  | 'card_no' | 'password' | 'product' | 'name' | 'phone' | 'region' | 'address' | 'remark' | 'reserve_date'
  | 'merchant_code' | 'username' | 'admin_password' | 'captcha' | 'form'

export type FieldErrors = Partial<Record<Field, string>>

const FIELD_OF_CODE: Record<string, Field> = {
  // Wrong number or wrong password: one answer, shown under the password (no hint which).
  card_invalid: 'password',
  card_locked: 'password',
  card_inactive: 'card_no',
  card_expired: 'card_no',
  card_redeemed: 'card_no',
  product_not_allowed: 'product',
  reserve_date_invalid: 'reserve_date',
  login_failed: 'admin_password',
  account_locked: 'admin_password',
  account_disabled: 'username',
  captcha_required: 'captcha',
  captcha_invalid: 'captcha',
}

const FIELD_OF_PATH: Record<string, Field> = {
  '/card_no': 'card_no',
  '/password': 'password',
  '/product_id': 'product',
  '/consignee/name': 'name',
  '/consignee/phone': 'phone',
  '/consignee/province': 'region',
  '/consignee/city': 'region',
  '/consignee/district': 'region',
  '/consignee/address': 'address',
  '/consignee': 'name',
  '/remark': 'remark',
  '/reserve_date': 'reserve_date',
  '/merchant_code': 'merchant_code',
  '/username': 'username',
  '/captcha': 'captcha',
}

/** What to say when the server refused a field's value (its own wording is for developers). */
export const FIELD_HINT: Record<Field, string> = {
  card_no: '请输入正确的卡号',
  password: '请输入正确的密码',
  product: '请选择一款商品',
  name: '请填写收货人姓名（不超过 50 个字）',
  phone: '请填写正确的 11 位手机号码',
  region: '请选择省份、城市和区县',
  address: '请填写详细地址（不超过 200 个字）',
  remark: '备注不能超过 500 个字',
  reserve_date: '请选择发货日期',
  merchant_code: '请输入商户代码',
  username: '请输入用户名',
  admin_password: '请输入密码',
  captcha: '请完成人机验证',
  form: '提交的内容不正确，请检查后重试',
}

function minutes (seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60))
}

/** The field each part of an error belongs to, with the sentence to show there. */
export function placeError (err: ApiError): FieldErrors {
  if (err.code === 'validation_failed' && err.details.length > 0) {
    const out: FieldErrors = {}
    for (const d of err.details) {
      const field = FIELD_OF_PATH[d.path] ?? 'form'
      out[field] ??= FIELD_HINT[field]
    }
    return out
  }
  if (err.code === 'too_many_attempts') {
    return { form: err.retryAfter ? `尝试次数过多，请 ${minutes(err.retryAfter)} 分钟后再试` : err.message }
  }
  return { [FIELD_OF_CODE[err.code] ?? 'form']: err.message }
}

/** The first field with an error, in the order the form shows them (for focus). */
export function firstErrorField<F extends Field> (errors: FieldErrors, order: readonly F[]): F | undefined {
  return order.find((f) => errors[f])
}
