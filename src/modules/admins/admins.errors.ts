import { appError } from '../../shared/errors.js'

export const loginFailed = appError('login_failed', 401, '用户名或密码错误')
export const accountLocked = appError('account_locked', 423, '密码错误次数过多，账号已锁定 15 分钟')
export const accountDisabled = appError('account_disabled', 403, '该账号已停用')
export const captchaRequired = appError('captcha_required', 422, '请输入验证码')
export const captchaInvalid = appError('captcha_invalid', 422, '验证码错误或已过期')
export const usernameTaken = appError('username_taken', 409, '该用户名已被使用')
export const adminNotFound = appError('admin_not_found', 404, '管理员不存在')
export const cannotDeleteSelf = appError('cannot_delete_self', 409, '不能删除自己的账号')
export const cannotLockSelfOut = appError('cannot_lock_self_out', 409, '不能取消自己的管理员管理权限或停用自己')
export const ownerProtected = appError('owner_protected', 409, '不能修改或删除商户的初始管理员')
export const passwordIncorrect = appError('password_incorrect', 422, '原密码不正确')
export const sessionExpired = appError('session_expired', 401, '登录已失效，请重新登录')
