/**
 * A plain, aligned text table (columns two spaces apart, a rule under the header, numbers
 * right-aligned where `right` says so). The one table formatter of the CLI.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
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
