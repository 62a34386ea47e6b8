// Every statement on card_bulk_jobs: bulk actions too large to answer in the request, worked
// through in the background window by window. A job `running` is worked on by whoever holds its
// lease (lease_until in the future, lease_token theirs); a lease that ran out may be taken by
// any instance, which resumes after the job's cursor.
import type { Knex } from 'knex'
import { affected, insertedId, type Db } from '../../shared/db.js'

export interface BulkJobRow {
  id: number
  merchant_id: number
  job_no: string
  action: string
  request: string
  plan: string
  actor: string
  lock_key: string | null
  status: 'running' | 'done' | 'failed'
  serial_from: number
  serial_to: number
  cursor: number
  matched: number
  changed: number
  skipped: string
  error_code: string | null
  lease_until: number | null
  lease_token: string | null
  created_at: number
  updated_at: number
  finished_at: number | null
}

export async function insertJob (db: Db, row: Omit<BulkJobRow, 'id'>): Promise<number> {
  return insertedId(await db('card_bulk_jobs').insert(row))
}

export async function findJob (db: Db, merchantId: number, jobNo: string): Promise<BulkJobRow | undefined> {
  return db<BulkJobRow>('card_bulk_jobs').where({ merchant_id: merchantId, job_no: jobNo }).first()
}

/** The merchant's jobs, newest first (keyset on id). */
export async function listJobs (db: Db, merchantId: number, q: { beforeId?: number; limit: number }): Promise<BulkJobRow[]> {
  const query = db<BulkJobRow>('card_bulk_jobs').where({ merchant_id: merchantId })
  if (q.beforeId !== undefined) query.andWhere('id', '<', q.beforeId)
  return query.orderBy('id', 'desc').limit(q.limit)
}

/** The lock keys of the merchant's running jobs. */
export async function runningLockKeys (db: Db, merchantId: number): Promise<string[]> {
  return await db('card_bulk_jobs').where({ merchant_id: merchantId, status: 'running' }).whereNotNull('lock_key').pluck('lock_key') as string[]
}

const leaseFree = (now: number) => (w: Knex.QueryBuilder) => w.whereNull('lease_until').orWhere('lease_until', '<', now)

/** Up to `n` running jobs without a live lease, oldest first. */
export async function jobCandidates (db: Db, now: number, n: number): Promise<BulkJobRow[]> {
  return db<BulkJobRow>('card_bulk_jobs').where({ status: 'running' }).andWhere(leaseFree(now)).orderBy('id').limit(n)
}

/** Takes a job's lease if it is still free; true when this caller got it. */
export async function takeJobLease (db: Db, id: number, now: number, until: number, token: string): Promise<boolean> {
  return affected(await db('card_bulk_jobs').where({ id, status: 'running' }).andWhere(leaseFree(now))
    .update({ lease_until: until, lease_token: token })) === 1
}

/**
 * Records one window's progress and renews the lease, in the window's transaction: false when
 * the lease is no longer this holder's (the caller rolls the window back).
 */
export async function recordJobStep (db: Db, id: number, token: string, step: { cursor: number; matched: number; changed: number; skipped: Record<string, number>; now: number; until: number }): Promise<boolean> {
  return affected(await db('card_bulk_jobs').where({ id, status: 'running', lease_token: token }).andWhere('lease_until', '>=', step.now)
    .update({
      cursor: step.cursor, matched: step.matched, changed: step.changed, skipped: JSON.stringify(step.skipped),
      lease_until: step.until, updated_at: step.now,
    })) === 1
}

/** Ends a job (done or failed): its lock is released for the next job on the same cards. */
export async function finishJob (db: Db, id: number, token: string, end: { status: 'done' | 'failed'; error_code?: string; at: number }): Promise<boolean> {
  return affected(await db('card_bulk_jobs').where({ id, status: 'running', lease_token: token })
    .update({ status: end.status, error_code: end.error_code ?? null, lock_key: null, lease_until: null, lease_token: null, updated_at: end.at, finished_at: end.at })) === 1
}
