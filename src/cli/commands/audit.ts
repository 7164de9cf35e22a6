import { writeFileSync } from 'node:fs'
import type { Command } from '@commander-js/extra-typings'
import { DomainError } from '../../domain/errors.js'
import { verifyAuditChain } from '../../services/audit.js'
import { brokenChain, createCheckpoint, openCheckpoint } from '../../services/audit-checkpoint.js'
import { CliError, cliConfig, unwritableFile } from '../cli-error.js'
import { instanceKey, readText } from '../local-key.js'
import { openCliDatabase } from './db.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/**
 * `sma audit verify [--checkpoint FILE]`: re-walks every chain (and compares it with a signed
 * checkpoint); exit 3 naming the chain and its first missing or changed entry.
 * `sma audit checkpoint --out FILE`: writes a signed checkpoint of every chain's head.
 */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log')
  audit
    .command('verify')
    .description('re-walk the hash chains and name the first broken entry')
    .option('--db <location>', 'database instead of SMA_DB')
    .option('--checkpoint <file>', 'also compare with this signed checkpoint')
    .option(
      '--trust <fingerprint>',
      'a signer fingerprint (sha256:…) to accept, repeatable; default the instance key',
      collect,
      [] as string[],
    )
    .action(async (opts) => {
      let anchors: ReturnType<typeof openCheckpoint> | undefined
      if (opts.checkpoint !== undefined) {
        const trusted = new Set(opts.trust)
        if (trusted.size === 0) {
          const key = instanceKey(false)
          if (key === undefined)
            throw new CliError(
              'name the checkpoint signer with --trust sha256:…, or set SMA_INSTANCE_KEY or SMA_INSTANCE_KEY_FILE',
              '체크포인트 서명자를 "--trust sha256:…"으로 지정하거나 "SMA_INSTANCE_KEY" 또는 "SMA_INSTANCE_KEY_FILE"을 설정하십시오.',
            )
          trusted.add(key.fingerprint)
        }
        anchors = openCheckpoint(readText(opts.checkpoint), trusted)
      }
      const handle = await openCliDatabase(opts.db)
      try {
        const v = await verifyAuditChain(handle.db, anchors?.anchors ?? [])
        if (!v.ok) {
          const broken = brokenChain(v)
          throw new CliError(
            `${broken.message}; ${String(v.entries)} entries`,
            `${broken.extra.ko ?? broken.message} 검증한 항목은 ${String(v.entries)}건입니다.`,
            3,
          )
        }
        const chains = v.chains.map((c) => `${c.chain} ${String(c.entries)}`).join(', ')
        const against = anchors === undefined ? '' : ` (checkpoint of ${anchors.signedAt} holds)`
        process.stdout.write(`audit chains ok: ${chains || 'empty'}${against}\n`)
      } finally {
        await handle.close()
      }
    })
  audit
    .command('checkpoint')
    .description('write a signed checkpoint of every chain head (Ed25519 instance key)')
    .requiredOption('--out <file>', 'where to write the checkpoint (JSON)')
    .option('--db <location>', 'database instead of SMA_DB')
    .action(async (opts) => {
      const key = instanceKey(true)
      if (key === undefined)
        throw new CliError(
          'set SMA_INSTANCE_KEY or SMA_INSTANCE_KEY_FILE to sign checkpoints',
          '체크포인트에 서명하려면 "SMA_INSTANCE_KEY" 또는 "SMA_INSTANCE_KEY_FILE"을 설정하십시오.',
        )
      const handle = await openCliDatabase(opts.db)
      try {
        let doc
        try {
          doc = await createCheckpoint(handle.db, key, cliConfig().now())
        } catch (err) {
          if (err instanceof DomainError && err.code === 'unprocessable')
            throw new CliError(err.message, err.extra.ko ?? '체크포인트를 만들 수 없습니다.', 3)
          throw err
        }
        try {
          writeFileSync(opts.out, `${JSON.stringify(doc, null, 2)}\n`)
        } catch (err) {
          throw unwritableFile(opts.out, err)
        }
        const heads = doc.payload.chains.map((c) => `${c.chain} ${String(c.entries)}`).join(', ')
        process.stdout.write(
          `checkpoint written to ${opts.out}: ${heads || 'empty'}; signer ${key.fingerprint}\n`,
        )
      } finally {
        await handle.close()
      }
    })
}
