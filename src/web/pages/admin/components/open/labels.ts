// What the open platform's codes mean, in the merchant's words: an app's scopes (what a mall
// calling the open API with that app may do, per spec/open-platform.md), the webhook events,
// and a delivery's state and failure.
import type { AppScope, EventType } from './types.js'

export interface Explained<T extends string> { code: T; label: string; help: string }

export const SCOPES: Array<Explained<AppScope>> = [
  { code: 'products:read', label: '读取商品', help: '查询提货商品列表（GET /open/v1/products）' },
  { code: 'cards:issue', label: '发卡', help: '把某批次未发出的卡激活并绑定到手机号（商城售卡），也可撤销整笔发卡（商城退款）' },
  { code: 'cards:read', label: '查询卡券', help: '查询卡券状态、余额、有效期和发卡结果（手机号打码）' },
  { code: 'cards:secrets', label: '读取卡密', help: '发卡结果里带卡密码；需要“导出卡券密码”权限才能授予，请只给可信的系统' },
  { code: 'redeem', label: '代客提货', help: '在商城自己的页面上用卡号和密码提货下单' },
  { code: 'orders:read', label: '查询订单', help: '查询提货订单、发货和物流信息（收货手机号打码）' },
  { code: 'vouchers:read', label: '查询储值券', help: '用卡号加卡密（或绑定的手机号）查询储值券余额、有效期和使用限制' },
  { code: 'vouchers:pay', label: '储值券支付', help: '冻结（预授权）、扣款、释放、退款、延期和绑定手机号' },
]

export const EVENTS: Array<Explained<EventType>> = [
  { code: 'card.issued', label: '卡券已发出', help: '通过开放接口发卡成功' },
  { code: 'card.activated', label: '卡券已激活', help: '卡券被激活（后台批量激活或发卡）' },
  { code: 'card.voided', label: '卡券已作废', help: '卡券被作废' },
  { code: 'card.redeemed', label: '卡券已提货', help: '顾客用卡提货成功' },
  { code: 'order.created', label: '订单已创建', help: '提货生成了新订单' },
  { code: 'order.shipped', label: '订单已发货', help: '订单填写了运单号' },
  { code: 'order.delivered', label: '订单已签收', help: '物流显示已签收' },
  { code: 'order.cancelled', label: '订单已取消', help: '订单被取消，卡券恢复可用' },
  { code: 'issue.cancelled', label: '发卡已撤销', help: '商城撤销了一笔发卡（退款）' },
  { code: 'voucher.debited', label: '储值券已扣款', help: '商城确认扣款（预授权扣款）' },
  { code: 'voucher.refunded', label: '储值券已退款', help: '退回储值券余额' },
  { code: 'voucher.extended', label: '储值券已延期', help: '储值券有效期延长 30 天（每张一次）' },
  { code: 'voucher.expiring', label: '储值券即将到期', help: '还有余额的储值券在到期前 N 天（通知设置里设定）提醒一次' },
  { code: 'security.guessing', label: '疑似撞库', help: '短时间内大量卡密输错，可能有人在猜密码；只发给勾选了它的地址' },
]

export const scopeLabel = (code: string) => SCOPES.find((s) => s.code === code)?.label ?? code
export const eventLabel = (code: string) => code === 'webhook.test' ? '测试消息' : EVENTS.find((e) => e.code === code)?.label ?? code

export const DELIVERY_STATES: Record<string, { label: string; type: 'success' | 'warning' | 'danger' | 'info' | 'primary' }> = {
  pending: { label: '等待发送', type: 'warning' },
  processing: { label: '发送中', type: 'primary' },
  succeeded: { label: '成功', type: 'success' },
  dead: { label: '已放弃', type: 'danger' },
}

/** A stored failure reason, explained: the server's codes and the receiver's HTTP status. */
export function failureText (error: string | null, status: number | null): string {
  if (!error) return status !== null && (status < 200 || status >= 300) ? `对方返回 HTTP ${status}` : ''
  if (error.startsWith('address_refused')) return '目标地址不是公网地址（内网、本机或保留地址），已拒绝连接，不会重试。请填写公网可访问的 https 地址。'
  if (error.startsWith('endpoint disabled')) return 'Webhook 地址已停用或已删除，未发送'
  if (error.startsWith('timeout')) return '对方 15 秒内没有应答（超时）'
  if (error === '410 gone' || error === 'HTTP 410') return '对方返回 410 Gone：此地址已被自动停用'
  if (/^HTTP \d+$/.test(error)) return `对方返回 ${error}，非 2xx 视为失败`
  if (error.startsWith('network:')) return `网络错误，无法连接到对方（${error.slice(8).trim()}）`
  return error
}
