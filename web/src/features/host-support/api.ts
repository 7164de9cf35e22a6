import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  hostComparisonResponse,
  japanSupportResponse,
} from '../../../../src/contracts/host-support.js'
import { api } from '../../api/client'

type JapanSupportResponse = z.infer<typeof japanSupportResponse>
type HostComparisonResponse = z.infer<typeof hostComparisonResponse>

/** Japan's yearly host-nation support (the same JSON as data/host-nation-support/japan.json). */
export function useJapanSupport() {
  return useQuery({
    queryKey: ['host-support', 'japan'],
    queryFn: ({ signal }) => api<JapanSupportResponse>('/api/host-support/japan', { signal }),
    select: (d) => d.support,
    staleTime: Infinity,
  })
}

/** The Korea–Japan comparison (the same JSON as `sma compare-hosts --json`). */
export function useHostComparison() {
  return useQuery({
    queryKey: ['host-support', 'comparison'],
    queryFn: ({ signal }) =>
      api<HostComparisonResponse>('/api/host-support/comparison', { signal }),
  })
}
