/**
 * Korean particles after a word, chosen by how the word's last sound ends: 은/는, 이/가, 을/를,
 * 과/와, 으로/로 and the copula's 이어야/여야 depend on whether the last syllable has a final consonant (받침), and
 * 으로 also turns into 로 after ㄹ. Digits are read as Sino-Korean numbers (3 삼, 5 오) and a
 * trailing % as 퍼센트, so "5%" takes 가 and "3" takes 이.
 */
export type Particle = '은' | '이' | '을' | '과' | '으로' | '이어야'

const PAIRS: Record<Particle, readonly [withFinal: string, withoutFinal: string]> = {
  은: ['은', '는'],
  이: ['이', '가'],
  을: ['을', '를'],
  과: ['과', '와'],
  으로: ['으로', '로'],
  이어야: ['이어야', '여야'],
}

/** The final consonant index of each digit's reading: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT_FINAL = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0] as const
const RIEUL = 8

/** The final consonant (0 = none, 8 = ㄹ) of the word's last sound, or null if unknown. */
function finalOf(word: string): number | null {
  const last = word.trimEnd().at(-1)
  if (last === undefined) return null
  if (last === '%') return 0
  const code = last.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28
  if (last >= '0' && last <= '9') return DIGIT_FINAL[Number(last)] ?? null
  return null
}

/**
 * The word followed by the right form of the particle.
 * @example withParticle('1,416억 엔', '으로') // "1,416억 엔으로"
 * @example withParticle('3억 3,000만 달러', '과') // "3억 3,000만 달러와"
 * @example withParticle('2,000만 원', '이') // "2,000만 원이"
 * @example withParticle('서울', '으로') // "서울로" (after ㄹ: 로)
 * @example withParticle('정수', '이어야') // "정수여야"
 */
export function withParticle(word: string, particle: Particle): string {
  const final = finalOf(word)
  const [withFinal, withoutFinal] = PAIRS[particle]
  // Unknown endings (Latin letters, symbols) take the form written after a consonant, as
  // government texts do after abbreviations.
  if (final === null) return `${word}${withFinal}`
  if (particle === '으로' && final === RIEUL) return `${word}${withoutFinal}`
  return `${word}${final === 0 ? withoutFinal : withFinal}`
}
