import { appError } from '../../shared/errors.js'

export const merchantNotFound = appError('merchant_not_found', 404, '商户不存在')
