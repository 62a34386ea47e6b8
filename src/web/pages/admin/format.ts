// Money and dates as the console shows and takes them: the API keeps money in fen (integers)
// and times as ISO instants; merchants read and type yuan (¥388.00) and dates in their own
// time zone (the merchant's, from /api/v1/auth/me).

/** 38800 → "¥388.00" (null/undefined → "—"). */
export function yuan (fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`
}

/** "388" / "388.5" / "388.50" → 38850; anything else (more than 2 decimals, letters, negative) → null. */
export function toFen (text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null
  const s = String(text).trim().replace(/^¥/, '').replace(/,/g, '')
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Fen as the yuan figure an input shows (38850 → "388.50"). */
export function fenToInput (fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return (fen / 100).toFixed(2)
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter (timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('zh-CN', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' as const } : {}),
    })
    formatters.set(key, f)
  }
  return f
}

/** An instant in the merchant's time zone: "2026-12-01 08:30:00". */
export function dateTime (iso: string | null | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—'
  const parts = Object.fromEntries(formatter(timeZone, true).formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** The calendar date of an instant in the merchant's time zone: "2026-12-01". */
export function dateOf (iso: string | Date, timeZone = 'Asia/Shanghai'): string {
  const parts = Object.fromEntries(formatter(timeZone, false).formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}
