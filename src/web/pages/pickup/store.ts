// The customer's pickup page: the pickup flow (../shared/pickup-flow.ts) as steps, verify →
// product → consignee → (date) → confirm → done, and "my order". Each step is a browser history
// entry, so the phone's back button goes one step back. main.ts creates the store and gives it to
// the components (usePickupStore).
import { computed, inject, reactive, type InjectionKey } from 'vue'
import { api, asApiError, type ApiError } from '../shared/api.js'
import { cardCredentials } from '../shared/card-input.js'
import { isConsigneeField } from '../shared/consignee.js'
import { usePickupFlow } from '../shared/pickup-flow.js'
import type { CardView, Order, Placed, Verified } from '../shared/types.js'

export type Step = 'verify' | 'product' | 'consignee' | 'date' | 'confirm' | 'done' | 'order'

const FLOW: Step[] = ['verify', 'product', 'consignee', 'date', 'confirm']

export const STEP_TITLES: Record<Step, string> = {
  verify: '验证卡券',
  product: '选择商品',
  consignee: '收货信息',
  date: '发货日期',
  confirm: '确认提交',
  done: '提货成功',
  order: '我的订单',
}

/** /r/{merchant_code} or /r/{merchant_code}/order → the merchant code. */
function merchantCode (pathname: string): string {
  const part = pathname.split('/')[2] ?? ''
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

const isOrderPath = (pathname: string) => pathname.replace(/\/+$/, '').endsWith('/order')

/** The page's state, from the address it was opened at (/r/{merchant_code}[/order][?c={card_no}]). */
export function createPickupStore () {
  const code = merchantCode(location.pathname)
  const qrCard = (new URLSearchParams(location.search).get('c') ?? '').trim()
  const base = `/r/${encodeURIComponent(code)}`
  let entry = `${base}${location.search}`
  const url = (path: string) => `/api/v1/redeem/${encodeURIComponent(code)}/${path}`
  /** The verification token: the order is placed with it, and read back with it. */
  let token = ''

  const flow = usePickupFlow<Placed>({
    delivers: true,
    renewsToken: true,
    async verify (credentials): Promise<CardView> {
      const verified = await api<Verified>('POST', url('verify'), credentials)
      token = verified.token
      // The number as the card has it, for "my order" and a second try.
      flow.cardNo = verified.card.card_no
      return verified
    },
    submit: (fields) => api<Placed>('POST', url('orders'), { token, ...fields }),
  })
  flow.cardNo = qrCard

  const page = reactive({
    code,
    /** The page cannot work at all (unknown merchant, no network at load). */
    fatal: null as null | { message: string; retry: boolean },
    step: (isOrderPath(location.pathname) ? 'order' : 'verify') as Step,
    /** The number came from the card's QR code: shown, not asked. */
    fromQr: qrCard !== '',
    result: null as Placed | null,
    /** The order shown in "my order". */
    order: null as Order | null,
  })

  /** The steps the indicator shows, in order. */
  const flowSteps = computed(() => FLOW.filter((s) => s !== 'date' || flow.hasDates))

  /** A step the state allows: nothing past verification without a verified card, nothing before done after it. */
  function allowed (step: Step): Step {
    if (page.result && step !== 'order') return 'done'
    if (FLOW.includes(step) && step !== 'verify' && !flow.card) return 'verify'
    if (step === 'date' && !flow.hasDates) return 'confirm'
    return step
  }

  function go (step: Step, opts: { replace?: boolean; keepErrors?: boolean } = {}): void {
    if (!opts.keepErrors) flow.errors = {}
    page.step = allowed(step)
    const to = page.step === 'order' ? `${base}/order` : entry
    history[opts.replace ? 'replaceState' : 'pushState']({ step: page.step }, '', to)
  }

  function next (): void {
    const steps = flowSteps.value
    go(steps[Math.min(steps.indexOf(page.step) + 1, steps.length - 1)])
  }

  function back (): void {
    history.back()
  }

  /** The phone's back and forward buttons (App.vue listens while it is mounted). */
  function onPopState (e: PopStateEvent): void {
    const step = (e.state as { step?: Step } | null)?.step ?? (location.pathname.endsWith('/order') ? 'order' : 'verify')
    flow.errors = {}
    page.step = allowed(step)
  }

  async function loadConfig (): Promise<void> {
    page.fatal = null
    try {
      const config = await flow.loadConfig(code)
      flow.paused = config.pickup.enabled ? '' : (config.pickup.pause_message || '提货暂停，请稍后再来')
      document.title = `${config.storefront.site_name} - 提货`
    } catch (err) {
      const e = asApiError(err)
      page.fatal = e.code === 'merchant_not_found'
        ? { message: '提货页面不存在，请检查网址或卡上的二维码是否正确。', retry: false }
        : { message: `页面加载失败：${e.message}`, retry: true }
    }
  }

  /** The step where the customer can fix what the order was refused for. */
  function fixAt (e: ApiError): Step | undefined {
    if (!flow.card) return 'verify'
    if (e.code === 'product_not_allowed') return 'product'
    if (e.code === 'reserve_date_invalid') return 'date'
    if (e.code !== 'validation_failed') return undefined
    const fields = Object.keys(flow.errors)
    if (fields.includes('reserve_date')) return 'date'
    return fields.some(isConsigneeField) ? 'consignee' : 'confirm'
  }

  /** Submits the order; on a refusal the customer is sent back to where it can be fixed. */
  async function submit (): Promise<boolean> {
    const outcome = await flow.submit()
    if ('placed' in outcome) {
      page.result = outcome.placed
      go('done')
      return true
    }
    const e = outcome.error
    // Paused meanwhile: the first step shows the merchant's message instead of the form.
    if (e.code === 'pickup_paused') flow.card = null
    const target = fixAt(e)
    if (target && target !== page.step) go(target, { keepErrors: true })
    // The day may have filled up meanwhile: fresh dates, and the taken one is no longer offered.
    if (e.code === 'reserve_date_invalid') {
      await loadConfig()
      if (!flow.reservation?.available_dates.includes(flow.reserveDate)) flow.reserveDate = ''
    }
    return false
  }

  function lookupOrder (cardNo: string, password: string): Promise<boolean> {
    return flow.run(async () => {
      page.order = await api<Order>('POST', url('order-lookup'), cardCredentials(cardNo, password))
    })
  }

  /** The order just placed, read with the verification token. */
  async function loadPlacedOrder (): Promise<void> {
    if (!page.result || !flow.card) return
    flow.busy = true
    try {
      page.order = await api<Order>('GET', `${url('orders')}/${encodeURIComponent(page.result.order_no)}?token=${encodeURIComponent(token)}`)
    } catch {
      page.order = null
    } finally {
      flow.busy = false
    }
  }

  /** Starts over with another card. */
  function reset (): void {
    flow.reset()
    token = ''
    Object.assign(page, { fromQr: false, result: null, order: null })
    entry = base
    history.replaceState({ step: 'verify' }, '', base)
    page.step = 'verify'
  }

  return { flow, page, flowSteps, go, next, back, onPopState, loadConfig, submit, lookupOrder, loadPlacedOrder, reset }
}

export type PickupStore = ReturnType<typeof createPickupStore>

export const PICKUP_STORE: InjectionKey<PickupStore> = Symbol('pickup store')

export function usePickupStore (): PickupStore {
  const store = inject(PICKUP_STORE)
  if (!store) throw new Error('usePickupStore() needs the store that pickup/main.ts provides')
  return store
}
