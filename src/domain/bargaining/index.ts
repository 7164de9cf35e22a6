/**
 * Two-party multi-issue negotiation analysis and simulation (issue 5). Pure: no I/O, no clock,
 * randomness only through a passed-in RNG. See docs/negotiation-analysis.md for conventions.
 */
export * from './negotiation-error.js'
export * from './tolerance.js'
export * from './outcome-space.js'
export * from './utility-function.js'
export * from './enumerate-utilities.js'
export * from './pareto-frontier.js'
export * from './bargaining-solutions.js'
export * from './analyze-negotiation.js'
export * from './genius-xml.js'
export * from './geniusweb-json.js'
export * from './create-rng.js'
export * from './offer-index.js'
export * from './negotiator-spec.js'
export * from './simulate-negotiation.js'
export * from './run-tournament.js'
export * from './dated-deadline.js'
export * from './build-sma-space.js'
export * from './synthetic-scenario.js'
export * from './sma-package-space.js'
export * from './analysis-json.js'
