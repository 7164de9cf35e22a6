import { readFileSync } from 'node:fs'
import { Option, type Command } from '@commander-js/extra-typings'
import { loadConfig } from '../../config.js'
import { DomainError } from '../../domain/errors.js'
import { loadInstanceKey, publicKeyFingerprint } from '../../services/signing/instance-key.js'
import { apiClient } from '../api-client.js'
import { CliError } from '../cli-error.js'
import { writeOut } from './export.js'

/**
 * `sma exchange key | register | export | import` (issue 17): signed documents between two
 * instances. `key` reads this instance's key locally (SMA_INSTANCE_KEY or _FILE); the others ask
 * a server with SMA_TOKEN, where signing, verification and the audit happen.
 */
export function registerExchange(program: Command): void {
  const ex = program
    .command('exchange')
    .description('signed documents between two SMA Desk instances (one per delegation)')
  ex.command('key')
    .description("print this instance's public key and fingerprint (for the other instance)")
    .option('--generate', 'create the key file named by SMA_INSTANCE_KEY_FILE if it is missing')
    .action((opts) => {
      let key
      try {
        const config = loadConfig()
        key = loadInstanceKey(config.instanceKey, { create: opts.generate === true })
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err))
      }
      if (key === undefined)
        throw new CliError(
          'no instance key: set SMA_INSTANCE_KEY_FILE (and pass --generate to create it)',
        )
      process.stdout.write(`fingerprint: ${key.fingerprint}\n${key.publicKeyPem}`)
    })
  ex.command('register')
    .description("register the other instance's public key (admin token)")
    .addOption(
      new Option('--party <party>', 'whose instance it is')
        .choices(['KR', 'US'] as const)
        .makeOptionMandatory(),
    )
    .requiredOption('--key <file>', 'the public key (PEM) the other instance printed')
    .requiredOption('--fingerprint <fp>', 'the fingerprint read out by the other instance')
    .option('--label <label>', 'a name for it', 'other delegation instance')
    .option('--server <url>', 'the SMA Desk server')
    .action(async (opts) => {
      const publicKey = readText(opts.key)
      try {
        if (publicKeyFingerprint(publicKey) !== opts.fingerprint.trim())
          throw new CliError(
            `the key's fingerprint is ${publicKeyFingerprint(publicKey)}, not ${opts.fingerprint}: check with the other instance`,
          )
      } catch (err) {
        if (err instanceof DomainError) throw new CliError(err.message)
        throw err
      }
      const client = apiClient({ server: opts.server })
      await client.post('/api/exchange/keys', {
        party: opts.party,
        label: opts.label,
        publicKey,
        fingerprint: opts.fingerprint.trim(),
      })
      process.stdout.write(`registered ${opts.fingerprint.trim()} (${opts.party})\n`)
    })
  ex.command('export')
    .description("sign your delegation's tabled proposal, round record or acceptance into a file")
    .requiredOption('--negotiation <id>', 'negotiation id')
    .addOption(
      new Option('--kind <kind>', 'what to send')
        .choices(['proposal', 'round', 'acceptance'] as const)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--id <id>',
      'the proposal id (for an acceptance: the accepted proposal) or round id',
    )
    .requiredOption('--out <file>', 'where to write the signed document')
    .option('--server <url>', 'the SMA Desk server')
    .action(async (opts) => {
      const client = apiClient({ server: opts.server })
      const text = await client.post(
        `/api/negotiations/${encodeURIComponent(opts.negotiation)}/exchange/export`,
        { kind: opts.kind, id: opts.id },
      )
      writeOut(opts.out, Buffer.from(`${JSON.stringify(JSON.parse(text), null, 2)}\n`))
    })
  ex.command('import')
    .description('verify a signed document from the other instance and record it as received')
    .requiredOption('--negotiation <id>', 'negotiation id')
    .argument('<file>', 'the signed document')
    .option('--server <url>', 'the SMA Desk server')
    .action(async (file, opts) => {
      const client = apiClient({ server: opts.server })
      const text = await client.post(
        `/api/negotiations/${encodeURIComponent(opts.negotiation)}/exchange/import`,
        { document: readText(file) },
      )
      const r = (
        JSON.parse(text) as {
          received: { kind: string; objectId: string; party: string; fingerprint: string }
        }
      ).received
      process.stdout.write(
        `received ${r.party} ${r.kind} ${r.objectId}, signature verified (${r.fingerprint})\n`,
      )
    })
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    throw new CliError(`cannot read ${file}`)
  }
}
