import { writeFileSync } from 'node:fs'
import { Option, type Command } from '@commander-js/extra-typings'
import { MEDIA_TYPE, type ExportFormat } from '../../domain/exports/table.js'
import { MAX_PATHS, MAX_SEED } from '../../domain/projection/index.js'
import { ledgerFile, projectionFile, scheduleFile, type ExportFile } from '../../exports/make.js'
import { apiClient } from '../api-client.js'
import { CliError, cliConfig, unwritableFile } from '../cli-error.js'
import { loadSnapshot, parseOverrides } from '../record-source.js'
import { computeLedger } from './ledger.js'
import { projectFromFlags } from './project.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** The time a file is made: SMA_NOW when it pins the clock, else the real one. */
export function cliNow(): Date {
  return cliConfig().now()
}

/** Writes a file's bytes to --out and says where on stderr. */
export function writeOut(out: string, body: Buffer): void {
  try {
    writeFileSync(out, body)
  } catch (err) {
    throw unwritableFile(out, err)
  }
  process.stderr.write(`wrote ${out} (${body.length.toLocaleString('en-US')} bytes)\n`)
}

const formatOption = () =>
  new Option('--format <format>', 'csv or xlsx')
    .choices(['csv', 'xlsx'] as const)
    .makeOptionMandatory()
const langOption = () =>
  new Option('--lang <lang>', 'language of headers and notes')
    .choices(['ko', 'en'] as const)
    .default('en' as const)

function save(file: ExportFile, out: string): void {
  writeOut(out, file.body)
}

/**
 * `sma export schedule|ledger|project|compare|negotiation … --format csv|xlsx --out FILE`: the same
 * files as the API's `?format=` and the web's download buttons (src/exports/make.ts).
 */
export function registerExport(program: Command): void {
  const exp = program.command('export').description('write a table as CSV (UTF-8 with BOM) or XLSX')
  exp
    .command('schedule')
    .description("an agreement's yearly figures with their derivation columns")
    .argument('<agreement>', 'agreement id, e.g. rok-us-sma-12')
    .addOption(formatOption())
    .addOption(langOption())
    .requiredOption('--out <file>', 'where to write the file')
    .option('--index <SERIES:YEAR=VALUE>', 'what-if index value (repeatable)', collect, [])
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (id, opts) => {
      const record = await loadSnapshot(opts)
      const file = await scheduleFile(record, id, {
        overrides: parseOverrides(opts.index),
        lang: opts.lang,
        format: opts.format,
        today: cliNow().toISOString().slice(0, 10),
      })
      save(file, opts.out)
    })
  exp
    .command('ledger')
    .description(
      "an agreement's execution ledger: allocation, execution, carry-over, checks, sources",
    )
    .argument('<agreement>', 'agreement id, e.g. rok-us-sma-11')
    .addOption(formatOption())
    .addOption(langOption())
    .requiredOption('--out <file>', 'where to write the file')
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (id, opts) => {
      const view = await computeLedger(id, opts)
      const today = cliNow().toISOString().slice(0, 10)
      save(await ledgerFile(view, { lang: opts.lang, format: opts.format, today }), opts.out)
    })
  for (const [name, table] of [
    ['project', 'projection'],
    ['compare', 'comparison'],
  ] as const) {
    exp
      .command(name)
      .description(
        table === 'projection'
          ? 'a projection: percentiles per year and cap probabilities'
          : 'a comparison (needs --compare): the difference per year and over the term',
      )
      .argument('<agreement>', 'agreement id or a spec .json file')
      .addOption(formatOption())
      .addOption(langOption())
      .requiredOption('--out <file>', 'where to write the file')
      .option('--scenario <name|file>', 'shipped scenario or a scenario .json file', 'ar1')
      .option('--paths <n>', `Monte Carlo paths (1 to ${MAX_PATHS})`, '100000')
      .option('--seed <s>', `random seed (0 to ${MAX_SEED})`, '1')
      .option(
        '--compare <other>',
        'compare with an agreement id, a spec file or defense-budget-rule',
        collect,
        [],
      )
      .option('--no-progress', 'no progress output on stderr')
      .action(async (id, opts) => {
        if (table === 'comparison' && opts.compare.length === 0)
          throw new CliError(
            'sma export compare needs at least one --compare',
            '"sma export compare"에는 "--compare"를 하나 이상 지정하십시오.',
          )
        const result = await projectFromFlags(id, opts)
        save(await projectionFile(result, table, opts.lang, opts.format), opts.out)
      })
  }
  exp
    .command('negotiation')
    .description("a negotiation's timeline as you may see it (from a server, token in SMA_TOKEN)")
    .argument('<negotiation>', 'negotiation id')
    .addOption(formatOption())
    .addOption(langOption())
    .requiredOption('--out <file>', 'where to write the file')
    .option('--server <url>', 'the SMA Desk server (default SMA_SERVER)')
    .action(async (id, opts) => {
      const client = apiClient({ server: opts.server, requireToken: false })
      const format: ExportFormat = opts.format
      const body = await client.getFile(
        `/api/negotiations/${encodeURIComponent(id)}?format=${format}&lang=${opts.lang}`,
        MEDIA_TYPE[format],
      )
      writeOut(opts.out, body)
    })
}
