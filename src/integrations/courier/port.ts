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

export interface Waybill {
  waybill_no: string
  label: string | null
  /** Kuaidi100's print task of the waybill (复打 reprints it) and the courier's order number (kdComOrderNum, needed to cancel); absent for SF. */
  task_id?: string | null
  courier_order_no?: string | null
}

/** A waybill the vendor issued, as the label, print and cancel calls name it. */
export interface IssuedWaybill {
  /** The vendor's order id the waybill was created with (our order number, or order-number-round). */
  vendor_order_id: string
  waybill_no: string
  /** Kuaidi100's label link (printType IMAGE/HTML), when it gave one. */
  label: string | null
  task_id: string | null
  courier_order_no: string | null
}

/** One label file as the vendor serves it: a PDF (SF, some Kuaidi100 couriers) or an image. */
export interface LabelFile { waybill_no: string; content_type: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: Buffer }

/** What the label calls of a vendor do (面单打印, 云打印/复打, 取消电子面单). */
export interface CourierLabels {
  /** The label files, one per waybill in the given order; a waybill without one is an IntegrationError. */
  labels (waybills: IssuedWaybill[]): Promise<LabelFile[]>
  /** Sends the label to the merchant's cloud printer (Kuaidi100 `siid`); throws when the vendor has none. */
  cloudPrint (waybill: IssuedWaybill): Promise<{ message: string }>
  /** Cancels the waybill at the vendor (not yet collected); a refusal is an IntegrationError. */
  cancelWaybill (waybill: IssuedWaybill, reason: string): Promise<void>
}


/** A test call's answer: the credentials were accepted, said in Chinese for the merchant. */
export interface CredentialsCheck { message: string }

export interface CourierVendor {
  readonly name: string
  createWaybill (req: WaybillRequest): Promise<Waybill>
  /**
   * A harmless, read-only call that the vendor answers only to valid credentials (物流配置's
   * 测试连接). Resolves when they are accepted; a refusal throws an IntegrationError with the vendor's reason.
   */
  checkCredentials (): Promise<CredentialsCheck>
}
