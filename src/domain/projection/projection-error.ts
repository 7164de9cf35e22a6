/** A problem that makes a projection impossible; the message names it (one line). */
export class ProjectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProjectionError'
  }
}
