import { useQuery } from '@tanstack/react-query'
import { agreementsResponse, type AgreementsResponse } from '../../../src/contracts/agreements.js'
import { snapshotOfRecordBody } from '../../../src/contracts/record.js'
import { apiParsed } from './client'
import { usePartyKey, useSession } from './session'

/**
 * The record as the viewer may see it (`GET /api/record`): every visible agreement and every
 * index series, validated against the contract into a snapshot. Schedules and what-ifs are then
 * computed in the browser from it (see lib/record.ts), with no further round trip.
 */
export function useRecord() {
  const session = useSession()
  const party = usePartyKey()
  return useQuery({
    queryKey: ['record', party],
    queryFn: ({ signal }) => apiParsed('/api/record', snapshotOfRecordBody, { signal }),
    // Asked once the session is known, so a logged-in viewer does not load it twice.
    enabled: !session.isPending,
    staleTime: 5 * 60_000,
  })
}

/**
 * The agreements with their status on a day as the server's domain computes it
 * (`agreementStatus`), their reporting currency and period in force.
 */
export function useAgreements(asOf: string) {
  const party = usePartyKey()
  return useQuery({
    queryKey: ['agreements', party, asOf],
    queryFn: ({ signal }): Promise<AgreementsResponse> =>
      apiParsed(
        `/api/agreements?asOf=${encodeURIComponent(asOf)}`,
        (b) => agreementsResponse.parse(b),
        {
          signal,
        },
      ),
    select: (d) => d.agreements,
    staleTime: 5 * 60_000,
  })
}
