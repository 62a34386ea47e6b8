// E-waybill shapes: the sender (寄件人) settings, a courier variant's vendor account, and the
// answer to a waybill request.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

export const SenderSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件人姓名' }), phone: Type.String({ minLength: 5, maxLength: 20, 'x-label': '寄件人电话', 'x-message': '寄件人电话应为 5–20 个字符' }),
  province: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件省份' }), city: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件城市' }),
  district: Type.String({ minLength: 1, maxLength: 50, 'x-label': '寄件区县' }), address: Type.String({ minLength: 1, maxLength: 200, 'x-label': '寄件详细地址' }),
}, { additionalProperties: false })
export type Sender = Static<typeof SenderSchema>

export const EWaybillSettingsSchema = Type.Object({ sender: Nullable(SenderSchema) })
export type EWaybillSettings = Static<typeof EWaybillSettingsSchema>
export const PutEWaybillSettingsSchema = Type.Object({ sender: Type.Object(SenderSchema.properties, { additionalProperties: false, 'x-label': '寄件人' }) }, { additionalProperties: false })
export type PutEWaybillSettings = Static<typeof PutEWaybillSettingsSchema>
export const SavedEWaybillSettingsSchema = Type.Object({ sender: SenderSchema })

const Endpoint = Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, 'x-label': '接口地址', 'x-message': '接口地址应为 https:// 开头的网址；留空使用默认地址' })))
const Opt = (label: string, maxLength = 64, description?: string) => Type.Optional(Nullable(Type.String({ maxLength, 'x-label': label, ...(description ? { description } : {}) })))
const Secret = (label: string, maxLength = 128, description?: string) => Type.Optional(Type.String({ minLength: 1, maxLength, 'x-label': label, description: `${description ? `${description}. ` : ''}Omitted: the stored value is kept (it is never shown again)` }))

/** Fields of each vendor's account that are secrets: encrypted, masked on read, kept when omitted. */
export const VENDOR_SECRETS = { sf: ['check_word'], kuaidi100: ['key', 'secret', 'partner_key', 'partner_secret'] } as const

// Every field each vendor needs for an e-waybill. SF: 顾客编码 and 校验码 of the 丰桥 app (the
// 月结卡号 and 产品类型 sit on the variant). Kuaidi100: the enterprise key and secret, the courier
// (kuaidicom), and the courier's own e-waybill account at Kuaidi100, whose fields differ by courier
// (参数字典, https://api.kuaidi100.com/document/5f0ff6e82977d50a94e10237); each is sent under
// Kuaidi100's own parameter name (label/order, https://api.kuaidi100.com/document/dianzimiandanV2).
export const VendorCredentialsSchema = Type.Union([
  Type.Object({
    vendor: Type.Literal('sf'),
    partner_id: Type.String({ minLength: 1, maxLength: 64, description: '顾客编码', 'x-label': '顾客编码' }),
    check_word: Secret('校验码'),
    template_code: Opt('面单模板编码'),
    endpoint: Endpoint,
  }, { additionalProperties: false }),
  Type.Object({
    vendor: Type.Literal('kuaidi100'),
    key: Secret('授权 key', 64), secret: Secret('授权 secret'),
    kuaidicom: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9]+$', description: 'Kuaidi100 company code (shunfeng, zhongtong …)', 'x-label': '快递公司编码', 'x-message': '快递公司编码为快递100的小写编码，例如 shunfeng、zhongtong' }),
    partner_id: Opt('电子面单客户账户', 64, 'partnerId: 电子面单客户账户或月结账号 (shunfeng: 月结卡号)'),
    partner_key: Secret('电子面单密码', 128, 'partnerKey: 电子面单密码 (shunfeng: 顾客编码)'),
    partner_secret: Secret('电子面单密钥', 128, 'partnerSecret: 电子面单密钥 (shunfeng: 校验码)'),
    partner_name: Opt('电子面单客户账户名称', 64, 'partnerName'),
    net: Opt('网点名称', 64, 'net: 网点名称, or taobao / cainiao / pinduoduoWx … for a platform-authorised account'),
    code: Opt('承载编号', 64, 'code: 电子面单承载编号 (shentong 44, shunfeng sf_secret, zhongtong ztoOpen)'),
    check_man: Opt('承载快递员', 64, 'checkMan: 电子面单承载快递员名'),
    tb_net: Opt('授权网点', 128, 'tbNet: "网点名称,网点编号" when a 菜鸟/淘宝/拼多多 account has several 网点'),
    temp_id: Opt('面单模板编码', 64, 'tempId: 快递100 模板编码; required for shunfeng (an fm… 顺丰新模板)'),
    siid: Opt('云打印机设备码', 64, 'siid: the merchant\'s Kuaidi100 cloud printer; when set, waybills are printed there (printType CLOUD)'),
    pay_type: Type.Optional(Nullable(Type.Union(['SHIPPER', 'CONSIGNEE', 'MONTHLY', 'THIRDPARTY'].map((v) => Type.Literal(v)), { 'x-label': '支付方式', description: 'payType' }))),
    endpoint: Endpoint,
  }, { additionalProperties: false }),
])
export type VendorCredentials = Static<typeof VendorCredentialsSchema>

export const CourierAccountParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) })
/** A variant's account as admins read it: plain fields as stored, secrets as ****abcd (null when none). */
export const CourierAccountSchema = Type.Object({
  id: Type.Integer(), code: Type.String(), vendor: Nullable(Type.String()), has_credentials: Type.Boolean(), endpoint: Nullable(Type.String()),
  credentials: Type.Record(Type.String(), Nullable(Type.String()), { description: 'The PUT\'s fields; secrets masked' }),
})
export type CourierAccount = Static<typeof CourierAccountSchema>

export const CourierAccountTestSchema = Type.Object({
  ok: Type.Boolean(),
  message: Type.String({ description: 'What happened, in Chinese: the vendor\'s reason when it refused' }),
  vendor_code: Nullable(Type.String({ description: 'The vendor\'s error code, when it gave one' })),
})
export type CourierAccountTest = Static<typeof CourierAccountTestSchema>

export const OrderNoParamsSchema = Type.Object({ order_no: Type.String({ maxLength: 32 }) })
export const RequestOneBodySchema = Type.Object({ courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export const RequestManyBodySchema = Type.Object({ order_nos: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 500 }), courier_account_id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export const RequestResultSchema = Type.Object({ queued: Type.Array(Type.String()), refused: Type.Array(Type.Object({ order_no: Type.String(), reason: Type.String() })) })
export type RequestResult = Static<typeof RequestResultSchema>

export const LabelsBodySchema = Type.Object({ order_nos: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 200, 'x-label': '订单' }) }, { additionalProperties: false })
export const DownloadLinkSchema = Type.Object({ url: Type.String(), expires_at: Type.String({ format: 'date-time' }) })
export const CloudPrintResultSchema = Type.Object({ message: Type.String({ description: 'What happened, in Chinese' }) })
export const WaybillCancelResultSchema = Type.Object({
  order_no: Type.String(), waybill_no: Type.String({ description: 'The waybill given back; the courier is told through the outbox (ewaybill.cancel)' }), queued: Type.Boolean(),
})
