import { expect, test } from './fixtures.js'
import { loginViaApi, USERS } from './pages/app.page.js'
import { ROUTES, SitePage } from './pages/site.page.js'

/**
 * Every page has its own document title in the reader's language, naming the page and the item
 * it shows, then the application: tabs, history and bookmarks tell pages apart.
 */
const EXPECTED = {
  ko: {
    '/': '방위비분담 한눈에 보기 — SMA 데스크',
    '/agreements/rok-us-sma-12': '제12차 한미 방위비분담특별협정 — SMA 데스크',
    '/agreements/rok-us-sma-12/what-if': '가정 분석 · 제12차 한미 방위비분담특별협정 — SMA 데스크',
    '/agreements/rok-us-sma-11/ledger': /^집행 원장 · 제11차 .+ — SMA 데스크$/,
    '/negotiations': '협상 — SMA 데스크',
    '/negotiations/rok-us-sma-13-negotiation': '제13차 한미 방위비분담특별협정 협상 — SMA 데스크',
    '/negotiations/rok-us-sma-13-negotiation/analysis':
      '협상 분석 · 제13차 한미 방위비분담특별협정 협상 — SMA 데스크',
    '/negotiations/rok-us-sma-13-negotiation/compare':
      '제안 비교 · 제13차 한미 방위비분담특별협정 협상 — SMA 데스크',
    '/projections': '전망 — SMA 데스크',
    '/login': '로그인 — SMA 데스크',
    '/account': '내 계정 — SMA 데스크',
    '/exchange': '서명 문서 교환 — SMA 데스크',
    '/admin/audit': '감사 로그 — SMA 데스크',
    '/no-such-page': /^찾을 수 없습니다.* — SMA 데스크$/,
  },
  en: {
    '/': 'Defense cost-sharing at a glance — SMA Desk',
    '/agreements/rok-us-sma-12': '12th ROK–US Special Measures Agreement — SMA Desk',
    '/agreements/rok-us-sma-12/what-if':
      'What-if · 12th ROK–US Special Measures Agreement — SMA Desk',
    '/agreements/rok-us-sma-11/ledger': /^Execution ledger · 11th .+ — SMA Desk$/,
    '/negotiations': 'Negotiations — SMA Desk',
    '/negotiations/rok-us-sma-13-negotiation': 'Negotiation of the 13th ROK–US SMA — SMA Desk',
    '/negotiations/rok-us-sma-13-negotiation/analysis':
      'Bargaining analysis · Negotiation of the 13th ROK–US SMA — SMA Desk',
    '/negotiations/rok-us-sma-13-negotiation/compare':
      'Compare proposals side by side · Negotiation of the 13th ROK–US SMA — SMA Desk',
    '/projections': 'Projections — SMA Desk',
    '/login': 'Log in — SMA Desk',
    '/account': 'Your account — SMA Desk',
    '/exchange': 'Signed exchange — SMA Desk',
    '/admin/audit': 'Audit log — SMA Desk',
    '/no-such-page': /^Not found.* — SMA Desk$/,
  },
} as const

for (const lang of ['ko', 'en'] as const) {
  test(`every page has its own title in ${lang}`, async ({ page }) => {
    test.slow() // the administrator's login waits for a fresh code
    // An administrator may open every page (the audit log included).
    await loginViaApi(page, USERS.krAdmin)
    const site = new SitePage(page)
    const seen = new Map<string, string>()
    for (const { url } of ROUTES) {
      await site.open(url, lang)
      await expect(page).toHaveTitle(EXPECTED[lang][url])
      seen.set(url, await page.title())
    }
    expect(new Set(seen.values()).size, [...seen.values()].join('\n')).toBe(ROUTES.length)
  })
}
