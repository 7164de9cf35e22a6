import { addDays } from './civil-date.js'

/** One all-day entry of a calendar feed. */
export interface CalendarDay {
  /** Stable across feeds, so a calendar updates an entry instead of adding a second one. */
  readonly uid: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly summary: string
  readonly description: string
}

/** RFC 5545 §3.3.11 text escaping. */
const escapeText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/**
 * RFC 5545 §3.1 folding: lines of at most 75 octets, continued with CRLF and one space. Splits
 * between characters (never inside a UTF-8 sequence), so Korean text stays intact.
 */
function fold(line: string): string {
  const out: string[] = []
  let cur = ''
  let octets = 0
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4 // UTF-8 octets
    if (octets + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur)
      cur = ''
      octets = 0
    }
    cur += ch
    octets += n
  }
  out.push(cur)
  return out.join('\r\n ')
}

/**
 * An iCalendar (RFC 5545) feed of all-day entries: the deadlines of a negotiation as its asker
 * may see them. `stamp` is the feed's DTSTAMP (passed in: the domain reads no clock).
 * @example icsCalendar('SMA Desk', [{ uid: 'n-expiry-2030-12-31@sma-desk', date: '2030-12-31', summary: 'SMA-12 expires', description: '' }], '2026-11-28T01:00:00Z')
 * // "BEGIN:VCALENDAR\r\n…DTSTART;VALUE=DATE:20301231\r\nDTEND;VALUE=DATE:20310101\r\n…"
 */
export function icsCalendar(name: string, days: readonly CalendarDay[], stamp: string): string {
  const dt = stamp.replace(/[-:]/g, '').replace(/\.\d+/, '')
  const ymd = (d: string) => d.replace(/-/g, '')
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SMA Desk//Negotiation deadlines//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
  ]
  for (const d of days) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(d.uid)}`,
      `DTSTAMP:${dt}`,
      `DTSTART;VALUE=DATE:${ymd(d.date)}`,
      `DTEND;VALUE=DATE:${ymd(addDays(d.date, 1))}`,
      `SUMMARY:${escapeText(d.summary)}`,
      ...(d.description === '' ? [] : [`DESCRIPTION:${escapeText(d.description)}`]),
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
