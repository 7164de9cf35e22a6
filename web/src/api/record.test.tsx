import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import { recordBody } from '../../../src/contracts/record.js'
import { scheduleInRecord } from '../../../src/domain/record/record.js'
import { shippedSnapshot } from '../../../src/record/shipped-record.js'
import { NetworkError, UnreadableAnswer } from './client'
import { meKey } from './session'
import { useRecord } from './record'

function renderRecord() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  qc.setQueryData(meKey, null)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  )
  return renderHook(() => useRecord(), { wrapper }).result
}

const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useRecord', () => {
  it('reads GET /api/record into a validated snapshot', async () => {
    const fetch = vi.fn(() => Promise.resolve(answer(recordBody(shippedSnapshot()))))
    vi.stubGlobal('fetch', fetch)
    const result = renderRecord()
    await waitFor(() => {
      expect(result.current.data).toBeDefined()
    })
    expect(fetch).toHaveBeenCalledWith('/api/record', expect.anything())
    expect(result.current.data?.agreements.map((a) => a.id)).toContain('rok-us-sma-12')
    expect(result.current.data?.indices.KR_CPI?.values.length).toBeGreaterThan(20)
    // The source registry travels with the record, so the browser tells published figures from
    // press-reported ones by the server's rule and can show "record checked up to".
    const snapshot = result.current.data
    expect(snapshot?.sources?.checkedUpTo).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const years = snapshot ? scheduleInRecord(snapshot, 'rok-us-sma-11').years : []
    const provenances = new Set(years.map((y) => y.publishedProvenance))
    expect(provenances.has(null)).toBe(true)
    expect([...provenances].some((p) => p === 'published' || p === 'reported')).toBe(true)
  })

  it('names an answer that breaks the contract, and a server out of reach', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answer({ agreements: 'no' })))
    const bad = renderRecord()
    await waitFor(() => {
      expect(bad.current.error).toBeInstanceOf(UnreadableAnswer)
    })
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const offline = renderRecord()
    await waitFor(() => {
      expect(offline.current.error).toBeInstanceOf(NetworkError)
    })
  })
})
