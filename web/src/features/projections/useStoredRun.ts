import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProjectionRequest, ProjectionRunView } from '../../../../src/contracts/projections.js'
import { cancelRun, fetchRun, startRun } from './api'

/** Polling interval of a running run (the server writes progress at most every 200 ms). */
export const POLL_MS = 300

export type StoredRunState =
  | { readonly state: 'idle' }
  | { readonly state: 'starting'; readonly request: ProjectionRequest }
  | { readonly state: 'opening'; readonly id: string }
  | {
      readonly state: 'running'
      readonly run: ProjectionRunView
      /** Only the browser that started the run holds it (Cancel is offered only then). */
      readonly cancelToken: string | null
    }
  | { readonly state: 'finished'; readonly run: ProjectionRunView }
  | { readonly state: 'error'; readonly error: unknown }

/**
 * A stored projection run on the page (decision 0006): `start` posts a request and polls the run
 * until it is no longer running, `open` follows a run by id (a shared link), `cancel` cancels
 * the run this page started. `previous` is the run a "run again" started from, to compare.
 */
export function useStoredRun(csrfToken: string | undefined) {
  const [current, setCurrent] = useState<StoredRunState>({ state: 'idle' })
  const [previous, setPrevious] = useState<ProjectionRunView | null>(null)
  const generation = useRef(0)
  const poller = useRef<AbortController | null>(null)

  const stop = useCallback(() => {
    generation.current++
    poller.current?.abort()
    poller.current = null
  }, [])
  useEffect(() => stop, [stop])

  const follow = useCallback(
    (
      id: string,
      cancelToken: string | null,
      first?: ProjectionRunView,
      onFirst?: (run: ProjectionRunView) => void,
    ) => {
      const gen = generation.current
      const ac = new AbortController()
      poller.current = ac
      let told = false
      const show = (run: ProjectionRunView) => {
        if (gen !== generation.current) return
        setCurrent(
          run.status === 'running'
            ? { state: 'running', run, cancelToken }
            : { state: 'finished', run },
        )
      }
      const tick = async (): Promise<void> => {
        try {
          const run = await fetchRun(id, ac.signal)
          show(run)
          if (!told && gen === generation.current) {
            told = true
            onFirst?.(run)
          }
          if (run.status === 'running' && gen === generation.current) {
            setTimeout(() => void tick(), POLL_MS)
          }
        } catch (error) {
          if (gen === generation.current && !ac.signal.aborted)
            setCurrent({ state: 'error', error })
        }
      }
      if (first) show(first)
      void tick()
    },
    [],
  )

  const start = useCallback(
    (request: ProjectionRequest, from: ProjectionRunView | null = null) => {
      stop()
      const gen = generation.current
      setPrevious(from)
      setCurrent({ state: 'starting', request })
      return startRun(request, csrfToken).then(
        (created) => {
          if (gen !== generation.current) return null
          follow(created.run.id, created.cancelToken, created.run)
          return created.run.id
        },
        (error: unknown) => {
          if (gen === generation.current) setCurrent({ state: 'error', error })
          return null
        },
      )
    },
    [csrfToken, follow, stop],
  )

  /** Follows a run by id (a shared link); `onFirst` receives its first view. */
  const open = useCallback(
    (id: string, onFirst?: (run: ProjectionRunView) => void) => {
      stop()
      setPrevious(null)
      setCurrent({ state: 'opening', id })
      follow(id, null, undefined, onFirst)
    },
    [follow, stop],
  )

  /** Stops following the run (leaving the page); the run itself goes on, stored. */
  const reset = useCallback(() => {
    stop()
    setPrevious(null)
    setCurrent({ state: 'idle' })
  }, [stop])

  const cancel = useCallback(() => {
    if (current.state !== 'running' || current.cancelToken === null) return
    const { run, cancelToken } = current
    stop()
    cancelRun(run.id, cancelToken, csrfToken).then(
      (r) => {
        setCurrent({ state: 'finished', run: r })
      },
      (error: unknown) => {
        setCurrent({ state: 'error', error })
      },
    )
  }, [current, csrfToken, stop])

  return { current, previous, start, open, cancel, reset }
}
