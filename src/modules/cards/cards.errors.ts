import { appError } from '../../shared/errors.js'

export const batchNotFound = appError('batch_not_found', 404, '卡券批次不存在')
export const cardNotFound = appError('card_not_found', 404, '卡券不存在')
export const cardNumberConflict = appError('card_number_conflict', 409, '卡号与已有卡券重复，本批次未创建任何卡券')
export const numberSpaceTooSmall = appError('number_space_too_small', 422, '卡号长度不足以生成这么多卡号，请增加卡号长度或减少数量')
export const validityInvalid = appError('validity_invalid', 422, '有效期开始日期不能晚于结束日期')
export const productIdsInvalid = appError('product_ids_invalid', 422, '对应商品不存在或不属于本商户')
export const distributorInvalid = appError('distributor_invalid', 422, '券商不存在')
export const cardStateInvalid = appError('card_state_invalid', 409, '该卡券当前状态不能执行此操作')
export const bulkTooLarge = appError('bulk_target_too_large', 422, '一次最多指定 10000 个卡号')
export const bulkJobNotFound = appError('bulk_job_not_found', 404, '批量操作任务不存在')
export const bulkJobRunning = appError('bulk_job_running', 409, '该批次（或全部卡券）已有批量操作正在进行，请等它完成后再试')
