/**
 * Bounded heavy work (issue 14, decision 0016): a per-server limit on how many projections and
 * analyses compute at once, and a first-in, first-out queue for the rest. The worker pool has as
 * many threads as cores; without a limit, every accepted run would split the pool further and
 * every run would finish late. With it, runs beyond the limit wait their turn, and whoever
 * started one can see how many are ahead (`position`) and cancel it while it waits.
 *
 * No clock and no timers: a job starts when a slot is free, which happens only when another job
 * settles or is cancelled, so tests drive it with promises they resolve themselves.
 */

/** Thrown (as the job's rejection) when a queued or running job is cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super('cancelled')
    this.name = 'AbortError'
  }
}

interface Waiting {
  readonly key: string
  readonly start: () => void
  readonly drop: () => void
}

/** A counting semaphore with a visible FIFO queue. One per server (made in buildApp). */
export class RunQueue {
  readonly limit: number
  #running = 0
  readonly #waiting: Waiting[] = []

  /** @param limit jobs that may compute at once (a positive integer). */
  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('the limit of concurrent runs must be a positive integer')
    }
    this.limit = limit
  }

  /** Jobs computing now. */
  get running(): number {
    return this.#running
  }

  /** Jobs waiting for a slot. */
  get queued(): number {
    return this.#waiting.length
  }

  /**
   * How many jobs are ahead of the one started with `key` (0: it starts next), or null when it
   * is not waiting (it computes, has finished, or was never queued here).
   */
  position(key: string): number | null {
    const i = this.#waiting.findIndex((w) => w.key === key)
    return i < 0 ? null : i
  }

  /**
   * Runs `job` once a slot is free (at once when one is), in the order of the calls. `key`
   * names the job for `position` (a run id; need not be unique for jobs nobody asks about).
   * Aborting `signal` while the job waits removes it from the queue and rejects with
   * RunCancelled, without ever calling `job`; once it runs, the job itself must watch the signal.
   * `onStart` is called when the job leaves the queue (for the run's stored state).
   */
  run<T>(
    key: string,
    job: () => Promise<T>,
    opts: { signal?: AbortSignal; onStart?: () => void } = {},
  ): Promise<T> {
    const { signal, onStart } = opts
    if (signal?.aborted) return Promise.reject(new RunCancelled())
    const go = async (): Promise<T> => {
      this.#running++
      try {
        onStart?.()
        return await job()
      } finally {
        this.#running--
        this.#next()
      }
    }
    if (this.#running < this.limit && this.#waiting.length === 0) return go()
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.#waiting.indexOf(entry)
        if (i >= 0) this.#waiting.splice(i, 1)
        reject(new RunCancelled())
      }
      const entry: Waiting = {
        key,
        start: () => {
          signal?.removeEventListener('abort', onAbort)
          go().then(resolve, reject)
        },
        drop: onAbort,
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#waiting.push(entry)
    })
  }

  /** Cancels every waiting job (the server is closing); running ones finish or watch their signal. */
  dropWaiting(): void {
    for (const w of this.#waiting.splice(0)) w.drop()
  }

  #next(): void {
    while (this.#running < this.limit) {
      const w = this.#waiting.shift()
      if (w === undefined) return
      w.start()
    }
  }
}
