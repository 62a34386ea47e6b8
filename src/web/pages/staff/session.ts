// The staff member's session: a bearer token kept for this browser tab only (sessionStorage),
// dropped on logout or on any 401 from the API. main.ts creates it and gives it to the components
// (useSession).
import { inject, reactive, type InjectionKey } from 'vue'
import { api, asApiError } from '../shared/api.js'
import type { Me } from '../shared/types.js'

const KEY = 'kaquan.staff.token'
const MERCHANT_KEY = 'kaquan.staff.merchant'

/** The merchant code to offer: ?m= in the link, else the last one used here, else the installation's default. */
export function rememberedMerchant (): string {
  const fromLink = new URLSearchParams(location.search).get('m')
  return (fromLink || localStorage.getItem(MERCHANT_KEY) || 'default').slice(0, 32)
}

export function createSession () {
  function clear (notice = ''): void {
    session.token = ''
    session.me = null
    session.notice = notice
    sessionStorage.removeItem(KEY)
  }

  const session = reactive({
    token: sessionStorage.getItem(KEY) ?? '',
    me: null as Me | null,
    /** Shown on the login form after a session ended by itself. */
    notice: '',

    /** An API call with the session's token; a 401 ends the session and shows the login form. */
    async call<T> (method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
      try {
        return await api<T>(method, url, body, session.token)
      } catch (err) {
        const e = asApiError(err)
        if (e.status === 401 && session.token) clear('登录已失效，请重新登录')
        throw e
      }
    },

    async resume (): Promise<void> {
      if (!session.token) return
      try {
        session.me = await session.call<Me>('GET', '/api/v1/auth/me')
      } catch {
        if (!session.me) clear(session.notice)
      }
    },

    async login (body: { merchant_code: string; username: string; password: string; captcha: string }): Promise<void> {
      const res = await api<{ token: string }>('POST', '/api/v1/auth/login', body)
      localStorage.setItem(MERCHANT_KEY, body.merchant_code)
      session.token = res.token
      sessionStorage.setItem(KEY, res.token)
      session.notice = ''
      session.me = await session.call<Me>('GET', '/api/v1/auth/me')
    },

    async logout (): Promise<void> {
      try {
        await session.call('POST', '/api/v1/auth/logout')
      } catch {
        // The session ends here either way.
      }
      clear()
    },

    can: (permission: string) => Boolean(session.me?.admin.permissions.includes(permission)),
  })
  return session
}

export type Session = ReturnType<typeof createSession>

export const SESSION: InjectionKey<Session> = Symbol('staff session')

export function useSession (): Session {
  const session = inject(SESSION)
  if (!session) throw new Error('useSession() needs the session that staff/main.ts provides')
  return session
}
