// Counters that guard secrets (card passwords, admin logins, captchas): an attempt is counted
// before the secret is checked, by one conditional UPDATE that both reserves the attempt and
// says whether it may go on. Every instance shares the rows, and a thousand concurrent guesses
// evaluate no more than the limit allows on SQLite and on MySQL alike (the row lock of the
// UPDATE serialises them; nothing is read first and written later).
import ipaddr from 'ipaddr.js'
import { affected, insertIgnored, type Db } from './db.js'

export interface Guard {
  /** The counter's name (guard_counters.kind). */
  readonly kind: string
  /** Attempts allowed in one window. */
  readonly max: number
  /** The window, counted from its first attempt. */
  readonly windowMs: number
  /** Once `max` attempts have failed, how long the subject stays refused. */
  readonly lockMs: number
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number }

const TABLE = 'guard_counters'
/** Subjects are bounded: a card number (≤ 48) and an address fit with room to spare. */
const SUBJECT_MAX = 160

function subjectOf (subject: string): string {
  return subject.length > SUBJECT_MAX ? subject.slice(0, SUBJECT_MAX) : subject
}

/**
 * The one statement that reserves an attempt: a new window starts when the last one has run
 * out; otherwise the count goes up only while it is below `max` and the subject is not locked.
 * (SET is evaluated left to right on MySQL, so `reset_at` — read by the other assignments — is
 * assigned last.)
 */
function take (db: Db, guard: Guard, subject: string, now: number, max: number) {
  return db(TABLE)
    .where({ kind: guard.kind, subject })
    .andWhere((w) => w.where('reset_at', '<=', now).orWhere((x) => x.where('hits', '<', max).andWhere('locked', 0)))
    .update({
      hits: db.raw('CASE WHEN reset_at <= ? THEN 1 ELSE hits + 1 END', [now]),
      locked: db.raw('CASE WHEN reset_at <= ? THEN 0 ELSE locked END', [now]),
      reset_at: db.raw('CASE WHEN reset_at <= ? THEN ? ELSE reset_at END', [now, now + guard.windowMs]),
    })
}

async function hit (db: Db, guard: Guard, subject: string, now: number, max: number): Promise<boolean> {
  // A subject seen for the first time (most card numbers are): one insert opens its window
  // with this attempt. Otherwise the conditional update decides.
  if (await insertIgnored(db, TABLE, { kind: guard.kind, subject, hits: 1, reset_at: now + guard.windowMs, locked: 0 }, ['kind', 'subject'])) return true
  return affected(await take(db, guard, subject, now, max)) === 1
}

async function retryAfter (db: Db, guard: Guard, subject: string, now: number): Promise<number> {
  const row = await db(TABLE).where({ kind: guard.kind, subject }).first('reset_at')
  return Math.max(1000, Number(row?.reset_at ?? now) - now)
}

/** Counts one attempt before the secret is checked; refused when the subject is at its limit or locked. */
export async function reserve (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<Reservation> {
  const subject = subjectOf(subjectRaw)
  const now = at.getTime()
  if (await hit(db, guard, subject, now, guard.max)) return { allowed: true }
  return { allowed: false, retryAfterMs: await retryAfter(db, guard, subject, now) }
}

/** Counts an event without ever refusing it (failures across a merchant's cards, for alerts). */
export async function count (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<void> {
  await hit(db, guard, subjectOf(subjectRaw), at.getTime(), Number.MAX_SAFE_INTEGER)
}

/**
 * After a reserved attempt failed its check: when the subject has used up its attempts, it is
 * locked for `lockMs` from now. `lockedNow` is true for exactly one caller per lock, whatever
 * the concurrency (the lock is one conditional update), so an audit row or an alert is
 * written once.
 */
export async function failed (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<{ locked: boolean; lockedNow: boolean; retryAfterMs: number }> {
  const subject = subjectOf(subjectRaw)
  const now = at.getTime()
  const lockedNow = affected(await db(TABLE).where({ kind: guard.kind, subject, locked: 0 }).andWhere('hits', '>=', guard.max).andWhere('reset_at', '>', now)
    .update({ locked: 1, reset_at: now + guard.lockMs })) === 1
  if (lockedNow) return { locked: true, lockedNow, retryAfterMs: guard.lockMs }
  const row = await db(TABLE).where({ kind: guard.kind, subject }).first('locked', 'reset_at')
  const locked = Boolean(row && Number(row.locked) === 1 && Number(row.reset_at) > now)
  return { locked, lockedNow: false, retryAfterMs: locked ? Number(row.reset_at) - now : 0 }
}

/**
 * After a reserved attempt passed its check. `refund` gives the attempt back (budgets that count
 * failures: an address, an app); `clear` starts the subject over (the holder proved the secret).
 */
export async function succeeded (db: Db, guard: Guard, subjectRaw: string, mode: 'refund' | 'clear'): Promise<void> {
  const q = db(TABLE).where({ kind: guard.kind, subject: subjectOf(subjectRaw) })
  if (mode === 'clear') await q.andWhere((w) => w.where('hits', '>', 0).orWhere('locked', 1)).update({ hits: 0, locked: 0 })
  else await q.andWhere('hits', '>', 0).update({ hits: db.raw('hits - 1') })
}

/** When the subject is locked now, until when (ms); otherwise null. */
export async function lockedUntil (db: Db, guard: Guard, subjects: string[], at: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (subjects.length === 0) return out
  const rows = await db(TABLE).where({ kind: guard.kind, locked: 1 }).whereIn('subject', subjects.map(subjectOf)).andWhere('reset_at', '>', at.getTime())
    .select('subject', 'reset_at')
  for (const r of rows) out.set(r.subject as string, Number(r.reset_at))
  return out
}

/** Rows whose window and lock ended before `before` carry nothing (one range delete on reset_at's index). */
export async function pruneGuards (db: Db, before: Date): Promise<number> {
  return affected(await db(TABLE).where('reset_at', '<', before.getTime()).delete())
}

/**
 * The address a per-address counter is keyed by: IPv4 as it is (an IPv4-mapped IPv6 address
 * counts as its IPv4 address), IPv6 by its /64 — one customer line gets a whole /64, so
 * counting single IPv6 addresses would let one client rotate through billions of keys.
 */
export function addressKey (ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64)
  const parsed = ipaddr.process(ip)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16))
  return `${parts.join(':')}::/64`
}
