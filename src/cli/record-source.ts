import { readFileSync } from 'node:fs'
import { ZodError } from 'zod'
import { PUBLIC_SCOPE } from '../domain/access/scope.js'
import { problemPath } from '../domain/errors.js'
import {
  parseAgreementSpec,
  parseIndexOverride,
  type AgreementSpec,
  type IndexOverride,
} from '../domain/index.js'
import type { RecordSnapshot, RecordSource } from '../domain/record/record.js'
import { shippedRecordSource } from '../record/shipped-record.js'
import { apiClient } from './api-client.js'
import { CliError, cliConfig, systemCode, unreadableFile } from './cli-error.js'

/** The flag every record command takes. */
export interface RecordFlags {
  /** Read the record from this SMA Desk server (token from SMA_TOKEN, optional for public reads). */
  readonly server?: string | undefined
}

/** The record through a server's API: `GET /api/record`, parsed with the shared contract. */
export function apiRecordSource(server: string | undefined): RecordSource {
  const client = apiClient({ server, requireToken: false })
  return {
    label: client.server,
    snapshot: async () => {
      const body = await client.get<unknown>('/api/record')
      const { snapshotOfRecordBody } = await import('../contracts/record.js')
      try {
        return snapshotOfRecordBody(body)
      } catch (err) {
        if (err instanceof ZodError) {
          const i = err.issues[0]
          throw new CliError(
            `${client.server} sent a record this version cannot read (${i?.path.join('.') ?? ''}: ${i?.message ?? ''})`,
            `서버 "${client.server}"에서 받은 기록을 이 버전에서 읽을 수 없습니다(항목: ${i?.path.join('.') ?? ''}).`,
          )
        }
        throw err
      }
    },
  }
}

/**
 * Loads the record the way the CLI reads it: from a server with `--server`, from the database
 * named by SMA_DB when set, else from the shipped files (data/). The snapshot is the public
 * record (a database is read as an anonymous visitor would see it).
 */
export async function loadSnapshot(flags: RecordFlags): Promise<RecordSnapshot> {
  if (flags.server !== undefined) return apiRecordSource(flags.server).snapshot(PUBLIC_SCOPE)
  const config = cliConfig()
  if (config.recordDatabase === undefined) return shippedRecordSource.snapshot(PUBLIC_SCOPE)
  // Loaded only here: the shipped record needs neither the database drivers nor the services.
  const [{ openDatabase }, { databaseRecordSource }, { createSpecCache }] = await Promise.all([
    import('../db/open.js'),
    import('../services/record/database-record-source.js'),
    import('../services/record/spec-cache.js'),
  ])
  const handle = openDatabase(config.recordDatabase)
  try {
    const source = databaseRecordSource(handle.db, createSpecCache(), handle.label)
    return await source.snapshot(PUBLIC_SCOPE)
  } catch (err) {
    if (err instanceof CliError) throw err
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)
    throw new CliError(
      `cannot read the record from ${handle.label}: ${why}`,
      `데이터베이스 "${handle.label}"에서 기록을 읽을 수 없습니다${systemCode(err)}.`,
    )
  } finally {
    await handle.close()
  }
}

/**
 * An agreement by id from the record, or read from a JSON file when the argument ends in `.json`
 * (a draft or proposal). Unknown ids and malformed files are one-line CLI errors.
 */
export function resolveAgreement(record: RecordSnapshot, idOrFile: string): AgreementSpec {
  if (idOrFile.endsWith('.json')) {
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(idOrFile, 'utf8'))
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      throw unreadableFile(`cannot read agreement file ${idOrFile}: ${why}`, idOrFile, err)
    }
    const parsed = parseAgreementSpec(raw)
    if (!parsed.ok)
      throw new CliError(
        `malformed agreement file ${idOrFile}: ${parsed.problems[0] ?? ''}`,
        `협정 파일 "${idOrFile}"의 형식이 올바르지 않습니다(항목: ${problemPath(parsed.problems[0])}).`,
      )
    return parsed.spec
  }
  const spec = record.agreements.find((a) => a.id === idOrFile)
  if (!spec) {
    throw new CliError(
      `unknown agreement "${idOrFile}" (try \`sma agreements\` for the list)`,
      `"${idOrFile}" 협정은 기록에 없습니다. 목록은 "sma agreements"로 확인하십시오.`,
    )
  }
  return spec
}

/** Parses repeated `--index SERIES:YEAR=VALUE` flags into overrides. */
export function parseOverrides(flags: readonly string[]): IndexOverride[] {
  // parseIndexOverride's refusal is an invalid DomainError in both languages: exit 2 as it is.
  return flags.map((f) => parseIndexOverride(f))
}
