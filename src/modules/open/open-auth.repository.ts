// The tables behind signed requests: `app_nonces` (used nonces) and `idempotency_keys`
// (Idempotency-Key reservations and their stored answers).
import { affected, isUniqueViolation, type Db } from '../../shared/db.js'

export interface IdempotencyRow {
  app_id: number
  key: string
  request_hash: string
  status: string
  response_status: number | null
  response_body: string | null
  created_at: number
  expires_at: number
}

/** Has the app used this nonce, and is it still kept? (Read on refusals only; `useNonce` is the atomic check.) */
export async function nonceInUse (db: Db, appId: number, nonce: string, now: Date): Promise<boolean> {
  return Boolean(await db('app_nonces').where({ app_id: appId, nonce }).andWhere('expires_at', '>', now.getTime()).first('nonce'))
}

/**
 * Uses the nonce until `expiresAt`; false when it is in use. One insert, no read first: a
 * replay, even a concurrent one, loses on the primary key; a row that has expired but not been
 * pruned yet is taken over by one conditional update, so only one of two racing requests can
 * take it either way.
 */
export async function useNonce (db: Db, appId: number, nonce: string, expiresAt: number, now: Date): Promise<boolean> {
  try {
    await db('app_nonces').insert({ app_id: appId, nonce, expires_at: expiresAt })
    return true
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    const renewed = await db('app_nonces').where({ app_id: appId, nonce }).andWhere('expires_at', '<=', now.getTime())
      .update({ expires_at: expiresAt })
    return affected(renewed) === 1
  }
}

/** Removes the key's row when it has expired, so the key can be reserved afresh. */
export async function dropExpiredIdempotencyKey (db: Db, appId: number, key: string, now: Date): Promise<void> {
  await db('idempotency_keys').where({ app_id: appId, key }).andWhere('expires_at', '<=', now.getTime()).delete()
}

export async function findIdempotencyKey (db: Db, appId: number, key: string): Promise<IdempotencyRow | undefined> {
  return db<IdempotencyRow>('idempotency_keys').where({ app_id: appId, key }).first()
}

/** Reserves the key for a running request; false when a row holds it already (the primary key decides). */
export async function reserveIdempotencyKey (db: Db, r: { app_id: number; key: string; request_hash: string; at: Date; expires_at: Date }): Promise<boolean> {
  try {
    await db('idempotency_keys').insert({
      app_id: r.app_id, key: r.key, request_hash: r.request_hash, status: 'running', created_at: r.at.getTime(), expires_at: r.expires_at.getTime(),
    })
    return true
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    return false
  }
}

/** The answer of the request that holds the key; `responseBody` arrives sealed. */
export async function completeIdempotencyKey (db: Db, appId: number, key: string, responseStatus: number, responseBody: string): Promise<void> {
  await db('idempotency_keys').where({ app_id: appId, key }).update({ status: 'done', response_status: responseStatus, response_body: responseBody })
}

/** Housekeeping: nonces and idempotency keys past their time. */
export async function pruneOpenAuthTables (db: Db, now: Date): Promise<void> {
  await db('app_nonces').where('expires_at', '<', now.getTime()).delete()
  await db('idempotency_keys').where('expires_at', '<', now.getTime()).delete()
}
