// The e-waybill module's errors.
import { appError } from '../../shared/errors.js'

export const senderIncomplete = appError('sender_incomplete', 422, '请先在全局设置中填写完整的电子面单寄件人信息（姓名、电话、省、市、区、地址）')
export const accountInvalid = appError('courier_account_invalid', 422, '该物流配置没有电子面单账号')
export const courierDisabled = appError('courier_disabled', 422, '该物流配置已停用，请先在物流配置中启用')
