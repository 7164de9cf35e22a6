export * from './lifecycle.js'
export * from './proposal-state.js'
