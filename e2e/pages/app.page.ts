import type { APIRequestContext, APIResponse, ConsoleMessage, Page } from '@playwright/test'
import { freshTotpCode } from './totp.js'

export const DEMO_PASSWORD = 'demo-password-2026'
/** The demo administrator's TOTP secret (src/server/main.ts: DEMO_TOTP_SECRET). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
export const USERS = {
  krNegotiator: 'kr.negotiator@demo.sma',
  krAnalyst: 'kr.analyst@demo.sma',
  krAdmin: 'kr.admin@demo.sma',
  krViewer: 'kr.viewer@demo.sma',
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
  /** Posts, waiting out the server's per-minute limit on logins and codes once. */
  const post = async (url: string, data: object): Promise<APIResponse> => {
    let res = await request.post(url, { data })
    if (res.status() === 429) {
      const wait = Number(res.headers()['retry-after'] ?? 60)
      await new Promise((r) => setTimeout(r, Math.min(61, wait + 1) * 1000))
      res = await request.post(url, { data })
    }
    return res
  }
  let res = await post('/api/auth/login', { email, password: DEMO_PASSWORD })
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`)
  const first = (await res.json()) as { mfa?: string; ticket?: string }
  if (first.mfa === 'code' && first.ticket !== undefined) {
    // administrators log in with a second step: the demo admin's authenticator is known
    res = await post('/api/auth/login/mfa', {
      ticket: first.ticket,
      code: await freshTotpCode(DEMO_TOTP_SECRET),
    })
    if (!res.ok()) throw new Error(`login code ${email}: ${res.status()} ${await res.text()}`)
  }
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
