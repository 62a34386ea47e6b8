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
