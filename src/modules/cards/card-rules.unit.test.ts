// Unit tests of the card state rules (no database, no HTTP): which states each bulk action
// changes, where it takes them, and how the others are counted.
import t from 'tap'
import { ACTION_RULES, actionGuard, eligibleStatuses, guardReason, tally, validityGuard } from './card-rules.js'
import { BULK_ACTIONS, CARD_STATUSES } from './cards.schemas.js'

const none = { inactive: 0, active: 0, redeemed: 0, voided: 0 }

t.test('each action takes cards from these states only, to this one', async (t) => {
  const table = Object.fromEntries(BULK_ACTIONS.map((a) => [a, { from: [...ACTION_RULES[a].from], to: ACTION_RULES[a].to, activity: ACTION_RULES[a].activity }]))
  t.same(table, {
    activate: { from: ['inactive'], to: 'active', activity: 'activate' },
    deactivate: { from: ['active'], to: 'inactive', activity: 'deactivate' },
    void: { from: ['inactive', 'active'], to: 'voided', activity: 'void' },
    restore: { from: ['voided'], to: 'before_void', activity: 'restore' },
    delete: { from: ['voided'], to: 'deleted', activity: 'delete' },
    update: { from: ['inactive', 'active', 'voided', 'redeemed'], to: 'same', activity: 'edit' },
    extend: { from: ['active'], to: 'same', activity: 'extend' },
  })
})

t.test('延期 takes a voucher ending no more than 30 days before today; void and deactivate only unspent ones', async (t) => {
  t.same(actionGuard('extend', undefined, '2027-03-24'), { extendable_since: '2027-02-22' })
  t.equal(guardReason(actionGuard('extend', undefined, '2027-03-24')!), 'not_extendable')
  t.same(actionGuard('void', undefined, '2027-03-24'), { unspent: true })
  t.equal(guardReason({ unspent: true }), 'voucher_used')
  t.equal(actionGuard('activate', undefined, '2027-03-24'), null)
})

t.test('a redeemed card is never voided, restored or deleted (只有未兑换的卡才能进行作废)', async (t) => {
  for (const action of ['activate', 'deactivate', 'void', 'restore', 'delete'] as const) {
    t.notOk(eligibleStatuses(action, undefined).includes('redeemed'), action)
  }
  t.same(eligibleStatuses('delete', undefined), ['voided'], '只有标记为已作废的卡才能进行删除')
})

t.test('an edit of what a card redeems leaves redeemed cards alone; other edits reach every state', async (t) => {
  for (const fields of [{ product_ids: [1] }, { valid_from: '2027-01-01' }, { valid_to: null }, { face_value: 100 }]) {
    t.same(eligibleStatuses('update', fields), ['inactive', 'active', 'voided'], JSON.stringify(fields))
  }
  t.same(eligibleStatuses('update', { remark: '备注' }), ['inactive', 'active', 'voided', 'redeemed'])
  t.same(eligibleStatuses('update', { distributor_id: 3 }), ['inactive', 'active', 'voided', 'redeemed'])
})

t.test('skipped cards are counted by reason', async (t) => {
  const reasons = (action: typeof BULK_ACTIONS[number]) => Object.fromEntries(CARD_STATUSES.filter((s) => !ACTION_RULES[action].from.includes(s)).map((s) => [s, ACTION_RULES[action].skip(s)]))
  t.same(reasons('activate'), { active: 'already_active', redeemed: 'redeemed', voided: 'voided' })
  t.same(reasons('deactivate'), { inactive: 'already_inactive', redeemed: 'redeemed', voided: 'voided' })
  t.same(reasons('void'), { redeemed: 'redeemed', voided: 'already_voided' })
  t.same(reasons('restore'), { inactive: 'not_voided', active: 'not_voided', redeemed: 'not_voided' })
  t.same(reasons('delete'), { inactive: 'not_voided', active: 'not_voided', redeemed: 'not_voided' })
  t.same(reasons('update'), {})
  t.same(reasons('extend'), { inactive: 'inactive', redeemed: 'redeemed', voided: 'voided' })

  t.same(tally('void', eligibleStatuses('void', undefined), { ...none, inactive: 50, active: 48, redeemed: 2 }), { eligible: 98, skipped: { redeemed: 2 } })
  t.same(tally('restore', eligibleStatuses('restore', undefined), { ...none, inactive: 1, active: 3, voided: 5 }), { eligible: 5, skipped: { not_voided: 4 } }, 'one reason sums several states')
  t.same(tally('update', eligibleStatuses('update', { face_value: 1 }), { ...none, active: 7, redeemed: 2 }), { eligible: 7, skipped: { redeemed: 2 } })
  t.same(tally('activate', ['inactive'], none), { eligible: 0, skipped: {} }, 'nothing matched, nothing skipped')
})

t.test('setting one end of the validity guards the other per card; both ends or none need no guard', async (t) => {
  t.same(validityGuard({ valid_from: '2027-01-01' }), { valid_from: '2027-01-01' })
  t.same(validityGuard({ valid_to: '2026-12-31', remark: 'x' }), { valid_to: '2026-12-31' })
  t.equal(validityGuard({ valid_from: '2027-01-01', valid_to: '2027-02-01' }), null)
  t.equal(validityGuard({ valid_from: null }), null, 'clearing an end cannot break the order')
  t.equal(validityGuard({ valid_from: '2027-01-01', valid_to: null }), null)
  t.equal(validityGuard({ remark: 'x' }), null)
})
