/** Pure helpers for the overview's drawing: colours and the time axis. Status, periods in force
 * and lapses are domain rules (src/domain/agreement/status.ts). */

export const AGREEMENT_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#e15759',
  '#bab0ac',
  '#ff9da7',
  '#2f6f8f',
  '#8cd17d',
] as const

export function colorOf(index: number): string {
  return AGREEMENT_COLORS[index % AGREEMENT_COLORS.length] ?? '#4e79a7'
}

/** Position of a date on an axis from Jan 1 of `first` to Dec 31 of `last`, in percent. */
export function axisPct(iso: string, first: number, last: number): number {
  const t0 = Date.UTC(first, 0, 1)
  const t1 = Date.UTC(last + 1, 0, 1)
  const t = Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`)
  return Math.min(100, Math.max(0, ((t - t0) / (t1 - t0)) * 100))
}

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The text colour (near-black or white) that reads best on a bar of the given colour. */
export function textOn(background: string): string {
  return contrast('#ffffff', background) >= contrast('#111111', background) ? '#ffffff' : '#111111'
}
