import { readFileSync } from 'node:fs'
import { CliError, unreadableFile } from '../cli-error.js'

/** An integer flag within [min, max], or one line and exit 2. */
export function intOption(text: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliError(
      `${name} must be an integer from ${min} to ${max} (got "${text}")`,
      `"${name}" 값은 ${min}부터 ${max}까지의 정수여야 합니다(입력값: "${text}").`,
    )
  }
  return Number(text)
}

/** A JSON file's content, or one line and exit 2. */
export function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    throw unreadableFile(`cannot read ${what} file ${path}: ${why}`, path, err)
  }
}
