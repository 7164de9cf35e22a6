import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where the running code and the project's files are, whether it runs from the TypeScript sources
 * (tsx, Vitest) or from the compiled bundle in dist/ (`npm start`, the `sma` bin). A bundle moves
 * code into other files (entry files, shared chunks), so nothing may build a path from its own
 * location except through this module.
 */
const HERE = fileURLToPath(import.meta.url)

/** True when this code runs from the compiled JavaScript bundle rather than from `.ts` sources. */
export const COMPILED = !HERE.endsWith('.ts')

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}

/** The project's root folder: the nearest folder with a package.json above this code. */
export const PROJECT_ROOT = findRoot(dirname(HERE))

/** A path under the project's root, e.g. `projectPath('data', 'negotiations')`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts)
}

/**
 * The compiled file of a bundle entry (e.g. `workers/projection.worker.js`): searched upwards
 * from this code, so it is found from an entry file or a shared chunk of any build folder.
 */
export function compiledEntry(relative: string): string {
  for (let dir = dirname(HERE); ; dir = dirname(dir)) {
    const candidate = join(dir, relative)
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) throw new Error(`compiled ${relative} not found above ${HERE}`)
  }
}
