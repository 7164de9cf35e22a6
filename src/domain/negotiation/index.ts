export * from './lifecycle.js'
