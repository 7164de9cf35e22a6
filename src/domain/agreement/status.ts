import type { AgreementSpec, DateFact } from './spec.js'

export type AgreementStatus = 'in-force' | 'expired' | 'signed' | 'pending'

function knownDate(f: DateFact): string | null {
  return f.status === 'known' ? f.date : null
}

/**
 * Where an agreement stands on a given day (ISO date, passed in: the domain has no clock).
 * Expired after its expiry (or after its last term year when the expiry is unknown); in force
 * from entry into force, or from its first term year when that date is unknown but the term has
 * begun; signed when signed but not yet in force; pending otherwise.
 * @example agreementStatus(sma12, '2026-11-28') // "in-force"
 */
export function agreementStatus(spec: AgreementSpec, today: string): AgreementStatus {
  const expiry = knownDate(spec.lifecycle.expiry) ?? `${spec.term.lastYear}-12-31`
  if (today > expiry) return 'expired'
  const eif = knownDate(spec.lifecycle.entryIntoForce)
  if (eif !== null && today >= eif) return 'in-force'
  if (eif === null && today >= `${spec.term.firstYear}`) return 'in-force'
  if (knownDate(spec.lifecycle.signed) !== null) return 'signed'
  return 'pending'
}
