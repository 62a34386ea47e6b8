// The console's menu, in the seed's words and order (002: 提货前台, 提货商品, 卡券管理, …). Each
// page names the permission it needs (any of `permissions`; none: every admin); the menu shows
// only what the signed-in admin may open, and the router refuses the rest with the missing
// permission named. Every page is its own chunk, loaded when first opened.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { DataAnalysis, Goods, Link, OfficeBuilding, Tickets, User, Document, Shop, Phone, UserFilled, Setting, Connection, List, Van } from '@element-plus/icons-vue'

export interface Page {
  name: string
  path: string
  title: string
  permissions?: string[]
  component: () => Promise<Component>
  /** Not in the menu (reached from another page). */
  hidden?: boolean
  /** The menu entry highlighted while this page is open (a hidden page's parent). */
  active?: string
}

export interface MenuGroup { title: string; icon: Component; pages: Page[] }

/** Opens the staff pages (到店提货 / 电话提货) without a second login (see StaffLink.vue). */
export interface StaffEntry { title: string; icon: Component; path: string; permission: string }

export const MENU: MenuGroup[] = [
  {
    title: '概览', icon: DataAnalysis, pages: [
      { name: 'overview', path: '', title: '概览', component: () => import('./views/OverviewView.vue') },
    ],
  },
  {
    title: '提货前台', icon: Link, pages: [
      { name: 'pickup-site', path: 'pickup-site', title: '提货前台', component: () => import('./views/PickupSiteView.vue') },
    ],
  },
  {
    title: '商户信息', icon: OfficeBuilding, pages: [
      { name: 'merchant', path: 'merchant', title: '商户信息', component: () => import('./views/MerchantView.vue') },
    ],
  },
  {
    title: '提货商品', icon: Goods, pages: [
      { name: 'products', path: 'products', title: '提货商品', permissions: ['products.read'], component: () => import('./views/ProductsView.vue') },
      { name: 'product-new', path: 'products/new', title: '添加商品', permissions: ['products.write'], hidden: true, active: 'products', component: () => import('./views/ProductEditView.vue') },
      { name: 'product-edit', path: 'products/:id', title: '编辑商品', permissions: ['products.read'], hidden: true, active: 'products', component: () => import('./views/ProductEditView.vue') },
    ],
  },
  {
    title: '卡券管理', icon: Tickets, pages: [
      { name: 'card-create', path: 'cards/new', title: '创建卡券', permissions: ['cards.create'], component: () => import('./views/CardCreateView.vue') },
      { name: 'batches', path: 'batches', title: '卡券批次', permissions: ['cards.read'], component: () => import('./views/BatchesView.vue') },
      { name: 'cards', path: 'cards', title: '卡券列表', permissions: ['cards.read'], component: () => import('./views/CardsView.vue') },
      { name: 'card-import', path: 'cards/import', title: '卡券导入', permissions: ['cards.import'], component: () => import('./views/CardImportView.vue') },
      { name: 'phone-issue', path: 'cards/phone-issue', title: '手机号发卡', permissions: ['cards.activate'], component: () => import('./views/PhoneIssueView.vue') },
    ],
  },
  {
    title: '券商管理', icon: Shop, pages: [
      { name: 'distributors', path: 'distributors', title: '券商管理', permissions: ['cards.read', 'distributors.write'], component: () => import('./views/DistributorsView.vue') },
    ],
  },
  {
    title: '订单管理', icon: List, pages: [
      { name: 'orders', path: 'orders', title: '订单列表', permissions: ['orders.read'], component: () => import('./views/OrdersView.vue') },
      { name: 'ship-import', path: 'orders/ship-import', title: '批量发货', permissions: ['orders.ship'], component: () => import('./views/ShipImportView.vue') },
      { name: 'order-detail', path: 'orders/:order_no', title: '订单详情', permissions: ['orders.read'], hidden: true, active: 'orders', component: () => import('./views/OrderDetailView.vue') },
    ],
  },
  {
    title: '物流配置', icon: Van, pages: [
      { name: 'logistics', path: 'logistics', title: '物流配置', permissions: ['settings.write'], component: () => import('./views/LogisticsView.vue') },
    ],
  },
  {
    title: '全局设置', icon: Setting, pages: [
      { name: 'storefront', path: 'settings/storefront', title: '店铺设置', component: () => import('./views/StorefrontView.vue') },
      { name: 'pickup-settings', path: 'settings/pickup', title: '提货设置', component: () => import('./views/PickupSettingsView.vue') },
      { name: 'notification-settings', path: 'settings/notifications', title: '通知设置', permissions: ['settings.write'], component: () => import('./views/NotificationSettingsView.vue') },
      { name: 'e-waybill-settings', path: 'settings/e-waybill', title: '电子面单寄件人', permissions: ['settings.write'], component: () => import('./views/EWaybillSettingsView.vue') },
      { name: 'erp-settings', path: 'settings/erp', title: 'ERP 设置', permissions: ['settings.write'], component: () => import('./views/ErpSettingsView.vue') },
      { name: 'tracking-settings', path: 'settings/tracking', title: '物流跟踪', permissions: ['settings.write'], component: () => import('./views/TrackingSettingsView.vue') },
    ],
  },
  {
    title: '开放平台', icon: Connection, pages: [
      { name: 'apps', path: 'open/apps', title: '应用管理', permissions: ['apps.write'], component: () => import('./views/AppsView.vue') },
      { name: 'webhooks', path: 'open/webhooks', title: 'Webhook', permissions: ['webhooks.write'], component: () => import('./views/WebhooksView.vue') },
      { name: 'webhook-deliveries', path: 'open/webhooks/:id(\\d+)', title: '投递记录', permissions: ['webhooks.write'], hidden: true, active: 'webhooks', component: () => import('./views/WebhookDeliveriesView.vue') },
      { name: 'integration-calls', path: 'integration-calls', title: '集成调用', permissions: ['settings.write'], component: () => import('./views/IntegrationCallsView.vue') },
    ],
  },
  {
    title: '管理员', icon: User, pages: [
      { name: 'admins', path: 'admins', title: '管理员', permissions: ['admins.write'], component: () => import('./views/AdminsView.vue') },
    ],
  },
  {
    title: '操作日志', icon: Document, pages: [
      { name: 'audit', path: 'audit', title: '操作日志', permissions: ['audit.read'], component: () => import('./views/AuditView.vue') },
    ],
  },
]

export const STAFF_ENTRIES: StaffEntry[] = [
  { title: '到店提货', icon: UserFilled, path: '/staff/store', permission: 'redeem.store' },
  { title: '电话提货', icon: Phone, path: '/staff/phone', permission: 'redeem.phone' },
]

/** Pages outside the menu that every admin may open. */
export const OTHER_PAGES: Page[] = [
  { name: 'password', path: 'password', title: '修改密码', hidden: true, component: () => import('./views/PasswordView.vue') },
]

export const PAGES: Page[] = [...MENU.flatMap((g) => g.pages), ...OTHER_PAGES]

export function allowed (page: Pick<Page, 'permissions'>, can: (p: string) => boolean): boolean {
  return !page.permissions?.length || page.permissions.some(can)
}

export function routesOf (pages: Page[]): RouteRecordRaw[] {
  return pages.map((p) => ({ name: p.name, path: p.path, component: p.component, meta: { title: p.title, permissions: p.permissions ?? [], active: p.active ?? p.name } }))
}
