// The signed-in admin: a bearer token kept in this browser (localStorage, so a link opened in a
// new tab stays signed in; the server ends sessions by time and on logout or revocation), and
// the admin and merchant from /api/v1/auth/me. A 401 from any call clears it; the router sends
// the page to the login form with where it was, and back after login.
import { reactive } from 'vue'
import { client, ok } from './api.js'
import type { Me } from '../shared/types.js'

const KEY = 'kaquan.admin.token'
const MERCHANT_KEY = 'kaquan.admin.merchant'

export type Permission = Me['admin']['permissions'][number]

export const session = reactive({
  token: localStorage.getItem(KEY) ?? '',
  me: null as Me | null,
  /** Shown on the login form after a session ended by itself. */
  notice: '',
  /** Bumped when the session ends by itself, so the layout can send the page to the login form. */
  expired: 0,
})

export function rememberedMerchant (): string {
  const fromLink = new URLSearchParams(location.search).get('m')
  return (fromLink || localStorage.getItem(MERCHANT_KEY) || 'default').slice(0, 32)
}

export function clearSession (notice = ''): void {
  session.token = ''
  session.me = null
  session.notice = notice
  localStorage.removeItem(KEY)
}

/** Called by the API client on a 401 with a token: the session lapsed or was revoked. */
export function sessionLapsed (): void {
  if (!session.token) return
  clearSession('登录已失效，请重新登录')
  session.expired++
}

/** Loads the admin behind the stored token (false: there is none, or it no longer works). */
export async function resume (): Promise<boolean> {
  if (session.me) return true
  if (!session.token) return false
  try {
    session.me = await ok(client.GET('/api/v1/auth/me'))
    return true
  } catch {
    return Boolean(session.me)
  }
}

export async function login (body: { merchant_code: string; username: string; password: string; captcha: string }): Promise<void> {
  const res = await ok(client.POST('/api/v1/auth/login', { body }))
  localStorage.setItem(MERCHANT_KEY, body.merchant_code)
  session.token = res.token
  localStorage.setItem(KEY, res.token)
  session.notice = ''
  session.me = await ok(client.GET('/api/v1/auth/me'))
}

export async function logout (): Promise<void> {
  try {
    await ok(client.POST('/api/v1/auth/logout'))
  } catch {
    // The session ends here either way.
  }
  clearSession()
}

export function can (permission: Permission | string): boolean {
  return Boolean(session.me?.admin.permissions.includes(permission as Permission))
}
