// The error catalogue of distributors (券商).
import { appError } from '../../shared/errors.js'

export const distributorNotFound = appError('distributor_not_found', 404, '券商不存在')
export const distributorHasCards = appError('distributor_has_cards', 409, '该券商名下还有卡券，不能删除')
export const distributorNameTaken = appError('distributor_name_taken', 409, '已有同名券商')
