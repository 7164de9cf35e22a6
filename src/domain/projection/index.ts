// Projections: scenarios, series models, the Monte Carlo kernel and its summary. Pure: the
// random stream is derived from a seed passed in, so this runs in the browser too.
export * from './scenario.js'
export * from './random-stream.js'
export * from './series-models.js'
export * from './projection-error.js'
export * from './plan.js'
export * from './tally.js'
export * from './kernel.js'
export * from './result.js'
export * from './variant.js'
export * from './project.js'
export * from './shipped-scenarios.js'
export * from './result-schema.js'
