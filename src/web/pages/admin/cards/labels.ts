// The card states, bulk actions and skip reasons as a merchant reads them (the API's codes
// never reach the screen).
import type { operations } from '../../shared/api-types.js'

export type CardFilter = NonNullable<operations['listCards']['parameters']['query']>
export type Card = operations['listCards']['responses'][200]['content']['application/json']['items'][number]
export type CardDetail = operations['getCard']['responses'][200]['content']['application/json']
export type CardStatus = Card['status']
export type Batch = operations['getCardBatch']['responses'][200]['content']['application/json']
export type BulkBody = NonNullable<operations['bulkCardAction']['requestBody']>['content']['application/json']
export type BulkAction = BulkBody['action']
export type BulkFields = NonNullable<BulkBody['fields']>
export type BulkTarget = BulkBody['target']
export type BulkResult = operations['bulkCardAction']['responses'][200]['content']['application/json']
export type BulkJob = operations['bulkCardAction']['responses'][202]['content']['application/json']

export const STATUS_LABEL: Record<CardStatus, string> = { inactive: '未激活', active: '已激活', redeemed: '已提货', voided: '已作废' }
export const STATUS_TAG: Record<CardStatus, 'info' | 'success' | 'warning' | 'danger'> = { inactive: 'info', active: 'success', redeemed: 'warning', voided: 'danger' }
export const STATUSES: CardStatus[] = ['inactive', 'active', 'redeemed', 'voided']

export const ACTION_LABEL: Record<BulkAction, string> = {
  activate: '激活', deactivate: '取消激活', void: '作废', restore: '恢复', delete: '删除', update: '修改', extend: '延期',
}
/** The permission each action needs (the server's BULK_PERMISSION). */
export const ACTION_PERMISSION: Record<BulkAction, string> = {
  activate: 'cards.activate', deactivate: 'cards.activate', void: 'cards.void', restore: 'cards.void', delete: 'cards.delete', update: 'cards.edit', extend: 'cards.edit',
}

/** Why a card is left as it is, per the server's card-rules.ts (a state name is the card's state). */
export const SKIP_REASON: Record<string, string> = {
  already_active: '已经是激活状态',
  already_inactive: '已经是未激活状态',
  already_voided: '已经作废',
  not_voided: '未作废（只有已作废的卡才能恢复或删除）',
  redeemed: '已提货（已提货的卡不能再激活、作废或修改可提商品、有效期和面值）',
  inactive: '未激活（只有已激活的卡才能取消激活或延期）',
  active: '已激活',
  voided: '已作废（作废的卡需先恢复）',
  validity_conflict: '修改后有效期的开始日期会晚于结束日期（只改了有效期的一端，与卡上原有的另一端冲突）',
  voucher_used: '储值券已使用过（余额低于面值或有预授权），不能作废或取消激活',
  voucher_loaded: '储值券不能这样修改（已激活入账的券不能改面值和有效期，延期请用“储值券延期”；储值券面值不能清空）',
  not_extendable: '不能延期（不是储值券、已延期过，或已过期超过 30 天）',
  unchanged: '没有变化',
}
export function skipReason (code: string): string {
  return SKIP_REASON[code] ?? '状态不允许此操作'
}

export const ACTIVITY_LABEL: Record<string, string> = {
  issue: '生成', activate: '激活', deactivate: '取消激活', void: '作废', restore: '恢复', delete: '删除', edit: '修改',
  redeem: '提货', import: '导入', issue_open: '开放平台发卡', assign: '分配券商', phone_bind: '绑定手机号',
  load: '充值（激活入账）', hold: '预授权冻结', capture: '预授权扣款', release: '预授权释放', debit: '扣款', refund: '退款',
  adjust: '余额调整', extend: '延期', bind: '绑定手机号', unbind: '解绑手机号', unload: '取消激活（余额清零）', expire: '过期',
}
export const ACTOR_LABEL: Record<string, string> = { admin: '管理员', app: '开放平台应用', system: '系统', customer: '顾客' }

export const FIELD_LABEL: Record<string, string> = {
  product_ids: '可提商品', valid_from: '有效期开始', valid_to: '有效期结束', face_value: '面值', remark: '备注', distributor_id: '券商',
}
