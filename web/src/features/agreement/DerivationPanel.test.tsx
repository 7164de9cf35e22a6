import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import i18next from 'i18next'
import { initI18n } from '../../i18n/i18n'
import { findAgreement } from '../../../../src/domain/index.js'
import { shippedSnapshot } from '../../../../src/record/shipped-record.js'
import { scheduleOf } from '../../lib/record'
import { DerivationPanel } from './DerivationPanel'

beforeAll(() => {
  initI18n('en')
})
afterEach(cleanup)

/**
 * The page's providers with no server: queries are off, so the citations fall back to hosts
 * (the source registry comes with the record, which is not fetched here).
 */
function Providers({ children }: { readonly children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } })
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  )
}

function figure2027(overrides: Parameters<typeof scheduleOf>[2] = []) {
  const snapshot = shippedSnapshot()
  const spec = findAgreement(snapshot, 'rok-us-sma-12')
  if (!spec) throw new Error('missing rok-us-sma-12')
  const f = scheduleOf(snapshot, spec, overrides).years.find((y) => y.year === 2027)
  if (!f) throw new Error('no 2027')
  return f
}

describe('<DerivationPanel>', () => {
  it('shows the CPI input, the cap and the unrounded value for 2027', async () => {
    await i18next.changeLanguage('en')
    render(
      <Providers>
        <DerivationPanel figure={figure2027()} currency="KRW" />
      </Providers>,
    )
    expect(screen.getByTestId('derivation-index').textContent).toContain('KR_CPI 2025 = 2.1 %')
    expect(screen.getByTestId('derivation-cap').textContent).toMatch(/^5(\.0)? % — not binding/)
    expect(screen.getByTestId('derivation-exact').textContent).toBe('1,551,103,200,000')
  })

  it('says in Korean when the cap binds (CPI 7.3 %)', async () => {
    await i18next.changeLanguage('ko')
    render(
      <Providers>
        <DerivationPanel
          figure={figure2027([{ series: 'KR_CPI', period: 2025, value: '7.3' }])}
          currency="KRW"
        />
      </Providers>,
    )
    expect(screen.getByTestId('derivation-cap').textContent).toContain('적용됨 (상한 구속)')
    expect(screen.getByTestId('derivation-index').textContent).toContain('가정값')
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('2027년 금액 산출 과정')
  })
})
