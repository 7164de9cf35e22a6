import { describe, expect, it } from 'vitest'
import en from './en.json'
import ko from './ko.json'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('catalogues', () => {
  const e = flatten(en)
  const k = flatten(ko)

  it('have identical key sets', () => {
    expect([...k.keys()].sort()).toEqual([...e.keys()].sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of e) {
      expect(placeholders(k.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })

  it('translate every Korean text (no empty value, no key path, no English left over)', () => {
    // Texts that are the same in both languages on purpose (codes and symbols).
    const same = new Set(['partyAdj.US'])
    for (const [key, value] of k) {
      expect(value.trim(), key).not.toBe('')
      expect(value, key).not.toBe(key)
      if (!same.has(key) && (e.get(key) ?? '').length > 3) {
        expect(value, `${key} is not translated`).not.toBe(e.get(key))
      }
      // A Korean text has Hangul unless it is only a code, a symbol or a placeholder.
      const stripped = value.replace(/\{\{\w+\}\}/g, '')
      if (/[A-Za-z]{4,}/.test(stripped) && !/[가-힣]/.test(stripped)) {
        throw new Error(`${key}: "${value}" looks untranslated`)
      }
    }
  })
})
