// The queue of heavy work: order, limit, positions and cancelling while queued. Jobs are
// promises the test resolves itself, so nothing depends on time.
import { describe, expect, it } from 'vitest'
import { RunCancelled, RunQueue } from './run-queue.js'

/** A job whose end the test decides, recording when it started. */
function gate(log: string[], name: string) {
  let open!: (v: string) => void
  const done = new Promise<string>((r) => (open = r))
  return {
    job: () => {
      log.push(`start ${name}`)
      return done
    },
    finish: () => {
      open(name)
    },
  }
}

/** Lets every settled promise's callbacks run. */
const flush = () => new Promise<void>((r) => setImmediate(r))

describe('RunQueue', () => {
  it('runs at most `limit` jobs at once and the rest in the order they came', async () => {
    const q = new RunQueue(2)
    const log: string[] = []
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((n) => gate(log, n))
    const results = jobs.map((g, i) => q.run(String(i), g.job))
    await flush()
    expect(log).toEqual(['start a', 'start b'])
    expect([q.running, q.queued]).toEqual([2, 3])
    expect(['2', '3', '4'].map((k) => q.position(k))).toEqual([0, 1, 2])
    expect(q.position('0')).toBeNull()

    jobs[1]?.finish()
    await flush()
    expect(log).toEqual(['start a', 'start b', 'start c'])
    expect(q.position('3')).toBe(0)
    expect(q.position('4')).toBe(1)

    jobs[0]?.finish()
    await flush()
    expect(log.at(-1)).toBe('start d')
    expect([q.running, q.queued]).toEqual([2, 1])
    for (const g of jobs) g.finish()
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect([q.running, q.queued]).toEqual([0, 0])
  })

  it('a job cancelled while queued never starts, and those behind it move up', async () => {
    const q = new RunQueue(1)
    const log: string[] = []
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n))
    const ac = new AbortController()
    const ra = q.run('a', a!.job)
    const rb = q.run('b', b!.job, { signal: ac.signal })
    const rc = q.run('c', c!.job)
    expect(q.position('c')).toBe(1)
    ac.abort()
    await expect(rb).rejects.toBeInstanceOf(RunCancelled)
    expect(q.position('c')).toBe(0)
    a!.finish()
    c!.finish()
    expect(await Promise.all([ra, rc])).toEqual(['a', 'c'])
    expect(log).toEqual(['start a', 'start c'])
  })

  it('a failing job frees its slot for the next', async () => {
    const q = new RunQueue(1)
    const failing = q.run('x', () => Promise.reject(new Error('boom')))
    const next = q.run('y', () => Promise.resolve('ok'))
    await expect(failing).rejects.toThrow('boom')
    expect(await next).toBe('ok')
  })

  it('an already aborted signal rejects without queueing; onStart runs when the job starts', async () => {
    const q = new RunQueue(1)
    const log: string[] = []
    await expect(
      q.run('x', () => Promise.resolve(1), { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(RunCancelled)
    const a = gate(log, 'a')
    const ra = q.run('a', a.job)
    const rb = q.run('b', () => Promise.resolve('b'), { onStart: () => log.push('onStart b') })
    await flush()
    expect(log).toEqual(['start a'])
    a.finish()
    expect(await Promise.all([ra, rb])).toEqual(['a', 'b'])
    expect(log).toEqual(['start a', 'onStart b'])
  })

  it('dropWaiting cancels the queue and leaves running jobs alone', async () => {
    const q = new RunQueue(1)
    const log: string[] = []
    const a = gate(log, 'a')
    const ra = q.run('a', a.job)
    const rb = q.run('b', () => Promise.resolve('b'))
    q.dropWaiting()
    await expect(rb).rejects.toBeInstanceOf(RunCancelled)
    a.finish()
    expect(await ra).toBe('a')
  })

  it('refuses a limit below one', () => {
    expect(() => new RunQueue(0)).toThrow(RangeError)
    expect(() => new RunQueue(1.5)).toThrow(RangeError)
  })
})
