// Calendar days of the merchant's time zone as instants: the card list's 创建时间 and the audit
// log's days take instants; the merchant picks days in their own zone, whatever the browser's.

/** Minutes the zone is ahead of UTC at `at`. */
function offsetMinutes (at: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at)).map((p) => [p.type, p.value]))
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return Math.round((local - Math.floor(at / 1000) * 1000) / 60_000)
}

/** The instant a day ("2026-12-01") starts in `timeZone`, as ISO; `plusDays` moves it (1: the next day's start). */
export function dayStart (day: string, timeZone: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  const guess = Date.UTC(y, m - 1, d + plusDays)
  let at = guess - offsetMinutes(guess, timeZone) * 60_000
  // Across a change of offset the first guess can be an hour off: correct with the offset at the result.
  at = guess - offsetMinutes(at, timeZone) * 60_000
  return new Date(at).toISOString()
}
