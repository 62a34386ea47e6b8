// SF Express (丰桥) labels and cancellation: 云打印面单 2.0 (COM_RECE_CLOUD_PRINT_WAYBILLS) and
// 订单确认/取消 (EXP_RECE_UPDATE_ORDER, dealType 2), signed like every SF call (msgDigest).
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=COM_RECE_CLOUD_PRINT_WAYBILLS
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_UPDATE_ORDER
// The print answer lists `obj.files[{url, token, waybillNo}]`: a PDF on SF's object store, read
// with the token in the `X-Auth-token` header (good for 24 h), as SF's Java demo does
// (`printWayBills` / `getPDF`: "下载文件时需要的token,设置在请求头的 X-Auth-token 字段，有效期 24h").
import type { VendorHttp } from '../vendor-endpoints.js'
import type { CourierLabels, IssuedWaybill, LabelFile } from './port.js'
import { vendorReason } from '../../shared/outbound.js'
import { IntegrationError, integrationFailure } from '../errors.js'
import { sfBusiness } from './sf.js'

export interface SfPrintAccount {
  partner_id: string
  check_word: string
  endpoint?: string | null
  /** 丰桥's label template (模板编码); SF's standard 100×150 template by default. */
  template_code?: string | null
}

/** SF's standard 100×150 mm template for a partner: fm_150_standard_{partnerID} (丰桥 云打印 模板). */
export const sfDefaultTemplate = (partnerId: string) => `fm_150_standard_${partnerId}`

/** A label PDF is tens of kilobytes; more than this is not a label. */
const MAX_LABEL_BYTES = 5 * 1024 * 1024
/** At most this many waybills per print call (SF's documents list). */
const PRINT_BATCH = 20

/** SF's answers to a cancel of an order it has already cancelled (EXP_RECE_UPDATE_ORDER). */
const SF_ALREADY_CANCELLED = ['8037', '8253']

export function sfLabels (cfg: SfPrintAccount, http: VendorHttp, now: () => Date = () => new Date()): CourierLabels {
  const call = (serviceCode: string, msgData: string) => sfBusiness(cfg, http, now, serviceCode, msgData)

  async function download (url: string, token: string, waybillNo: string): Promise<LabelFile> {
    // The token lasts 24 h; an expired one is answered 401/403 (final): printing again asks for a new one.
    const bytes = await http.file('sf_file', url, { method: 'GET', headers: { 'X-Auth-token': token }, maxBytes: MAX_LABEL_BYTES }, integrationFailure)
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new IntegrationError(`${waybillNo}: the label file is not a PDF`, false)
    return { waybill_no: waybillNo, content_type: 'application/pdf', bytes }
  }

  return {
    async labels (waybills: IssuedWaybill[]): Promise<LabelFile[]> {
      const out: LabelFile[] = []
      for (let i = 0; i < waybills.length; i += PRINT_BATCH) {
        const part = waybills.slice(i, i + PRINT_BATCH)
        const data = await call('COM_RECE_CLOUD_PRINT_WAYBILLS', JSON.stringify({
          templateCode: cfg.template_code || sfDefaultTemplate(cfg.partner_id), version: '2.0', fileType: 'pdf', sync: true,
          documents: part.map((w) => ({ masterWaybillNo: w.waybill_no })),
        }))
        const files: Array<{ url?: string; token?: string; waybillNo?: string }> = Array.isArray(data.obj?.files) ? data.obj.files : []
        for (const w of part) {
          // A file per waybill (one page each for a parcel without child waybills).
          const mine = files.filter((f) => f.waybillNo === w.waybill_no && f.url)
          if (!mine.length) throw new IntegrationError(`${w.waybill_no}: no label file in the answer`, false)
          for (const f of mine) out.push(await download(f.url!, f.token ?? '', w.waybill_no))
        }
      }
      return out
    },

    async cloudPrint () {
      throw new IntegrationError('顺丰面单请下载 PDF 后打印（未接入顺丰云打印机）', false, 'cloud_print_unsupported', { outcome: 'misconfiguration' })
    },

    // 订单确认/取消: dealType 2 cancels an order not yet collected; SF answers the order with
    // resStatus 2 (已取消). A refusal (a collected parcel, an unknown order) is final.
    async cancelWaybill (w: IssuedWaybill) {
      let data
      try {
        data = await call('EXP_RECE_UPDATE_ORDER', JSON.stringify({ language: 'zh-CN', orderId: w.vendor_order_id, dealType: 2 }))
      } catch (err) {
        // 8037 已消单 / 8253 订单已取消: an earlier try (one that timed out on its way back) did it.
        if (err instanceof IntegrationError && SF_ALREADY_CANCELLED.includes(err.code ?? '')) return
        throw err
      }
      // resStatus 2 is 已取消 (1 已确认); anything else is not a cancellation.
      const status = data.msgData?.resStatus
      if (status !== undefined && status !== null && Number(status) !== 2) throw new IntegrationError(vendorReason('resStatus', `顺丰未取消该订单（resStatus ${String(status)}）`), false, String(status), { answered: true })
    },
  }
}
