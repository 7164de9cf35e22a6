// A client of the SMA Desk API typed only by the OpenAPI document: `generated/schema.d.ts` is what
// openapi-typescript makes of /api/openapi.json (src/server/openapi.test.ts generates it, type-checks
// this file against it and runs it against a live server). If the document and the server drift,
// this stops compiling or its calls fail.
import createClient from 'openapi-fetch'
import type { paths } from './generated/schema.js'

export interface ThreeCalls {
  readonly statusOfSma12: string | undefined
  readonly amount2028: string | null | undefined
  readonly stored: string | undefined
}

/** Lists agreements, stores a CPI release (as an analyst), then reads the 12th SMA's schedule. */
export async function callThreeOperations(baseUrl: string, token: string): Promise<ThreeCalls> {
  const api = createClient<paths>({ baseUrl })
  const list = await api.GET('/api/agreements', { params: { query: { asOf: '2026-11-28' } } })
  const stored = await api.POST('/api/indices/{series}/values', {
    params: { path: { series: 'KR_CPI' } },
    headers: { authorization: `Bearer ${token}` },
    body: {
      period: 2026,
      value: '2.5',
      vintage: 'first release',
      releasedOn: '2027-01-02',
      sources: ['https://kostat.go.kr/'],
    },
  })
  const schedule = await api.GET('/api/agreements/{id}/schedule', {
    params: { path: { id: 'rok-us-sma-12' } },
  })
  // The schedule is JSON, or a CSV/XLSX file when asked for one (`format`, Accept): narrow to JSON.
  const json = typeof schedule.data === 'object' ? schedule.data : undefined
  return {
    statusOfSma12: list.data?.agreements.find((a) => a.id === 'rok-us-sma-12')?.status,
    stored: stored.data?.value,
    amount2028: json?.years.find((y) => y.year === 2028)?.amount,
  }
}
