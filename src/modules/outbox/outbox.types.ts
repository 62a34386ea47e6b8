// What an outbox handler is: the contract between the modules that deliver (webhooks, SMS,
// ERP, couriers) and the worker that claims rows and records their attempts.
import type { Knex } from 'knex'
import type { OutboxMessage } from './outbox.repository.js'

export interface OutboxRow {
  id: number
  merchant_id: number
  topic: string
  destination: string | null
  payload: string
  idempotency_key: string
  status: 'pending' | 'processing' | 'done' | 'dead'
  attempts: number
  next_attempt_at: number
  locked_until: number | null
  last_error: string | null
  event_type: string | null
  event_id: string | null
  claim_token: string | null
  created_at: number
}

export interface AttemptReport { status_code?: number | null; error?: string | null; response_excerpt?: string | null }

/** Writes that belong to the completion of a row, run in the transaction that records it. */
export type Effects = (trx: Knex.Transaction) => Promise<void>

/**
 * What a handler reports; throw HandlerError to fail. `effects` run in the completing
 * transaction. `next` are rows that transaction queues already leased to this worker, which
 * runs them as soon as it commits (an event's webhook deliveries), instead of waiting for a
 * claim to find them; if the worker dies they are taken over after the lease like any row.
 */
export interface HandlerResult extends AttemptReport { effects?: Effects; next?: OutboxMessage[] }

export class HandlerError extends Error {
  /** The destination asked us to wait this long before the next attempt (a 429's Retry-After). */
  retryAfterMs: number | null = null
  constructor (message: string, readonly retryable: boolean, readonly report: AttemptReport = {}, readonly effects?: Effects) {
    super(message)
    this.name = 'HandlerError'
  }
}

export type Handler = (row: OutboxRow, now: Date) => Promise<HandlerResult | void>
