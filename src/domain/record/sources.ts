import { z } from 'zod'

/**
 * Where a fact of the record comes from, and how far it can be trusted. Every citation is a URL;
 * the source registry (data/sources.json) says who published it, when, and in which tier. A host
 * on the project's list of non-citable hosts (message boards, blogs, aggregators, content farms,
 * document-scraping sites, bare IP addresses) may not be cited at all.
 */
export const SOURCE_TIERS = ['official', 'parliamentary', 'press', 'research', 'other'] as const
export type SourceTier = (typeof SOURCE_TIERS)[number]

/** From strongest to weakest, for "the weakest tier a figure rests on". */
const TIER_RANK: Record<SourceTier, number> = {
  official: 0,
  parliamentary: 0,
  research: 1,
  press: 1,
  other: 2,
}

const localized = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) })
/** A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  publisher: localized,
  /** The source's own date (an article's publication date); null when it carries none. */
  published: partialDate.nullable(),
  tier: z.enum(SOURCE_TIERS),
  lang: z.enum(['ko', 'en', 'ja']),
})
export type Source = z.infer<typeof sourceSchema>

export const hostSchema = z.strictObject({
  host: z.string().min(1),
  publisher: localized,
  tier: z.enum(SOURCE_TIERS),
})

export const sourceRegistrySchema = z.strictObject({
  schema: z.literal('sma-desk/sources@1'),
  /** The day the record was last checked against its sources (shown as "record checked up to"). */
  checkedUpTo: z.iso.date(),
  /** Publishers by host (a URL of a listed host gets its tier even when not listed itself). */
  hosts: z.array(hostSchema),
  /** Sources cited by the record, with title and date. */
  sources: z.array(sourceSchema),
  /** Hosts that may never be cited, each with the reason. */
  nonCitable: z.array(z.strictObject({ host: z.string().min(1), reason: z.string().min(1) })),
})
export type SourceRegistry = z.infer<typeof sourceRegistrySchema>

/** The host of a URL without `www.` and `m.` (null when it is not a URL). */
export function hostOf(url: string): string | null {
  const m = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url)
  return m?.[1] ? m[1].toLowerCase().replace(/^(www|m|mobile)\./, '') : null
}

/** Whether `host` is `domain` or one of its subdomains. */
const within = (host: string, domain: string): boolean =>
  host === domain || host.endsWith(`.${domain}`)

/** Why a URL may not be cited, or null when it may. */
export function nonCitableReason(registry: SourceRegistry, url: string): string | null {
  const host = hostOf(url)
  if (host === null) return 'not a URL'
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 'a bare IP address names no publisher'
  return registry.nonCitable.find((n) => within(host, n.host))?.reason ?? null
}

/**
 * What the registry knows of a cited URL: its own entry, else its host's publisher and tier;
 * an unknown host is `other`.
 * @example describeSource(registry, 'https://www.mofa.go.kr/…').tier // "official"
 */
export function describeSource(
  registry: SourceRegistry,
  url: string,
): Pick<Source, 'url' | 'tier'> & Partial<Source> {
  const own = registry.sources.find((s) => s.url === url)
  if (own) return own
  const host = hostOf(url)
  const h = host === null ? undefined : registry.hosts.find((x) => within(host, x.host))
  return h ? { url, tier: h.tier, publisher: h.publisher } : { url, tier: 'other' }
}

/** The weakest tier among some citations (null when there are none). */
export function weakestTier(registry: SourceRegistry, urls: readonly string[]): SourceTier | null {
  let worst: SourceTier | null = null
  for (const u of urls) {
    const t = describeSource(registry, u).tier
    if (worst === null || TIER_RANK[t] > TIER_RANK[worst]) worst = t
  }
  return worst
}

/** The strongest tier among some citations (null when there are none). */
export function strongestTier(
  registry: SourceRegistry,
  urls: readonly string[],
): SourceTier | null {
  let best: SourceTier | null = null
  for (const u of urls) {
    const t = describeSource(registry, u).tier
    if (best === null || TIER_RANK[t] < TIER_RANK[best]) best = t
  }
  return best
}

/**
 * How a figure or date is known:
 * - `published`: stated by a government or parliament (an official or parliamentary source);
 * - `reported`: stated by the press or research, no official source located;
 * - `derived`: computed by SMA Desk from the agreement's rule and published inputs;
 * - `stated`: an amount the agreement's text itself sets (a negotiated amount);
 * - `estimate`: an approximation (e.g. a won equivalent of a dollar amount);
 * - `unsourced`: recorded, but no citable source was located (weakly sourced).
 */
export const PROVENANCES = [
  'published',
  'reported',
  'derived',
  'stated',
  'estimate',
  'unsourced',
] as const
export type Provenance = (typeof PROVENANCES)[number]

/**
 * The provenance of a sourced fact from its citations' tiers (`published` when any is official
 * or parliamentary, `reported` when any is press or research, else `unsourced`).
 * @example provenanceOfSources(registry, ['https://www.mnd.go.kr/…']) // "published"
 */
export function provenanceOfSources(registry: SourceRegistry, urls: readonly string[]): Provenance {
  const best = strongestTier(registry, urls)
  if (best === 'official' || best === 'parliamentary') return 'published'
  if (best === 'press' || best === 'research') return 'reported'
  return 'unsourced'
}

const TIER_LABELS: Record<SourceTier, { en: string; ko: string }> = {
  official: { en: 'official', ko: '정부' },
  parliamentary: { en: 'parliamentary', ko: '국회' },
  press: { en: 'press', ko: '언론' },
  research: { en: 'research', ko: '연구' },
  other: { en: 'other', ko: '기타' },
}

/**
 * A source tier in words.
 * @example tierLabel('parliamentary', 'ko') // "국회"
 */
export function tierLabel(t: SourceTier, lang: 'en' | 'ko'): string {
  return TIER_LABELS[t][lang]
}
