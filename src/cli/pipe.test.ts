import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = join(import.meta.dirname, '../../bin/sma.mjs')

describe('sma writing into a pipe that closes early', () => {
  it('stops quietly, without a stack trace (as `sma sources | head -1` does)', async () => {
    const child = spawn(process.execPath, [bin, 'sources', '--agreement', 'rok-us-sma-12'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    // read the first chunk, then close our end as `head` does
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(err).toBe('')
    expect(code).toBe(0)
  }, 60_000)
})
