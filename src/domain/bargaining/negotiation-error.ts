import { DomainError } from '../errors.js'

/**
 * A problem with negotiation input (a malformed GENIUS/GeniusWeb file, an issue that does not
 * exist, an outcome space too large to enumerate). The message names the problem in one line so
 * a CLI or API can show it as is.
 */
export class NegotiationInputError extends DomainError {
  constructor(message: string) {
    super('unprocessable', message)
    this.name = 'NegotiationInputError'
  }
}
