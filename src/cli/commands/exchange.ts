import { Option, type Command } from '@commander-js/extra-typings'
import { publicKeyFingerprint } from '../../services/signing/instance-key.js'
import { apiClient } from '../api-client.js'
import { CliError } from '../cli-error.js'
import { instanceKey, readText } from '../local-key.js'
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
      const key = instanceKey(opts.generate === true)
      if (key === undefined)
        throw new CliError(
          'no instance key: set SMA_INSTANCE_KEY_FILE (and pass --generate to create it)',
          '인스턴스 키가 없습니다. "SMA_INSTANCE_KEY_FILE"을 설정하고, 키 파일을 새로 만들려면 "--generate"를 지정하십시오.',
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
      // a text that is no Ed25519 public key is a DomainError with its own Korean
      const fingerprint = publicKeyFingerprint(publicKey)
      if (fingerprint !== opts.fingerprint.trim())
        throw new CliError(
          `the key's fingerprint is ${fingerprint}, not ${opts.fingerprint}: check with the other instance`,
          `공개 키의 지문은 "${fingerprint}"이며 "${opts.fingerprint}"과(와) 다릅니다. 상대 인스턴스에 확인하십시오.`,
        )
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
