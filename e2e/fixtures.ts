import { test as base, type Page } from '@playwright/test'

/**
 * The day every browser test runs on: the browser's clock is pinned to it, and the server's
 * (`SMA_NOW` in playwright.config.ts) to the same instant, so "today", "in force", "days left"
 * and "next deadlines" do not change with the real date. (The session cookie carries a relative
 * Max-Age, so a pinned server clock does not make the browser drop it.)
 */
export const PINNED_NOW = new Date('2026-11-28T10:00:00+09:00')

/**
 * Pins the page's clock to PINNED_NOW before anything is loaded. Time then runs on from there
 * (`install`, not `setFixedTime`): ECharts animates with `Date`, and a frozen `Date` never lets a
 * chart finish drawing.
 */
export async function pinClock(page: Page): Promise<void> {
  await page.clock.install({ time: PINNED_NOW })
}

/** `test` with the clocks pinned for every test (page objects stay in e2e/pages/). */
export const test = base.extend<{ pinnedClock: undefined }>({
  pinnedClock: [
    async ({ page }, use) => {
      await pinClock(page)
      await use(undefined)
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'
