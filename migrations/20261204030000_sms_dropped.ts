import type { Knex } from 'knex'

// A text the per-phone limits stop was logged as 'limited' with no reason: in the merchant's log
// it looked like nothing at all. It is now 'dropped' with the limit it hit in `error`; earlier
// rows get the state and a reason that names no number (which limit was hit was not kept).
const OLD_REASON = '超出发送频率限制（同一手机号同一模板），本条未发送'

export async function up (knex: Knex): Promise<void> {
  await knex('sms_messages').where({ status: 'limited' }).update({ status: 'dropped', error: OLD_REASON })
}

export async function down (knex: Knex): Promise<void> {
  await knex('sms_messages').where({ status: 'dropped' }).update({ status: 'limited', error: null })
}
