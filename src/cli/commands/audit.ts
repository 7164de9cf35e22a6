import type { Command } from '@commander-js/extra-typings'
import { verifyAuditChain } from '../../services/audit.js'
import { CliError } from '../cli-error.js'
import { openCliDatabase } from './db.js'

/** `sma audit verify`: re-walks the hash chain; exit 3 and the first broken entry if broken. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log')
  audit
    .command('verify')
    .description('re-walk the hash chain and name the first broken entry')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const handle = await openCliDatabase(opts.db)
      try {
        const v = await verifyAuditChain(handle.db)
        if (!v.ok) {
          throw new CliError(
            `audit chain broken at entry ${v.seq} (${v.reason}); ${v.entries} entries`,
            3,
          )
        }
        process.stdout.write(`audit chain ok: ${v.entries} entries, head ${v.head}\n`)
      } finally {
        await handle.close()
      }
    })
}
