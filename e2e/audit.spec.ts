import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from './fixtures.js'
import { AuditPage } from './pages/audit.page.js'
import { apiLogin, loginViaApi, USERS } from './pages/app.page.js'

/**
 * Issue 14, finding 10 (audit half): the audit page had no filters, no paging, raw action codes
 * and ids, a wrong order caption, and could not check the chain.
 */
test.describe('the audit page', () => {
  test.beforeAll(async ({ request, playwright, baseURL }) => {
    // a KR token and a US sign-in: KR's own chain, and the US's which KR must never see
    const kr = await apiLogin(request, USERS.krAdmin)
    await request.post('/api/tokens', {
      data: { name: 'audit e2e' },
      headers: { cookie: kr.cookie, 'x-csrf-token': kr.csrfToken },
    })
    // a shared event: an object the page links to its negotiation
    const ev = await request.post('/api/negotiations/rok-us-sma-13-negotiation/events', {
      data: {
        kind: 'note',
        date: '2026-11-20',
        party: 'KR',
        note: 'audit e2e',
        visibility: 'shared',
      },
      headers: { cookie: kr.cookie, 'x-csrf-token': kr.csrfToken },
    })
    if (!ev.ok()) throw new Error(`event: ${String(ev.status())} ${await ev.text()}`)
    // a context of its own: a second login on KR's cookie would be a cookie-authenticated write
    const us = await playwright.request.newContext({ ...(baseURL ? { baseURL } : {}) })
    await apiLogin(us, USERS.usNegotiator)
    await us.dispose()
  })

  for (const lang of ['ko', 'en'] as const) {
    test(`filters, pages, links and verifies (${lang})`, async ({ page }) => {
      test.slow() // may wait out the server's per-minute login limit
      const words =
        lang === 'ko'
          ? {
              caption: '감사 기록 (최신 순)',
              token: 'API 토큰 발급',
              ok: '체인 이상 없음',
              against: '서명 체크포인트와 대조',
            }
          : {
              caption: 'Audit entries, newest first',
              token: 'API token created',
              ok: 'Chains intact',
              against: 'signed checkpoint',
            }
      await loginViaApi(page, USERS.krAdmin)
      const audit = new AuditPage(page)
      await audit.goto(lang)
      await expect(audit.caption()).toHaveText(words.caption)
      await expect(audit.table).not.toContainText('us.negotiator@demo.sma')
      // action names, not codes
      await audit.filter({ action: 'token.create' })
      await expect(audit.rows().first()).toContainText(words.token)
      await expect(audit.table).not.toContainText('token.create')
      // links to the objects: the shared event, linked to its negotiation
      await audit.filter({ action: '', object: 'event:' })
      const link = audit.table.getByRole('link').first()
      await expect(link).toHaveAttribute('href', /^\/negotiations\//)
      // a day with no entries, then the whole pinned day
      await audit.filter({ object: '', from: '2020-01-01', to: '2020-01-02' })
      await expect(audit.count).toHaveText(
        lang === 'ko' ? '조건에 맞는 기록이 없습니다.' : 'No entries match.',
      )
      await audit.filter({ from: '', to: '' })
      await expect(audit.count).toContainText(/\d/)
      await expect(audit.newer).toBeDisabled()
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id),
      ).toEqual([])
      await audit.verify()
      await expect(audit.verdict).toContainText(words.ok)
      await expect(audit.verdict).toContainText(words.against)
      await link.click()
      await expect(page).toHaveURL(/\/negotiations\//)
    })
  }

  test('fits a 390 px screen without horizontal overflow', async ({ page }) => {
    test.slow()
    await page.setViewportSize({ width: 390, height: 900 })
    await loginViaApi(page, USERS.krAdmin)
    const audit = new AuditPage(page)
    await audit.goto('ko')
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
