// Standard Webhooks v1: webhook-id, webhook-timestamp, webhook-signature = "v1,<base64 HMAC-SHA256>"
// over "{id}.{timestamp}.{body}" with the base64-decoded part of a "whsec_" secret.
import { createHmac, randomBytes } from 'node:crypto'

export function newWebhookSecret (): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

export function signWebhook (secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/** All signatures for this attempt, space-separated (two during a secret rotation). */
export function webhookHeaders (secrets: string[], id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signWebhook(s, id, timestamp, body)).join(' '),
  }
}
