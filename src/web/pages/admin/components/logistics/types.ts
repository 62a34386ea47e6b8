// The logistics pages' shapes, from the generated API types.
import type { operations } from '../../../shared/api-types.js'

export type Courier = operations['listCouriers']['responses']['200']['content']['application/json']['items'][number]
export type CourierAccount = operations['getCourierAccount']['responses']['200']['content']['application/json']
export type AccountBody = operations['setCourierAccount']['requestBody']['content']['application/json']
export type AccountTest = operations['testCourierAccount']['responses']['200']['content']['application/json']

export const VENDOR_LABELS: Record<string, string> = { sf: '顺丰开放平台（丰桥）', kuaidi100: '快递100' }
