// The pickup flow's state: verify → product → consignee → (date) → confirm → done, and "my
// order". Each step is a browser history entry, so the phone's back button goes one step back.
import { computed, reactive } from 'vue'
import { api, asApiError, type ApiError } from '../shared/api.js'
import { cardCredentials, redeemedOrderNo } from '../shared/card-input.js'
import type { FieldErrors } from '../shared/errors.js'
import { placeError } from '../shared/errors.js'
import { emptyConsignee, type Consignee, type Order, type RedeemConfig, type Verified } from '../shared/types.js'

export type Step = 'verify' | 'product' | 'consignee' | 'date' | 'confirm' | 'done' | 'order'

const FLOW: Step[] = ['verify', 'product', 'consignee', 'date', 'confirm']

/** /r/{merchant_code} or /r/{merchant_code}/order → the merchant code. */
function merchantCode (): string {
  const part = location.pathname.split('/')[2] ?? ''
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

const code = merchantCode()
const qrCard = (new URLSearchParams(location.search).get('c') ?? '').trim()
const base = `/r/${encodeURIComponent(code)}`
let entry = `${base}${location.search}`

export const state = reactive({
  code,
  config: null as RedeemConfig | null,
  /** The page cannot work at all (unknown merchant, no network at load). */
  fatal: null as null | { message: string; retry: boolean },
  /** Pickup paused: the merchant's message (from the config, or from an answer since). */
  paused: '' as string,
  step: (location.pathname.replace(/\/+$/, '').endsWith('/order') ? 'order' : 'verify') as Step,
  cardNo: qrCard,
  fromQr: qrCard !== '',
  password: '',
  verified: null as Verified | null,
  productId: null as number | null,
  consignee: emptyConsignee() as Consignee,
  remark: '',
  reserveDate: '',
  result: null as null | { order_no: string; redirect_url?: string },
  /** The order shown in "my order", and the card it was looked up with. */
  order: null as Order | null,
  errors: {} as FieldErrors,
  /** The order that already used this card (from 409 card_redeemed), for the link to it. */
  redeemedOrderNo: '',
  busy: false,
})

export const hasDates = computed(() => (state.config?.reservation.mode ?? 'none') !== 'none')

/** The steps the indicator shows, in order. */
export const flowSteps = computed(() => FLOW.filter((s) => s !== 'date' || hasDates.value))

export const STEP_TITLES: Record<Step, string> = {
  verify: '验证卡券',
  product: '选择商品',
  consignee: '收货信息',
  date: '发货日期',
  confirm: '确认提交',
  done: '提货成功',
  order: '我的订单',
}

/** A step the state allows: nothing past verification without a verified card, nothing before done after it. */
function allowed (step: Step): Step {
  if (state.result && step !== 'order') return 'done'
  if (FLOW.includes(step) && step !== 'verify' && !state.verified) return 'verify'
  if (step === 'date' && !hasDates.value) return 'confirm'
  return step
}

export function go (step: Step, opts: { replace?: boolean; keepErrors?: boolean } = {}): void {
  if (!opts.keepErrors) state.errors = {}
  state.step = allowed(step)
  const url = state.step === 'order' ? `${base}/order` : entry
  history[opts.replace ? 'replaceState' : 'pushState']({ step: state.step }, '', url)
}

export function next (): void {
  const steps = flowSteps.value
  go(steps[Math.min(steps.indexOf(state.step) + 1, steps.length - 1)])
}

export function back (): void {
  history.back()
}

window.addEventListener('popstate', (e) => {
  const step = (e.state as { step?: Step } | null)?.step ?? (location.pathname.endsWith('/order') ? 'order' : 'verify')
  state.errors = {}
  state.step = allowed(step)
})

export function showError (err: unknown): ApiError {
  const e = asApiError(err)
  if (e.code === 'pickup_paused') state.paused = e.message
  state.redeemedOrderNo = redeemedOrderNo(e)
  state.errors = e.code === 'pickup_paused' ? {} : placeError(e)
  return e
}

export async function loadConfig (): Promise<void> {
  state.fatal = null
  try {
    const config = await api<RedeemConfig>('GET', `/api/v1/redeem/${encodeURIComponent(code)}/config`)
    state.config = config
    state.paused = config.pickup.enabled ? '' : (config.pickup.pause_message || '提货暂停，请稍后再来')
    document.title = `${config.storefront.site_name} - 提货`
  } catch (err) {
    const e = asApiError(err)
    state.fatal = e.code === 'merchant_not_found'
      ? { message: '提货页面不存在，请检查网址或卡上的二维码是否正确。', retry: false }
      : { message: `页面加载失败：${e.message}`, retry: true }
  }
}

/** Runs one API call with the form busy; its error goes next to its field. True when it worked. */
async function busy (fn: () => Promise<void>): Promise<boolean> {
  state.busy = true
  state.errors = {}
  try {
    await fn()
    return true
  } catch (err) {
    showError(err)
    return false
  } finally {
    state.busy = false
  }
}

export function verify (): Promise<boolean> {
  return busy(async () => {
    state.verified = await api<Verified>('POST', `/api/v1/redeem/${encodeURIComponent(code)}/verify`, cardCredentials(state.cardNo, state.password))
    state.cardNo = state.verified.card.card_no
    const products = state.verified.products
    if (!products.some((p) => p.product_id === state.productId)) state.productId = products.length === 1 ? products[0].product_id : null
  })
}

/** Submits the order. An expired token (15 minutes) is renewed once with the card's password. */
export async function submit (): Promise<boolean> {
  state.busy = true
  state.errors = {}
  const body = () => ({
    token: state.verified!.token,
    product_id: state.productId,
    consignee: state.consignee,
    ...(hasDates.value && state.reserveDate ? { reserve_date: state.reserveDate } : {}),
    ...(state.remark.trim() ? { remark: state.remark.trim() } : {}),
  })
  const send = () => api<{ order_no: string; redirect_url?: string }>('POST', `/api/v1/redeem/${encodeURIComponent(code)}/orders`, body())
  try {
    try {
      state.result = await send()
    } catch (err) {
      if (asApiError(err).code !== 'token_invalid') throw err
      state.busy = false
      if (!await verify()) {
        state.verified = null
        go('verify', { keepErrors: true })
        return false
      }
      state.busy = true
      state.result = await send()
    }
    go('done')
    return true
  } catch (err) {
    const e = showError(err)
    // Send the customer back to where the problem can be fixed.
    const where: Record<string, Step> = {
      card_redeemed: 'verify', card_inactive: 'verify', card_expired: 'verify', card_locked: 'verify', card_invalid: 'verify',
      product_not_allowed: 'product', reserve_date_invalid: 'date', pickup_paused: 'verify',
    }
    let target = where[e.code]
    if (e.code === 'validation_failed') {
      const fields = Object.keys(state.errors)
      target = fields.includes('reserve_date') ? 'date' : fields.some((f) => ['name', 'phone', 'region', 'address', 'remark'].includes(f)) ? 'consignee' : 'confirm'
    }
    if (target && target !== state.step) {
      if (target === 'verify') state.verified = null
      go(target, { keepErrors: true })
    }
    // The day may have filled up meanwhile: fresh dates, and the taken one is no longer offered.
    if (e.code === 'reserve_date_invalid') {
      await loadConfig()
      if (!state.config?.reservation.available_dates.includes(state.reserveDate)) state.reserveDate = ''
    }
    return false
  } finally {
    state.busy = false
  }
}

export function lookupOrder (cardNo: string, password: string): Promise<boolean> {
  return busy(async () => {
    state.order = await api<Order>('POST', `/api/v1/redeem/${encodeURIComponent(code)}/order-lookup`, cardCredentials(cardNo, password))
  })
}

/** The order just placed, read with the verification token. */
export async function loadPlacedOrder (): Promise<void> {
  if (!state.result || !state.verified) return
  state.busy = true
  try {
    state.order = await api<Order>('GET', `/api/v1/redeem/${encodeURIComponent(code)}/orders/${encodeURIComponent(state.result.order_no)}?token=${encodeURIComponent(state.verified.token)}`)
  } catch {
    state.order = null
  } finally {
    state.busy = false
  }
}

/** Starts over with another card. */
export function reset (): void {
  Object.assign(state, {
    cardNo: '', fromQr: false, password: '', verified: null, productId: null, consignee: emptyConsignee(),
    remark: '', reserveDate: '', result: null, order: null, errors: {}, redeemedOrderNo: '',
  })
  entry = base
  history.replaceState({ step: 'verify' }, '', base)
  state.step = 'verify'
}
