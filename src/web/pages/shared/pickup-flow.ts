// One pickup, as the customer's page (/r/{merchant_code}) and the staff pickups (/staff) run it:
// the card number and password are verified, one of the card's products is chosen, the address
// and, where the merchant takes reservations, a delivery date are filled in, and the order is
// placed. The rules for each of these live here; a page brings its endpoints and what it does
// around them (steps and history on the customer's page; the staff session, the receipt).
//
// Nothing here needs a component (no lifecycle hooks, no inject): a page's store may create the
// flow in main.ts, a component in its setup.
import { computed, reactive } from 'vue'
import { api, asApiError, type ApiError } from './api.js'
import { cardCredentials, checkCardInput, redeemedOrderNo, type CardCredentials } from './card-input.js'
import { checkConsignee, emptyConsignee, tidyConsignee } from './consignee.js'
import { FIELD_HINT, placeError, type FieldErrors } from './errors.js'
import type { CardView, Consignee, RedeemConfig, Reservation } from './types.js'

/** What every order carries besides the proof of the card. */
export interface OrderFields {
  /** Checked before the order is sent; a renewed card that no longer offers the choice makes it null, which the server refuses by field. */
  product_id: number | null
  consignee?: Consignee
  reserve_date?: string
  remark?: string
}

export interface PickupFlowOptions<Placed> {
  /** The goods are sent (an address; a date where the merchant takes reservations), not handed over at the counter (到店提货). */
  delivers: boolean
  /** Checks the card number and password with the server: the card and the products it redeems. */
  verify (credentials: CardCredentials): Promise<CardView>
  /** Places the order: `fields` and the page's proof of the card (its verification token, or the number and password again). */
  submit (fields: OrderFields, credentials: CardCredentials): Promise<Placed>
  /**
   * The order is proven with the verification token, which lasts 15 minutes: on token_invalid the
   * card is verified once more with its password (still in the form) and the order sent again.
   */
  renewsToken?: boolean
}

export type SubmitOutcome<Placed> = { placed: Placed } | { error: ApiError }

