/**
 * Text input hygiene (issue 14): control characters — NUL above all, which PostgreSQL cannot
 * store in text and SQLite stores silently — are refused in every string a client sends (keys
 * and values, at any depth). Tab, line feed and carriage return stay allowed (notes have lines).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const pointerPart = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * The JSON pointer (RFC 6901) of a string (or key) holding a control character, or null: the
 * whole value is "" and a key "" is "/", so the two are never confused. Walks with an explicit
 * stack, so a body nested thousands deep cannot overflow the call stack.
 * @example controlCharacterAt({ note: 'a\u0000b' }) // "/note"
 * @example controlCharacterAt('\u007f') // ""
 */
export function controlCharacterAt(value: unknown): string | null {
  if (flatAndClean(value)) return null
  const stack: [unknown, string][] = [[value, '']]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [v, at] = next
    if (typeof v === 'string') {
      if (CONTROL.test(v)) return at
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i] as unknown, `${at}/${i}`])
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown]
        const here = `${at}/${pointerPart(k)}`
        if (CONTROL.test(k)) return here
        stack.push([child, here])
      }
    }
  }
  return null
}

/**
 * True, without allocating, for what nearly every request carries: no value, a clean string or
 * scalar, or an object of clean keys and scalars (route parameters, most query strings and
 * bodies). Anything nested is left to the full walk.
 */
function flatAndClean(value: unknown): boolean {
  if (typeof value === 'string') return !CONTROL.test(value)
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) return false
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue
    if (CONTROL.test(k)) return false
    const child = (value as Record<string, unknown>)[k]
    if (
      typeof child === 'string' ? CONTROL.test(child) : child !== null && typeof child === 'object'
    )
      return false
  }
  return true
}
