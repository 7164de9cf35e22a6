import { withParticle } from '../text/korean-particles.js'
import { EVENT_KINDS, type EventKind } from './lifecycle.js'
import { EVENT_KIND_WORDS, partyWord } from './words.js'

/**
 * The Korean of the negotiation rules' refusals (lifecycle.ts, proposal-state.ts). The rules
 * return one English line naming the precise rule, which tests and the audit trail read; the
 * Korean a delegation member sees is derived here from that line, so the rules keep one return
 * type and every refusal they can give has its Korean next to the others (refusal-ko.test.ts
 * drives each branch of the rules through this table).
 */

/** The Korean name of each negotiation event kind, as in the record's lifecycle labels. */
export const EVENT_KIND_KO: Readonly<Record<EventKind, string>> = Object.fromEntries(
  EVENT_KINDS.map((k) => [k, EVENT_KIND_WORDS[k].ko]),
) as Record<EventKind, string>

/** The delegations by their Korean names (the ids KR and US are not shown to Korean readers). */
const PARTY_KO: Readonly<Record<string, string>> = {
  KR: partyWord('KR', 'ko'),
  US: partyWord('US', 'ko'),
}

/** The Korean of a proposal state named in a refusal (proposal-state.ts). */
const STATE_KO: Readonly<Record<string, string>> = {
  draft: '초안',
  tabled: '제시된',
  withdrawn: '철회된',
  rejected: '거부된',
  accepted: '수락된',
}

const kindKo = (kind: string): string =>
  (EVENT_KINDS as readonly string[]).includes(kind) ? EVENT_KIND_KO[kind as EventKind] : '이 행위'
const partiesKo = (list: string): string =>
  list
    .split(/,\s*/)
    .map((p) => PARTY_KO[p] ?? p)
    .join(', ')

const RULES: readonly (readonly [RegExp, (m: RegExpMatchArray) => string])[] = [
  [
    /^a delegation records only its own acts: party must be (\w+) or null$/,
    (m) =>
      `대표단은 자기 측 행위만 기록할 수 있습니다. 당사자를 지정하지 않거나 ${withParticle(PARTY_KO[m[1] ?? ''] ?? '자기 측', '으로')} 지정하십시오.`,
  ],
  [
    /^(\S+) is an act of both delegations: send party null/,
    (m) =>
      `${withParticle(kindKo(m[1] ?? ''), '은')} 양측 대표단의 공동 행위입니다. 당사자를 지정하지 말고 기록하십시오. 상대 측 대표단이 확인합니다.`,
  ],
  [
    /^(\S+) is one party's act: name the other party$/,
    (m) =>
      `${withParticle(kindKo(m[1] ?? ''), '은')} 한쪽 당사자의 행위입니다. 상대 측을 당사자로 지정하십시오.`,
  ],
  [
    /^(\S+) is not a mutual act; nothing to confirm$/,
    (m) =>
      `${withParticle(kindKo(m[1] ?? ''), '은')} 양측 공동 행위가 아니므로 확인할 대상이 없습니다.`,
  ],
  [
    /^your delegation has already confirmed this act$/,
    () => '우리 측 대표단은 이미 이 행위를 확인했습니다.',
  ],
  [
    /^(\S+) needs both parties to have accepted the same proposal revision$/,
    (m) =>
      `${withParticle(kindKo(m[1] ?? ''), '을')} 기록하려면 양측이 같은 제안 문안을 먼저 수락해야 합니다.`,
  ],
  [
    /^a domestic procedure belongs to one party$/,
    () => '국내 절차는 한쪽 당사자의 행위입니다. 해당 당사자를 지정하십시오.',
  ],
  [
    /^entry into force needs the domestic procedures of both parties; missing: (.+)$/,
    (m) =>
      `발효를 기록하려면 양측의 국내 절차가 발효일 이전에 기록되어 있어야 합니다. 국내 절차가 기록되지 않은 측: ${partiesKo(m[1] ?? '')}.`,
  ],
  [
    /^only the owning party may table its proposal$/,
    () => '제안은 작성한 측만 제시할 수 있습니다.',
  ],
  [
    /^the proposal is already tabled; table a new revision instead$/,
    () => '이미 제시된 제안입니다. 새 수정안을 작성하여 제시하십시오.',
  ],
  [/^only a tabled proposal can be accepted$/, () => '제시된 제안만 수락할 수 있습니다.'],
  [/^the negotiation is already concluded$/, () => '이미 타결된 협상입니다.'],
  [
    /^a tabled proposal is immutable; create a new revision$/,
    () => '제시된 제안은 고칠 수 없습니다. 새 수정안을 작성하십시오.',
  ],
  [
    /^a (\w+) proposal cannot be revised; start from a tabled one$/,
    (m) =>
      `${STATE_KO[m[1] ?? ''] ?? '이'} 제안은 수정안의 대상이 될 수 없습니다. 제시된 제안에서 시작하십시오.`,
  ],
]

/** Said when a refusal has no Korean in the table (a rule added without its Korean). */
export const REFUSAL_KO_FALLBACK = '현재 협상 상태에서는 이 요청을 처리할 수 없습니다.'

/**
 * The Korean of a negotiation rule's refusal line; the fallback for a line not in the table,
 * so a Korean reader never gets English.
 * @example negotiationRefusalKo('entry into force needs the domestic procedures of both parties; missing: US')
 * // '발효를 기록하려면 양측의 국내 절차가 발효일 이전에 기록되어 있어야 합니다. 국내 절차가 기록되지 않은 측: 미국.'
 */
export function negotiationRefusalKo(en: string): string {
  for (const [re, ko] of RULES) {
    const m = en.match(re)
    if (m) return ko(m)
  }
  return REFUSAL_KO_FALLBACK
}
