// What a courier push says, as pure functions: the waybills, their lines, whether each is
// signed for (签收), and for Kuaidi100 whether tracking stopped (abort). The raw push is stored
// before any of this runs; these run in the outbox handler (and on arrival, only to refuse an
// SF XML push that cannot be read, so that SF sends it again).
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Kuaidi100Push, SfRoutePush, TrackingLine } from './tracking.schemas.js'

/** One waybill's news from one push. */
export interface WaybillNews { waybill: string; lines: TrackingLine[]; signed: boolean }

/**
 * Kuaidi100 lastResult.state: only a sign (3 签收 and its sub-states 301 本人签收, 302 派件异常后签收,
 * 303 代签, 304 投柜或站签收) delivers. `ischeck=1` means the trail is finished, which is also true
 * of a return: 4 退签, 6 退回, 14 拒签 (and their sub-states) must not mark the order delivered.
 * https://apifox.com/apidoc/project-514987/api-8567477 (物流状态 / 高级物流状态)
 */
export function kuaidi100Signed (state: string | undefined): boolean {
  return state === '3' || /^3\d{2}$/.test(state ?? '')
}

/** Kuaidi100 stops tracking a number with status=abort; these messages say why. */
export const KUAIDI100_ABORT_NO_RECORD = '3天查询无记录'
export const KUAIDI100_ABORT_STALE = '60天无变化'

export interface Kuaidi100News extends WaybillNews { status: string; message: string; company: string | null }

/** The `param` of a Kuaidi100 push; null when it is not the JSON Kuaidi100 documents. */
export function parseKuaidi100 (param: string): Kuaidi100News | null {
  let p: Kuaidi100Push & { status?: string; message?: string }
  try { p = JSON.parse(param) } catch { return null }
  if (!p || typeof p !== 'object') return null
  const last = p.lastResult ?? {}
  if (!last.nu) return null
  const lines = (Array.isArray(last.data) ? last.data : []).map((d) => ({ time: String(d.ftime ?? d.time ?? ''), text: String(d.context ?? '') }))
  return {
    waybill: String(last.nu), lines, signed: kuaidi100Signed(last.state === undefined ? undefined : String(last.state)),
    status: String(p.status ?? ''), message: String(p.message ?? (last as { message?: string }).message ?? ''),
    company: (last as { com?: string }).com ?? null,
  }
}

/** SF opCode 80 = 签收 (signed for by the consignee). */
export const SF_SIGNED_OPCODE = '80'

type SfRouteFields = { mailno?: unknown; acceptTime?: unknown; acceptAddress?: unknown; remark?: unknown; opCode?: unknown }

/** SF routes grouped by waybill, in the order they came. */
export function groupSfRoutes (routes: SfRouteFields[]): WaybillNews[] {
  const byWaybill = new Map<string, WaybillNews>()
  for (const r of routes) {
    const mailno = r.mailno === undefined || r.mailno === null ? '' : String(r.mailno)
    if (!mailno) continue
    const entry = byWaybill.get(mailno) ?? { waybill: mailno, lines: [], signed: false }
    entry.lines.push({ time: String(r.acceptTime ?? ''), text: [r.acceptAddress, r.remark].filter((x) => x !== undefined && x !== null && x !== '').map(String).join(' ') })
    if (String(r.opCode ?? '') === SF_SIGNED_OPCODE) entry.signed = true
    byWaybill.set(mailno, entry)
  }
  return [...byWaybill.values()]
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, isArray: (name) => name === 'WaybillRoute' })

/**
 * SF's XML route push (the form field `content`, or a text/xml body), per the RoutePushService
 * document (https://www.showdoc.com.cn/hnqiao/9157102515696868):
 *   <Request service="RoutePushService" lang="zh-CN"><Body>
 *     <WaybillRoute id="…" mailno="…" orderid="…" acceptTime="…" acceptAddress="…" remark="…" opCode="…"/>
 *   </Body></Request>
 * The routes as the JSON push has them; null when it is not that document.
 */
export function parseSfXml (text: string): SfRouteFields[] | null {
  const body = text.trim()
  // SF sends no DTD: one that declares entities is not SF's and is not expanded.
  if (!body.startsWith('<') || /<!(DOCTYPE|ENTITY)/i.test(body) || XMLValidator.validate(body) !== true) return null
  let doc: any
  try { doc = xml.parse(body) } catch { return null }
  const req = doc?.Request
  if (!req || typeof req !== 'object') return null
  const routes = req.Body?.WaybillRoute
  if (!Array.isArray(routes)) return null
  return routes.filter((r) => r && typeof r === 'object') as SfRouteFields[]
}

/** An SF push as stored (JSON body or XML text) → its routes; null when it cannot be read. */
export function parseSfPush (raw: string): SfRouteFields[] | null {
  if (raw.trim().startsWith('<')) return parseSfXml(raw)
  let body: SfRoutePush
  try { body = JSON.parse(raw) } catch { return null }
  const routes = body?.Body?.WaybillRoute
  return Array.isArray(routes) ? routes : null
}

/** SF's answer to an XML push: `<Head>OK</Head>`, or ERR with a code so that SF pushes it again. */
export function sfXmlAnswer (ok: boolean, error?: { code: string; message: string }): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?><Response service="RoutePushService"><Head>${ok ? 'OK' : 'ERR'}</Head>`
  return ok ? `${head}</Response>` : `${head}<ERROR code="${error!.code}">${error!.message}</ERROR></Response>`
}
