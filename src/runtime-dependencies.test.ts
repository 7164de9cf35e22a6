// Runtime imports are runtime dependencies: after `npm prune --omit=dev` the server and the CLI
// still start. Every bare import of shipped code (src/ without tests and test helpers, bin/,
// scripts/start.mjs, scripts/build.mjs) must name a package in package.json's "dependencies" or a
// Node built-in.
import { builtinModules } from 'node:module'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const TEST_ONLY = /(\.test\.tsx?|test-support\.ts|test-harness\.ts|test-fixtures\.ts)$|\/fixtures\//

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs)$/.test(name) ? [p] : []
  })
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? spec)
}

function bareImports(text: string): string[] {
  const out: string[] = []
  const re =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3]
    if (spec === undefined || spec.startsWith('.') || spec.startsWith('/')) continue
    out.push(spec)
  }
  return out
}

describe('runtime dependencies', () => {
  const shipped = [
    ...files(join(ROOT, 'src')),
    ...files(join(ROOT, 'bin')),
    join(ROOT, 'scripts/start.mjs'),
    join(ROOT, 'scripts/build.mjs'),
  ].filter((f) => !TEST_ONLY.test(f))

  it('finds the shipped sources', () => {
    expect(shipped.length).toBeGreaterThan(100)
  })

  it('imports only runtime dependencies and Node built-ins from shipped code', () => {
    const builtins = new Set(builtinModules)
    const missing: string[] = []
    for (const f of shipped) {
      const text = readFileSync(f, 'utf8')
      for (const spec of bareImports(text)) {
        if (spec.startsWith('node:') || builtins.has(spec)) continue
        const name = packageOf(spec)
        // `import type` is erased at run time
        const typeOnly = new RegExp(
          `import type [^']*'${spec.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&')}'`,
        ).test(text)
        if (typeOnly) continue
        if (!(name in pkg.dependencies)) missing.push(`${relative(ROOT, f)}: ${spec}`)
      }
    }
    expect(missing).toEqual([])
  })
})
