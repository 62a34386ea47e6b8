// 操作日志 in words: every action the server writes, in Chinese, and an entry's summary as lines
// a merchant can read. An action this table does not know yet is shown by its area and its code
// rather than not at all.
import { PERMISSION_LABELS } from '../../permissions.js'

export const ACTION_LABELS: Record<string, string> = {
  'merchants.create': '创建商户',
  'admins.create': '添加管理员',
  'admins.update': '修改管理员',
  'admins.delete': '删除管理员',
  'admins.password_reset': '重置管理员密码',
  'admins.password_changed': '修改自己的密码',
  'admins.locked': '密码错误次数过多，账号锁定',
  'products.create': '添加提货商品',
  'products.update': '修改提货商品',
  'products.delete': '删除提货商品',
  'distributors.create': '添加券商',
  'distributors.update': '修改券商',
  'distributors.delete': '删除券商',
  'card_batches.create': '创建卡券批次',
  'cards.bulk.activate': '批量激活卡券',
  'cards.bulk.deactivate': '批量反激活卡券',
  'cards.bulk.void': '批量作废卡券',
  'cards.bulk.restore': '批量恢复卡券',
  'cards.bulk.delete': '批量删除卡券',
  'cards.bulk.update': '批量修改卡券',
  'cards.bulk.extend': '批量延期储值券',
  'cards.export': '导出卡券',
  'cards.export.ended': '导出卡券结束',
  'cards.export_secrets': '导出卡券（含密码）',
  'cards.export_secrets.ended': '导出卡券（含密码）结束',
  'cards.secrets_read': '查看卡券密码',
  'cards.secrets_sent': '发送卡券密码',
  'cards.import': '导入卡券',
  'vouchers.adjust': '调整储值券余额',
  'vouchers.unbind': '解绑储值券',
  'cards.issue_phones': '手机号发卡',
  'orders.ship': '订单发货',
  'orders.cancel': '取消订单',
  'orders.complete': '订单完成',
  'orders.export': '导出订单',
  'orders.ship_import': '导入发货单',
  'orders.waybill_change': '修改运单号',
  'couriers.create': '添加快递公司',
  'couriers.set_account': '设置快递账号',
  'settings.storefront.update': '修改前台设置',
  'settings.pickup.update': '修改提货设置',
  'apps.create': '创建开放平台应用',
  'apps.update': '修改开放平台应用',
  'apps.rotate_secret': '更换应用密钥',
  'webhooks.create': '添加 Webhook',
  'webhooks.update': '修改 Webhook',
  'webhooks.delete': '删除 Webhook',
  'webhooks.retry': '重发 Webhook 投递',
  'webhooks.replay': '重放 Webhook 事件',
  'webhooks.rotate_secret': '更换 Webhook 密钥',
  'settings.erp.update': '修改 ERP 设置',
  'integration_calls.retry': '重试集成调用',
}

/** The areas of the 操作 filter: each matches its own actions and every action under it. */
export const ACTION_AREAS: Array<{ code: string; label: string }> = [
  { code: 'admins', label: '管理员' },
  { code: 'products', label: '提货商品' },
  { code: 'card_batches', label: '卡券批次' },
  { code: 'cards', label: '卡券' },
  { code: 'vouchers', label: '储值券' },
  { code: 'distributors', label: '券商' },
  { code: 'orders', label: '订单' },
  { code: 'couriers', label: '快递' },
  { code: 'settings', label: '设置' },
  { code: 'apps', label: '开放平台应用' },
  { code: 'webhooks', label: 'Webhook' },
  { code: 'integration_calls', label: '集成调用' },
  { code: 'merchants', label: '商户' },
]

export function actionLabel (action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action]
  if (/^settings\.[a-z_]+\.update$/.test(action)) return `修改设置（${action.split('.')[1]}）`
  const area = ACTION_AREAS.find((a) => action.startsWith(`${a.code}.`))
  return area ? `${area.label}：${action}` : action
}

const TARGET_LABELS: Record<string, string> = {
  admin: '管理员', product: '商品', distributor: '券商', card: '卡券', cards: '卡券', batch: '批次', card_batch: '批次',
  order: '订单', merchant: '商户', settings: '设置', app: '应用', webhook: 'Webhook', courier: '快递公司', integration_call: '集成调用',
}

