// Calendar days in a merchant's time zone: "today", validity windows, reservation dates.

/**
 * Each zone's formatter with the last day it gave. Formatting costs more than the rest of a
 * redemption's date work, and UTC offsets are whole seconds: within one second the day is the same.
 */
const formatters = new Map<string, { format: Intl.DateTimeFormat; second: number; day: string }>()

/** YYYY-MM-DD of `at` in `timezone`. */
export function localDate (timezone: string, at: Date): string {
  let f = formatters.get(timezone)
  if (!f) {
    f = { format: new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }), second: NaN, day: '' }
    formatters.set(timezone, f)
  }
  const second = Math.floor(at.getTime() / 1000)
  if (second !== f.second) {
    f.day = f.format.format(at)
    f.second = second
  }
  return f.day
}

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
export function addDays (day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday (day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** Is this a real calendar day (not 2026-02-30)? */
export function isCalendarDay (day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const d = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day
}

/**
 * The days the API accepts wherever it takes a date (validity, blocked dates, filters): real
 * days of this century. Beyond, a date is a typo (5665-80-92) that would otherwise be stored.
 */
export const DATE_MIN = '2000-01-01'
export const DATE_MAX = '2099-12-31'

/** A real calendar day between DATE_MIN and DATE_MAX. */
export function isCalendarDayInRange (day: string): boolean {
  return isCalendarDay(day) && day >= DATE_MIN && day <= DATE_MAX
}

/** Whole days from `a` to `b`. */
export function daysBetween (a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** The UTC instant (milliseconds) at which `day` begins in the time zone `tz`. */
export function dayStart (tz: string, day: string): number {
  // Start from UTC midnight and correct by the zone's offset at that moment (exact for zones
  // without a DST change at midnight).
  const utc = Date.parse(`${day}T00:00:00Z`)
  const local = new Date(utc).toLocaleString('sv-SE', { timeZone: tz }).replace(' ', 'T') + 'Z'
  return utc - (Date.parse(local) - utc)
}
