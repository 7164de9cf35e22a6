import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpAt } from './totp.js'

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const SEED = base32Encode(Buffer.from('12345678901234567890', 'ascii'))

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('gives the RFC test vectors (their last 6 of 8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ]
    for (const [t, code] of vectors) expect(totpAt(SEED, new Date(t * 1000))).toBe(code.slice(2))
  })

  it('gives the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890', 'ascii')
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489'])
  })

  it('accepts one step either side and no further', () => {
    const at = new Date(1111111111 * 1000)
    const step = Math.floor(1111111111 / 30)
    const before = totpAt(SEED, new Date(at.getTime() - 30_000))
    const after = totpAt(SEED, new Date(at.getTime() + 30_000))
    const far = totpAt(SEED, new Date(at.getTime() + 60_000))
    expect(matchTotp(SEED, before, at)).toBe(step - 1)
    expect(matchTotp(SEED, after, at)).toBe(step + 1)
    expect(matchTotp(SEED, far, at)).toBeNull()
    expect(matchTotp(SEED, '12345', at)).toBeNull()
  })

  it('round-trips base32 and writes the otpauth URI apps read', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7])
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes)
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'kr.admin@demo.sma')
    expect(uri).toBe(
      'otpauth://totp/SMA%20Desk%3Akr.admin%40demo.sma?secret=JBSWY3DPEHPK3PXP&issuer=SMA+Desk&algorithm=SHA1&digits=6&period=30',
    )
  })
})
