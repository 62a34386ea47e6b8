// The back office's 概览 (overview) in one answer.
import { Type, type Static } from '@sinclair/typebox'
import { DateOut, Nullable } from '../../shared/schemas.js'

const StateFigures = Type.Object({
  count: Type.Integer(),
  face_value: Type.Integer({ description: 'Cents: the cards\' count × their batch\'s face value (cards without a face value count 0)' }),
})

const Failing = Type.Object({
  dead: Type.Integer({ description: 'Given up after every retry (replayable)' }),
  retrying: Type.Integer({ description: 'Failed at least once, waiting for the next retry' }),
})

export const OverviewSchema = Type.Object({
  today: DateOut,
  timezone: Type.String(),
  cards: Nullable(Type.Object({
    inactive: StateFigures, active: StateFigures, redeemed: StateFigures, voided: StateFigures, total: StateFigures,
    unredeemed_face_value: Type.Integer({ description: 'Cents: face value of the inactive and active cards' }),
  }, { description: 'Cards of finished batches by state (null without cards.read)' })),
  orders: Nullable(Type.Object({
    pending_today: Type.Integer({ description: 'To ship today, overdue included (the 今天待发 tab)' }),
    pending_tomorrow: Type.Integer(),
    pending_day_after: Type.Integer(),
    shipped_today: Type.Integer(),
    shipped_yesterday: Type.Integer(),
    redemptions_per_day: Type.Array(Type.Object({ date: DateOut, count: Type.Integer() }), {
      description: 'Orders created per day in the merchant\'s time zone, the last 30 days, oldest first, today last; later cancellations included',
    }),
  }, { description: 'By reserved delivery date in the merchant\'s time zone (null without orders.read)' })),
  failing: Nullable(Type.Object({
    webhook_deliveries: Failing,
    integration_calls: Failing,
  }, { description: 'Outbox rows that failed: webhook deliveries; ERP, courier and SMS calls (null without settings.write)' })),
  public_base_url: Type.String(),
  public_base_url_warning: Nullable(Type.String({ description: 'Set when PUBLIC_BASE_URL is a local address or not https: printed QR codes would point nowhere' })),
})
export type Overview = Static<typeof OverviewSchema>
