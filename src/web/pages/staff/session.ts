// The staff member's session: a bearer token kept for this browser tab only (sessionStorage),
// dropped on logout or on any 401 from the API.
import { reactive } from 'vue'
import { api, asApiError } from '../shared/api.js'

export interface Me {
  admin: { id: number; username: string; name: string; permissions: string[]; is_owner: boolean }
  merchant: { id: number; code: string; name: string; timezone: string }
}

const KEY = 'kaquan.staff.token'
const MERCHANT_KEY = 'kaquan.staff.merchant'

/** The merchant code to offer: ?m= in the link, else the last one used here, else the installation's default. */
export function rememberedMerchant (): string {
  const fromLink = new URLSearchParams(location.search).get('m')
  return (fromLink || localStorage.getItem(MERCHANT_KEY) || 'default').slice(0, 32)
}

export const session = reactive({
  token: sessionStorage.getItem(KEY) ?? '',
  me: null as Me | null,
  /** Shown on the login form after a session ended by itself. */
  notice: '',
})

function clear (notice = ''): void {
  session.token = ''
  session.me = null
  session.notice = notice
  sessionStorage.removeItem(KEY)
}

/** An API call with the session's token; a 401 ends the session and shows the login form. */
export async function call<T> (method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  try {
    return await api<T>(method, url, body, session.token)
  } catch (err) {
    const e = asApiError(err)
    if (e.status === 401 && session.token) clear('登录已失效，请重新登录')
    throw e
  }
}

export async function resume (): Promise<void> {
  if (!session.token) return
  try {
    session.me = await call<Me>('GET', '/api/v1/auth/me')
  } catch {
    if (!session.me) clear(session.notice)
  }
}

export async function login (body: { merchant_code: string; username: string; password: string; captcha: string }): Promise<void> {
  const res = await api<{ token: string }>('POST', '/api/v1/auth/login', body)
  localStorage.setItem(MERCHANT_KEY, body.merchant_code)
  session.token = res.token
  sessionStorage.setItem(KEY, res.token)
  session.notice = ''
  session.me = await call<Me>('GET', '/api/v1/auth/me')
}

export async function logout (): Promise<void> {
  try {
    await call('POST', '/api/v1/auth/logout')
  } catch {
    // The session ends here either way.
  }
  clear()
}

export const can = (permission: string) => Boolean(session.me?.admin.permissions.includes(permission))
