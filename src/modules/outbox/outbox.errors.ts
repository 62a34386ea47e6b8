// Error codes of the integration-call log (the outbox rows of vendor calls).
import { appError } from '../../shared/errors.js'

export const integrationCallNotFound = appError('integration_call_not_found', 404, '集成调用记录不存在')
export const integrationCallNotFailed = appError('integration_call_not_failed', 409, '只有失败的调用（已失败或等待重试）可以重试')
