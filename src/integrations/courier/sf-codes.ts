// SF Express (丰桥) codes: the platform's apiResultCode, the business errorCode inside
// apiResultData, and the 筛单结果 (filterResult) of an order answer.
//
// Sources (SF open platform, 丰桥):
// - 公共返回码 / （API）平台结果代码列表, on every API page, e.g.
//   https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER (3.1) and
//   https://open.sf-express.com/developSupport/976720 (开发规范).
// - 下订单接口 EXP_RECE_CREATE_ORDER, 3.2 业务异常代码, and 2.5.1 filterResult / remark:
//   https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER
// - 订单结果查询 EXP_RECE_SEARCH_ORDER_RESP (6135, 6150, 8018) and 订单确认/取消
//   EXP_RECE_UPDATE_ORDER (8017, 8019, 8037, 8252, 8253, 20052), same site; the full list is
//   "速运类接口业务相关错误码" https://open.sf-express.com/developSupport/976720?activeIndex=146623.
import type { CodeTable } from '../errors.js'

export const SF_API_CODES: CodeTable = {
  codes: {
    // 必传参数不可为空: our request is built the same way every time, so a retry cannot help;
    // SF's own checklist (Content-type, form body) is about the caller's setup.
    A1001: { outcome: 'misconfiguration', reason: '必传参数不可为空' },
    // 请求时效已过期: the timestamp was too old when it arrived; a retry signs a fresh one.
    A1002: { outcome: 'transient', reason: '请求时效已过期' },
    A1003: { outcome: 'misconfiguration', reason: 'IP无效：顾客编码配置了 IP 校验，请在丰桥解除校验或绑定本服务器的 IP' },
    A1004: { outcome: 'misconfiguration', reason: '无对应服务权限：请在丰桥为该顾客编码关联下单接口，并确认沙箱/正式环境与接口状态一致' },
    // 流量受控: 30 calls/s and 3000/day per interface and partner; the next window admits it.
    A1005: { outcome: 'transient', reason: '流量受控' },
    A1006: { outcome: 'misconfiguration', reason: '数字签名无效：校验码（checkWord）不对，或沙箱与生产环境混用' },
    // 重复请求: the business layer's refusal of a reused orderId; the adapter looks the order up.
    A1007: { outcome: 'final', reason: '重复请求' },
    A1008: { outcome: 'final', reason: '数据解密失败' },
    // 目标服务异常或不可达: the gateway could not reach SF's order service behind it.
    A1009: { outcome: 'transient', reason: '目标服务异常或不可达' },
    A1010: { outcome: 'misconfiguration', reason: '状态为沙箱测试：该顾客编码仍在沙箱测试状态，请使用沙箱地址或在丰桥上线' },
    A1011: { outcome: 'misconfiguration', reason: 'OAuth2认证失败' },
    A1099: { outcome: 'transient', reason: '系统异常' },
  },
  fallback: 'final',
}

const F = (reason: string) => ({ outcome: 'final' as const, reason })
const M = (reason: string) => ({ outcome: 'misconfiguration' as const, reason })
const T = (reason: string) => ({ outcome: 'transient' as const, reason })

