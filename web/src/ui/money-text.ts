import { parseWon } from '../../../src/domain/money/parse-won.js'

/**
 * What a won input holds: `null` for an empty (optional) field, the integer won as text, or
 * `undefined` when the text is not an amount (the form cannot be sent). Reads every form
 * `parseWon` reads: wonOfText('1조 6천억') → '1600000000000'.
 */
export function wonOfText(text: string): string | null | undefined {
  const r = parseWon(text)
  if (r.ok) return r.won.toString()
  return r.problem === 'empty' ? null : undefined
}
