// A listening server with a merchant, two products (one with a picture), active cards and
// their passwords: what the browser tests open /r/default and /staff on.
import { PNG } from 'pngjs'
import type { Clock } from '../shared/clock.js'
import { freePort, multipart } from './http.js'
import type { AppConfig } from '../config.js'
import { redeemFixture, type RedeemFixture } from './redeem-fixture.js'
import { buildTestApp, createTestDatabase } from './build-test-app.js'

export interface PickupServer extends RedeemFixture {
  url: string
  setPickup (patch?: Record<string, unknown>): Promise<void>
  setStorefront (patch?: Record<string, unknown>): Promise<void>
}

export function solidPng (width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) png.data.set([r, g, b, 255], i * 4)
  return PNG.sync.write(png)
}

export const PICKUP_DEFAULTS = {
  enabled: true, pause_message: '', daily_cap: null, redirect_url: null,
  reservation: { mode: 'none', min_days_ahead: 0, max_days_ahead: 0, blocked_weekdays: [], blocked_dates: [] },
}

/**
 * With `captcha: true` the data is seeded through one instance (API logins without captcha)
 * and the browser talks to a second instance on the same database that asks for captchas:
 * seeding calls go to `app`, the browser to `url`.
 */
export async function pickupServer (t: { teardown (fn: () => unknown): void }, opts: { clock?: Clock; quantity?: number; config?: Partial<AppConfig>; captcha?: boolean } = {}): Promise<PickupServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const database = await createTestDatabase(t)
  const config = { publicBaseUrl: url, logLevel: 'warn' as const, ...opts.config }
  const f = await redeemFixture(t, { clock: opts.clock, quantity: opts.quantity ?? 30, database, config })
  const check = (what: string, res: { statusCode: number; body: string }) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`)
  }

  const image = multipart(solidPng(96, 96, [200, 40, 40]), { filename: 'apple.png', contentType: 'image/png' })
  const up = await f.app.inject({ method: 'POST', url: '/api/v1/uploads', payload: image.payload, headers: { ...f.auth(f.token), ...image.headers } })
  check('upload', up)
  check('product', await f.app.inject({ method: 'PATCH', url: `/api/v1/products/${f.apple}`, headers: f.auth(f.token), payload: { images: [up.json().url], description: '<p>精选红富士苹果，5 斤装礼盒。</p>' } }))

  async function setPickup (patch: Record<string, unknown> = {}): Promise<void> {
    check('pickup settings', await f.app.inject({ method: 'PUT', url: '/api/v1/settings/pickup', headers: f.auth(f.token), payload: { ...PICKUP_DEFAULTS, ...patch } }))
  }
  async function setStorefront (patch: Record<string, unknown> = {}): Promise<void> {
    check('storefront', await f.app.inject({ method: 'PUT', url: '/api/v1/settings/storefront', headers: f.auth(f.token), payload: {
      site_name: '鲜果提货中心', logo_url: null, theme_color: '#2f7d32', welcome_text: '欢迎使用鲜果提货卡，请输入卡号和密码提货',
      notice_text: '1. 每张卡限提一次。\n2. 生鲜商品签收后 24 小时内可申请售后。', success_text: '提货成功，我们会按您选择的日期发货', ...patch,
    } }))
  }
  await setStorefront()
  const serving = opts.captcha ? (await buildTestApp(t, { clock: opts.clock, database, config: { ...config, captcha: true } })).app : f.app
  await serving.listen({ port, host: '127.0.0.1' })
  return { ...f, url, setPickup, setStorefront }
}
