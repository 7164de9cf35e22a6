// Every DomainError a person can meet carries its Korean (issue 10, deliverable 6): a static scan
// of the sources, because the errors sit on many paths no single test reaches.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { latinWords } from './domain/text/latin-words.js'

const SRC = import.meta.dirname

/**
 * Constructions allowed without a `ko` (or, for the subclasses below, a Korean literal) of their
 * own, each with the reason. The key is the file and a piece of the call's text.
 */
const WITHOUT_KO: readonly { file: string; has: string; why: string }[] = [
  {
    file: 'services/accounts/login.ts',
    has: 'err.extra',
    why: 'turns a second-factor error into unauthorized and passes on its extra, ko included',
  },
  {
    file: 'cli/commands/user.ts',
    has: 'absent.ko',
    why: 'userPartyRefusal (domain/access/instance.ts) gives the refusal in English and Korean',
  },
  {
    file: 'cli/commands/simulate.ts',
    has: 'err.ko',
    why: 'passes on a NegotiationInputError, whose Korean is required (strategy and deadline refusals)',
  },
  {
    file: 'cli/commands/user.ts',
    has: 'badRole.ko',
    why: 'roleRefusal (domain/access/permissions.ts) gives the refusal in English and Korean',
  },
]

/** Latin terms a Korean message may keep: headers, settings, ids a reader types or quotes. */
const LATIN_ALLOWED = [
  'If-Match',
  'ETag',
  'SMA_INSTANCE_KEY_FILE',
  'SMA_PARTIES',
  'SERIES:YEAR=VALUE',
  'chief',
  'ID',
  'JSON',
  'API',
  // the negotiation file formats, as Korean texts on them write them
  'GENIUS',
  'GeniusWeb',
  'XML',
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')
      ? [p]
      : []
  })
}

/** Index just past a string literal opened at `i` (quote `q`), template holes included. */
function skipString(src: string, i: number, q: string): number {
  while (i < src.length) {
    const c = src[i]
    if (c === '\\') i += 2
    else if (c === q) return i + 1
    else if (q === '`' && c === '$' && src[i + 1] === '{') i = skipCode(src, i + 2, '}') + 1
    else i++
  }
  throw new Error('unterminated string')
}

/** Index of the `close` that ends the code starting at `i` (strings and nesting skipped). */
function skipCode(src: string, i: number, close: ')' | '}'): number {
  const open = close === ')' ? '(' : '{'
  let depth = 0
  while (i < src.length) {
    const c = src[i] ?? ''
    if (c === "'" || c === '"' || c === '`') {
      i = skipString(src, i + 1, c)
      continue
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i)
      continue
    }
    if (c === open) depth++
    else if (c === close) {
      if (depth === 0) return i
      depth--
    }
    i++
  }
  throw new Error('unbalanced')
}

interface Call {
  readonly file: string
  readonly line: number
  readonly args: string
}

/** The argument text of every call that opens with `opener` (e.g. `new DomainError(`). */
function callsOf(opener: string): Call[] {
  return sources(SRC).flatMap((path) => {
    const text = readFileSync(path, 'utf8')
    const out: Call[] = []
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
      const start = at + opener.length
      out.push({
        file: relative(SRC, path),
        line: text.slice(0, at).split('\n').length,
        args: text.slice(start, skipCode(text, start, ')')),
      })
    }
    return out
  })
}

/** A template literal with each `${…}` hole replaced by a space. */
function withoutHoles(template: string): string {
  let out = ''
  let i = 0
  while (i < template.length) {
    if (template[i] === '\\') {
      out += template.slice(i, i + 2)
      i += 2
    } else if (template[i] === '$' && template[i + 1] === '{') {
      out += ' '
      i = skipCode(template, i + 2, '}') + 1
    } else out += template[i++] ?? ''
  }
  return out
}

/** The Korean string literals of a text, template holes replaced by a space. */
function koreanLiterals(args: string): string[] {
  const out: string[] = []
  const re = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`/g
  let m: RegExpExecArray | null
  while ((m = re.exec(args)) !== null) {
    let lit = m[0]
    if (lit === '`') {
      const end = skipString(args, m.index + 1, '`')
      lit = withoutHoles(args.slice(m.index, end))
      re.lastIndex = end
    }
    if (/[가-힣]/.test(lit)) out.push(lit)
  }
  return out
}

const where = (c: Call) => `${c.file}:${c.line}`
const allowed = (c: Call) => WITHOUT_KO.some((a) => c.file === a.file && c.args.includes(a.has))

/**
 * DomainError subclasses whose constructor takes the Korean as an argument of its own, so the
 * `ko` key never appears at the call: each construction must hold a Korean literal (a wrapped
 * error's Korean is passed on, as the allow-list above says). CliError is every error line of
 * the CLI.
 */
const SUBCLASSES_WITH_KO = [
  'ProjectionError',
  'EvaluationError',
  'NegotiationInputError',
  'CliError',
] as const

describe('Korean error messages', () => {
  const errors = callsOf('new DomainError(')
  const subclassErrors = SUBCLASSES_WITH_KO.map((name) => ({
    name,
    calls: callsOf(`new ${name}(`),
  }))

  it('finds the DomainError constructions (the scan works)', () => {
    expect(errors.length).toBeGreaterThan(80)
  })

  it('every DomainError carries a ko text, or is on the allow-list with a reason', () => {
    const missing = errors.filter((c) => !/\bko\b/.test(c.args) && !allowed(c)).map(where)
    expect(missing).toEqual([])
  })

  it.each(SUBCLASSES_WITH_KO)('every %s construction gives its Korean', (name) => {
    const calls = subclassErrors.find((s) => s.name === name)?.calls ?? []
    // the scan works: the subclass is thrown somewhere
    expect(calls.length).toBeGreaterThan(2)
    // the second argument is the Korean: at least one Korean literal in the call
    expect(
      calls.filter((c) => koreanLiterals(c.args).length === 0 && !allowed(c)).map(where),
    ).toEqual([])
  })

  it('every invalid() helper call gives its Korean', () => {
    const calls = callsOf(' invalid(').filter((c) => !c.file.endsWith('domain/errors.ts'))
    expect(calls.length).toBeGreaterThan(0)
    // the third argument is the Korean: at least one Korean literal in the call
    expect(calls.filter((c) => koreanLiterals(c.args).length === 0).map(where)).toEqual([])
  })

  it('the allow-list has no stale entries', () => {
    const calls = [...errors, ...subclassErrors.flatMap((s) => s.calls)]
    for (const a of WITHOUT_KO)
      expect(
        calls.some((c) => c.file === a.file && c.args.includes(a.has)),
        `${a.file}: ${a.has}`,
      ).toBe(true)
  })

  it('the Korean texts have no Latin words besides headers, settings and quoted ids', () => {
    const calls = [
      ...errors,
      ...callsOf('new ProjectionInputError('),
      ...subclassErrors.flatMap((s) => s.calls),
      ...callsOf(' invalid('),
    ]
    const offenders = calls.flatMap((c) =>
      koreanLiterals(c.args)
        // a "quoted" word is a field name or id the reader types, quoted as such
        .map((lit) => latinWords(lit.slice(1, -1).replace(/"[^"]*"/g, ' '), LATIN_ALLOWED))
        .filter((w) => w.length > 0)
        .map((w) => `${where(c)}: ${w.join(', ')}`),
    )
    expect(offenders).toEqual([])
  })
})
