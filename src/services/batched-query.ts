/**
 * Shares one run of `query` among every caller of the same turn of the event loop: the first
 * caller schedules it (setImmediate, after the turn's I/O callbacks), later callers of that turn
 * join, and callers after it started schedule the next run. Each caller's answer therefore comes
 * from a query issued after the caller asked, so a change committed before the request arrived
 * (by this process or another) is always seen; under load many requests share one query.
 */
export function batchedPerTurn<T>(query: () => Promise<T>): () => Promise<T> {
  let next: Promise<T> | null = null
  return () => {
    next ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        next = null
        query().then(resolve, reject)
      })
    })
    return next
  }
}
