import { expect, test } from './fixtures.js'
import { loadFailed, loginViaApi, USERS } from './pages/app.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'

/**
 * Network and server errors keep the page (header, navigation), say what failed in the reader's
 * language and offer to try again; trying again once the server answers shows the page.
 */
const ID = 'rok-us-sma-13-negotiation'

test('a server error reads in Korean (the server’s Korean text) and the retry succeeds', async ({
  page,
}) => {
  await page.route(`**/api/negotiations/${ID}`, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database is being restored.',
        detailKo: '데이터베이스를 복구하고 있습니다.',
      }),
    }),
  )
  await page.goto(`/negotiations/${ID}?lang=ko`)
  const failed = loadFailed(page)
  await expect(failed.box).toContainText('협상 정보를 불러오지 못했습니다.')
  await expect(failed.box).toContainText('데이터베이스를 복구하고 있습니다.')
  await expect(failed.box).not.toContainText('restored')
  await expect(page.getByRole('navigation', { name: '주 메뉴' })).toBeVisible()
  await page.unrouteAll()
  await failed.retry.click()
  await expect(page.getByTestId('negotiation-page')).toBeVisible()
  await expect(failed.box).toHaveCount(0)
})

test('a part that cannot be reached says so in place and retries, the rest stays', async ({
  page,
}) => {
  test.slow() // may wait out the server's per-minute login limit
  await loginViaApi(page, USERS.krNegotiator)
  await page.route(`**/api/negotiations/${ID}/positions`, (route) =>
    route.abort('connectionrefused'),
  )
  const n = new NegotiationPage(page)
  await n.goto(ID, 'ko')
  const failed = loadFailed(page)
  await expect(failed.box).toContainText('서버에 연결할 수 없습니다. 네트워크 연결을 확인하십시오.')
  await expect(failed.box).not.toContainText('Failed to fetch')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.unrouteAll()
  await failed.retry.click()
  await expect(failed.box).toHaveCount(0)
})
