import japanJson from '../../data/host-nation-support/japan.json' with { type: 'json' }
import inputsJson from '../../data/host-nation-support/comparison-inputs.json' with { type: 'json' }
import {
  comparisonInputsSchema,
  hostSupportSchema,
  type ComparisonInputs,
  type HostSupport,
} from '../domain/host-support/schema.js'

let japan: HostSupport | undefined
let inputs: ComparisonInputs | undefined

/** Names the file and the path of the first problem (the record is checked on load, not trusted). */
function parseOrThrow<T>(
  file: string,
  schema: {
    safeParse: (
      x: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
  },
  raw: unknown,
): T {
  const r = schema.safeParse(raw)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  throw new Error(`${file}: ${issue?.path.map(String).join('.')}: ${issue?.message}`)
}

/**
 * Japan's yearly host-nation support (data/host-nation-support/japan.json), validated once per
 * process. The JSON is imported statically so the compiled CLI and server carry it.
 */
export function shippedJapanSupport(): HostSupport {
  japan ??= parseOrThrow('data/host-nation-support/japan.json', hostSupportSchema, japanJson)
  return japan
}

/** The comparison's rates, troop numbers and defence budgets, validated once per process. */
export function shippedComparisonInputs(): ComparisonInputs {
  inputs ??= parseOrThrow(
    'data/host-nation-support/comparison-inputs.json',
    comparisonInputsSchema,
    inputsJson,
  )
  return inputs
}
