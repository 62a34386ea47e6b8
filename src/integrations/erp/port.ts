// The ERP port: push one trade (or its refund), pull shipments, acknowledge them, check the shop.
export interface ErpTrade {
  tid: string
  refund: boolean
  created_at: string
  consignee: { name: string; phone: string; province: string; city: string; district: string; address: string } | null
  remark: string | null
  item: { oid: string; goods_id: string; goods_no: string; spec_no: string; goods_name: string }
}

export interface ErpShipment { id: string; tid: string; logistics_no: string; courier_code: string | null; courier_name: string | null }

export interface ErpAdapter {
  pushTrade (trade: ErpTrade): Promise<void>
  pullShipments (): Promise<ErpShipment[]>
  /** A read-only call that proves the credentials and the shop: the shop's name, or an IntegrationError. */
  checkShop (): Promise<{ shop_name: string | null }>
  acknowledge (results: Array<{ id: string; ok: boolean; message: string }>): Promise<void>
}
