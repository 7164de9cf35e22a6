export * from './lifecycle.js'
export * from './provenance.js'
export * from './proposal-state.js'
export * from './compare.js'
