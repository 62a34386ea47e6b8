// Error codes of the webhooks module (endpoints and their delivery log).
import { appError } from '../../shared/errors.js'

export const endpointNotFound = appError('endpoint_not_found', 404, 'Webhook 地址不存在')
export const deliveryNotFound = appError('delivery_not_found', 404, '投递记录不存在')
export const urlInvalid = appError('webhook_url_invalid', 422, 'Webhook 地址必须是 https（本机调试可用 http://localhost）')
export const urlPrivate = appError('webhook_url_private', 422, 'Webhook 地址不能是内网、本机或保留地址（如 10.x、192.168.x、127.0.0.1、localhost），请填写公网可访问的 https 地址')
export const replayRangeInvalid = appError('replay_range_invalid', 422, '结束时间必须晚于开始时间')
