// Kuaidi100 labels, cloud print and cancellation on the e-waybill endpoint (label/order), signed
// like the order (MD5(param + t + key + secret), upper case):
// - the label link of the order answer (`data.label`, printType IMAGE/HTML) read for a PDF;
// - 复打 (method printOld, param {taskId, siid}): the print task of the order answer sent to the
//   merchant's cloud printer again; siid left out prints where the order named
//   (kuaidi100-api/java-demo `request/labelV2/RepeatPrintReq.java`, `BaseServiceTest.testPrintOld`);
// - 电子面单取消 (method cancel, param {partnerId, partnerKey, partnerSecret, partnerName, net,
//   code, kuaidicom, kuaidinum, orderId, reason}; orderId is the courier's kdComOrderNum when the
//   order answered one) (kuaidi100-api/php-demo `src/ele_cancel.php`; java-demo
//   `request/LabelCancelParam.java`).
import type { VendorHttp } from '../vendor-endpoints.js'
import type { CourierLabels, IssuedWaybill, LabelFile } from './port.js'
import { kuaidi100Call, type Kuaidi100Account } from './kuaidi100.js'
import { IntegrationError, integrationFailure } from '../errors.js'

/** The order's account: its `siid` is the merchant's 快递100 云打印机 (设备码). */
export type Kuaidi100PrintAccount = Kuaidi100Account

const MAX_LABEL_BYTES = 5 * 1024 * 1024

/** What a label file is, by its first bytes (the link's answer carries no reliable name). */
export function sniffLabel (bytes: Buffer): LabelFile['content_type'] | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  return null
}

export function kuaidi100Labels (cfg: Kuaidi100PrintAccount, http: VendorHttp, now: () => Date = () => new Date()): CourierLabels {
  const call = (method: string, param: string) => kuaidi100Call(cfg, http, now, method, param)
  const opt = (v: string | null | undefined) => v || undefined

  async function fetchLabel (w: IssuedWaybill): Promise<LabelFile> {
    if (!w.label) throw new IntegrationError(`${w.waybill_no}: 快递100 没有返回面单图片（云打印的面单请用云打印机补打）`, false, 'label_missing')
    const bytes = await http.file('kuaidi100_file', w.label, { method: 'GET', maxBytes: MAX_LABEL_BYTES }, integrationFailure)
    const type = sniffLabel(bytes)
    if (!type) throw new IntegrationError(`${w.waybill_no}: 面单链接不是图片或 PDF（HTML 面单请在快递100打印）`, false, 'label_not_printable')
    return { waybill_no: w.waybill_no, content_type: type, bytes }
  }

  return {
    async labels (waybills: IssuedWaybill[]): Promise<LabelFile[]> {
      const out: LabelFile[] = []
      for (const w of waybills) out.push(await fetchLabel(w))
      return out
    },

    async cloudPrint (w: IssuedWaybill) {
      if (!cfg.siid) throw new IntegrationError('未设置快递100云打印机设备码（siid），请在物流配置中填写', false, 'siid_missing', { outcome: 'misconfiguration' })
      if (!w.task_id) throw new IntegrationError('该运单没有快递100打印任务，无法补打', false, 'task_missing')
      await call('printOld', JSON.stringify({ taskId: w.task_id, siid: cfg.siid }))
      return { message: `已发送到快递100云打印机 ${cfg.siid}` }
    },

    async cancelWaybill (w: IssuedWaybill, reason: string) {
      await call('cancel', JSON.stringify({
        partnerId: opt(cfg.partner_id), partnerKey: opt(cfg.partner_key), partnerSecret: opt(cfg.partner_secret), partnerName: opt(cfg.partner_name),
        net: opt(cfg.net), code: opt(cfg.code), kuaidicom: cfg.kuaidicom, kuaidinum: w.waybill_no, orderId: opt(w.courier_order_no), reason,
      }))
    },
  }
}
