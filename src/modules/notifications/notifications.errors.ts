// Notifications errors: a provider chosen without its secret (validation_failed with the field),
// and the texts that would carry card passwords without cards.export_secrets (forbidden).
import { validationFailed } from '../../shared/errors.js'
import { missingPermission } from '../admins/permissions.js'

/** The stored secret is kept when a PUT omits it: missing only when none was ever stored. */
export const secretMissing = (path: string, message: string) => validationFailed({ details: [{ path, message }] })

export const passwordInTextsForbidden = () => missingPermission('cards.export_secrets', '在短信中发送卡密')

export const rerouteWithPasswordForbidden = () => missingPermission('cards.export_secrets', '短信中含卡密时更改短信服务商、账号或发卡短信模板')
