import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PositionInput, PositionView } from '../../../../src/contracts/positions.js'
import { api } from '../../api/client'
import { useCsrfToken } from '../../api/session'

const path = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/positions`

/**
 * Replaces a position with If-Match: the ETag the editor started from. When someone else saved
 * first the server answers 412 (with the ETag it has now) and nothing is overwritten.
 */
export function useUpdatePosition(negotiationId: string) {
  const qc = useQueryClient()
  const csrfToken = useCsrfToken()
  return useMutation({
    mutationFn: ({ p, body }: { p: PositionView; body: PositionInput }) =>
      api<{ position: PositionView }>(`${path(negotiationId)}/${encodeURIComponent(p.id)}`, {
        method: 'PUT',
        body,
        csrfToken,
        ifMatch: `"${p.etag}"`,
      }),
    // On success and on a 412 alike: the list then holds the version now on the server.
    onSettled: () => qc.invalidateQueries({ queryKey: ['positions', negotiationId] }),
  })
}
