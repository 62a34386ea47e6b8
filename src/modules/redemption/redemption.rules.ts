// The redemption rules that need no database: which delivery dates a customer may reserve,
// whether a chosen date is allowed, and how a lock is told to the customer.
import { addDays, daysBetween, isCalendarDay, weekday } from '../../shared/dates.js'
import type { Pickup } from '../settings/settings.schemas.js'
import * as errors from './redemption.errors.js'

/** 423 card_locked telling the customer how long to wait (whole minutes, rounded up; Retry-After in seconds). */
export function lockedFor (ms: number) {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  return errors.cardLocked({
    message: `密码错误次数过多，该卡已锁定，请 ${minutes} 分钟后再试`,
    headers: { 'retry-after': String(Math.ceil(ms / 1000)) },
  })
}

/** A day the merchant does not ship on (a blocked weekday or date of the window mode). */
export function blockedDay (r: Pickup['reservation'], day: string): boolean {
  return r.blocked_weekdays.includes(weekday(day)) || r.blocked_dates.includes(day)
}

/** How far ahead the page offers dates when the merchant allows any date (about six months). */
export const ANY_MODE_DAYS_OFFERED = 180

/**
 * The delivery dates a customer may pick, oldest first: none without reservation, today onwards
 * for "any", the window without its blocked weekdays and dates for "window". The same rules as
 * checkReserveDate, listed for the date picker (which also leaves out days whose cap is taken).
 */
export function reservableDates (pickup: Pickup, today: string): string[] {
  const r = pickup.reservation
  if (r.mode === 'none') return []
  const [first, last] = r.mode === 'any' ? [0, ANY_MODE_DAYS_OFFERED - 1] : [r.min_days_ahead, r.max_days_ahead]
  const days: string[] = []
  for (let n = first; n <= last; n++) {
    const day = addDays(today, n)
    if (r.mode === 'window' && blockedDay(r, day)) continue
    days.push(day)
  }
  return days
}

/** The reserve-date rules of the pickup settings, for a date the customer chose (or none). */
export function checkReserveDate (pickup: Pickup, today: string, date: string | null | undefined): void {
  const r = pickup.reservation
  if (r.mode === 'none') {
    if (date) throw errors.reserveDateInvalid({ message: '本商户不支持预约发货日期' })
    return
  }
  if (!date) {
    if (r.mode === 'window') throw errors.reserveDateInvalid({ message: '请选择预约发货日期' })
    return
  }
  if (!isCalendarDay(date)) throw errors.reserveDateInvalid()
  const ahead = daysBetween(today, date)
  if (ahead < 0) throw errors.reserveDateInvalid({ message: '预约发货日期不能早于今天' })
  if (r.mode === 'window') {
    if (ahead < r.min_days_ahead || ahead > r.max_days_ahead) {
      throw errors.reserveDateInvalid({ message: `请选择 ${addDays(today, r.min_days_ahead)} 至 ${addDays(today, r.max_days_ahead)} 之间的日期` })
    }
    if (blockedDay(r, date)) {
      throw errors.reserveDateInvalid({ message: '该日期不发货，请选择其他日期' })
    }
  }
}
