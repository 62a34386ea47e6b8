// How money, days and order states read on the pages.

/** Cents (分) → "¥388.00". */
export function money (cents: number | null): string {
  return cents === null ? '' : `¥${(cents / 100).toFixed(2)}`
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** 0 = Sunday, of a YYYY-MM-DD calendar day (no time zone involved). */
export function weekdayOf (day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** "2026-11-24" → "2026年11月24日 星期二". */
export function longDay (day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日 ${WEEKDAYS[weekdayOf(day)]}`
}

/** "2026-11-24" → "11月24日". */
export function shortDay (day: string): string {
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日`
}

/** The calendar day `n` days after `day`. */
export function addDays (day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

export function validity (from: string | null, to: string | null): string {
  if (from && to) return `${from} 至 ${to}`
  if (to) return `${to} 前有效`
  if (from) return `${from} 起有效`
  return '长期有效'
}

/** An ISO timestamp in the reader's local time, "2026-11-24 10:05". */
export function dateTime (iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

export const ORDER_STATUS: Record<string, string> = {
  pending: '待发货',
  shipped: '已发货',
  delivered: '已签收',
  completed: '已完成',
  cancelled: '已取消',
}

export const CHANNEL: Record<string, string> = {
  web: '网页提货',
  phone: '电话提货',
  store: '到店提货',
  open_api: '商城提货',
}

/** Black or white, whichever reads better on the merchant's colour (WCAG relative luminance). */
export function textOn (hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return '#fff'
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
  // Contrast with white is (1.05)/(l+0.05); with black (l+0.05)/0.05.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#1a1a1a'
}

/**
 * CSS variables for the merchant's colour. Vant derives its button and step colours from
 * --van-primary-color at :root, so those derived variables are set here too.
 */
export function themeVars (color: string): Record<string, string> {
  const on = textOn(color)
  return {
    '--kq-theme': color,
    '--kq-on-theme': on,
    '--van-primary-color': color,
    '--van-button-primary-background': color,
    '--van-button-primary-border-color': color,
    '--van-button-primary-color': on,
    '--van-step-active-color': color,
    '--van-step-finish-line-color': color,
  }
}
