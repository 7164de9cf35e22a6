/**
 * Latin words left in a Korean text: what the Korean-text tests look for (explanations of the
 * record, error messages). A word is two or more Latin letters in a row; one letter (an item
 * mark like "A안") is Korean usage. `allowed` are terms Korean official texts themselves write
 * in Latin letters (abbreviations such as SCM, GDP, identifiers a reader types such as ETag);
 * each is removed only as a whole word.
 * @example latinWords('2025년 GDP 대비 0.8%입니다.', ['GDP']) // []
 * @example latinWords('escalation 규칙입니다.') // ['escalation']
 */
export function latinWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = text
  for (const term of allowed) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    rest = rest.replace(new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'g'), ' ')
  }
  return rest.match(/[A-Za-z]{2,}/g) ?? []
}
