import { describe, expect, it } from 'vitest'
import { icsCalendar } from './ics.js'

describe('icsCalendar', () => {
  const feed = icsCalendar(
    '제13차 협상',
    [
      {
        uid: 'n-expiry-2030-12-31@sma-desk',
        date: '2030-12-31',
        summary: '제12차 협정 만료; 후속 협정 필요',
        description: `https://www.mofa.go.kr/x\n${'가'.repeat(60)}`,
      },
    ],
    '2026-11-28T01:00:00.000Z',
  )
  it('writes all-day events with CRLF lines, escaped text and folded long lines', () => {
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(feed).toContain('DTSTART;VALUE=DATE:20301231\r\nDTEND;VALUE=DATE:20310101')
    expect(feed).toContain('SUMMARY:제12차 협정 만료\\; 후속 협정 필요')
    expect(feed).toContain('DTSTAMP:20261128T010000Z')
    for (const line of feed.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    // unfolding gives back the escaped description
    expect(feed.replace(/\r\n /g, '')).toContain(`\\n${'가'.repeat(60)}`)
  })
})
