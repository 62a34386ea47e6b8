// Words of the order detail page (订单详情): order states, channels and timeline states as the
// merchant reads them. The codes are the API's (orders.schemas.ts, orders.timeline.ts).
import type { operations } from '../../shared/api-types.js'

export type OrderDetail = operations['getOrder']['responses'][200]['content']['application/json']
export type OrderStatus = OrderDetail['status']
export type TimelineEntry = operations['getOrderTimeline']['responses'][200]['content']['application/json']['items'][number]
export type TimelineState = TimelineEntry['state']
export type Courier = operations['listCouriers']['responses'][200]['content']['application/json']['items'][number]

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = { pending: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' }
export const ORDER_STATUS_TAG: Record<OrderStatus, 'warning' | 'primary' | 'success' | 'info' | 'danger'> = { pending: 'warning', shipped: 'primary', delivered: 'success', completed: 'success', cancelled: 'info' }
export const CHANNEL_LABEL: Record<string, string> = { web: '网页提货', phone: '电话提货', store: '到店提货', open_api: '开放平台' }

/** How a timeline entry's state is shown: the dot's colour and, unless it went through, a tag. */
export const TIMELINE_STATE: Record<TimelineState, { label: string; type: 'success' | 'primary' | 'warning' | 'danger' | 'info' }> = {
  done: { label: '成功', type: 'success' },
  pending: { label: '排队中', type: 'info' },
  retrying: { label: '重试中', type: 'warning' },
  failed: { label: '失败', type: 'danger' },
  dropped: { label: '未发送', type: 'warning' },
}
