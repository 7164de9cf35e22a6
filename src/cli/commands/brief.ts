import { Option, type Command } from '@commander-js/extra-typings'
import { MEDIA_TYPE } from '../../domain/exports/table.js'
import { agreementBriefFile } from '../../exports/make.js'
import { apiClient } from '../api-client.js'
import { CliError } from '../cli-error.js'
import { loadSnapshot } from '../record-source.js'
import { cliNow, writeOut } from './export.js'

/**
 * `sma brief --agreement <id> | --negotiation <id> --lang ko|en --out FILE.pdf`: the agreement's
 * public brief (from the record the flags name), or your delegation's private brief of a
 * negotiation (from a server, with SMA_TOKEN: it is made and audited there).
 */
export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('a PDF brief of an agreement (public) or of a negotiation (your delegation only)')
    .option('--agreement <id>', 'agreement id, e.g. rok-us-sma-12')
    .option('--negotiation <id>', 'negotiation id (needs --server or SMA_SERVER, and SMA_TOKEN)')
    .addOption(
      new Option('--lang <lang>', 'language').choices(['ko', 'en'] as const).default('en' as const),
    )
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--server <url>', 'the SMA Desk server to read from')
    .action(async (opts) => {
      if ((opts.agreement === undefined) === (opts.negotiation === undefined))
        throw new CliError(
          'give exactly one of --agreement and --negotiation',
          '"--agreement"와 "--negotiation" 가운데 하나만 지정하십시오.',
        )
      if (opts.negotiation !== undefined) {
        const client = apiClient({ server: opts.server })
        const body = await client.getFile(
          `/api/negotiations/${encodeURIComponent(opts.negotiation)}/brief.pdf?lang=${opts.lang}`,
          MEDIA_TYPE.pdf,
        )
        writeOut(opts.out, body)
        return
      }
      const record = await loadSnapshot(opts)
      const now = cliNow()
      const today = now.toISOString().slice(0, 10)
      const file = await agreementBriefFile(record, opts.agreement ?? '', opts.lang, today, now)
      writeOut(opts.out, file.body)
    })
}
