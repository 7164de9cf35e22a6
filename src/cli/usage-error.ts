/**
 * The Korean of the argument parser's usage errors. Commander writes its own English line
 * ("error: unknown option '--sed'") and gives the line, not its error code, to the output hook,
 * so each code is recognised here by commander's wording (commander 14) and said again in
 * Korean. A line no pattern matches stays in commander's English.
 */

/** `a, b` → `"a", "b"`: the values a reader types, quoted as typed. */
const quoted = (list: string): string =>
  list
    .split(', ')
    .map((x) => `"${x}"`)
    .join(', ')

const USAGE_ERRORS: readonly {
  readonly code: string
  readonly en: RegExp
  readonly ko: (m: readonly string[]) => string
}[] = [
  {
    code: 'commander.unknownCommand',
    en: /^error: unknown command '(.*)'$/,
    ko: ([name = '']) => `알 수 없는 명령 "${name}"입니다.`,
  },
  {
    code: 'commander.unknownOption',
    en: /^error: unknown option '(.*)'$/,
    ko: ([flag = '']) => `알 수 없는 옵션 "${flag}"입니다.`,
  },
  {
    code: 'commander.missingArgument',
    en: /^error: missing required argument '(.*)'$/,
    ko: ([name = '']) => `필수 인수 "${name}"이(가) 없습니다.`,
  },
  {
    code: 'commander.optionMissingArgument',
    en: /^error: option '(.*)' argument missing$/,
    ko: ([flags = '']) => `옵션 "${flags}"에 값이 없습니다.`,
  },
  {
    code: 'commander.missingMandatoryOptionValue',
    en: /^error: required option '(.*)' not specified$/,
    ko: ([flags = '']) => `필수 옵션 "${flags}"을(를) 지정하십시오.`,
  },
  {
    code: 'commander.conflictingOption',
    en: /^error: (?:option|environment variable) '(.*)' cannot be used with (?:option|environment variable) '(.*)'$/,
    ko: ([a = '', b = '']) => `"${a}"와(과) "${b}"은(는) 함께 지정할 수 없습니다.`,
  },
  {
    code: 'commander.excessArguments',
    en: /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    ko: ([name, expected = '', got = '']) =>
      `${name === undefined ? '' : `"${name}" 명령의 `}인수가 너무 많습니다(지정할 수 있는 인수 ${expected}개, 입력한 인수 ${got}개).`,
  },
  {
    code: 'commander.invalidArgument',
    en: /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    ko: ([flags = '', value = '', choices = '']) =>
      `옵션 "${flags}"에는 "${value}"을(를) 지정할 수 없습니다. 지정할 수 있는 값은 ${quoted(choices)}입니다.`,
  },
  {
    code: 'commander.invalidArgument',
    en: /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    ko: ([value = '', name = '', choices = '']) =>
      `인수 "${name}"에는 "${value}"을(를) 지정할 수 없습니다. 지정할 수 있는 값은 ${quoted(choices)}입니다.`,
  },
]

/** The codes of the usage errors that have Korean (for tests). */
export const USAGE_ERROR_CODES: readonly string[] = [...new Set(USAGE_ERRORS.map((u) => u.code))]

/** Commander's "(Did you mean …?)" line after an unknown command or option. */
const SUGGESTION = /\n\(Did you mean (one of )?(.*)\?\)$/

/**
 * One Korean line for a commander usage error (its output, trailing newline and suggestion
 * included), or undefined when the wording is not one this knows.
 * @example usageErrorKo("error: unknown option '--sed'\n(Did you mean --seed?)\n")
 * // '알 수 없는 옵션 "--sed"입니다. "--seed"이(가) 맞는지 확인하십시오.'
 */
export function usageErrorKo(text: string): string | undefined {
  const line = text.replace(/\n$/, '')
  const suggestion = SUGGESTION.exec(line)
  const message = suggestion === null ? line : line.slice(0, suggestion.index)
  for (const u of USAGE_ERRORS) {
    const m = u.en.exec(message)
    if (m === null) continue
    const ko = u.ko(m.slice(1))
    if (suggestion === null) return ko
    const [, oneOf, names = ''] = suggestion
    return oneOf === undefined
      ? `${ko} "${names}"이(가) 맞는지 확인하십시오.`
      : `${ko} ${quoted(names)} 가운데 하나인지 확인하십시오.`
  }
  return undefined
}
