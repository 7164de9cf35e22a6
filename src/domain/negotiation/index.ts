export * from './lifecycle.js'
export * from './provenance.js'
