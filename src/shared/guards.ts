// Counters that guard secrets (card passwords, admin logins, captchas): an attempt is counted
// before the secret is checked, by one conditional UPDATE that both reserves the attempt and
// says whether it may go on. Every instance shares the rows, and a thousand concurrent guesses
// evaluate no more than the limit allows on SQLite and on MySQL alike (the row lock of the
// UPDATE serialises them; nothing is read first and written later).
import ipaddr from 'ipaddr.js'
import { affected, insertIgnored, type Db } from './db.js'
import { guardLocks, guardRefusals } from './metrics.js'

export interface Guard {
  /** The counter's name (guard_counters.kind). */
  readonly kind: string
  /** Attempts allowed in one window. */
  readonly max: number
  /** The window, counted from its first attempt. */
  readonly windowMs: number
  /** Once `max` attempts have failed, how long the subject stays refused. */
  readonly lockMs: number
  /**
   * Most subjects are seen once or twice (card numbers): try the insert first. Otherwise
   * (addresses, apps, merchants) the row usually exists and the update goes first.
   */
  readonly usuallyNew?: boolean
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number }

const TABLE = 'guard_counters'
/** Subjects are bounded: a card number (≤ 48) and an address fit with room to spare. */
const SUBJECT_MAX = 160

function subjectOf (subject: string): string {
  return subject.length > SUBJECT_MAX ? subject.slice(0, SUBJECT_MAX) : subject
}

/**
 * The one statement that counts an attempt: a new window starts when the last one has run
 * out; otherwise the count goes up — when `limited`, only while it is below `max` and the
 * subject is not locked. (SET is evaluated left to right on MySQL, so `reset_at` — read by the
 * other assignments — is assigned last.)
 */
function take (db: Db, guard: Guard, subject: string, now: number, limited: boolean) {
  const q = db(TABLE).where({ kind: guard.kind, subject })
  if (limited) q.andWhere((w) => w.where('reset_at', '<=', now).orWhere((x) => x.where('hits', '<', guard.max).andWhere('locked', 0)))
  return q.update({
    hits: db.raw('CASE WHEN reset_at <= ? THEN 1 ELSE hits + 1 END', [now]),
    locked: db.raw('CASE WHEN reset_at <= ? THEN 0 ELSE locked END', [now]),
    reset_at: db.raw('CASE WHEN reset_at <= ? THEN ? ELSE reset_at END', [now, now + guard.windowMs]),
  })
}

async function hit (db: Db, guard: Guard, subject: string, now: number, limited: boolean): Promise<boolean> {
  // A subject seen for the first time: one insert opens its window with this attempt.
  const open = () => insertIgnored(db, TABLE, { kind: guard.kind, subject, hits: 1, reset_at: now + guard.windowMs, locked: 0 }, ['kind', 'subject'])
  const counted = async () => affected(await take(db, guard, subject, now, limited)) === 1
  if (guard.usuallyNew) return await open() || counted()
  // The update finds nothing both when the row is missing and when the limit is reached; the
  // insert tells them apart, and a row another caller inserted meanwhile gets one more update.
  return await counted() || await open() || counted()
}

async function retryAfter (db: Db, guard: Guard, subject: string, now: number): Promise<number> {
  const row = await db(TABLE).where({ kind: guard.kind, subject }).first('reset_at')
  return Math.max(1000, Number(row?.reset_at ?? now) - now)
}

