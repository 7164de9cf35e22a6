// Piscina worker entry. Worker threads do not inherit the main thread's tsx loader, so this
// plain-JS file registers tsx in the worker, then loads the TypeScript task module.
import { register } from 'tsx/esm/api'

register()
const mod = await import('./projection.worker.ts')

export default mod.default
