import { appError } from '../../shared/errors.js'

export const orderNotFound = appError('order_not_found', 404, '订单不存在')
export const orderStateInvalid = appError('order_state_invalid', 409, '订单当前状态不能执行此操作')
