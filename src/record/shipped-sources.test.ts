import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  evaluateSchedule,
  evaluationContext,
  explainYear,
  hostOf,
  nonCitableReason,
} from '../domain/index.js'
import { shippedSnapshot } from './shipped-record.js'
import { explainNames, shippedSources } from './shipped-sources.js'
import { latinWords } from '../domain/text/latin-words.js'

const DATA = join(import.meta.dirname, '../../data')

/** Every URL anywhere in the shipped data files (agreements, negotiations, indices, scenarios). */
function citedUrls(): { file: string; url: string }[] {
  const out: { file: string; url: string }[] = []
  for (const dir of ['agreements', 'negotiations', 'indices', 'scenarios']) {
    for (const f of readdirSync(join(DATA, dir)).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(DATA, dir, f), 'utf8')
      for (const m of text.matchAll(/"(https?:\/\/[^"]+)"/g))
        if (m[1]) out.push({ file: `${dir}/${f}`, url: m[1] })
    }
  }
  return out
}

describe('the record cites only citable sources', () => {
  const registry = shippedSources()

  it('keeps a list of non-citable hosts, each with its reason', () => {
    expect(registry.nonCitable.length).toBeGreaterThan(20)
    for (const n of registry.nonCitable) expect(n.reason.length).toBeGreaterThan(10)
    // the check itself: a repost portal, a message board and a bare address are refused
    expect(nonCitableReason(registry, 'https://news.zum.com/articles/1')).not.toBeNull()
    expect(nonCitableReason(registry, 'https://greta.5ch.net/test/read.cgi/x')).not.toBeNull()
    expect(nonCitableReason(registry, 'http://211.233.22.161/x')).not.toBeNull()
    expect(nonCitableReason(registry, 'https://www.mnd.go.kr/x')).toBeNull()
  })

  it('has 0 citations to non-citable hosts', () => {
    const bad = citedUrls().filter(({ url }) => nonCitableReason(registry, url) !== null)
    expect(bad).toEqual([])
  })

  it('describes every cited source in the registry (publisher, tier)', () => {
    const known = new Set(registry.sources.map((s) => s.url))
    const hosts = registry.hosts.map((h) => h.host)
    const unknown = citedUrls().filter(
      ({ url }) =>
        !known.has(url) &&
        !hosts.some((h) => {
          const host = hostOf(url) ?? ''
          return host === h || host.endsWith(`.${h}`)
        }),
    )
    expect(unknown).toEqual([])
  })
})

describe('explanations', () => {
  const snap = shippedSnapshot()
  const names = explainNames(snap.agreements)

  it('the 11th SMA 2023 is derived from the rule and claims no published match', () => {
    const spec = snap.agreements.find((a) => a.id === 'rok-us-sma-11')
    if (!spec) throw new Error('no 11th SMA')
    const fig = evaluateSchedule(spec, evaluationContext(snap)).years.find((y) => y.year === 2023)
    if (!fig) throw new Error('no 2023')
    expect(fig.provenance).toBe('derived')
    const en = explainYear(fig, 'KRW', 'en', names).join('\n')
    expect(en).toContain("SMA Desk's derivation, not a published figure")
    expect(en).not.toMatch(/matches the published/i)
  })

  it('Korean explanations have no Latin words besides the product name (every year of every agreement)', () => {
    const offenders: string[] = []
    for (const spec of snap.agreements) {
      const s = evaluateSchedule(spec, evaluationContext(snap))
      for (const fig of s.years) {
        // Publishers' names (the 출처 line) may be Latin, like source titles; so may the
        // abbreviations Korean official texts themselves use (SCM, GDP, GNP).
        const text = explainYear(fig, s.currency, 'ko', names)
          .map((l) => l.replace(/출처: .*$/, ''))
          .join(' ')
        const latin = latinWords(text, ['SMA Desk', 'SCM', 'GDP', 'GNP'])
        if (latin.length > 0) offenders.push(`${spec.id} ${fig.year}: ${latin.join(', ')}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('the 12th SMA 2027 in Korean names the series as the releases do and the publishers', () => {
    const spec = snap.agreements.find((a) => a.id === 'rok-us-sma-12')
    if (!spec) throw new Error('no 12th SMA')
    const fig = evaluateSchedule(spec, evaluationContext(snap)).years.find((y) => y.year === 2027)
    if (!fig) throw new Error('no 2027')
    const ko = explainYear(fig, 'KRW', 'ko', names).join('\n')
    expect(ko).toContain('전전년도(2025년) 소비자물가상승률')
    expect(ko).toContain('1조 5,511억 원')
    expect(ko).toContain('1억 원 단위 반올림은 확인된 협정문에 명시되어 있지 않으며')
  })
})
