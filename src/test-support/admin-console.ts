// The merchant console (/admin) in the browser tests: a page signed in with an API token (the
// captcha login itself is tested once, in src/web/admin-console.test.ts), and the console
// errors a page logged while it was used.
import type { Page } from 'playwright-core'

// The browser's storage, as the init script sees it (the server's tsconfig has no DOM library).
interface BrowserStorage { getItem (key: string): string | null; setItem (key: string, value: string): void }
declare const localStorage: BrowserStorage
declare const sessionStorage: BrowserStorage

export const LARGE_DESKTOP = { viewport: { width: 1920, height: 1080 } }

/** Signs the page in with `token` (as the login form would store it) and opens `path` of the console. */
export async function openConsole (page: Page, baseUrl: string, token: string, path = '/admin/'): Promise<void> {
  await page.addInitScript((tok) => {
    // Only before the first page of this tab: a later logout or lapsed session stays so.
    if (!sessionStorage.getItem('kq-test-signed-in')) {
      localStorage.setItem('kaquan.admin.token', tok)
      sessionStorage.setItem('kq-test-signed-in', '1')
    }
  }, token)
  await page.goto(`${baseUrl}${path}`)
  await page.waitForSelector('.kq-layout')
}

/**
 * Collects what the page writes to its console as an error or a Vue warning, from now on
 * (`except`: messages expected, such as the browser's line for a 403 the test provoked).
 */
export function consoleProblems (page: Page, except: RegExp[] = []): string[] {
  const problems: string[] = []
  page.on('console', (msg) => {
    const at = msg.location().url
    const text = msg.text().startsWith('Failed to load resource') && at ? `${msg.text()} (${at})` : msg.text()
    if ((msg.type() === 'error' || (msg.type() === 'warning' && text.startsWith('[Vue warn]'))) && !except.some((re) => re.test(text))) problems.push(text)
  })
  return problems
}

/** Element Plus's message toast text currently shown (the newest). */
export async function lastMessage (page: Page, expected?: string): Promise<string> {
  // With the text it should have, waited for: an earlier message may still be showing (seen in CI).
  const m = (expected ? page.locator('.el-message', { hasText: expected }) : page.locator('.el-message')).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}
