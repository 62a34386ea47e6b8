// The tables behind signed requests: `app_nonces` (used nonces) and `idempotency_keys`
// (Idempotency-Key reservations and their stored answers).
import { affected, isMysql, isUniqueViolation, type Db } from '../../shared/db.js'

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
  const use = { appId, nonce, expiresAt, now: now.getTime() }
  if (!isMysql(db)) return db.isTransaction ? (await useNoncesOn(db, [use]))[0] : queueNonce(db, use)
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

// SQLite. Every signed request writes a nonce, and a commit per row (its WAL frames: a page of
// the table and of each of its two indexes) was most of what signing added to a request in
// bench:open. Committed together, rows share the commit and the pages of the table and of the
// expiry index (both filled in order). So the nonces of the requests that arrive together are
// written in one transaction, a group commit: each row is still its own insert, refused on its own by the
// primary key (the statement fails, the transaction goes on), and no request is answered before
// the transaction holding its nonce has committed. The statements are prepared once per
// connection (knex would compile and prepare them for every request).

interface NonceUse { appId: number; nonce: string; expiresAt: number; now: number }
interface QueuedUse extends NonceUse { resolve (used: boolean): void; reject (err: unknown): void }
interface SqliteStatement { run (...params: unknown[]): { changes: number } }
interface SqliteConnection {
  prepare (sql: string): SqliteStatement
  transaction<A extends unknown[], R> (fn: (...args: A) => R): { immediate (...args: A): R }
}
const nonceWriters = new WeakMap<SqliteConnection, (uses: NonceUse[]) => boolean[]>()
const nonceQueues = new WeakMap<object, QueuedUse[]>()

/** Runs the uses on the connection in one transaction (a savepoint inside a running one). */
async function useNoncesOn (db: Db, uses: NonceUse[]): Promise<boolean[]> {
  // Taken from knex's pool (of one) and given back, so the writes wait for a running
  // transaction instead of joining it; inside a transaction it is the transaction's own.
  const conn = await db.client.acquireConnection() as SqliteConnection
  try {
    let write = nonceWriters.get(conn)
    if (!write) {
      const insert = conn.prepare('INSERT INTO app_nonces (app_id, nonce, expires_at) VALUES (?, ?, ?)')
      const takeOver = conn.prepare('UPDATE app_nonces SET expires_at = ? WHERE app_id = ? AND nonce = ? AND expires_at <= ?')
      const inOne = conn.transaction((batch: NonceUse[]) => batch.map((u) => {
        try {
          insert.run(u.appId, u.nonce, u.expiresAt)
          return true
        } catch (err) {
          if (!isUniqueViolation(err)) throw err
          return takeOver.run(u.expiresAt, u.appId, u.nonce, u.now).changes === 1
        }
      }))
      write = (batch) => inOne.immediate(batch)
      nonceWriters.set(conn, write)
    }
    return write(uses)
  } finally {
    await db.client.releaseConnection(conn)
  }
}

/** Queues the use for the next group commit: the uses queued in this turn of the event loop. */
function queueNonce (db: Db, use: NonceUse): Promise<boolean> {
  let queue = nonceQueues.get(db.client)
  if (!queue) nonceQueues.set(db.client, queue = [])
  const waiting = queue
  return new Promise((resolve, reject) => {
    if (waiting.push({ ...use, resolve, reject }) === 1) setImmediate(() => { void commitQueued(db, waiting) })
  })
}

async function commitQueued (db: Db, queue: QueuedUse[]): Promise<void> {
  const batch = queue.splice(0)
  try {
    const used = await useNoncesOn(db, batch)
    batch.forEach((u, i) => u.resolve(used[i]))
  } catch (err) {
    // Nothing of the batch was kept (the transaction rolled back): every request in it fails.
    for (const u of batch) u.reject(err)
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
