// The e-waybill port: one vendor per courier account (merchant courier variant).
export interface Party { name: string; phone: string; province: string; city: string; district: string; address: string }

export interface WaybillRequest {
  /** Our order number: the vendor's order id, so a repeated request never makes a second waybill. */
  order_no: string
  sender: Party
  receiver: Party
  cargo: string
  monthly_account: string | null
  product_type: string | null
}

export interface Waybill { waybill_no: string; label: string | null }

export class CourierError extends Error {
  constructor (message: string, readonly retryable: boolean, readonly code: string | null = null) {
    super(message)
    this.name = 'CourierError'
  }
}

/** The adapter's error for a failed call (the vendor HTTP client makes its failures this type). */
export const courierFailure = (message: string, retryable: boolean) => new CourierError(message, retryable)

export interface CourierVendor { readonly name: string; createWaybill (req: WaybillRequest): Promise<Waybill> }
