// The order desk's words (订单列表): tabs, states, channels and ERP states as a merchant reads
// them (the API's codes never reach the screen), and the types of its calls.
import type { operations } from '../../shared/api-types.js'

export type OrderQuery = NonNullable<operations['listOrders']['parameters']['query']>
export type DeskOrder = operations['listOrders']['responses'][200]['content']['application/json']['items'][number]
export type Tab = NonNullable<OrderQuery['tab']>
export type OrderStatus = DeskOrder['status']
export type Channel = DeskOrder['channel']
export type ErpFilter = NonNullable<OrderQuery['erp_status']>
export type Courier = operations['listCouriers']['responses'][200]['content']['application/json']['items'][number]
export type ShipImportResult = operations['shipImport']['responses'][200]['content']['application/json']

/** The seed's tabs: 今日/明日/后天待发货, 今日/昨日已发货, 全部. */
export const TABS: Array<{ tab: Tab; label: string }> = [
  { tab: 'pending_today', label: '今日待发货' },
  { tab: 'pending_tomorrow', label: '明日待发货' },
  { tab: 'pending_day_after', label: '后天待发货' },
  { tab: 'shipped_today', label: '今日已发货' },
  { tab: 'shipped_yesterday', label: '昨日已发货' },
  { tab: 'all', label: '全部' },
]

export const STATUS_LABEL: Record<OrderStatus, string> = { pending: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' }
export const STATUS_TAG: Record<OrderStatus, 'warning' | 'primary' | 'success' | 'info' | 'danger'> = { pending: 'warning', shipped: 'primary', delivered: 'success', completed: 'success', cancelled: 'info' }
export const CHANNEL_LABEL: Record<Channel, string> = { web: '网页提货', phone: '电话提货', store: '到店提货', open_api: '开放平台' }
export const ERP_LABEL: Record<ErpFilter, string> = { none: '未推送', pending: '待推送', pushed: '已推送', refunded: '已退款', retrying: '推送重试中', failed: '推送失败' }
export const ERP_TAG: Record<ErpFilter, 'info' | 'success' | 'warning' | 'danger'> = { none: 'info', pending: 'info', pushed: 'success', refunded: 'info', retrying: 'warning', failed: 'danger' }

/** The server's rule for a waybill number (ShipBodySchema). */
export const WAYBILL_RE = /^[A-Za-z0-9]{6,32}$/

/** A column pasted from a spreadsheet: one value per line, blank lines at the end dropped. */
export function pastedColumn (text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.split('\t')[0].trim())
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines
}
