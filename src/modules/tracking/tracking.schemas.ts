// Tracking schemas: the tracking settings section (stored and shown), its PUT body, the push
// routes' parameters and the shapes of the couriers' pushes we read.
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from '../../shared/schemas.js'

/** The section as stored: the Kuaidi100 salt and poll key sealed, the SF URL token in clear (it is a URL). */
export interface TrackingSettings { kuaidi100_salt_enc: string | null; kuaidi100_key_enc?: string | null; kuaidi100_poll_endpoint?: string | null; sf_token: string | null; sf_ip_allowlist: string[] }

export const DEFAULT_TRACKING: TrackingSettings = { kuaidi100_salt_enc: null, sf_token: null, sf_ip_allowlist: [] }

export const TrackingSettingsViewSchema = Type.Object({
  kuaidi100_callback_url: Type.String(), kuaidi100_salt: Nullable(Type.String()),
  kuaidi100_key: Nullable(Type.String({ description: 'The poll key, masked (****abcd)' })), kuaidi100_poll_endpoint: Nullable(Type.String()), sf_callback_url: Nullable(Type.String()), sf_ip_allowlist: Type.Array(Type.String()),
})
export type TrackingSettingsView = Static<typeof TrackingSettingsViewSchema>

export const TrackingSettingsBodySchema = Type.Object({
  kuaidi100_salt: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, 'x-label': '快递100 salt' }))),
  kuaidi100_key: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'Kuaidi100 poll key: subscriptions are made when an order ships', 'x-label': '快递100 授权 key' }))),
  kuaidi100_poll_endpoint: Type.Optional(Nullable(Type.String({ pattern: '^https?://', maxLength: 200, 'x-label': '快递100 订阅地址', 'x-message': '快递100 订阅地址应为 http:// 或 https:// 开头的网址，最多 200 个字符' }))),
  sf_ip_allowlist: Type.Optional(Type.Array(Type.String({ maxLength: 64, 'x-label': '顺丰推送 IP 白名单' }), { maxItems: 50, 'x-label': '顺丰推送 IP 白名单' })),
  rotate_sf_token: Type.Optional(Type.Boolean({ 'x-label': '重新生成顺丰推送地址' })),
}, { additionalProperties: false })
export type TrackingSettingsBody = Static<typeof TrackingSettingsBodySchema>

export const Kuaidi100PushParams = Type.Object({ merchant_code: Type.String({ maxLength: 32 }) })
export const SfPushParams = Type.Object({ merchant_code: Type.String({ maxLength: 32 }), token: Type.String({ maxLength: 64 }) })

/** One line of a courier's trail. */
export interface TrackingLine { time: string; text: string }

/** Kuaidi100's push `param` (JSON), the fields we read. */
export interface Kuaidi100Push { lastResult?: { nu?: string; state?: string; ischeck?: string; data?: Array<{ context: string; time?: string; ftime?: string }> } }

/** SF's route push body, the fields we read (not validated: whatever SF sends is stored raw first). */
export interface SfRoutePush { Body?: { WaybillRoute?: Array<{ mailno?: string; acceptTime?: string; acceptAddress?: string; remark?: string; opCode?: string }> } }
