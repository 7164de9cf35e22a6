export * from './civil-date.js'
export * from './lifecycle.js'
