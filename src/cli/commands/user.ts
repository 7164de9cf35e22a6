import { createInterface } from 'node:readline'
import type { Command } from '@commander-js/extra-typings'
import { Option } from '@commander-js/extra-typings'
import { DomainError } from '../../domain/errors.js'
import { resetMfa } from '../../services/accounts/mfa.js'
import { setPassword } from '../../services/accounts/sessions.js'
import { SYSTEM_ACTOR } from '../../services/audit.js'
import { createUser, findUserByEmail } from '../../services/users.js'
import { CliError } from '../cli-error.js'
import { userPartyRefusal } from '../../domain/access/instance.js'
import { roleRefusal } from '../../domain/access/permissions.js'
import { instanceParties, openCliDatabase } from './db.js'

/** Reads a password: the whole of stdin when piped, else a prompt without echo. */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
    const out = rl as unknown as { _writeToOutput: (s: string) => void }
    process.stderr.write(prompt)
    out._writeToOutput = () => undefined
    rl.question('', (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}

/** `sma user add --email E --party KR --role negotiator [--name N]`. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('user accounts')
  user
    .command('add')
    .description('create a user; the password comes from stdin when piped, else a prompt')
    .requiredOption('--email <email>', 'login email')
    .addOption(
      new Option('--party <party>', 'delegation')
        .choices(['KR', 'US', 'PUBLIC'] as const)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--role <role>', 'role')
        .choices(['viewer', 'analyst', 'negotiator', 'admin'] as const)
        .makeOptionMandatory(),
    )
    .option('--name <name>', 'display name (default: the email)')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const parties = instanceParties()
      const absent = userPartyRefusal(opts.party, parties)
      // refused before asking for a password: nothing to type for an account that cannot exist
      if (absent !== null) throw new CliError(absent.en, absent.ko)
      const badRole = roleRefusal(opts.party, opts.role)
      if (badRole !== null) throw new CliError(badRole.en, badRole.ko)
      const password = await readPassword('password: ')
      const handle = await openCliDatabase(opts.db)
      try {
        const u = await createUser(
          handle,
          {
            email: opts.email,
            name: opts.name ?? opts.email,
            party: opts.party,
            role: opts.role,
            password,
          },
          { parties },
        )
        process.stdout.write(`created ${u.email} (${u.party} ${u.role}) id ${u.id}\n`)
      } finally {
        await handle.close()
      }
    })
  user
    .command('password')
    .description(
      "set a user's password (stdin when piped, else a prompt); ends all of the user's sessions",
    )
    .requiredOption('--email <email>', 'login email')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const password = await readPassword('new password: ')
      const handle = await openCliDatabase(opts.db)
      try {
        const u = await findUserByEmail(handle.db, opts.email)
        if (!u)
          throw new DomainError('not-found', `No user ${opts.email}.`, {
            ko: `${opts.email} 사용자가 없습니다.`,
          })
        const r = await setPassword(handle, u.id, password, {
          actor: SYSTEM_ACTOR,
          now: () => new Date(),
        })
        process.stdout.write(`password set for ${u.email}; ${r.endedSessions} session(s) ended\n`)
      } finally {
        await handle.close()
      }
    })
  user
    .command('mfa-reset')
    .description(
      "remove a user's authenticator and recovery codes and end their sessions (a lost phone); an administrator enrolls again at the next login",
    )
    .requiredOption('--email <email>', 'login email')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const handle = await openCliDatabase(opts.db)
      try {
        const u = await resetMfa(handle, opts.email, SYSTEM_ACTOR, () => new Date())
        process.stdout.write(`two-step login reset for ${u.email}; sessions ended\n`)
      } finally {
        await handle.close()
      }
    })
}
