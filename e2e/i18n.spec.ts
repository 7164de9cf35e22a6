import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'

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
