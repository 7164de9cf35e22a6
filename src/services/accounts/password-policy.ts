import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core'
import { DomainError } from '../../domain/errors.js'

/**
 * The password rule of every way a password is set (`sma user add`, `sma user password`, the
 * API's password change): 12 to 256 characters, and zxcvbn score 3 or more (an estimated 10^8
 * guesses or more) against zxcvbn-ts's lists of common passwords, words and names and its
 * keyboard, repeat, sequence and date patterns. "aaaaaaaaaaaa" scores 0 and is refused.
 */
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256
export const MIN_PASSWORD_SCORE = 3

/**
 * Words an attacker tries first against this application (ASVS 5.0 V6.1.2, V6.2.11): its name,
 * its subject and its users' institutions. They count as known, like the user's own email.
 */
export const CONTEXT_WORDS: readonly string[] = [
  'sma',
  'smadesk',
  'sma desk',
  'special measures agreement',
  'cost sharing',
  'defense',
  'defence',
  'usfk',
  'usfj',
  'rok',
  'korea',
  'alliance',
  'negotiator',
  'delegation',
  'mofa',
  'mnd',
]

interface Checker {
  readonly factory: ZxcvbnFactory
  /** zxcvbn's English warning texts by key. */
  readonly warnings: Readonly<Record<string, string>>
}

/**
 * A CommonJS package's exports, however it was imported: Node's ESM loader (tests, `tsx`) names
 * them on the namespace, the build's chunk of a bundled CommonJS package only as `default`.
 */
function commonJs<T extends object>(namespace: T): T {
  return (namespace as { default?: T }).default ?? namespace
}

let checker: Promise<Checker> | null = null
/**
 * Loaded on first use: the dictionaries are megabytes decompressed at import, and most processes
 * (every server start, every CLI command) never check a password. A failed load is retried.
 */
function zxcvbn(): Promise<Checker> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    (modules) => {
      const [core, common, en] = [commonJs(modules[0]), commonJs(modules[1]), commonJs(modules[2])]
      return {
        factory: new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...en.dictionary },
          graphs: common.adjacencyGraphs,
          translations: en.translations,
        }),
        warnings: en.translations.warnings,
      }
    },
    (err: unknown) => {
      checker = null
      throw err
    },
  )
  return checker
}

/** Why a password is refused, by zxcvbn's warning key, in Korean (English comes from zxcvbn). */
const KO_WARNINGS: Record<string, string> = {
  straightRow: '키보드의 한 줄을 그대로 누른 배열은 쉽게 추측됩니다.',
  keyPattern: '짧은 키보드 패턴은 쉽게 추측됩니다.',
  simpleRepeat: '"aaa"처럼 같은 문자를 반복하면 쉽게 추측됩니다.',
  extendedRepeat: '"abcabcabc"처럼 같은 문자열을 반복하면 쉽게 추측됩니다.',
  sequences: '"abc"처럼 흔한 연속 문자는 쉽게 추측됩니다.',
  recentYears: '최근 연도는 쉽게 추측됩니다.',
  dates: '날짜는 쉽게 추측됩니다.',
  topTen: '가장 많이 쓰이는 비밀번호 중 하나입니다.',
  topHundred: '매우 자주 쓰이는 비밀번호입니다.',
  common: '흔히 쓰이는 비밀번호입니다.',
  similarToCommon: '흔히 쓰이는 비밀번호와 비슷합니다.',
  wordByItself: '단어 하나만으로는 쉽게 추측됩니다.',
  namesByThemselves: '이름이나 성만으로는 쉽게 추측됩니다.',
  commonNames: '흔한 이름과 성은 쉽게 추측됩니다.',
  userInputs: '이메일 주소나 이름 등 계정 정보를 비밀번호에 넣지 마십시오.',
  pwned: '인터넷에 유출된 적이 있는 비밀번호입니다.',
}

/** The warning key of a zxcvbn result (its English text looked up in zxcvbn's own table). */
function warningKey(r: ZxcvbnResult, warnings: Checker['warnings']): string | null {
  const text = r.feedback.warning
  if (text === null || text === '') return null
  const found = Object.entries(warnings).find(([, v]) => v === text)
  return found?.[0] ?? null
}

/**
 * Refuses a weak password with a DomainError (`invalid`, pointer `/password`) whose message says
 * why in English and whose `ko` says it in Korean. `userInputs` (email, name) count as known to
 * an attacker.
 */
export async function assertStrongPassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<void> {
  const refuse = (en: string, ko: string): never => {
    throw new DomainError('invalid', en, { ko, errors: [{ pointer: '/password', detail: en }] })
  }
  // code points, not UTF-16 units: a Korean or emoji character counts once
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    refuse(
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      `비밀번호는 ${MIN_PASSWORD_LENGTH}자 이상이어야 합니다.`,
    )
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    refuse(
      `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`,
      `비밀번호는 ${MAX_PASSWORD_LENGTH}자 이하여야 합니다.`,
    )
  }
  const inputs = [
    ...CONTEXT_WORDS,
    ...userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]),
  ].filter((s) => s.length > 2)
  const { factory, warnings } = await zxcvbn()
  const r = factory.check(password, inputs)
  if (r.score >= MIN_PASSWORD_SCORE) return
  const key = warningKey(r, warnings)
  const why = key === null ? null : warnings[key]
  refuse(
    `This password is too easy to guess${why ? `: ${why}` : '.'} Use a longer phrase of several uncommon words.`,
    `추측하기 쉬운 비밀번호입니다${key && KO_WARNINGS[key] ? `: ${KO_WARNINGS[key]}` : '.'} 흔하지 않은 단어 여러 개로 된 더 긴 문구를 사용하십시오.`,
  )
}
