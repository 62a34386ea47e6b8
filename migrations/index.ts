// Migrations are listed here rather than discovered on disk, so the same list works from
// TypeScript (tests) and from compiled JavaScript (production). Append, never reorder.
import type { Knex } from 'knex'
import * as foundation from './20261123000000_foundation.js'
import * as catalogAndCards from './20261123010000_catalog_and_cards.js'
import * as redemptionOrders from './20261124000000_redemption_orders.js'
import * as openPlatform from './20261124010000_open_platform.js'
import * as notifications from './20261124020000_notifications.js'
import * as tracking from './20261124030000_tracking.js'
import * as security from './20261201000000_security.js'
import * as performance from './20261202000000_performance.js'
import * as merchantConsole from './20261203000000_merchant_console.js'
import * as distributorCardCounts from './20261203010000_distributor_card_counts.js'
import * as downloadLinks from './20261203020000_download_links.js'
import * as orderDesk from './20261204000000_order_desk.js'
import * as smsOrderNo from './20261204010000_sms_order_no.js'
import * as courierVariantDisabled from './20261204020000_courier_variant_disabled.js'
import * as smsDropped from './20261204030000_sms_dropped.js'
import * as erpSyncStatus from './20261204050000_erp_sync_status.js'
import * as smsDelivery from './20261205010000_sms_delivery.js'
import * as erpStockAndGoods from './20261205020000_erp_stock_and_goods.js'
import * as trackingState from './20261205030000_tracking_state.js'
import * as eWaybillIssued from './20261205050000_e_waybill_issued.js'
import * as storedValue from './20261206000000_stored_value.js'
import * as voucherReminders from './20261207000000_voucher_reminders.js'

const migrations: Record<string, Knex.Migration> = {
  '20261123000000_foundation': foundation,
  '20261123010000_catalog_and_cards': catalogAndCards,
  '20261124000000_redemption_orders': redemptionOrders,
  '20261124010000_open_platform': openPlatform,
  '20261124020000_notifications': notifications,
  '20261124030000_tracking': tracking,
  '20261201000000_security': security,
  '20261202000000_performance': performance,
  '20261203000000_merchant_console': merchantConsole,
  '20261203010000_distributor_card_counts': distributorCardCounts,
  '20261203020000_download_links': downloadLinks,
  '20261204000000_order_desk': orderDesk,
  '20261204010000_sms_order_no': smsOrderNo,
  '20261204020000_courier_variant_disabled': courierVariantDisabled,
  '20261204030000_sms_dropped': smsDropped,
  '20261204050000_erp_sync_status': erpSyncStatus,
  '20261205010000_sms_delivery': smsDelivery,
  '20261205020000_erp_stock_and_goods': erpStockAndGoods,
  '20261205030000_tracking_state': trackingState,
  '20261205050000_e_waybill_issued': eWaybillIssued,
  '20261206000000_stored_value': storedValue,
  '20261207000000_voucher_reminders': voucherReminders,
}

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
}
