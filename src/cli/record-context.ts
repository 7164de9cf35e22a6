import { readFileSync } from 'node:fs'
import {
  loadRecord,
  parseAgreementSpec,
  parseIndexOverride,
  publishedLookup,
  type AgreementSpec,
  type EvaluationContext,
  type IndexOverride,
  type SmaRecord,
} from '../domain/index.js'
import { CliError } from './cli-error.js'

/**
 * Finds an agreement by id in the record, or reads one from a JSON file when the argument ends in
 * `.json` (a draft or proposal). Unknown ids and malformed files are one-line CLI errors.
 */
export function resolveAgreement(record: SmaRecord, idOrFile: string): AgreementSpec {
  if (idOrFile.endsWith('.json')) {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(idOrFile, 'utf8'))
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      throw new CliError(`cannot read agreement file ${idOrFile}: ${why}`)
    }
    const parsed = parseAgreementSpec(raw)
    if (!parsed.ok)
      throw new CliError(`malformed agreement file ${idOrFile}: ${parsed.problems[0] ?? ''}`)
    return parsed.spec
  }
  const spec = record.agreements.find((a) => a.id === idOrFile)
  if (!spec) {
    throw new CliError(`unknown agreement "${idOrFile}" (try \`sma agreements\` for the list)`)
  }
  return spec
}

/** Parses repeated `--index SERIES:YEAR=VALUE` flags into overrides. */
export function parseOverrides(flags: readonly string[]): IndexOverride[] {
  return flags.map((f) => {
    try {
      return parseIndexOverride(f)
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err))
    }
  })
}

/** The evaluation context of the shipped record plus what-if overrides. */
export function recordContext(
  record: SmaRecord,
  overrides: readonly IndexOverride[],
): EvaluationContext {
  return { indices: record.indices, overrides, publishedOf: publishedLookup(record.agreements) }
}

export { loadRecord }
