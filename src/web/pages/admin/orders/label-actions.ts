// 面单 actions shared by the order list and the order page: download the labels as one PDF
// (a single-use link the browser follows, as the exports do), send a Kuaidi100 label to the cloud
// printer again (补打), and 取消电子面单 (confirmed first; the courier is told through the outbox).
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { client, ok } from '../api.js'
import { showError } from '../ui.js'

/** What an order says of its e-waybill (the desk's e_waybill field). */
export interface EWaybillInfo { vendor: string; pdf: boolean; cloud_print: boolean }

export function useLabelActions (after: () => unknown) {
  const busy = ref(false)

  async function run (fn: () => Promise<void>): Promise<void> {
    busy.value = true
    try {
      await fn()
    } catch (err) {
      showError(err)
    } finally {
      busy.value = false
    }
  }

  /** One PDF with the labels of these orders, in this order (fetched from the couriers when the link is followed). */
  const downloadLabels = (orderNos: string[]) => run(async () => {
    const r = await ok(client.POST('/api/v1/orders/labels', { body: { order_nos: orderNos } }))
    // A navigation, not a fetch: the browser saves the PDF (Content-Disposition: attachment).
    const a = document.createElement('a')
    a.href = r.url
    a.rel = 'noopener'
    a.click()
    ElMessage.success(orderNos.length === 1 ? '正在下载面单 PDF' : `正在下载 ${orderNos.length} 张面单（一个 PDF）`)
  })

  const cloudPrint = (orderNo: string) => run(async () => {
    const r = await ok(client.POST('/api/v1/orders/{order_no}/label/print', { params: { path: { order_no: orderNo } } }))
    ElMessage.success(r.message)
    await after()
  })

  async function cancelEWaybill (orderNo: string, waybillNo: string | null): Promise<void> {
    const text = `取消订单 ${orderNo} 的电子面单 ${waybillNo ?? ''}？订单将回到“待发货”，可以重新申请电子面单；系统会通知快递公司作废该运单（快递已揽收的不能取消）。要取消整个订单，请在快递公司确认作废后再取消订单。`
    const yes = await ElMessageBox.confirm(text, '取消电子面单', { type: 'warning', confirmButtonText: '取消电子面单', cancelButtonText: '不取消', confirmButtonClass: 'el-button--danger' }).then(() => true, () => false)
    if (!yes) return
    await run(async () => {
      const r = await ok(client.POST('/api/v1/orders/{order_no}/e-waybill/cancel', { params: { path: { order_no: orderNo } } }))
      ElMessage.success(`运单 ${r.waybill_no} 已退回，正在通知快递公司取消`)
      await after()
    })
  }

  return { busy, downloadLabels, cloudPrint, cancelEWaybill }
}
