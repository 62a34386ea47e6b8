// The couriers module's errors.
import { appError } from '../../shared/errors.js'

export const courierInvalid = appError('courier_invalid', 422, '物流公司不存在')
