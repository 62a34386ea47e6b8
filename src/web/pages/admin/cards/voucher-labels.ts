// Stored-value vouchers (储值提货券) as a merchant reads them: the kind, the state the holder
// sees, the restrictions in words and the validity of an N-day batch.
import { yuan } from '../format.js'
import type { operations } from '../../shared/api-types.js'

export type Voucher = operations['getVoucher']['responses'][200]['content']['application/json']
export type Restrictions = NonNullable<Voucher['restrictions']>
export type CardKind = 'pickup' | 'stored_value'

export const KIND_LABEL: Record<CardKind, string> = { pickup: '提货卡', stored_value: '储值券' }

/** The server's `state` (what the holder sees): inactive, active, exhausted, expired, voided. */
export const VOUCHER_STATE_LABEL: Record<string, string> = {
  inactive: '未激活', active: '可用', exhausted: '余额已用完', expired: '已过期', voided: '已作废',
}
export const VOUCHER_STATE_TAG: Record<string, 'info' | 'success' | 'warning' | 'danger'> = {
  inactive: 'info', active: 'success', exhausted: 'warning', expired: 'danger', voided: 'danger',
}

/** "¥200.00" without the sign: the panels say 元 beside it. */
export function yuanPlain (fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : yuan(fen).replace('¥', '')
}

/** A ledger amount with its sign: +200.00 / -50.00 / 0.00. */
export function signedYuan (fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${fen > 0 ? '+' : ''}${yuanPlain(fen)}`
}

/** The restrictions in one sentence per kind; none: the whole catalogue, anywhere. */
export function restrictionLines (r: Restrictions | null | undefined, productName: (id: number) => string): string[] {
  const lines: string[] = []
  if (r?.product_ids?.length) lines.push(`指定商品：${r.product_ids.map(productName).join('、')}`)
  if (r?.categories?.length) lines.push(`指定类目：${r.categories.join('、')}`)
  if (r?.suppliers?.length) lines.push(`指定供应商：${r.suppliers.join('、')}`)
  const goods = lines.length
  if (r?.provinces?.length) lines.push(`仅限收货地区：${r.provinces.join('、')}`)
  if (!goods) lines.unshift('全部商品可用')
  else if (goods > 1) lines.push('（商品符合以上任意一项即可）')
  return lines
}

/** A batch's or card's validity: fixed dates, N days from the day after activation, or none. */
export function validityText (v: { valid_from: string | null; valid_to: string | null; valid_days?: number | null }): string {
  if (v.valid_from || v.valid_to) return `${v.valid_from ?? '不限'} 至 ${v.valid_to ?? '不限'}`
  if (v.valid_days) return `激活次日起 ${v.valid_days} 天`
  return '不限'
}

/** A ledger row's kind (card_activities.type of a voucher). */
export const LEDGER_LABEL: Record<string, string> = {
  load: '充值（激活入账）', unload: '取消激活（余额清零）', hold: '冻结（下单）', capture: '扣款（确认冻结）', release: '解冻（退回余额）',
  debit: '扣款', refund: '退款', adjust: '余额调整', extend: '延期', expire: '过期', bind: '绑定手机号', unbind: '解绑手机号',
}

/** What a ledger row's detail says, in words. */
export function ledgerNote (h: { type: string; ref_type: string | null; ref_id: string | null; detail: Record<string, unknown> | null }): string {
  const d = h.detail ?? {}
  const parts: string[] = []
  if (h.type === 'capture' && typeof d.amount === 'number') parts.push(`冻结的 ${yuanPlain(d.amount)} 元转为扣款`)
  if (h.type === 'release' && d.lapsed) parts.push('冻结超时自动解冻')
  if (h.type === 'extend' && d.from && d.to) parts.push(`有效期 ${String(d.from)} → ${String(d.to)}`)
  if ((h.type === 'bind' || h.type === 'unbind') && d.phone) parts.push(String(d.phone))
  if (h.type === 'refund' && d.out_refund_no) parts.push(`退款单 ${String(d.out_refund_no)}`)
  if (typeof d.reason === 'string' && d.reason) parts.push(`原因：${d.reason}`)
  if (h.ref_type === 'hold' && h.ref_id) parts.push(`冻结单 ${h.ref_id}`)
  return parts.join('，')
}
