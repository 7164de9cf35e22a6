import { DomainError } from '../../domain/errors.js'
import {
  analysisJson,
  analyzeNegotiation,
  NegotiationInputError,
  parseGeniusDomain,
  parseGeniusProfile,
  parseGeniusWebDomain,
  parseGeniusWebProfile,
  utilityCloud,
  type OutcomeSpace,
  type Profile,
} from '../../domain/bargaining/index.js'
import type { AnalysisResult, GeniusInput } from '../../contracts/analyses.js'
import { unprocessable } from './results.js'

/** Outcomes a GENIUS/GeniusWeb scenario may span on the (anonymous) server route. */
export const MAX_GENIUS_OUTCOMES = 200_000

/**
 * Analyses a GENIUS (XML) or GeniusWeb (JSON) scenario given as texts, under the convention asked
 * for (default `sma-desk`; `genius` reproduces GENIUS 10.4). Only the caller's inputs are used,
 * so anyone may call it; nothing is stored.
 */
export function analyzeGeniusTexts(input: GeniusInput): AnalysisResult {
  try {
    const convention = input.convention ?? 'sma-desk'
    const space: OutcomeSpace =
      input.format === 'genius'
        ? parseGeniusDomain(input.domain, {
            convention,
            ...(input.realSteps === undefined ? {} : { realSteps: input.realSteps }),
          })
        : parseGeniusWebDomain(input.domain)
    if (space.size > MAX_GENIUS_OUTCOMES) {
      throw new NegotiationInputError(
        `${space.size} outcomes; at most ${MAX_GENIUS_OUTCOMES} on the server (use sma analyze)`,
        `가능한 협상 결과가 ${space.size}개입니다. 서버에서는 최대 ${MAX_GENIUS_OUTCOMES}개까지 분석합니다("sma analyze" 명령을 쓰십시오).`,
      )
    }
    const parse = (text: string, name: string): Profile =>
      input.format === 'genius'
        ? parseGeniusProfile(text, space, name)
        : parseGeniusWebProfile(text, space, name)
    const profiles: [Profile, Profile] = [parse(input.profileA, 'A'), parse(input.profileB, 'B')]
    const { analysis, utilities } = analyzeNegotiation(space, profiles, convention)
    return {
      ...analysisJson(space, analysis, [profiles[0].name, profiles[1].name]),
      cloud: utilityCloud(utilities),
    }
  } catch (err) {
    if (err instanceof NegotiationInputError) throw unprocessable(err)
    // malformed texts the parsers did not anticipate (deep nesting, odd JSON): still the caller's input
    if (err instanceof RangeError || err instanceof TypeError || err instanceof SyntaxError)
      throw new DomainError('unprocessable', 'The scenario files could not be read.', {
        ko: '시나리오 파일을 읽을 수 없습니다. 파일 형식을 확인하십시오.',
      })
    throw err
  }
}
