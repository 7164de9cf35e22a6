import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { NegotiationInputError, type InputPlace } from './negotiation-error.js'

/** A parsed XML element: attributes (no prefix) and child elements by tag name. */
export type XmlNode = { readonly [key: string]: unknown }

const REPEATED = new Set([
  'issue',
  'item',
  'weight',
  'objective',
  'hyperRectangle',
  'INCLUDES',
  'EXCLUDES',
  'ufun',
  'evaluator',
  'range',
  'reservation',
  'discount_factor',
  'utility',
])

/**
 * Parses XML text into plain nodes (attributes as strings, repeated GENIUS tags always arrays);
 * throws {@link NegotiationInputError} naming `what` and the parser's complaint when malformed.
 * Attributes run together without a space (`a="1"b="2"`) are read as GENIUS reads them.
 *
 * Example: `parseXml('<a x="1"><item value="v"/></a>', { en: 'domain', ko: '도메인' })` → `{ a: { x: '1', item: [{ value: 'v' }] } }`.
 */
export function parseXml(input: string, what: InputPlace): XmlNode {
  // GENIUS's own parser reads attributes written without a space between them
  // (`type="discrete"vtype="discrete"`, in ANAC 2011's Car profiles): so does this one.
  const text = input.replace(/<[^<>]*>/g, (tag) => tag.replace(/"(?=[A-Za-z_][\w:.-]*\s*=)/g, '" '))
  // The parser alone accepts mismatched tags; the bundled validator is deprecated in favour of a
  // separate package we do not install, so keep using it deliberately.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text)
  // the parser's complaint is the library's English: the Korean names the line alone
  if (valid !== true)
    throw new NegotiationInputError(
      `${what.en} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
      `${what.ko}: ${valid.err.line}행의 XML 형식이 올바르지 않습니다.`,
    )
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (tag, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(tag),
  })
  const doc: unknown = parser.parse(text)
  if (typeof doc !== 'object' || doc === null)
    throw new NegotiationInputError(`${what.en} is empty`, `${what.ko}: 내용이 없습니다.`)
  return doc as XmlNode
}

/**
 * The child elements named `tag` (always an array; text-only children become empty nodes).
 *
 * Example: `childrenOf({ item: [{ value: 'a' }] }, 'item')` → `[{ value: 'a' }]`.
 */
export function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const v = node[tag]
  const list: unknown[] = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : {}))
}

/**
 * An attribute's text, or undefined.
 *
 * Example: `attrOf({ value: '0.5' }, 'value')` → '0.5'.
 */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const v = node[name]
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
}

/**
 * A required finite numeric attribute; throws naming `where` when absent or not a number.
 *
 * Example: `numberAttr({ value: '0.5' }, 'value', { en: 'weight', ko: '가중치' })` → 0.5.
 */
export function numberAttr(node: XmlNode, name: string, where: InputPlace): number {
  const s = attrOf(node, name)
  if (s === undefined)
    throw new NegotiationInputError(
      `${where.en}: missing attribute "${name}"`,
      `${where.ko}: "${name}" 속성이 없습니다.`,
    )
  const x = Number(s.trim())
  if (s.trim() === '' || !Number.isFinite(x))
    throw new NegotiationInputError(
      `${where.en}: attribute "${name}" is not a number ("${s}")`,
      `${where.ko}: "${name}" 속성 값이 숫자가 아닙니다("${s}").`,
    )
  return x
}

/**
 * Escapes text for an XML attribute value.
 *
 * Example: `escapeXml('19" & up')` → '19&quot; &amp; up'.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
