import { DELEGATIONS, type Delegation, type Party } from './permissions.js'
import type { Localized } from '../text/localized.js'

/**
 * The deployment mode of an instance (issue 17): which delegations have accounts on it. Both in a
 * shared instance (both delegations, or a training exercise); one in a delegation's own instance,
 * where the other party's acts are recorded as reported by us or received as signed documents.
 */
export type InstanceMode = 'shared' | 'single'

/**
 * The mode of an instance with these delegations present.
 * @example instanceMode(['KR']) // 'single'
 * @example instanceMode(['KR', 'US']) // 'shared'
 */
export function instanceMode(present: readonly Delegation[]): InstanceMode {
  return DELEGATIONS.every((d) => present.includes(d)) ? 'shared' : 'single'
}

/**
 * Why a user of this party may not have an account here, in English and Korean, or null when it
 * may: only the delegations present (SMA_PARTIES) and outsiders (PUBLIC readers) have accounts.
 * @example userPartyRefusal('US', ['KR'])?.en // 'this instance has accounts for KR only (SMA_PARTIES): …'
 */
export function userPartyRefusal(party: Party, present: readonly Delegation[]): Localized | null {
  if (party === 'PUBLIC' || present.includes(party)) return null
  return {
    en: `this instance has accounts for ${present.join(',')} only (SMA_PARTIES): a ${party} user cannot be created here; record the ${party} delegation's acts as reported, or receive them as signed documents`,
    ko: `이 인스턴스에는 ${present.join(', ')} 측 계정만 둘 수 있습니다(SMA_PARTIES). ${party} 측 사용자는 만들 수 없습니다. ${party} 대표단의 행위는 우리 측 기록으로 남기거나 서명 문서로 받으십시오.`,
  }
}
