import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { initI18n } from '../i18n/i18n'
import { Downloads } from './Downloads'

beforeAll(() => {
  initI18n('ko')
})
afterEach(cleanup)

describe('downloads', () => {
  it("links a table's CSV and Excel files from the API, in the reader's language", () => {
    render(
      <Downloads
        testId="d"
        files={(['csv', 'xlsx'] as const).map((kind) => ({
          kind,
          href: `/api/agreements/rok-us-sma-12/schedule?format=${kind}&lang=ko`,
          fileName: `rok-us-sma-12-schedule-ko.${kind}`,
        }))}
      />,
    )
    const xlsx = screen.getByTestId('download-xlsx')
    expect(xlsx.getAttribute('href')).toBe(
      '/api/agreements/rok-us-sma-12/schedule?format=xlsx&lang=ko',
    )
    expect(xlsx.getAttribute('download')).toBe('rok-us-sma-12-schedule-ko.xlsx')
    expect(xlsx.textContent).toBe('엑셀')
    expect(screen.getByTestId('d').className).toContain('no-print')
  })
})
