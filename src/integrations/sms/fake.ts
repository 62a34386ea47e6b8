// For tests: records what would have been sent; can be told to fail.
import { type SmsMessage, type SmsProvider, type SmsSent } from './port.js'
import { IntegrationError } from '../errors.js'

export function fakeProvider () {
  const sent: SmsMessage[] = []
  let failure: IntegrationError | null = null
  const provider: SmsProvider & { sent: SmsMessage[]; failNext (e: IntegrationError | null): void } = {
    name: 'fake',
    sent,
    failNext (e) { failure = e },
    async send (m: SmsMessage): Promise<SmsSent> {
      if (failure) { const e = failure; failure = null; throw e }
      sent.push(m)
      return { provider_message_id: `fake-${sent.length}` }
    },
  }
  return provider
}