export function targetLabel (type: string | null, id: string | null, names: KnownNames = {}): string {
  if (!type) return '—'
  if (type === 'distributor' && id && names.distributors?.has(Number(id))) return `券商 ${names.distributors.get(Number(id))}`
  // A bulk action's id names the operation, not something a merchant looks up.
  if (type === 'cards') return '卡券'
  const name = TARGET_LABELS[type] ?? type
  return id ? `${name} ${id}` : name
}

const KEY_LABELS: Record<string, string> = {
  username: '用户名', name: '名称', code: '代码', admin_username: '管理员用户名', permissions: '权限',
  permissions_before: '原权限', permissions_after: '新权限', changed: '修改项', status: '状态',
  matched: '匹配', changed_count: '已修改', skipped: '跳过', target: '范围', fields: '修改内容', job_no: '任务号',
  filter: '筛选条件', rows: '行数', format: '格式', passwords: '含密码', state: '阶段', complete: '完整',
  quantity: '数量', batch_no: '批次号', prefix: '前缀', courier_code: '快递公司', waybill_no: '运单号', reason: '原因',
  ip: 'IP', count: '数量', serial_from: '起始序号', serial_to: '结束序号', card_no: '卡号', order_no: '订单号', distributor_id: '券商', remark: '备注', phone: '手机号', contact: '联系人', section: '设置项', topic: '调用类型', protocol: '接口类型', sid: '卖家账号', shop_no: '店铺编号',
}

const FIELD_LABELS: Record<string, string> = {
  name: '姓名/名称', phone: '手机号', password: '密码', permissions: '权限', status: '状态', contact: '联系人', remark: '备注',
  images: '图片', description: '描述', goods_no: '商品编码', spec_no: '规格编码', category: '分类', attributes: '扩展属性',
  sort_order: '排序', face_value: '面值', valid_from: '有效期起', valid_to: '有效期止', product_ids: '对应商品', distributor_id: '券商',
}

const VALUE_LABELS: Record<string, string> = {
  active: '启用', disabled: '停用', inactive: '未激活', redeemed: '已提货', voided: '已作废', started: '开始', true: '是', false: '否',
}

/** Keys whose values are never shown, whatever an entry carries (the server writes none; this is the page's own guard). */
const SECRET_KEY = /^(password|old_password|new_password|password_hash|hash|secret|\w+_secret|token|\w+_token|sign|signature|private_key)$/i

/** Names the page knows for ids a summary carries (a distributor's, for the cards given to it). */
export interface KnownNames { distributors?: Map<number, string> }

function text (key: string, value: unknown, names: KnownNames = {}): string {
  if (key === 'distributor_id' && typeof value === 'number') return names.distributors?.get(value) ?? `#${value}`
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) {
    if (value.length === 0) return '无'
    if (key.startsWith('permissions')) return value.map((p) => PERMISSION_LABELS[String(p)] ?? String(p)).join('、')
    if (key === 'changed') return value.map((f) => FIELD_LABELS[String(f)] ?? String(f)).join('、')
    return value.map((v) => text('', v, names)).join('、')
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined)
    if (entries.length === 0) return '无'
    return entries.map(([k, v]) => `${KEY_LABELS[k] ?? FIELD_LABELS[k] ?? k}=${text(k, v, names)}`).join('，')
  }
  const s = String(value)
  return VALUE_LABELS[s] ?? s
}

/** An entry's summary as "label: value" lines. */
export function summaryLines (summary: Record<string, unknown> | null, targetType: string | null = null, names: KnownNames = {}): Array<{ label: string; value: string }> {
  if (!summary) return []
  return Object.entries(summary).map(([key, value]) => {
    // "changed" is the fields changed (an admin, a product) or how many cards a bulk action changed.
    const label = key === 'changed' && typeof value === 'number' ? '已修改' : KEY_LABELS[key] ?? key
    let shown = SECRET_KEY.test(key) ? '（不显示）' : text(key, value, names)
    if (targetType === 'admin' && key === 'changed') shown = shown.replace('姓名/名称', '姓名')
    return { label, value: shown }
  })
}

export function actorTypeLabel (type: string): string {
  return ({ admin: '管理员', app: '开放平台应用', system: '系统', customer: '顾客' } as Record<string, string>)[type] ?? type
}
