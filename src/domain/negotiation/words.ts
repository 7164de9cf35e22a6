import type { Lang } from '../text/localized.js'
import type { EventKind } from './lifecycle.js'

/**
 * The words of a negotiation's record in both languages, in one place: the timeline export, the
 * brief and the Korean refusals name event kinds and parties the same way (the web's own labels
 * in web/src/i18n follow these).
 */

/** Each negotiation event kind, as the record's lifecycle names it. */
export const EVENT_KIND_WORDS: Readonly<Record<EventKind, Readonly<Record<Lang, string>>>> = {
  opened: { ko: '협상 개시', en: 'Talks opened' },
  'text-agreed': { ko: '문안 타결', en: 'Text agreed' },
  initialled: { ko: '가서명', en: 'Initialled' },
  signed: { ko: '정식 서명', en: 'Signed' },
  'domestic-procedure': { ko: '국내 절차 완료', en: 'Domestic procedure completed' },
  'entry-into-force': { ko: '발효', en: 'Entry into force' },
  external: { ko: '협상 외부 사건', en: 'Outside event' },
  note: { ko: '메모', en: 'Note' },
}

/** The parties of the record by name (ids such as KR are not shown to readers). */
const PARTY_WORDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  KR: { ko: '대한민국', en: 'Republic of Korea' },
  US: { ko: '미국', en: 'United States' },
  JP: { ko: '일본', en: 'Japan' },
  PUBLIC: { ko: '공개 기록', en: 'Public record' },
}

/**
 * An event kind in words; a kind this version does not know is shown as stored.
 * @example eventKindWord('initialled', 'ko') // "가서명"
 */
export function eventKindWord(kind: string, lang: Lang): string {
  return (
    (EVENT_KIND_WORDS as Readonly<Record<string, Readonly<Record<Lang, string>>>>)[kind]?.[lang] ??
    kind
  )
}

/**
 * A party in words; an id this version does not know is shown as stored.
 * @example partyWord('US', 'ko') // "미국"
 */
export function partyWord(party: string, lang: Lang): string {
  return PARTY_WORDS[party]?.[lang] ?? party
}
