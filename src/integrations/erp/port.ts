// The ERP port: push one trade (or its refund), pull shipments and stock changes, acknowledge
// them, check the shop.

/** One order line: one ERP good (a gift box of several goods is several lines). */
export interface ErpLine {
  oid: string
  /** Our product id: the platform's goods (SPU) id as WDT keeps it. */
  goods_id: string
  /** The platform's SKU id as WDT keeps it (never empty): the line's spec_no, else its goods_no. Stock changes come back by it. */
  spec_id: string
  goods_no: string
  spec_no: string
  goods_name: string
  num: number
  /** Unit price, in fen. */
  price_fen: number
  /** Added to this line's total (fen), so that the lines add up to the trade's amount exactly. */
  adjust_fen: number
}

export interface ErpTrade {
  tid: string
  refund: boolean
  created_at: string
  consignee: { name: string; phone: string; province: string; city: string; district: string; address: string } | null
  remark: string | null
  lines: ErpLine[]
  /** What the order is worth (the card's face value), in fen: Σ price × num + adjust of the lines. */
  amount_fen: number
}

export interface ErpShipment { id: string; tid: string; logistics_no: string; courier_code: string | null; courier_name: string | null }

/** A record the ERP did not accept in an acknowledgement (its id when it names one). */
export interface AckFailure { id: string | null; message: string }

/** A stock figure the ERP wants synced to the platform. */
export interface ErpStockChange {
  id: string
  /** The platform codes the ERP knows this record by (spec_id first), to match our products' spec_no / goods_no. */
  keys: string[]
  /** The stock to show, or null when the ERP could not compute it (`error` says why). */
  quantity: number | null
  error?: string
  /** What the acknowledgement must send back (vendor fields, opaque to the module). */
  ack: Record<string, unknown>
}

export interface ErpAdapter {
  pushTrade (trade: ErpTrade): Promise<void>
  pullShipments (): Promise<ErpShipment[]>
  /** A read-only call that proves the credentials and the shop: the shop's name, or an IntegrationError. */
  checkShop (): Promise<{ shop_name: string | null }>
  /** Resolves with the records the ERP refused (per item); rejects when the call itself failed. */
  acknowledge (results: Array<{ id: string; ok: boolean; message: string }>): Promise<AckFailure[]>
  /** The next batch of stock changes; empty when none is waiting. */
  pullStock (): Promise<ErpStockChange[]>
  acknowledgeStock (results: Array<{ change: ErpStockChange; ok: boolean; message: string }>): Promise<AckFailure[]>
}

/** Fen as the yuan WDT's Decimal(19,4) fields take. */
export const yuan = (fen: number) => Math.round(fen) / 100
