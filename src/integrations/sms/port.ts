// The SMS port: one provider per merchant, chosen in the notification settings.
export interface SmsMessage {
  phone: string
  sign_name: string
  template_id: string
  /** Template parameters by name (Aliyun) — Tencent takes their values in this order. */
  params: Record<string, string>
}

export interface SmsSent { provider_message_id: string | null }

/**
 * A provider failure. `retryable` tells transient trouble (timeouts, 5xx, throttling) from a
 * business refusal (bad signature name, unknown template, blocked number) that retrying cannot fix.
 */
export class SmsError extends Error {
  constructor (message: string, readonly retryable: boolean, readonly code: string | null = null) {
    super(message)
    this.name = 'SmsError'
  }
}

/** The adapter's error for a failed call (the vendor HTTP client makes its failures this type). */
export const smsFailure = (message: string, retryable: boolean) => new SmsError(message, retryable)

export interface SmsProvider {
  readonly name: string
  send (message: SmsMessage): Promise<SmsSent>
}
