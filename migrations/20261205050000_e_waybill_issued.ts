import type { Knex } from 'knex'

// The e-waybill an order's current waybill came from, as the label, print and cancel calls need
// it: the courier account, the vendor's order id, Kuaidi100's print task and courier order
// number (JSON). Null for a waybill typed in by hand (人工发货) or cancelled.
export async function up (knex: Knex): Promise<void> {
  if (!await knex.schema.hasColumn('orders', 'e_waybill_issued')) {
    await knex.schema.alterTable('orders', (t) => { t.text('e_waybill_issued').nullable() })
  }
}

export async function down (knex: Knex): Promise<void> {
  if (await knex.schema.hasColumn('orders', 'e_waybill_issued')) {
    await knex.schema.alterTable('orders', (t) => { t.dropColumn('e_waybill_issued') })
  }
}
