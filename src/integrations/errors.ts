// The one error every vendor adapter throws (SMS, couriers, ERPs, tracking subscriptions), and
// the one way it becomes the outbox worker's error. Each adapter keeps its vendor's table of
// codes beside it (final / transient / misconfiguration, with the document it comes from);
// `fromCode` turns an answered code into this error through that table.
import { vendorReason } from '../shared/outbound.js'
import { HandlerError, type AttemptReport, type Effects } from '../modules/outbox/outbox.types.js'

/**
 * What retrying can do about a failure. `transient`: the same call may succeed later (timeouts,
 * 5xx, throttling). `final`: this request is refused (a bad number, an address the courier does
 * not serve). `misconfiguration`: every request will be refused until the merchant fixes the
 * settings (wrong key, no permission); final for the outbox, and said so to the merchant.
 */
export type Outcome = 'final' | 'transient' | 'misconfiguration'

export interface IntegrationErrorOptions {
  /** The vendor's own message, as it answered (never a body dump). */
  vendor_message?: string | null
  /** Defaults to transient when retryable, final otherwise. */
  outcome?: Outcome
  /** The vendor answered and refused (its code and message), rather than the call failing on the way. */
  answered?: boolean
}

export class IntegrationError extends Error {
  readonly outcome: Outcome
  readonly vendor_message: string | null
  readonly answered: boolean
  constructor (message: string, readonly retryable: boolean, readonly code: string | null = null, opts: IntegrationErrorOptions = {}) {
    super(message)
    this.name = 'IntegrationError'
    this.outcome = opts.outcome ?? (retryable ? 'transient' : 'final')
    this.vendor_message = opts.vendor_message ?? null
    this.answered = opts.answered ?? false
  }
}

/** The vendor HTTP client's failures (network, timeout, HTTP status, not JSON): not answered by the vendor's API. */
export const integrationFailure = (message: string, retryable: boolean) => new IntegrationError(message, retryable)

export interface VendorCode {
  outcome: Outcome
  /** What the code means, in Chinese, when the vendor's own message is missing or unclear. */
  reason?: string
}

/** A vendor's codes: exact codes, and optionally rules for families (`Throttling*`). */
export interface CodeTable {
  codes: Readonly<Record<string, VendorCode>>
  /** Checked in order when no exact code matches. */
  patterns?: ReadonlyArray<readonly [RegExp, VendorCode]>
  /** For a code in neither: a vendor's unknown refusal is final unless said otherwise. */
  fallback?: Outcome
}

export function lookupCode (table: CodeTable, code: string | number | null | undefined): VendorCode {
  const key = code === null || code === undefined ? '' : String(code)
  const exact = table.codes[key]
  if (exact) return exact
  for (const [re, v] of table.patterns ?? []) if (re.test(key)) return v
  return { outcome: table.fallback ?? 'final' }
}

/** The vendor answered `code` / `message`: the error its table says it is. */
export function fromCode (table: CodeTable, code: string | number | null | undefined, message: unknown): IntegrationError {
  const v = lookupCode(table, code)
  const text = message === undefined || message === null || message === '' ? v.reason : String(message)
  return new IntegrationError(vendorReason(code, text ?? '未说明原因'), v.outcome === 'transient', code === null || code === undefined ? null : String(code), {
    outcome: v.outcome, vendor_message: text ?? null, answered: true,
  })
}

/** Anything an adapter threw, as an IntegrationError (an unexpected error is transient, as before). */
export function toIntegrationError (err: unknown): IntegrationError {
  if (err instanceof IntegrationError) return err
  return new IntegrationError(err instanceof Error ? err.message : String(err), true)
}

/** The outbox worker's error for a failed vendor call; the report records the reason. */
export function toHandlerError (err: unknown, report?: AttemptReport, effects?: Effects): HandlerError {
  const e = toIntegrationError(err)
  return new HandlerError(e.message, e.retryable, report ?? { error: e.message }, effects)
}
