// Calendar days in the merchant's time zone as the instants the API filters by: a day picked
// in the console (2026-12-01) starts at that midnight in the merchant's zone, not the browser's.

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt (instant: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** The instant midnight of `date` ("YYYY-MM-DD") begins in `timeZone`. */
export function startOfDay (date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const guess = Date.UTC(y, m - 1, d)
  // Twice: the offset at the guess may differ from the offset at the answer across a DST change.
  let t = guess - offsetAt(guess, timeZone)
  t = guess - offsetAt(t, timeZone)
  return new Date(t)
}

/** The day after "YYYY-MM-DD". */
export function nextDay (date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}
