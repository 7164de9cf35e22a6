import { describe, expect, it } from 'vitest'
import { sha256Hex } from './sha256.js'
import { canonicalJson } from './canonical-json.js'

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('hashes UTF-8 (Korean text)', () => {
    // echo -n '방위비분담' | sha256sum
    expect(sha256Hex('방위비분담')).toBe(
      '6cda47416582c2f30b89e39f9a469a3995daf91ddb0cda5c6db4a4d4e29c29da',
    )
    expect(sha256Hex('방위비분담')).not.toBe(sha256Hex('방위비분담 '))
  })
})

describe('canonicalJson', () => {
  it('sorts keys and drops whitespace so key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/)
    expect(() => canonicalJson(1n)).toThrow(/cannot encode/)
  })
})
