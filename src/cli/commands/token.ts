import type { Command } from '@commander-js/extra-typings'
import { createApiToken, findUserByEmail } from '../../services/users.js'
import { CliError } from '../cli-error.js'
import { openCliDatabase } from './db.js'

/** `sma token create --email E [--name N]`: prints a personal API token once. */
export function registerToken(program: Command): void {
  const token = program.command('token').description('personal API tokens (Bearer)')
  token
    .command('create')
    .description('create a token for a user and print it once (it is stored only as a hash)')
    .requiredOption('--email <email>', 'the user')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const handle = await openCliDatabase(opts.db)
      try {
        const user = await findUserByEmail(handle.db, opts.email)
        if (!user) throw new CliError(`no user ${opts.email}`, `"${opts.email}" 사용자가 없습니다.`)
        const t = await createApiToken(handle, user.id, opts.name)
        process.stdout.write(`${t.token}\n`)
      } finally {
        await handle.close()
      }
    })
}
