import { appError } from '../../shared/errors.js'

// Wrong number and wrong password share one code and one message: no enumeration oracle.
export const cardInvalid = appError('card_invalid', 422, '卡号或密码错误')
export const cardLocked = appError('card_locked', 423, '密码错误次数过多，该卡已锁定，请稍后再试')
export const cardInactive = appError('card_inactive', 409, '该卡券尚未激活或已停用')
export const cardNotStarted = appError('card_inactive', 409, '该卡券尚未到可提货日期')
export const cardExpired = appError('card_expired', 409, '该卡券已过期')
export const cardRedeemed = appError('card_redeemed', 409, '该卡券已提货')
export const productNotAllowed = appError('product_not_allowed', 422, '该卡券不能提取此商品')
export const pickupPaused = appError('pickup_paused', 503, '提货暂停')
export const reserveDateInvalid = appError('reserve_date_invalid', 422, '预约发货日期不可选')
export const tokenInvalid = appError('token_invalid', 401, '验证已过期，请重新输入卡号和密码')
export { orderNotFound } from '../orders/orders.errors.js'
export { merchantNotFound } from '../merchants/merchants.errors.js'
