import { Type, type Static } from '@sinclair/typebox'
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_PATTERN } from '../../shared/passwords.js'
import { label, MobilePhone, Nullable, NullableTimestamp, Timestamp } from '../../shared/schemas.js'
import { PERMISSION_CODES } from './permissions.js'

export const Username = Type.String({ pattern: '^[A-Za-z0-9]{3,32}$', description: 'Letters and digits, 3-32', 'x-label': '用户名', 'x-message': '用户名只能由字母和数字组成，3–32 位' })
export const Password = Type.String({
  pattern: PASSWORD_PATTERN, minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX,
  description: `${PASSWORD_MIN}-${PASSWORD_MAX} characters (letters, digits, symbols, spaces), not a common or easily guessed password: refused with 422 password_weak otherwise`,
  'x-label': '密码', 'x-message': `密码应为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符（字母、数字、符号或空格）`,
})
export const PermissionCode = Type.Union(PERMISSION_CODES.map((p) => Type.Literal(p)), { 'x-label': '权限', 'x-message': '权限不在权限列表中（见 GET /api/v1/permissions）' })

export const AdminSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
  is_owner: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  locked_until: NullableTimestamp,
  last_login_at: NullableTimestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Admin = Static<typeof AdminSchema>

export const CaptchaSchema = Type.Object({
  parameters: Type.Object({
    algorithm: Type.String(), nonce: Type.String(), salt: Type.String(), cost: Type.Integer(), keyLength: Type.Integer(),
    keyPrefix: Type.String(), keySignature: Type.Optional(Type.String()),
    data: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
  }, { description: 'An ALTCHA v2 proof-of-work challenge (https://altcha.org): give this object to the ALTCHA widget, or solve it with altcha-lib\'s solveChallenge' }),
  signature: Type.String(),
  expires_at: Timestamp,
})

export const LoginBodySchema = Type.Object({
  merchant_code: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{1,32}$', description: 'The merchant (商户代码); default: "default", the merchant of a single-merchant installation' })),
  username: Type.String({ pattern: '^[A-Za-z0-9]{1,64}$', description: 'Letters and digits, as usernames are made' }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
  captcha: Type.Optional(Type.String({ maxLength: 4096, description: 'The ALTCHA payload: base64 of JSON { challenge, solution } (what the widget puts in its form field); single use, 5 minutes. Not needed when KAQUAN_CAPTCHA=off' })),
}, { additionalProperties: false })
export type LoginBody = Static<typeof LoginBodySchema>

export const LoginResultSchema = Type.Object({
  token: Type.String(),
  expires_at: Timestamp,
  admin: AdminSchema,
})

export const MeSchema = Type.Object({
  admin: AdminSchema,
  merchant: Type.Object({
    id: Type.Integer(), code: Type.String(), name: Type.String(), timezone: Type.String(),
    pickup_url: Type.String({ description: 'The pickup page customers open (PUBLIC_BASE_URL/r/{code}): what the 提货前台 page shows and draws as a QR code' }),
  }),
})

export const ChangePasswordBodySchema = Type.Object({
  old_password: Type.String({ minLength: 1, maxLength: 128, 'x-label': '原密码' }),
  new_password: label(Password, '新密码', `新密码应为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符（字母、数字、符号或空格）`),
}, { additionalProperties: false })

export const CreateAdminBodySchema = Type.Object({
  username: Username,
  name: Type.String({ minLength: 1, maxLength: 50, 'x-label': '姓名' }),
  phone: Type.Optional(Nullable(MobilePhone)),
  password: Password,
  permissions: Type.Array(PermissionCode, { uniqueItems: true, default: [], 'x-label': '权限' }),
}, { additionalProperties: false })
export type CreateAdminBody = Static<typeof CreateAdminBodySchema>

export const UpdateAdminBodySchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, 'x-label': '姓名' })),
  phone: Type.Optional(Nullable(MobilePhone)),
  password: Type.Optional(Password),
  permissions: Type.Optional(Type.Array(PermissionCode, { uniqueItems: true, 'x-label': '权限' })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')], { 'x-label': '状态', 'x-message': '状态只能是 active（启用）或 disabled（停用）' })),
}, { additionalProperties: false, minProperties: 1, 'x-message': '请至少修改一项' })
export type UpdateAdminBody = Static<typeof UpdateAdminBodySchema>

export const AdminListSchema = Type.Object({ items: Type.Array(AdminSchema) })

export const PermissionListSchema = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
})

export const PasswordResetSchema = Type.Object({
  password: Type.String({ description: 'The new password, random (16 letters and digits): shown this once, never stored in the clear; the admin signs in with it and changes it' }),
  admin: AdminSchema,
})
