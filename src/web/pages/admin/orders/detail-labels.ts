// Words of the order detail page (订单详情): the timeline's states as the merchant reads them
// (orders.timeline.ts); order states and channels are the order desk's (desk-labels.ts).
import type { operations } from '../../shared/api-types.js'

export { STATUS_LABEL as ORDER_STATUS_LABEL, STATUS_TAG as ORDER_STATUS_TAG, CHANNEL_LABEL, type Courier, type OrderStatus } from './desk-labels.js'

export type OrderDetail = operations['getOrder']['responses'][200]['content']['application/json']
export type TimelineEntry = operations['getOrderTimeline']['responses'][200]['content']['application/json']['items'][number]
export type TimelineState = TimelineEntry['state']

/** How a timeline entry's state is shown: the dot's colour and, unless it went through, a tag. */
export const TIMELINE_STATE: Record<TimelineState, { label: string; type: 'success' | 'primary' | 'warning' | 'danger' | 'info' }> = {
  done: { label: '成功', type: 'success' },
  pending: { label: '排队中', type: 'info' },
  retrying: { label: '重试中', type: 'warning' },
  failed: { label: '失败', type: 'danger' },
  dropped: { label: '未发送', type: 'warning' },
}
