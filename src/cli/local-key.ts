import { readFileSync } from 'node:fs'
import { DomainError } from '../domain/errors.js'
import { loadInstanceKey, type InstanceKey } from '../services/signing/instance-key.js'
import { CliError, cliConfig, systemCode, unreadableFile } from './cli-error.js'

// The local files of the signing commands (sma audit, sma exchange): this instance's key and the
// documents and keys they read, each failure one CLI line naming the file.

/**
 * This instance's signing key (SMA_INSTANCE_KEY or _FILE; with `create`, a missing file is made),
 * or undefined when none is set. A malformed key keeps its own Korean; a file that cannot be read
 * or written is one line naming it.
 */
export function instanceKey(create: boolean): InstanceKey | undefined {
  const source = cliConfig().instanceKey
  try {
    return loadInstanceKey(source, { create })
  } catch (err) {
    if (err instanceof DomainError) throw err
    const file = source.file ?? ''
    throw new CliError(
      `cannot ${create ? 'read or create' : 'read'} the instance key file ${file}: ${err instanceof Error ? err.message : String(err)}`,
      `인스턴스 키 파일 "${file}"을(를) ${create ? '읽거나 만들' : '읽을'} 수 없습니다${systemCode(err)}.`,
    )
  }
}

/** A file's text, or one line naming the file. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw unreadableFile(`cannot read ${file}`, file, err)
  }
}
