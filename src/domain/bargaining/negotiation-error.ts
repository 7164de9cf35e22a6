/**
 * A problem with negotiation input (a malformed GENIUS/GeniusWeb file, an issue that does not
 * exist, an outcome space too large to enumerate). The message names the problem in one line so
 * a CLI or API can show it as is.
 */
export class NegotiationInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NegotiationInputError'
  }
}
