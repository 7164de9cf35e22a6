import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { AnalysisConvention, OutcomeSpace, Profile } from '../domain/bargaining/index.js'
import {
  NegotiationInputError,
  parseGeniusDomain,
  parseGeniusProfile,
  parseGeniusWebDomain,
  parseGeniusWebProfile,
} from '../domain/bargaining/index.js'
import { CliError, unreadableFile } from './cli-error.js'

/** Which file format the three scenario files are in. */
export type ScenarioFormat = 'genius' | 'geniusweb'

/** A loaded two-party scenario. */
export type LoadedScenario = {
  readonly space: OutcomeSpace
  readonly profiles: readonly [Profile, Profile]
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error'
    throw unreadableFile(`cannot read ${path} (${code})`, path, err)
  }
}

/**
 * Reads a domain and two profiles (GENIUS XML or GeniusWeb JSON) and parses them with the pure
 * domain readers; file and format problems become one-line CliErrors naming the file. The
 * `genius` convention reads real issues as GENIUS 10.4 does (21 steps unless `realSteps`).
 */
export async function loadScenario(
  format: ScenarioFormat,
  files: readonly string[],
  realSteps?: number,
  convention: AnalysisConvention = 'sma-desk',
): Promise<LoadedScenario> {
  if (files.length !== 3)
    throw new CliError(
      `expected 3 files (domain, profile A, profile B), got ${files.length}`,
      `파일 3개(협상 도메인, A 측 선호 프로필, B 측 선호 프로필)를 지정하십시오. 지정한 파일은 ${files.length}개입니다.`,
    )
  const [domainPath = '', aPath = '', bPath = ''] = files
  const [domainText, aText, bText] = await Promise.all([domainPath, aPath, bPath].map(readText))
  let current = domainPath
  try {
    const space =
      format === 'genius'
        ? parseGeniusDomain(domainText ?? '', {
            convention,
            ...(realSteps === undefined ? {} : { realSteps }),
          })
        : parseGeniusWebDomain(domainText ?? '')
    const parse = (text: string, path: string): Profile => {
      current = path
      const name = basename(path).replace(/\.(xml|json)$/i, '')
      return format === 'genius'
        ? parseGeniusProfile(text, space, name)
        : parseGeniusWebProfile(text, space, name)
    }
    return { space, profiles: [parse(aText ?? '', aPath), parse(bText ?? '', bPath)] }
  } catch (err) {
    if (err instanceof NegotiationInputError)
      throw new CliError(`${current}: ${err.message}`, `"${current}" 파일: ${err.ko}`)
    throw err
  }
}

/** Chooses the format from the `--genius` / `--geniusweb` flags (exactly one). */
export function scenarioFormat(opts: { genius?: boolean; geniusweb?: boolean }): ScenarioFormat {
  if (opts.genius === true && opts.geniusweb === true)
    throw new CliError(
      'use either --genius or --geniusweb, not both',
      '"--genius"와 "--geniusweb" 가운데 하나만 지정하십시오.',
    )
  if (opts.genius === true) return 'genius'
  if (opts.geniusweb === true) return 'geniusweb'
  throw new CliError(
    'say which format the files are in: --genius or --geniusweb',
    '파일 형식을 "--genius" 또는 "--geniusweb"으로 지정하십시오.',
  )
}

/** The `--convention` value (default `sma-desk`), or a CliError listing the known ones. */
export function analysisConvention(value: string | undefined): AnalysisConvention {
  if (value === undefined || value === 'sma-desk') return 'sma-desk'
  if (value === 'genius') return 'genius'
  throw new CliError(
    `unknown convention "${value}": use sma-desk or genius`,
    `"${value}"은(는) 지원하지 않는 계산 방식입니다. "sma-desk" 또는 "genius"를 지정하십시오.`,
  )
}

/** Parses a positive integer option value, or throws a CliError naming the option. */
export function positiveInt(value: string, option: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new CliError(
      `${option} must be a whole number ≥ 1 (got "${value}")`,
      `"${option}" 값은 1 이상의 정수여야 합니다(입력값: "${value}").`,
    )
  return n
}

export { formatTable } from './table.js'

/** A utility pair as "(0.8740, 0.8740)". */
export function formatPair(u: readonly [number, number], digits = 4): string {
  return `(${u[0].toFixed(digits)}, ${u[1].toFixed(digits)})`
}