/** apiResultData.errorCode of a refused business call (success false). */
export const SF_BUSINESS_CODES: CodeTable = {
  codes: {
    // Refusals of this order's data: the next order may pass.
    1010: F('寄件地址不能为空'), 1011: F('寄件联系人不能为空'), 1012: F('寄件电话不能为空'),
    1014: F('到件地址不能为空'), 1015: F('到件联系人不能为空'), 1016: F('到件电话不能为空'),
    1020: F('出口件邮编不能为空'), 1023: F('托寄物品名不能为空'), 1028: F('出口件时，托寄物数量不能为空'), 1038: F('出口件声明价值不能为空'),
    6127: F('增值服务名不能为空'), 6128: F('增值服务名不合法'), 6130: F('体积参数不合法'), 6138: F('代收货款金额传入错误'), 6139: F('代收货款金额小于0错误'),
    6200: F('国际件寄方邮编不能为空'), 6201: F('国际件到方邮编不能为空'), 6202: F('国际件货物数量不能为空'), 6203: F('国际件货物单位不能为空'),
    6204: F('国际件货物单位重量不能为空'), 6205: F('国际件货物单价不能为空'), 6206: F('国际件货物币种不能为空'), 6207: F('国际件原产地不能为空'),
    8016: F('重复下单'), 8067: F('超过最大能申请子单号数量'), 8117: F('下单包裹不能大于307个'), 8194: F('跨境件必须包含申明价值和币别'),
    8196: F('信息异常：收件或者寄件电话号码信息异常'), 8247: F('运单号不合法'),
    8051: F('定时派送不在时效范围内，下单失败'), 8052: F('原寄地不在定时派送服务范围内'), 8053: F('目的地不在定时派送服务范围内'),
    20011: F('产品与定时派送服务时间段不匹配'), 20012: F('定时派送服务不支持重量超过300KG的快件'), 20035: F('托寄物违禁品不可收寄'),
    // The variant's account (月结卡号, 产品类型, 付款方式, SF's contract): every order fails the same way.
    6126: M('月结卡号不合法：月结卡号必须为10位数字'), 8027: M('不存在的业务模板'), 8057: M('快件类型为空或未配置：请检查产品类型（expressTypeId）'),
    8114: M('传入了不可发货的月结卡号：请联系顺丰销售经理开通该月结卡号的下单权限'), 8119: M('月结卡号不存在或已失效'),
    8179: M('卡号下未查到关联相应协议：请联系顺丰签订对应的产品协议'), 8256: M('部分快件产品不支持到付和寄付现结，请调整付款方式'),
    20036: M('适用产品不满足：请更换产品类型（expressTypeId）或联系顺丰业务经理'),
    // Peak control (运力高峰期…预约已满) and out-of-hours pickup clear with time; 4001 is SF's
    // "系统发生数据错误或运行时异常" (订单结果查询's failure example).
    8177: T('高峰管控：寄件通道预约已满'), 8096: T('您的预约超出今日营业时间，无法上门收件。'), 4001: T('系统发生数据错误或运行时异常'),
    // 订单结果查询 and 订单确认/取消 (the other calls on an order): refusals of that order.
    6135: F('未传入订单信息'), 6150: F('找不到该订单'), 8017: F('订单号与运单号不匹配'), 8018: F('未获取到订单信息'),
    8019: F('订单已确认或已消单'), 8037: F('已消单'), 8252: F('订单已确认'), 8253: F('订单已取消'), 20052: F('月结卡号不匹配，不允许操作该订单'),
  },
  fallback: 'final',
}

/** The codes of a duplicate order id: the order exists at SF; the adapter fetches its waybill. */
export const SF_DUPLICATE_ORDER_CODES: readonly string[] = ['8016', 'A1007']

/** 不可以收派的原因代码 of `remark` when filterResult is 3 (EXP_RECE_CREATE_ORDER 2.5.1). */
export const SF_FILTER_REMARKS: Readonly<Record<string, string>> = { 1: '收方超范围', 2: '派方超范围', 3: '其它原因' }

/**
 * 筛单结果 of an order answer: 1 人工确认, 2 可收派, 3 不可以收派, 4 无法确定 (EXP_RECE_CREATE_ORDER
 * 功能描述). Absent counts as 2: SF leaves it out for accounts without 筛单.
 */
export type SfFilterVerdict =
  | { kind: 'ok' }
  | { kind: 'manual' }
  | { kind: 'refused'; reason: string }

export function sfFilterVerdict (msgData: { filterResult?: unknown; remark?: unknown } | null | undefined): SfFilterVerdict {
  const raw = msgData?.filterResult
  const result = raw === null || raw === undefined || raw === '' ? 2 : Number(raw)
  if (result === 2) return { kind: 'ok' }
  if (result === 1) return { kind: 'manual' }
  // remark is "1" or "1：收方超范围"-like text, SF's own words kept when the code is unknown.
  const remark = String(msgData?.remark ?? '').trim()
  const code = /^(\d+)/.exec(remark)?.[1]
  const why = (code && SF_FILTER_REMARKS[code]) || remark.replace(/^\d+\s*[:：]\s*/, '')
  const paren = why ? `（${why}）` : ''
  if (result === 3) return { kind: 'refused', reason: `顺丰不可以收派${paren}` }
  if (result === 4) return { kind: 'refused', reason: `顺丰无法确定能否收派该地址${paren}，请核对收件地址后重新申请` }
  return { kind: 'refused', reason: `顺丰筛单结果 ${String(raw)}${paren}，未分配可用运单` }
}
