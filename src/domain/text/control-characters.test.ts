import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { controlCharacterAt } from './control-characters.js'

describe('control characters in input', () => {
  it('names where a control character is, in values and keys at any depth', () => {
    expect(controlCharacterAt({ note: 'a\u0000b' })).toBe('/note')
    expect(controlCharacterAt({ a: [{ b: 'x' }, { c: '\u001b[31m' }] })).toBe('/a/1/c')
    expect(controlCharacterAt({ 'k\u0000': 1 })).toBe('/k\u0000')
    expect(controlCharacterAt('\u007f')).toBe('')
    // the key "" is "/", not the whole value (RFC 6901)
    expect(controlCharacterAt({ '': '\u0000' })).toBe('/')
    expect(controlCharacterAt({ 'a/b': '\u0001' })).toBe('/a~1b')
  })
  it('keeps tab, line feed and carriage return, and other types', () => {
    expect(controlCharacterAt({ note: 'one\n\ttwo\r\n', n: 1, b: true, z: null })).toBeNull()
    expect(controlCharacterAt(undefined)).toBeNull()
  })
  it('walks bodies nested thousands deep without overflowing', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 20000; i++) deep = [deep]
    expect(controlCharacterAt(deep)).toMatch(/^\/0\/0/)
  })
  it('answers flat values (the allocation-free check) as the full walk does', () => {
    // Inside an array the full walk always runs: its answer is the same pointer under /0.
    const text = fc.string({ unit: fc.constantFrom('a', '/', '~', '\u0000', '\u001f', '\n', '\t') })
    const flat = fc.oneof(
      text,
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null))),
      fc.dictionary(text, fc.oneof(text, fc.array(text), fc.dictionary(text, text))),
    )
    fc.assert(
      fc.property(flat, (value) => {
        const at = controlCharacterAt(value)
        const walked = controlCharacterAt([value])
        expect(walked).toBe(at === null ? null : `/0${at}`)
      }),
    )
  })
})
