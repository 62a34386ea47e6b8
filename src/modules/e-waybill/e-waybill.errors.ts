// The e-waybill module's errors.
import { appError } from '../../shared/errors.js'

export const senderIncomplete = appError('sender_incomplete', 422, '请先在全局设置中填写完整的电子面单寄件人信息（姓名、电话、省、市、区、地址）')
export const accountInvalid = appError('courier_account_invalid', 422, '该物流配置没有电子面单账号')
export const courierDisabled = appError('courier_disabled', 422, '该物流配置已停用，请先在物流配置中启用')
export const waybillCollected = appError('waybill_collected', 409, '快递已揽收（已有物流轨迹），不能取消电子面单；请联系快递公司拦截')
export const waybillCancelPending = appError('waybill_cancel_pending', 409, '快递公司还没有确认取消该订单的电子面单，确认后才能取消订单（集成调用中可查看进度）')
export const waybillCancelRefused = appError('waybill_cancel_refused', 409, '快递公司没有同意取消该订单的电子面单，订单不能取消；请联系快递公司拦截，或在集成调用中重试')
export const noEWaybill = appError('e_waybill_missing', 409, '该订单的运单不是电子面单，没有可打印或取消的面单')
export const labelUnavailable = appError('label_unavailable', 422, '取不到面单')
export const cloudPrintUnavailable = appError('cloud_print_failed', 422, '云打印未成功')
