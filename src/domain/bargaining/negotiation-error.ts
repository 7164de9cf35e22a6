import { DomainError } from '../errors.js'
import type { Localized } from '../text/localized.js'

/**
 * A problem with negotiation input (a malformed GENIUS/GeniusWeb file, an issue that does not
 * exist, an outcome space too large to enumerate). The message names the problem in one line so
 * a CLI or API can show it as is. `ko` is the same message in Korean (official wording),
 * required: analysts meet these errors on the analysis pages, through the API's `detailKo` and
 * in `sma analyze`/`sma simulate` with `--lang ko`. It is also a field of its own, typed as
 * present, so code that rethrows the error as another (a CliError) carries it without a check.
 */
export class NegotiationInputError extends DomainError {
  readonly ko: string
  constructor(message: string, ko: string) {
    super('unprocessable', message, { ko })
    this.name = 'NegotiationInputError'
    this.ko = ko
  }
}

/**
 * Where in an input a problem lies, in English and in Korean, for messages that name it:
 * `{ en: 'GENIUS profile "A" weight', ko: 'GENIUS 프로필 "A", 가중치' }`.
 */
export type InputPlace = Localized

/**
 * A place inside `p`: the English words run on, the Korean ones follow after a comma.
 * @example placeIn({ en: 'GeniusWeb domain', ko: 'GeniusWeb 도메인' }, 'issuesValues', '"issuesValues"')
 * // { en: 'GeniusWeb domain issuesValues', ko: 'GeniusWeb 도메인, "issuesValues"' }
 */
export function placeIn(p: InputPlace, en: string, ko: string): InputPlace {
  return { en: `${p.en} ${en}`, ko: `${p.ko}, ${ko}` }
}