/** Counts one attempt before the secret is checked; refused when the subject is at its limit or locked. */
export async function reserve (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<Reservation> {
  const subject = subjectOf(subjectRaw)
  const now = at.getTime()
  if (await hit(db, guard, subject, now, true)) return { allowed: true }
  guardRefusals.inc({ kind: guard.kind })
  return { allowed: false, retryAfterMs: await retryAfter(db, guard, subject, now) }
}

/** Counts an event without ever refusing it (failures across a merchant's cards, for alerts). */
export async function count (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<void> {
  await hit(db, guard, subjectOf(subjectRaw), at.getTime(), false)
}

/**
 * When the subject has used up its attempts, locks it for `lockMs` from now. True for exactly
 * one caller per lock, whatever the concurrency (one conditional update), so an audit row or
 * an alert is written once.
 */
export async function lockIfSpent (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<boolean> {
  const now = at.getTime()
  const locked = affected(await db(TABLE).where({ kind: guard.kind, subject: subjectOf(subjectRaw), locked: 0 }).andWhere('hits', '>=', guard.max).andWhere('reset_at', '>', now)
    .update({ locked: 1, reset_at: now + guard.lockMs })) === 1
  if (locked) guardLocks.inc({ kind: guard.kind })
  return locked
}

/** After a reserved attempt failed its check: locks a spent subject, and says whether it is locked now and for how long. */
export async function failed (db: Db, guard: Guard, subjectRaw: string, at: Date): Promise<{ locked: boolean; lockedNow: boolean; retryAfterMs: number }> {
  const now = at.getTime()
  if (await lockIfSpent(db, guard, subjectRaw, at)) return { locked: true, lockedNow: true, retryAfterMs: guard.lockMs }
  const row = await db(TABLE).where({ kind: guard.kind, subject: subjectOf(subjectRaw) }).first('locked', 'reset_at')
  const locked = Boolean(row && Number(row.locked) === 1 && Number(row.reset_at) > now)
  return { locked, lockedNow: false, retryAfterMs: locked ? Number(row.reset_at) - now : 0 }
}

/**
 * After reserved attempts passed their check, in one statement: `refund` gives an attempt back
 * (budgets that count failures: an address, an app), `clear` starts the subject over (the
 * holder proved the secret).
 */
export async function succeeded (db: Db, settled: Array<{ guard: Guard; subject: string; mode: 'refund' | 'clear' }>): Promise<void> {
  if (settled.length === 0) return
  const keys = settled.map((e) => [e.guard.kind, subjectOf(e.subject)])
  const cleared = settled.filter((e) => e.mode === 'clear').map((e) => [e.guard.kind, subjectOf(e.subject)])
  const isCleared = cleared.length ? cleared.map(() => '(kind = ? AND subject = ?)').join(' OR ') : '1 = 0'
  await db(TABLE).whereIn(['kind', 'subject'], keys).andWhere((w) => w.where('hits', '>', 0).orWhere('locked', 1)).update({
    hits: db.raw(`CASE WHEN ${isCleared} THEN 0 WHEN hits > 0 THEN hits - 1 ELSE 0 END`, cleared.flat()),
    locked: db.raw(`CASE WHEN ${isCleared} THEN 0 ELSE locked END`, cleared.flat()),
  })
}

/** The subjects locked now, each with the moment its lock ends (ms); subjects not locked are absent. */
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
  // Anything else (a forwarded value a trusted hop let through) shares one key, so junk never buys a fresh budget.
  if (!ipaddr.isValid(ip)) return 'invalid'
  const parsed = ipaddr.process(ip)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  return prefixKey(parsed as ipaddr.IPv6, 4)
}

/**
 * The network above an IPv6 caller's /64: its /48, the usual allocation to one site, which holds
 * 65,536 /64s — without a budget of its own, one allocation could spend 65,536 address budgets.
 * IPv4 callers have none (a /24 is many unrelated neighbours).
 */
export function networkKey (ip: string): string | null {
  if (!ipaddr.isValid(ip)) return null
  const parsed = ipaddr.process(ip)
  return parsed.kind() === 'ipv6' ? prefixKey(parsed as ipaddr.IPv6, 3) : null
}

function prefixKey (ip: ipaddr.IPv6, groups: number): string {
  return `${ip.parts.slice(0, groups).map((p) => p.toString(16)).join(':')}::/${groups * 16}`
}
