import type { APIRequestContext, ConsoleMessage, Page } from '@playwright/test'

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

export interface ApiSession {
  readonly csrfToken: string
  /** `name=value` of the session cookie, for the `cookie` header of API calls. */
  readonly cookie: string
  /** The host the cookie belongs to. */
  readonly host: string
}

/**
 * Logs in through the API on a request context and returns the session: its cookie (to send
 * explicitly with API calls) and the CSRF token that cookie-authenticated writes must send.
 */
export async function apiLogin(request: APIRequestContext, email: string): Promise<ApiSession> {
  const login = () => request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  let res = await login()
  // The server limits logins per minute from one address; wait out the window once.
  if (res.status() === 429) {
    const wait = Number(res.headers()['retry-after'] ?? 60)
    await new Promise((r) => setTimeout(r, Math.min(61, wait + 1) * 1000))
    res = await login()
  }
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`)
  const setCookie = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')
  const cookie = setCookie?.value.split(';')[0]
  if (cookie === undefined) throw new Error(`login ${email}: no session cookie`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { csrfToken, cookie, host: new URL(res.url()).hostname }
}

/**
 * Logs in through the API, puts the session cookie into the page's browser context and sets the
 * web app's "a login happened here" hint, as the login form does.
 */
export async function loginViaApi(page: Page, email: string): Promise<void> {
  const { cookie, host } = await apiLogin(page.request, email)
  const eq = cookie.indexOf('=')
  await page.context().addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      domain: host,
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
    },
  ])
  await page.addInitScript("window.localStorage.setItem('sma.session', '1')")
}

/** The shared message a page shows when something it needs could not be loaded. */
export function loadFailed(page: Page) {
  const box = page.getByTestId('load-failed')
  return { box, retry: box.getByRole('button') }
}
