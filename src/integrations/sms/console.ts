// The embedded default: the text goes to the log with the number masked, nothing is sent.
// Parameter values are masked too: they can hold a card password (when the merchant puts it in
// the "card issued" text) or a consignee's name, and logs must carry neither. Its texts count
// as delivered (development: the log is the phone).
import { randomUUID } from 'node:crypto'
import { maskPhone } from '../../shared/phone.js'
import type { SmsMessage, SmsProvider, SmsReceipt, SmsSent, SmsSentRef } from './port.js'

export function consoleProvider (log: { info: (o: object, m: string) => void }): SmsProvider {
  return {
    name: 'console',
    async send (m: SmsMessage): Promise<SmsSent> {
      const params = Object.fromEntries(Object.keys(m.params).map((name) => [name, '****']))
      log.info({ provider: 'console', phone: maskPhone(m.phone), sign_name: m.sign_name, template_id: m.template_id, params }, 'sms.sent')
      return { provider_message_id: `console-${randomUUID()}` }
    },
    async receipts (texts: SmsSentRef[]): Promise<SmsReceipt[]> {
      return texts.map((t) => ({ provider_message_id: t.provider_message_id, state: 'delivered', code: 'CONSOLE', reason: null, at: null }))
    },
  }
}
