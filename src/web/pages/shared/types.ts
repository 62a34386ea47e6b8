// The shapes of the API answers the pages read (openapi/openapi.json has the full ones).

export interface Storefront {
  site_name: string
  logo_url: string | null
  theme_color: string
  welcome_text: string
  notice_text: string
  success_text: string
}

export interface Reservation {
  mode: 'none' | 'any' | 'window'
  min_days_ahead: number
  max_days_ahead: number
  blocked_weekdays: number[]
  blocked_dates: string[]
  today: string
  daily_cap: number | null
  available_dates: string[]
}

export interface RedeemConfig {
  merchant: { code: string; name: string }
  storefront: Storefront
  pickup: { enabled: boolean; pause_message: string | null }
  reservation: Reservation
}

export interface Product {
  product_id: number
  name: string
  image_url: string | null
  description: string | null
}

export interface CardView {
  card: { card_no: string; face_value: number | null; valid_from: string | null; valid_to: string | null }
  products: Product[]
}

export interface Verified extends CardView {
  token: string
  expires_at: string
}

export interface Consignee {
  name: string
  phone: string
  province: string
  city: string
  district: string
  address: string
}

export interface Order {
  order_no: string
  status: string
  channel: string
  card_no: string
  product: { product_id: number; name: string }
  consignee: Consignee | null
  reserve_date: string | null
  remark: string | null
  courier_name: string | null
  courier_code: string | null
  waybill_no: string | null
  staff: { id: number; name: string } | null
  shipped_at: string | null
  delivered_at: string | null
  completed_at: string | null
  cancelled_at: string | null
  created_at: string
  tracking?: Array<{ time: string; text: string }>
}

export function emptyConsignee (): Consignee {
  return { name: '', phone: '', province: '', city: '', district: '', address: '' }
}
