import type { AgreementSpec } from '../agreement/spec.js'

/** One fact of an agreement's record and the citations behind it. */
export interface CitedFact {
  readonly agreement: string
  /** Where the fact lives in the spec, e.g. "published 2025" or "lifecycle.signed". */
  readonly fact: string
  readonly sources: readonly string[]
}

/**
 * Every sourced fact of an agreement: published figures, stated and appropriated amounts, rules,
 * lifecycle dates, category splits and dollar-era won equivalents. `sma sources` and the
 * citability test read the record through this one list.
 * @example citedFacts(sma12).find((f) => f.fact === 'lifecycle.signed')?.sources.length // 2
 */
export function citedFacts(spec: AgreementSpec): CitedFact[] {
  const out: CitedFact[] = []
  const add = (fact: string, sources: readonly string[] | undefined): void => {
    out.push({ agreement: spec.id, fact, sources: sources ?? [] })
  }
  for (const p of spec.published) add(`published ${p.year}`, p.sources)
  for (const r of spec.rules) {
    add(`rule ${r.id}`, r.cite)
    if (r.kind === 'negotiated' || r.kind === 'appropriated')
      for (const a of r.amounts) add(`amount ${a.year}`, a.sources)
  }
  const life = spec.lifecycle
  const dates = {
    negotiatorsAppointed: life.negotiatorsAppointed,
    textAgreed: life.textAgreed,
    initialled: life.initialled,
    signed: life.signed,
    'approval.host': life.approval.host,
    'approval.stationing': life.approval.stationing,
    entryIntoForce: life.entryIntoForce,
    expiry: life.expiry,
    ...(life.cabinetApproval ? { cabinetApproval: life.cabinetApproval } : {}),
  }
  for (const [k, f] of Object.entries(dates))
    if (f.status === 'known') add(`lifecycle.${k}`, f.sources)
  for (const c of spec.categories?.amounts ?? []) add(`categories ${c.year}`, c.sources)
  for (const w of spec.reportedEquivalents) add(`won equivalent ${w.year}`, w.sources)
  if (spec.termTotal) add('term total', spec.termTotal.sources)
  if (spec.signatories?.sources) add('signatories', spec.signatories.sources)
  add('agreement', spec.sources)
  return out
}
