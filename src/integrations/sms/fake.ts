// For tests: records what would have been sent; can be told to fail; answers receipts as told
// (delivered unless `receiptFor` says otherwise, nothing while `holdReceipts`).
import { type SmsMessage, type SmsProvider, type SmsReceipt, type SmsSent, type SmsSentRef } from './port.js'
import { IntegrationError } from '../errors.js'

export function fakeProvider () {
  const sent: SmsMessage[] = []
  let failure: IntegrationError | null = null
  const provider: SmsProvider & {
    sent: SmsMessage[]; asked: SmsSentRef[][]; holdReceipts: boolean; receiptsFail: Error | null
    receiptFor: Record<string, Omit<SmsReceipt, 'provider_message_id'>>; failNext (e: IntegrationError | null): void
  } = {
    name: 'fake',
    sent,
    asked: [],
    holdReceipts: false,
    receiptsFail: null,
    receiptFor: {},
    failNext (e) { failure = e },
    async send (m: SmsMessage): Promise<SmsSent> {
      if (failure) { const e = failure; failure = null; throw e }
      sent.push(m)
      return { provider_message_id: `fake-${sent.length}` }
    },
    async receipts (texts: SmsSentRef[]): Promise<SmsReceipt[]> {
      provider.asked.push(texts)
      if (provider.receiptsFail) throw provider.receiptsFail
      if (provider.holdReceipts) return []
      return texts.map((t) => ({ provider_message_id: t.provider_message_id, ...(provider.receiptFor[t.provider_message_id] ?? { state: 'delivered', code: 'DELIVERED', reason: null, at: null }) }))
    },
  }
  return provider
}
