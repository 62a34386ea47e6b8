import { forbidden } from '../../shared/errors.js'

// The fixed permission catalogue: one entry for every admin route that exists or will exist.
// Codes are stored on admins and are part of the API: never rename one.
export const PERMISSIONS = {
  'products.read': '查看提货商品',
  'products.write': '管理提货商品',
  'distributors.write': '管理券商',
  'cards.read': '查看卡券',
  'cards.create': '创建卡券',
  'cards.activate': '激活/反激活卡券',
  'cards.edit': '批量修改卡券',
  'cards.void': '作废/恢复卡券',
  'cards.delete': '删除卡券',
  'cards.export': '导出卡券',
  'cards.export_secrets': '导出卡券密码',
  'cards.import': '导入卡券',
  'orders.read': '查看订单',
  'orders.ship': '订单发货',
  'orders.export': '导出订单',
  'orders.cancel': '取消订单',
  'redeem.store': '到店提货',
  'redeem.phone': '电话提货',
  'settings.write': '修改全局设置',
  'apps.write': '管理开放平台应用',
  'webhooks.write': '管理 Webhook',
  'admins.write': '管理管理员',
  'audit.read': '查看操作日志',
} as const

export type Permission = keyof typeof PERMISSIONS

/** 403 forbidden naming the permission that is missing, in words and as its code; `what` says what it was needed for. */
export function missingPermission (permission: Permission, what = '没有执行此操作的权限') {
  return forbidden({ message: `${what}：需要“${PERMISSIONS[permission]}”（${permission}）`, details: [{ path: '/permission', message: permission }] })
}

export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[]
