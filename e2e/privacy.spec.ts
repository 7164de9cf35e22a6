import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { Page, Response } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { DEMO_PASSWORD, USERS } from './pages/app.page.js'
import { LoginPage } from './pages/login.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'
import { WhatIfPage } from './pages/what-if.page.js'

const NEGOTIATION = 'rok-us-sma-13-negotiation'
const tag = randomBytes(4).toString('hex')
const userTag = randomBytes(4).toString('hex')
const SECRET_POSITION = `KR walk-away ${tag}`
const SECRET_NOTE = `Do not reveal: fallback ${tag}`
const SECRET_DRAFT = `KR private what-if ${tag}`

/**
 * Users for this spec, created with the CLI (`npx sma user add`, password on stdin) against the
 * server's database; falls back to the server's demo users if the CLI cannot write it.
 */
function createUser(email: string, party: 'KR' | 'US', role: string): string {
  const db = process.env.SMA_E2E_DB
  if (db === undefined) return ''
  try {
    execFileSync(
      'npx',
      ['sma', 'user', 'add', '--email', email, '--party', party, '--role', role, '--db', db],
      { input: `${DEMO_PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 },
    )
    return email
  } catch {
    return ''
  }
}

let krUser: string = USERS.krAnalyst
let usUser: string = USERS.usNegotiator

test.beforeAll(() => {
  krUser = createUser(`kr.e2e.${userTag}@test.sma`, 'KR', 'negotiator') || USERS.krAnalyst
  usUser = createUser(`us.e2e.${userTag}@test.sma`, 'US', 'negotiator') || USERS.usNegotiator
})

/** Records the text of every /api answer the page receives. */
function recordApi(page: Page): string[] {
  const bodies: string[] = []
  page.on('response', (r: Response) => {
    if (!r.url().includes('/api/')) return
    void r
      .text()
      .then((t) => bodies.push(t))
      .catch(() => undefined)
  })
  return bodies
}

test.describe.serial('party-private data', () => {
  test('the ROK delegation records a private position and a private draft', async ({ page }) => {
    await new LoginPage(page).login(krUser)
    const n = new NegotiationPage(page)
    await n.goto(NEGOTIATION, 'en')
    await expect(n.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      /Visible only to the ROK delegation/,
    )
    await n.addPosition({
      title: SECRET_POSITION,
      reservation: '1,700,000,000,000',
      target: '1600000000000',
      notes: SECRET_NOTE,
    })
    await expect(n.positions.filter({ hasText: SECRET_POSITION })).toHaveCount(1)
    await expect(n.positions.filter({ hasText: SECRET_POSITION })).toContainText(
      '₩1,700,000,000,000',
    )

    // A what-if saved as a private draft proposal in the same negotiation.
    const w = new WhatIfPage(page)
    await w.goto('rok-us-sma-12', 'en')
    await w.setIndex('KR_CPI', 2025, '7.3')
    await w.page.locator('form.save-draft select').selectOption(NEGOTIATION)
    await w.page.locator('form.save-draft input[type="text"]').fill(SECRET_DRAFT)
    await w.page.locator('form.save-draft button[type="submit"]').click()
    await expect(w.page.locator('form.save-draft [role="status"]')).toBeVisible()
    await n.goto(NEGOTIATION, 'ko')
    await expect(n.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      /대한민국 대표단만 볼 수 있음/,
    )
    await expect(n.privateArea.getByTestId('private-drafts')).toContainText(SECRET_DRAFT)

    // Logging out drops the private data from the page.
    await page.getByRole('button', { name: '로그아웃' }).click()
    await n.goto(NEGOTIATION, 'en')
    await expect(n.privateArea).toHaveCount(0)
    expect(await page.locator('body').innerText()).not.toContain(SECRET_POSITION)
  })

  test('the US delegation sees none of it, in the UI or in any API answer', async ({ page }) => {
    const bodies = recordApi(page)
    await new LoginPage(page).login(usUser)
    const n = new NegotiationPage(page)
    await n.goto(NEGOTIATION, 'en')
    await expect(n.privateArea.getByRole('heading', { level: 2 })).toHaveText(
      /Visible only to the US delegation/,
    )
    await expect(page.getByRole('heading', { name: 'Our positions' })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const text = await page.locator('body').innerText()
    for (const secret of [SECRET_POSITION, SECRET_NOTE, SECRET_DRAFT, tag]) {
      expect(text).not.toContain(secret)
    }
    // Direct API calls as the US delegation.
    const answers = await Promise.all([
      page.request.get(`/api/negotiations/${NEGOTIATION}`),
      page.request.get(`/api/negotiations/${NEGOTIATION}/positions`),
      page.request.get(`/api/negotiations/${NEGOTIATION}/proposals`),
      page.request.get('/api/negotiations'),
    ])
    for (const a of answers) {
      expect(a.status()).toBe(200)
      bodies.push(await a.text())
    }
    expect(bodies.length).toBeGreaterThan(4)
    for (const b of bodies) {
      expect(b).not.toContain(tag)
      expect(b).not.toContain('1700000000000')
    }
  })

  test('an anonymous visitor gets no private area and no private data', async ({ page }) => {
    const bodies = recordApi(page)
    const n = new NegotiationPage(page)
    await n.goto(NEGOTIATION, 'en')
    await expect(n.privateArea).toHaveCount(0)
    await page.waitForLoadState('networkidle')
    for (const b of bodies) expect(b).not.toContain(tag)
  })
})
