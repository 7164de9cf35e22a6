import { displayWidth, padToWidth } from '../domain/text/display-width.js'

/**
 * A plain, aligned text table (columns two spaces apart, a rule under the header, numbers
 * right-aligned where `right` says so). The one table formatter of the CLI. Widths are terminal
 * columns (`displayWidth`), not `String.length`: a Hangul syllable takes two columns, so padding
 * by code units would push every later column of a Korean row to the right.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = [],
): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => padToWidth(c, widths[i] ?? 0, right[i] ? 'right' : 'left'))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n'
}

/** Prints `formatTable` to stdout. */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = [],
): void {
  process.stdout.write(formatTable(header, rows, right))
}
