// The couriers module's errors.
import { appError } from '../../shared/errors.js'

export const courierInvalid = appError('courier_invalid', 422, '物流公司不存在')
export const courierNameTaken = appError('courier_name_taken', 409, '已有同名的物流公司或物流配置，请换一个名称')
export const courierNotFound = appError('courier_not_found', 404, '物流配置不存在')
