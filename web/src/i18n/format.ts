/**
 * All number, date and money formatting of the web app, through `Intl` with decimal **strings**
 * (exact for any size: no float ever touches an amount). Money is integer minor units as text.
 */
// Direct module imports (not the domain index) keep the entry chunk free of zod.
import {
  formatKrwKorean as domainKrwKorean,
  formatMoney as domainFormatMoney,
} from '../../../src/domain/money/format.js'
import type { CurrencyCode } from '../../../src/domain/money/currency.js'
import { daysBetween as domainDaysBetween } from '../../../src/domain/calendar/civil-date.js'

export type Lang = 'en' | 'ko'

function locale(lang: Lang): string {
  return lang === 'ko' ? 'ko-KR' : 'en-US'
}

/** Groups an integer or decimal text with thousands separators, exactly. */
export function groupDigits(text: string, lang: Lang = 'en'): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 20 }).format(
    text as Intl.StringNumericLiteral,
  )
}

/** Korean 조/억/만 reading of a won amount: `1595200000000` → "1조 5,952억 원" (the domain's). */
export const formatKrwKorean = domainKrwKorean

/** The exact amount with every digit: "₩1,551,100,000,000" / "$150,000,000.50". */
export function formatMoneyExact(minor: string, currency: CurrencyCode): string {
  return domainFormatMoney(minor, currency)
}

/**
 * Display form of an amount: Korean won as 조/억 in Korean, every digit otherwise
 * (₩1,551,100,000,000); the exact form goes into the hover title.
 */
export function formatMoney(minor: string, currency: CurrencyCode, lang: Lang): string {
  if (lang === 'ko' && currency === 'KRW') return domainKrwKorean(minor)
  return domainFormatMoney(minor, currency)
}

/** A difference with its sign: "+₩43,600,000,000" / "-…" / "±0". */
export function formatMoneyDelta(minorDelta: bigint, currency: CurrencyCode, lang: Lang): string {
  if (minorDelta === 0n) return '±0'
  const sign = minorDelta > 0n ? '+' : '−'
  const abs = minorDelta > 0n ? minorDelta : -minorDelta
  return `${sign}${formatMoney(abs.toString(), currency, lang)}`
}

/** A percent written as decimal text ("5.0") → "5.0 %" (en) / "5.0%" (ko). */
export function formatPct(pct: string, lang: Lang): string {
  return lang === 'ko' ? `${pct}%` : `${pct} %`
}

/**
 * Dates as the record writes them: "YYYY-MM-DD" or "YYYY-MM" (month only). Parsed as calendar
 * dates (UTC), so the shown day never shifts with the browser's time zone.
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso)
  if (!m) return iso
  const [, y = '', mo = '', d] = m
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d === undefined ? 1 : Number(d)))
  return new Intl.DateTimeFormat(locale(lang), {
    year: 'numeric',
    month: 'long',
    ...(d === undefined ? {} : { day: 'numeric' }),
    timeZone: 'UTC',
  }).format(date)
}

/** A timestamp (ISO with time) in the reader's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  )
}

/** Plain integer or decimal with grouping. */
export function formatNumber(value: number | string, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 20 }).format(
    typeof value === 'number' ? value : (value as Intl.StringNumericLiteral),
  )
}

/** Whole days from `today` to `iso` (calendar dates; month-only counts from its first day). */
export function daysBetween(todayIso: string, iso: string): number {
  return domainDaysBetween(todayIso.slice(0, 10), iso.length === 7 ? iso : iso.slice(0, 10))
}

/** Today's calendar date in the browser's time zone, as YYYY-MM-DD (UI layer only). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
