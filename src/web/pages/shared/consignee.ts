// Checks the address form before it is sent, with the same rules as the API's ConsigneeSchema.
import type { FieldErrors } from './errors.js'
import { FIELD_HINT } from './errors.js'
import type { Consignee } from './types.js'

export const MOBILE = /^1[3-9][0-9]{9}$/

export function emptyConsignee (): Consignee {
  return { name: '', phone: '', province: '', city: '', district: '', address: '' }
}

export function tidyConsignee (c: Consignee): Consignee {
  return {
    name: c.name.trim(),
    phone: c.phone.replace(/[\s-]/g, ''),
    province: c.province,
    city: c.city,
    district: c.district,
    address: c.address.trim(),
  }
}

export function checkConsignee (c: Consignee, remark = ''): FieldErrors {
  const out: FieldErrors = {}
  if (!c.name || c.name.length > 50) out.name = c.name ? FIELD_HINT.name : '请填写收货人姓名'
  if (!MOBILE.test(c.phone)) out.phone = c.phone ? FIELD_HINT.phone : '请填写收货人手机号码'
  if (!c.province || !c.city || !c.district) out.region = FIELD_HINT.region
  if (!c.address || c.address.length > 200) out.address = c.address ? FIELD_HINT.address : '请填写详细地址'
  if (remark.length > 500) out.remark = FIELD_HINT.remark
  return out
}

/** The order the form shows its fields in (focus goes to the first one with an error). */
export const CONSIGNEE_FIELDS = ['name', 'phone', 'region', 'address', 'remark'] as const
export type ConsigneeField = typeof CONSIGNEE_FIELDS[number]

export const isConsigneeField = (field: string): field is ConsigneeField => (CONSIGNEE_FIELDS as readonly string[]).includes(field)