export function usePickupFlow<Placed> (opts: PickupFlowOptions<Placed>) {
  const credentials = () => cardCredentials(flow.cardNo, flow.password)
  const reservation = computed((): Reservation | undefined => flow.config?.reservation)
  /** Whether the order asks for a delivery date ("any": one may be chosen; "window": one must be). */
  const hasDates = computed((): boolean => opts.delivers && (reservation.value?.mode ?? 'none') !== 'none')

  /** Shows an API error next to the field it concerns (pickup_paused: above the form instead). */
  function fail (err: unknown): ApiError {
    const e = asApiError(err)
    if (e.code === 'pickup_paused') flow.paused = e.message
    flow.redeemedOrderNo = redeemedOrderNo(e)
    flow.errors = e.code === 'pickup_paused' ? {} : placeError(e)
    return e
  }

  /** Any answer of the pickup endpoints but pickup_paused says pickup is open again. */
  function answered (e: ApiError | null): void {
    if (e?.code !== 'pickup_paused') flow.paused = ''
  }

  /** Runs one API call with the form busy; its error goes next to its field. Null when it worked. */
  async function attempt (fn: () => Promise<void>): Promise<ApiError | null> {
    flow.busy = true
    flow.errors = {}
    try {
      await fn()
      return null
    } catch (err) {
      return fail(err)
    } finally {
      flow.busy = false
    }
  }

  async function verifyCard (): Promise<ApiError | null> {
    const e = await attempt(async () => {
      const card = await opts.verify(credentials())
      flow.card = card
      // A choice made before (the same card verified again) stands while the card still offers it.
      if (!card.products.some((p) => p.product_id === flow.productId)) flow.productId = card.products.length === 1 ? card.products[0].product_id : null
    })
    answered(e)
    return e
  }

  /** What the order sends besides the card; every field as the API takes it. */
  function orderFields (): OrderFields {
    const remark = flow.remark.trim()
    return {
      product_id: flow.productId,
      ...(opts.delivers ? { consignee: flow.consignee } : {}),
      ...(hasDates.value && flow.reserveDate ? { reserve_date: flow.reserveDate } : {}),
      ...(remark ? { remark } : {}),
    }
  }

  const flow = reactive({
    cardNo: '',
    password: '',
    /** The verified card and its products; null until verified, and again once the card is refused. */
    card: null as CardView | null,
    productId: null as number | null,
    consignee: emptyConsignee() as Consignee,
    remark: '',
    reserveDate: '',
    /** The merchant's pickup page settings, for the reservation rules (loadConfig). */
    config: null as RedeemConfig | null,
    reservation,
    hasDates,
    errors: {} as FieldErrors,
    /** The order that already used this card (from 409 card_redeemed), for a link to it. */
    redeemedOrderNo: '',
    /** Pickup paused: the merchant's message. */
    paused: '',
    busy: false,

    fail,
    /** Runs one API call with the form busy; its error goes next to its field. True when it worked. */
    run: async (fn: () => Promise<void>) => (await attempt(fn)) === null,

    async loadConfig (merchantCode: string): Promise<RedeemConfig> {
      flow.config = await api<RedeemConfig>('GET', `/api/v1/redeem/${encodeURIComponent(merchantCode)}/config`)
      return flow.config
    },

    checkProduct (): FieldErrors {
      return flow.productId ? {} : { product: '请选择一款商品' }
    },

    /** The address (tidied as it is checked), or without one the remark alone. */
    checkDelivery (): FieldErrors {
      if (!opts.delivers) return flow.remark.length > 500 ? { remark: FIELD_HINT.remark } : {}
      flow.consignee = tidyConsignee(flow.consignee)
      return checkConsignee(flow.consignee, flow.remark)
    },

    /** A date no longer offered is dropped; the merchant's window needs one. */
    checkDate (): FieldErrors {
      const r = reservation.value
      if (!hasDates.value || !r) return {}
      if (flow.reserveDate && !r.available_dates.includes(flow.reserveDate)) flow.reserveDate = ''
      return r.mode === 'window' && !flow.reserveDate ? { reserve_date: '请选择发货日期' } : {}
    },

    /** Everything the order needs, checked at once (the staff pickups' single form). */
    checkOrder (): FieldErrors {
      return { ...flow.checkProduct(), ...flow.checkDelivery(), ...flow.checkDate() }
    },

    /** Checks that both are typed in, then verifies the card. False when either was refused (see errors). */
    async verify (): Promise<boolean> {
      flow.redeemedOrderNo = ''
      flow.errors = checkCardInput(flow.cardNo, flow.password)
      if (Object.keys(flow.errors).length) return false
      return (await verifyCard()) === null
    },

    /** Places the order. A refused card is dropped (card = null): it has to be verified again. */
    async submit (): Promise<SubmitOutcome<Placed>> {
      flow.busy = true
      flow.errors = {}
      const send = () => opts.submit(orderFields(), credentials())
      try {
        let placed: Placed
        try {
          placed = await send()
        } catch (err) {
          if (!opts.renewsToken || asApiError(err).code !== 'token_invalid') throw err
          const refused = await verifyCard()
          if (refused) {
            flow.card = null
            return { error: refused }
          }
          flow.busy = true
          placed = await send()
        }
        answered(null)
        return { placed }
      } catch (err) {
        const e = fail(err)
        answered(e)
        if (flow.errors.card_no || flow.errors.password) flow.card = null
        return { error: e }
      } finally {
        flow.busy = false
      }
    },

    /** Clears the form for the next card. */
    reset (): void {
      Object.assign(flow, {
        cardNo: '', password: '', card: null, productId: null, consignee: emptyConsignee(), remark: '', reserveDate: '', errors: {}, redeemedOrderNo: '',
      })
    },
  })
  return flow
}

export type PickupFlow<Placed = unknown> = ReturnType<typeof usePickupFlow<Placed>>
