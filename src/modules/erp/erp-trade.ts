// What an order is in the ERP: one line per ERP good (a gift box of several goods is several
// lines), and the order's value split over them so the ERP's sales reports are not empty.
import type { ErpLine, ErpTrade } from '../../integrations/erp/port.js'
import type { ErpGoodsLine } from '../catalog/catalog.repository.js'
import type { Order } from '../orders/orders.schemas.js'

/**
 * `amountFen` over the units of the lines: every unit the same price (fen, rounded down), the
 * fen left over added to the last line (adjust_amount, "正的表示加价"), so Σ price × num + adjust
 * is exactly the amount. A product naming no ERP good is pushed as itself with empty codes, as
 * before (WDT then refuses it with its own reason).
 */
export function erpLines (order: Pick<Order, 'order_no' | 'product'>, goods: ErpGoodsLine[], amountFen: number): ErpLine[] {
  const lines = goods.length ? goods : [{ goods_no: order.product.goods_no, spec_no: order.product.spec_no, quantity: 1 }]
  const units = lines.reduce((n, l) => n + l.quantity, 0)
  const unit = Math.floor(Math.max(0, amountFen) / units)
  const rest = Math.max(0, amountFen) - unit * units
  return lines.map((l, i) => {
    const goodsNo = l.goods_no ?? ''
    const specNo = l.spec_no ?? ''
    return {
      // The first line keeps the oid single-good orders have always had.
      oid: `${order.order_no}-${i + 1}`,
      goods_id: String(order.product.product_id),
      // spec_id must not be empty: our SKU is the ERP's code for it, so stock changes come back by it.
      spec_id: specNo || goodsNo || String(order.product.product_id),
      goods_no: goodsNo,
      spec_no: specNo,
      goods_name: order.product.name,
      num: l.quantity,
      price_fen: unit,
      adjust_fen: i === lines.length - 1 ? rest : 0,
    }
  })
}

/** The order as the ERP port pushes it; `created_at` in Beijing time as WDT reads it. */
export function erpTrade (o: Order, refund: boolean, goods: ErpGoodsLine[], amountFen: number): ErpTrade {
  return {
    tid: o.order_no, refund, created_at: new Date(o.created_at).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }), consignee: o.consignee, remark: o.remark,
    lines: erpLines(o, goods, amountFen), amount_fen: Math.max(0, amountFen),
  }
}

/** The key a good's stock is stored under: its spec_no, else its goods_no (what spec_id carries). */
export const stockKey = (l: ErpGoodsLine): string | null => l.spec_no || l.goods_no || null
