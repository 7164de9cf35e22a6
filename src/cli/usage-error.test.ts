import { Argument, Command, CommanderError, Option } from '@commander-js/extra-typings'
import { describe, expect, it } from 'vitest'
import { USAGE_ERROR_CODES, usageErrorKo } from './usage-error.js'

/** The code and the text of the usage error commander itself gives for `args`. */
function usageError(args: string[]): { code: string; text: string } {
  let text = ''
  const program = new Command('t').exitOverride().configureOutput({
    outputError: (str) => {
      text += str
    },
    writeErr: () => undefined,
    writeOut: () => undefined,
  })
  program
    .command('go')
    .argument('<id>', 'an id')
    .addArgument(new Argument('[kind]', 'a kind').choices(['a', 'b']))
    .addOption(new Option('--lang <lang>', 'language').choices(['ko', 'en']))
    .requiredOption('--out <file>', 'output')
    .option('--seed <s>', 'seed')
    .addOption(new Option('--json', 'json').conflicts('csv'))
    .option('--csv', 'csv')
    .action(() => undefined)
  try {
    program.parse(args, { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) return { code: err.code, text }
    throw err
  }
  throw new Error(`no usage error for ${args.join(' ')}`)
}

describe("the Korean of commander's usage errors", () => {
  const cases: [string[], string, string][] = [
    [
      ['gox'],
      'commander.unknownCommand',
      '알 수 없는 명령 "gox"입니다. "go"이(가) 맞는지 확인하십시오.',
    ],
    [['zzzzzz'], 'commander.unknownCommand', '알 수 없는 명령 "zzzzzz"입니다.'],
    [
      ['go', 'x', '--out', 'f', '--sed', '1'],
      'commander.unknownOption',
      '알 수 없는 옵션 "--sed"입니다. "--seed"이(가) 맞는지 확인하십시오.',
    ],
    [['go', '--out', 'f'], 'commander.missingArgument', '필수 인수 "id"이(가) 없습니다.'],
    [
      ['go', 'x', '--out'],
      'commander.optionMissingArgument',
      '옵션 "--out <file>"에 값이 없습니다.',
    ],
    [
      ['go', 'x'],
      'commander.missingMandatoryOptionValue',
      '필수 옵션 "--out <file>"을(를) 지정하십시오.',
    ],
    [
      ['go', 'x', '--out', 'f', '--json', '--csv'],
      'commander.conflictingOption',
      '"--json"와(과) "--csv"은(는) 함께 지정할 수 없습니다.',
    ],
    [
      ['go', 'x', 'a', 'more', '--out', 'f'],
      'commander.excessArguments',
      '"go" 명령의 인수가 너무 많습니다(지정할 수 있는 인수 2개, 입력한 인수 3개).',
    ],
    [
      ['go', 'x', '--out', 'f', '--lang', 'fr'],
      'commander.invalidArgument',
      '옵션 "--lang <lang>"에는 "fr"을(를) 지정할 수 없습니다. 지정할 수 있는 값은 "ko", "en"입니다.',
    ],
    [
      ['go', 'x', 'c', '--out', 'f'],
      'commander.invalidArgument',
      '인수 "kind"에는 "c"을(를) 지정할 수 없습니다. 지정할 수 있는 값은 "a", "b"입니다.',
    ],
  ]

  it.each(cases)('%j → %s in Korean', (args, code, ko) => {
    const e = usageError(args)
    expect(e.code).toBe(code)
    expect(usageErrorKo(e.text)).toBe(ko)
  })

  it('every code with Korean is tried against commander itself', () => {
    expect(new Set(cases.map(([, code]) => code))).toEqual(new Set(USAGE_ERROR_CODES))
  })

  it('a wording it does not know stays English (undefined)', () => {
    expect(usageErrorKo('error: something new\n')).toBeUndefined()
  })
})
