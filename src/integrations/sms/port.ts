// The SMS port: one provider per merchant, chosen in the notification settings.
export interface SmsMessage {
  phone: string
  sign_name: string
  template_id: string
  /** Template parameters by name (Aliyun) — Tencent takes their values in this order. */
  params: Record<string, string>
}

export interface SmsSent { provider_message_id: string | null }


export interface SmsProvider {
  readonly name: string
  send (message: SmsMessage): Promise<SmsSent>
}
