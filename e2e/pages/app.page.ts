import type { ConsoleMessage, Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo-password-2026'
export const USERS = {
  krNegotiator: 'kr.negotiator@demo.sma',
  krAnalyst: 'kr.analyst@demo.sma',
  krAdmin: 'kr.admin@demo.sma',
  usNegotiator: 'us.negotiator@demo.sma',
  usAnalyst: 'us.analyst@demo.sma',
} as const

/** Collects console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/**
 * Logs in through the API (the cookie lands in the page's browser context) and sets the web
 * app's "a login happened here" hint, as the login form does.
 */
export async function loginViaApi(page: Page, email: string): Promise<void> {
  let res = await page.request.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  })
  // The server limits logins per minute from one address; wait out the window once.
  if (res.status() === 429) {
    const wait = Number(res.headers()['retry-after'] ?? 60)
    await page.waitForTimeout(Math.min(61, wait + 1) * 1000)
    res = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  }
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`)
  await page.addInitScript("window.localStorage.setItem('sma.session', '1')")
}
