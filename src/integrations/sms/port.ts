// The SMS port: one provider per merchant, chosen in the notification settings.
export interface SmsMessage {
  phone: string
  sign_name: string
  template_id: string
  /** Template parameters by name (Aliyun) — Tencent takes their values in this order. */
  params: Record<string, string>
}

export interface SmsSent { provider_message_id: string | null }

/** A text the provider took, whose delivery receipt we are waiting for. */
export interface SmsSentRef {
  /** What send() returned (Aliyun's BizId, Tencent's SerialNo). */
  provider_message_id: string
  phone: string
  /** When it was sent (ms): Aliyun finds a text by its send date. */
  sent_at: number
}

/** What the carrier said about a text: it reached the phone, or it did not (the receipt's code and reason). */
export interface SmsReceipt {
  provider_message_id: string
  state: 'delivered' | 'failed'
  code: string | null
  reason: string | null
  /** When the phone received it (or the carrier gave up), ms; null when the provider does not say. */
  at: number | null
}

export interface SmsProvider {
  readonly name: string
  send (message: SmsMessage): Promise<SmsSent>
  /**
   * Delivery receipts for texts sent earlier. Answers the receipts it has: none for a text still
   * waiting, and possibly receipts for texts not asked about (Tencent's pull hands out each
   * receipt once, whichever text it is for). Optional: a provider without receipts leaves its
   * texts "sent" until they count as unknown.
   */
  receipts? (texts: SmsSentRef[]): Promise<SmsReceipt[]>
}
