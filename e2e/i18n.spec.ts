import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'
import { NegotiationPage } from './pages/negotiation.page.js'

type Tree = { [k: string]: string | Tree }
const load = (lang: string) => JSON.parse(readFileSync(`web/src/i18n/${lang}.json`, 'utf8')) as Tree

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k
    return typeof v === 'string' ? [[key, v] as [string, string]] : flatten(v, key)
  })
}

const en = flatten(load('en'))
const ko = new Map(flatten(load('ko')))
const keyPaths = en.map(([k]) => k)
// English UI texts of three words or more (unmistakable, and unlike short record data such as a
// member's title), with their placeholders cut out.
const englishTexts = en
  .filter(([k, v]) => ko.get(k) !== v)
  .flatMap(([, v]) => v.split(/\{\{\w+\}\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 12 && s.split(/\s+/).length >= 3)

async function expectNoUntranslated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  const text = await page.locator('body').innerText()
  const leakedKeys = keyPaths.filter((k) => text.includes(k))
  expect(leakedKeys, 'i18n key paths shown instead of text').toEqual([])
  const leakedEnglish = englishTexts.filter((s) => text.includes(s))
  expect(leakedEnglish, 'English UI text on a Korean page').toEqual([])
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
}

test.describe('Korean UI', () => {
  const pages = [
    '/?lang=ko',
    '/agreements/rok-us-sma-12?lang=ko&year=2027',
    '/agreements/rok-us-sma-01?lang=ko&year=1991',
    '/agreements/rok-us-sma-12/what-if?lang=ko',
    '/negotiations?lang=ko',
    '/negotiations/rok-us-sma-12-negotiation?lang=ko',
    '/login?lang=ko',
  ]
  for (const url of pages) {
    test(`shows no untranslated English keys: ${url}`, async ({ page }) => {
      await page.goto(url)
      await expectNoUntranslated(page)
    })
  }

  test('shows no untranslated English keys when logged in (private area, account)', async ({
    page,
  }) => {
    test.slow() // may wait out the server's per-minute login limit
    await loginViaApi(page, USERS.krNegotiator)
    await page.goto('/negotiations/rok-us-sma-13-negotiation?lang=ko')
    await expect(page.getByTestId('private-area')).toContainText('대한민국 대표단만 볼 수 있음')
    await expectNoUntranslated(page)
    await page.goto('/account?lang=ko')
    await expect(page.getByTestId('account-party')).toHaveText('대한민국 대표단')
    await expectNoUntranslated(page)
  })

  test('switches language in the UI and keeps the choice', async ({ page }) => {
    await page.goto('/')
    await page.getByTestId('lang-select').selectOption('ko')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('방위비분담 한눈에 보기')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('방위비분담 한눈에 보기')
    await page.getByTestId('lang-select').selectOption('en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Defense cost-sharing at a glance',
    )
  })
})

test.describe('the negotiation record in the reader’s language (decision 0019)', () => {
  test('shows the shipped history in Korean on the Korean page', async ({ page }) => {
    const n = new NegotiationPage(page)
    await n.goto('rok-us-sma-12-negotiation', 'ko')
    await expect(n.deadlines).toContainText('제11차 방위비분담특별협정 만료')
    await expect(n.rounds).toContainText('호놀룰루')
    await expect(n.rounds).toContainText('서울(국방대학교 서울캠퍼스)')
    await expect(n.delegations).toContainText('이태우, 외교부 한미 방위비분담협상 대표')
    await expect(n.delegations).toContainText('미 국무부')
    await expect(n.events).toContainText('약 5개월간 8차례 회의 끝에 최종 문안 합의.')
    // no English left in the record's text: Latin words only where the Korean uses them too
    const latin = (await n.recordText()).replace(/\b(KBS|KTV)\b/g, '').match(/[A-Za-z]{2,}/g)
    expect(latin).toBeNull()
  })

  test('shows it in English on the English page', async ({ page }) => {
    const n = new NegotiationPage(page)
    await n.goto('rok-us-sma-12-negotiation', 'en')
    await expect(n.rounds).toContainText('Honolulu')
    await expect(n.events).toContainText(
      'Final text agreed after eight rounds in about five months.',
    )
    await expect(n.delegations).toContainText('Lee Tae-woo')
    await expect(n.rounds).not.toContainText('호놀룰루')
  })
})
