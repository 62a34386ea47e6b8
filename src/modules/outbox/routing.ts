// Event routing in one place: every domain event is fanned out to the merchant's webhook
// endpoints, and this map says what else each event sets going (texts by the merchant's
// switches, the ERP push, the courier tracking subscription). The extra work is queued in the
// same transaction that records the event's fan-out, so an event is handled whole or not at all.
import { EVENT_TOPICS, type EventTopic } from './outbox.repository.js'
import type { Effects, Handler, OutboxRow } from './outbox.types.js'

/** A module's reaction to an event row: the writes it adds to the row's completion, if any. */
export type Reaction = (row: OutboxRow) => Promise<Effects | undefined>

export interface Reactions {
  /** The order texts (notifications). */
  orderTexts: Reaction
  /** The guessing alert texts to the admin phones (notifications). */
  securityAlertTexts: Reaction
  /** The expiry reminder text to a voucher's bound phone (notifications). */
  voucherTexts: Reaction
  /** The order push or refund to the ERP (erp). */
  erpPush: Reaction
  /** The Kuaidi100 subscription for a new waybill (tracking). */
  trackingSubscription: Reaction
}

/** What each event sets going besides its webhook fan-out. */
export const EVENT_ROUTES: Record<EventTopic, ReadonlyArray<keyof Reactions>> = {
  'card.issued': [],
  'card.activated': [],
  'card.voided': [],
  'card.redeemed': [],
  'order.created': ['orderTexts', 'erpPush'],
  'order.shipped': ['orderTexts', 'trackingSubscription'],
  'order.delivered': [],
  'order.cancelled': ['orderTexts', 'erpPush'],
  'issue.cancelled': [],
  'security.guessing': ['securityAlertTexts'],
  'voucher.debited': [],
  'voucher.refunded': [],
  'voucher.extended': [],
  'voucher.expiring': ['voucherTexts'],
}

/** The handler of each event topic: its webhook fan-out, then the reactions of EVENT_ROUTES. */
export function eventHandlers (fanOut: Handler, reactions: Reactions): Record<EventTopic, Handler> {
  const handlers = {} as Record<EventTopic, Handler>
  for (const topic of EVENT_TOPICS) {
    const more = EVENT_ROUTES[topic].map((name) => reactions[name])
    handlers[topic] = more.length === 0 ? fanOut : async (row, now) => {
      const result = await fanOut(row, now) ?? {}
      const extra: Effects[] = result.effects ? [result.effects] : []
      for (const react of more) {
        const e = await react(row)
        if (e) extra.push(e)
      }
      return { ...result, effects: extra.length ? async (trx) => { for (const e of extra) await e(trx) } : undefined }
    }
  }
  return handlers
}
