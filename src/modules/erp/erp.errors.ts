// Error codes of the ERP module.
import { appError } from '../../shared/errors.js'

export const erpNotConfigured = appError('erp_not_configured', 409, '尚未配置 ERP，请先填写并保存旺店通的接口参数')
/** The ERP refused or could not be reached; the message carries its reason (the vendor's own words when it answered). */
export const erpCallFailed = appError('erp_call_failed', 502, 'ERP 接口调用失败')
/** Another instance is syncing this merchant right now (its result shows in 最近同步 when it ends). */
export const erpSyncBusy = appError('erp_sync_busy', 409, '正在同步中，请稍后查看最近一次同步的结果')
