// 通知设置 in the merchant's words: what each text is for (the seed's A / B / C), what a template
// parameter can carry for it, and a text's state in the message log.
import type { operations } from '../../../shared/api-types.js'

export type Notifications = operations['getNotificationSettings']['responses'][200]['content']['application/json']
export type SmsMessage = operations['listSmsMessages']['responses'][200]['content']['application/json']['items'][number]
export type SmsState = SmsMessage['status']
export type DeliveryState = NonNullable<SmsMessage['delivery_state']>
export type TemplateEvent = keyof Notifications['templates']
export type Variable = NonNullable<Notifications['templates'][TemplateEvent]>['params'][string]

export interface EventInfo {
  event: TemplateEvent
  /** The seed's letter, where it has one. */
  letter?: 'A' | 'B' | 'C'
  title: string
  /** The seed's sentence (全局设置: 默认系统会发短信的地方). */
  seed: string
  /** Who gets it. */
  to: string
  /** What its parameters can carry (what the server fills in for this text). */
  variables: Variable[]
}

const ORDER_VARIABLES: Variable[] = ['order_no', 'product', 'consignee_name', 'card_no']

export const EVENTS: EventInfo[] = [
  { event: 'order_submitted_customer', letter: 'A', title: '提交订单通知顾客', seed: '当顾客提交了提货订单，是否要给顾客发一个友好的短信', to: '收货人手机号', variables: ORDER_VARIABLES },
  { event: 'order_submitted_admin', letter: 'B', title: '提交订单通知管理员', seed: '当顾客提交了提货订单，是否要给管理员发一个通知短信', to: '下面填写的管理员手机号', variables: ORDER_VARIABLES },
  { event: 'shipped_customer', letter: 'C', title: '发货通知顾客', seed: '当工作人员进行发货时，是否要给顾客发一个友好的短信', to: '收货人手机号', variables: [...ORDER_VARIABLES, 'courier', 'waybill_no'] },
  { event: 'card_issued', title: '发卡通知', seed: '商城通过开放平台卖卡、系统把卡发给顾客手机号时，给顾客发一条短信', to: '买卡顾客的手机号', variables: ['card_no', 'redeem_url', 'password'] },
  { event: 'security_alert', title: '猜密码告警', seed: '一小时内有人在很多张卡上输错密码（疑似猜密码）时，提醒管理员（每小时最多一次）', to: '下面填写的管理员手机号', variables: ['failures'] },
  { event: 'voucher_expiring', title: '储值券到期提醒', seed: '储值券快到期且还有余额时，提醒持券人尽快使用（每张券只提醒一次）', to: '储值券绑定的手机号', variables: ['card_no', 'balance', 'valid_to', 'days_left'] },
]

export const VARIABLE_LABELS: Record<Variable, string> = {
  order_no: '订单号', product: '商品名称', consignee_name: '收货人姓名', courier: '快递公司', waybill_no: '运单号',
  card_no: '卡号', redeem_url: '提货网址', password: '卡密码', site_name: '提货网站名称', failures: '输错次数',
  balance: '余额（元）', valid_to: '到期日', days_left: '剩余天数',
}

export const EVENT_LABELS: Record<string, string> = {
  ...Object.fromEntries(EVENTS.map((e) => [e.event, e.letter ? `${e.letter}：${e.title}` : e.title])),
  test: '测试短信',
}

export const STATE_LABELS: Record<SmsState, { text: string; type: 'success' | 'danger' | 'warning' }> = {
  sent: { text: '已发送', type: 'success' },
  failed: { text: '发送失败', type: 'danger' },
  dropped: { text: '未发送（超出频率限制）', type: 'warning' },
}

/** A sent text's delivery receipt, as the carrier reported it. */
export const DELIVERY_LABELS: Record<DeliveryState, { text: string; type: 'success' | 'danger' | 'warning' | 'info'; hint: string }> = {
  pending: { text: '等待回执', type: 'info', hint: '短信服务商已接收，尚未收到运营商的送达回执' },
  delivered: { text: '已送达', type: 'success', hint: '运营商回执：已送达顾客手机' },
  failed: { text: '未送达', type: 'danger', hint: '运营商回执：未能送达（原因见右侧）' },
  unknown: { text: '送达情况未知', type: 'warning', hint: '发送后 72 小时内没有收到回执（或该服务商不提供回执）' },
}

export const PROVIDER_LABELS: Record<string, string> = { console: '仅记录日志', aliyun: '阿里云', tencent: '腾讯云', fake: '测试' }
