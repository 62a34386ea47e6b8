// 概览: what the back office's first page shows, from counters and indexed ranges only — never a
// count over the cards (there may be a million): cards from card_counts, orders by their
// indexed due, shipping and creation days, failures from the outbox's (merchant, status) index.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { addDays, dayStart, localDate } from '../../shared/dates.js'
import type { Permission } from '../admins/permissions.js'
import { countsWithFaceValue } from '../cards/card-counts.repository.js'
import { countOrders, ordersCreatedPerWindow, tabWindow } from '../orders/orders.repository.js'
import { failingCounts } from '../outbox/outbox.repository.js'
import { INTEGRATION_TOPICS } from '../outbox/outbox.service.js'
import type { Overview } from './overview.schemas.js'

const DAYS = 30
const STATES = ['inactive', 'active', 'redeemed', 'voided'] as const

/** Why the configured public address would make printed QR codes useless, or null. */
export function publicBaseUrlWarning (url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return `PUBLIC_BASE_URL（${url}）不是合法的网址`
  }
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const local = host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127\./.test(host)
  if (local) return `PUBLIC_BASE_URL 是本机地址（${u.origin}）：卡上的二维码和提货链接在顾客的手机上打不开。请在印卡前设置为顾客能访问的 https 地址`
  if (u.protocol !== 'https:') return `PUBLIC_BASE_URL（${u.origin}）不是 https：微信和手机浏览器会提示不安全，卡密在网络上明文传输。请在印卡前改为 https 地址`
  return null
}

export function createOverviewService ({ db, clock, publicBaseUrl }: { db: Knex; clock: Clock; publicBaseUrl: string }) {
  async function cards (merchantId: number): Promise<NonNullable<Overview['cards']>> {
    const rows = await countsWithFaceValue(db, merchantId)
    const figure = (s: string) => {
      const r = rows.find((x) => x.status === s)
      return { count: r?.n ?? 0, face_value: r?.face_value ?? 0 }
    }
    const byState = Object.fromEntries(STATES.map((s) => [s, figure(s)])) as Record<typeof STATES[number], { count: number; face_value: number }>
    return {
      ...byState,
      total: { count: rows.reduce((a, r) => a + r.n, 0), face_value: rows.reduce((a, r) => a + r.face_value, 0) },
      unredeemed_face_value: byState.inactive.face_value + byState.active.face_value,
    }
  }

  async function orders (merchantId: number, timezone: string, today: string): Promise<NonNullable<Overview['orders']>> {
    const count = (tab: Parameters<typeof tabWindow>[0]) => countOrders(db, merchantId, {}, tabWindow(tab, today))
    const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i - DAYS + 1))
    const bounds = [...days, addDays(today, 1)].map((d) => dayStart(timezone, d))
    const [pendingToday, pendingTomorrow, pendingDayAfter, shippedToday, shippedYesterday, perDay] = await Promise.all([
      count('pending_today'), count('pending_tomorrow'), count('pending_day_after'), count('shipped_today'), count('shipped_yesterday'),
      ordersCreatedPerWindow(db, merchantId, bounds),
    ])
    return {
      pending_today: pendingToday, pending_tomorrow: pendingTomorrow, pending_day_after: pendingDayAfter,
      shipped_today: shippedToday, shipped_yesterday: shippedYesterday,
      redemptions_per_day: days.map((date, i) => ({ date, count: perDay[i] })),
    }
  }

  return {
    /** Sections the admin may not read are null. */
    async get (merchant: { id: number; timezone: string }, permissions: readonly Permission[]): Promise<Overview> {
      const today = localDate(merchant.timezone, clock.now())
      const [c, o, webhookDeliveries, integrationCalls] = await Promise.all([
        permissions.includes('cards.read') ? cards(merchant.id) : null,
        permissions.includes('orders.read') ? orders(merchant.id, merchant.timezone, today) : null,
        permissions.includes('settings.write') ? failingCounts(db, merchant.id, ['webhook.delivery']) : null,
        permissions.includes('settings.write') ? failingCounts(db, merchant.id, INTEGRATION_TOPICS) : null,
      ])
      return {
        today, timezone: merchant.timezone, cards: c, orders: o,
        failing: webhookDeliveries && integrationCalls ? { webhook_deliveries: webhookDeliveries, integration_calls: integrationCalls } : null,
        public_base_url: publicBaseUrl,
        public_base_url_warning: publicBaseUrlWarning(publicBaseUrl),
      }
    },
  }
}

export type OverviewService = ReturnType<typeof createOverviewService>
