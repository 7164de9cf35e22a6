import type { Page } from '@playwright/test'

/**
 * Every route of the web app, with a page that shows something on it. `login` names who must be
 * logged in to see the page itself (the audit log needs an administrator; the analysis, the
 * account and the exchange need a delegation member).
 */
export const ROUTES = [
  { url: '/', login: null },
  { url: '/agreements/rok-us-sma-12', login: null },
  { url: '/agreements/rok-us-sma-12/what-if', login: null },
  { url: '/agreements/rok-us-sma-11/ledger', login: null },
  { url: '/negotiations', login: null },
  { url: '/negotiations/rok-us-sma-13-negotiation', login: null },
  { url: '/negotiations/rok-us-sma-13-negotiation/analysis', login: 'member' },
  { url: '/negotiations/rok-us-sma-13-negotiation/compare', login: 'member' },
  { url: '/projections', login: null },
  { url: '/login', login: null },
  { url: '/account', login: 'member' },
  { url: '/exchange', login: 'member' },
  { url: '/admin/audit', login: 'admin' },
  { url: '/no-such-page', login: null },
] as const

/** A route opened in one language, as a reader arrives at it. */
export class SitePage {
  constructor(readonly page: Page) {}

  /** Opens the route in the language and waits for its heading and its data. */
  async open(url: string, lang: 'ko' | 'en'): Promise<void> {
    await this.page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`)
    await this.page.getByRole('heading', { level: 1 }).first().waitFor()
    await this.page.waitForLoadState('networkidle')
  }

  /** Horizontal overflow of the document in px (0 or less: nothing sticks out). */
  overflow(): Promise<number> {
    return this.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
  }
}
