// The configuration of bounded heavy work (issue 14): defaults, values, and refusals.
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('heavy-work configuration', () => {
  it('defaults to the cores for the pool and 2 concurrent runs', () => {
    const c = loadConfig({})
    expect(c.workers).toBeUndefined()
    expect(c.maxConcurrentRuns).toBe(2)
    expect(loadConfig({ SMA_WORKERS: '' }).workers).toBeUndefined()
  })

  it('reads SMA_WORKERS and SMA_MAX_CONCURRENT_RUNS', () => {
    const c = loadConfig({ SMA_WORKERS: '3', SMA_MAX_CONCURRENT_RUNS: '1' })
    expect([c.workers, c.maxConcurrentRuns]).toEqual([3, 1])
  })

  it('refuses zero, fractions and words with one line naming the variable', () => {
    expect(() => loadConfig({ SMA_MAX_CONCURRENT_RUNS: '0' })).toThrow(/SMA_MAX_CONCURRENT_RUNS/)
    expect(() => loadConfig({ SMA_WORKERS: '1.5' })).toThrow(/SMA_WORKERS/)
    expect(() => loadConfig({ SMA_WORKERS: 'many' })).toThrow(/SMA_WORKERS/)
  })
})
