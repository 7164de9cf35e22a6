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
import { loadNegotiationSeeds } from '../services/seed.js'
import { latinWords as latinWordsIn } from '../domain/text/latin-words.js'

const DATA = join(import.meta.dirname, '../../data')

/** Every URL anywhere in the shipped data files (agreements, negotiations, indices, scenarios). */
function citedUrls(): { file: string; url: string }[] {
  const out: { file: string; url: string }[] = []
  for (const dir of ['agreements', 'negotiations', 'indices', 'scenarios', 'host-nation-support']) {
    for (const f of readdirSync(join(DATA, dir)).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(DATA, dir, f), 'utf8')
      for (const m of text.matchAll(/"(https?:\/\/[^"]+)"/g))
        if (m[1]) out.push({ file: `${dir}/${f}`, url: m[1] })
    }
  }
  return out
}

/**
 * Latin words a Korean text of the record may hold: the product name, the abbreviations Korean
 * official texts themselves use (SCM, GDP, GNP) and broadcasters known by their Latin names only
 * (KBS, KTV, cited as sources). Anything else in Latin letters is untranslated English.
 */
const LATIN_IN_KOREAN = ['SMA Desk', 'SCM', 'GDP', 'GNP', 'KBS', 'KTV'] as const
const latinWords = (ko: string): string[] => latinWordsIn(ko, LATIN_IN_KOREAN)

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
        const latin = latinWords(text)
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

/** The fields of data/negotiations/*.json that hold codes, dates or addresses, not prose. */
const CODE_FIELDS = new Set([
  'schema',
  'id',
  'replaces',
  'successor',
  'visibility',
  'sources',
  'kind',
  'date',
  'from',
  'to',
  'party',
  'agencies',
  'agency',
  'role',
  'agreement',
  'agreedOn',
])

/** Every string of a seed file outside `{ en, ko }` and the code fields: untranslated prose. */
function loneStrings(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') out.push(path)
  else if (Array.isArray(value))
    value.forEach((v, i) => {
      loneStrings(v, `${path}[${i}]`, out)
    })
  else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort().join()
    if (keys === 'en,ko') return
    for (const [k, v] of Object.entries(value))
      if (!CODE_FIELDS.has(k)) loneStrings(v, `${path}.${k}`, out)
  }
}

describe('the negotiation history (data/negotiations) is bilingual (decision 0019)', () => {
  const files = readdirSync(join(DATA, 'negotiations')).filter((n) => n.endsWith('.json'))
  const seeds = loadNegotiationSeeds(join(DATA, 'negotiations') + '/')

  it('holds every free text as { en, ko }, both non-empty', () => {
    const lone: string[] = []
    for (const f of files) {
      const raw: unknown = JSON.parse(readFileSync(join(DATA, 'negotiations', f), 'utf8'))
      loneStrings(raw, f, lone)
    }
    expect(lone).toEqual([])
    // the loader's schema demands both languages too: a lone English string is refused
    const texts = seeds.flatMap((s) => [
      s.title,
      ...s.deadlines.map((d) => d.label),
      ...s.delegations.flatMap((d) => d.members.flatMap((m) => [m.name, m.title ?? s.title])),
      ...s.rounds.flatMap((r) => [r.venue, r.summary ?? s.title]),
      ...s.events.map((e) => e.note),
      s.outcome?.title ?? s.title,
    ])
    expect(texts.length).toBeGreaterThan(150)
    for (const t of texts) expect(t.en.trim() && t.ko.trim()).toBeTruthy()
  })

  it('has no Latin words in its Korean besides the allowed names', () => {
    const offenders: string[] = []
    for (const s of seeds) {
      const all = [
        s.title,
        ...s.deadlines.map((d) => d.label),
        ...s.delegations.flatMap((d) => d.members.flatMap((m) => [m.name, m.title])),
        ...s.rounds.flatMap((r) => [r.venue, r.summary]),
        ...s.events.map((e) => e.note),
        s.outcome?.title,
      ]
      for (const t of all) {
        const latin = t ? latinWords(t.ko) : []
        if (latin.length > 0) offenders.push(`${s.id}: ${latin.join(', ')} in "${t?.ko}"`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('writes dates in Korean prose as 2025년 3월 4일, never as ISO dates', () => {
    const iso = seeds.flatMap((s) =>
      [
        ...s.deadlines.map((d) => d.label.ko),
        ...s.delegations.flatMap((d) => d.members.map((m) => m.title?.ko ?? '')),
        ...s.rounds.map((r) => r.summary?.ko ?? ''),
        ...s.events.map((e) => e.note.ko),
      ].filter((ko) => /\d{4}-\d{2}-\d{2}/.test(ko)),
    )
    expect(iso).toEqual([])
  })
})
