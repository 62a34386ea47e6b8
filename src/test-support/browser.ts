// Browser tests: the real server on a port, Debian's Chromium driven by playwright-core.
// Screenshots of each final screen, and of the page whenever a test fails, go to
// test-results/browser/ (kept by CI as artifacts; ignored by git).
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { Test } from 'tap'
import { packageRoot } from '../config.js'

/**
 * What page.evaluate callbacks read in the browser. The server's tsconfig has no DOM library
 * (and should not: Node's globals would blur), so the few browser globals used are typed here.
 */
export interface BrowserElement {
  id: string
  tagName: string
  textContent: string | null
  matches (selector: string): boolean
  getAttribute (name: string): string | null
}
export interface BrowserDocument {
  activeElement: BrowserElement | null
  body: BrowserElement
  documentElement: { scrollWidth: number; clientWidth: number }
}
export interface BrowserImage { complete: boolean; naturalWidth: number; onload: (() => void) | null }
declare const document: BrowserDocument

export const CHROMIUM = process.env.KAQUAN_CHROMIUM ?? '/usr/bin/chromium'
export const ARTIFACTS = join(packageRoot(), 'test-results', 'browser')

// Without the background-networking flags Chromium keeps calling Google's hosts, which this
// closed network refuses.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** Why the browser tests cannot run here, or false. On CI they always run (and fail without Chromium). */
export function browserSkip (): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false
  return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set KAQUAN_CHROMIUM)`
}

export async function launchBrowser (t: Test): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  t.teardown(() => browser.close())
  return browser
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  // WeChat's built-in browser on Android.
  userAgent: 'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
}
export const NARROW_PHONE: BrowserContextOptions = { ...PHONE, viewport: { width: 360, height: 740 } }
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }

export async function screenshot (page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  // As the merchant sees it once loaded: not behind a loading mask (Element Plus's v-loading),
  // waited for briefly; a page still loading after that is shot as it is.
  await page.locator('.el-loading-mask:visible').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => {})
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * Runs `fn` on a fresh page (own cookies and storage). On failure the page's screenshot is
 * saved as `<name>-failure.png`. Every page is also checked for what a customer would notice
 * too late: a request to any host but ours (CDNs included), an uncaught script error, or
 * something the Content-Security-Policy refused.
 */
export async function withPage (t: Test, browser: Browser, name: string, options: BrowserContextOptions & { allowHosts?: string[] }, fn: (page: Page) => Promise<void>): Promise<void> {
  const { allowHosts = [], ...contextOptions } = options
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...contextOptions })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const outside: string[] = []
  const scriptErrors: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1' && !allowHosts.includes(url.hostname)) outside.push(req.url())
  })
  page.on('pageerror', (err) => scriptErrors.push(err.message))
  // The page's Content-Security-Policy refusing something is a bug in the page or the policy.
  page.on('console', (msg) => { if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) scriptErrors.push(msg.text()) })
  let failed = false
  try {
    await fn(page)
  } catch (err) {
    failed = true
    throw err
  } finally {
    if (failed || !t.passing()) t.comment(`screenshot: ${await screenshot(page, `${name}-failure`).catch((e) => String(e))}`)
    t.same(outside, [], `${name}: nothing loaded from another host`)
    t.same(scriptErrors, [], `${name}: no script errors or CSP refusals`)
    await context.close()
  }
}

/** The page's width is the viewport's: nothing scrolls sideways. */
export async function horizontalOverflow (page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/** The element that has the keyboard focus, described by id, or tag and text. */
export async function focused (page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 20)}`
  })
}

/** Presses Tab until the focus is on an element matching `selector` (at most `max` times). */
export async function tabTo (page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector} (now on ${await focused(page)})`)
}

/** Form controls on the page that have no label a screen reader could read (by id or name). */
export async function unlabelled (page: Page): Promise<string[]> {
  return page.locator('input:not([type="hidden"]), select, textarea, button').evaluateAll((els) => els
    .filter((el) => {
      const e = el as unknown as {
        labels?: ArrayLike<unknown>; textContent: string | null; tagName: string
        getAttribute (n: string): string | null; querySelector (s: string): unknown
      }
      if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.getAttribute('title')) return false
      // A button is named by its text, or by the alt text of an image inside it.
      if (e.tagName === 'BUTTON') return !(e.textContent ?? '').trim() && !e.querySelector('img[alt]:not([alt=""])')
      return !e.labels || e.labels.length === 0
    })
    .map((el) => {
      const e = el as unknown as { id: string; getAttribute (n: string): string | null; tagName: string }
      return e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}[name=${e.getAttribute('name')}]`
    }))
}
