/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without a clock or the Date object, so the
 * lifecycle rules stay pure. Algorithms: H. Hinnant, "chrono-compatible low-level date
 * algorithms" (days from civil and back).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

/** Days since 1970-01-01. */
export function toDays(date: string): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not an ISO date: ${date}`)
  let y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  y -= mo <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function fromDays(days: number): string {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** @example addDays('2019-12-31', 1) // '2020-01-01' */
export function addDays(date: string, n: number): string {
  return fromDays(toDays(date) + n)
}

/**
 * The first day a partial date can mean: `2005-06` → `2005-06-01`; a full date is itself.
 * Facts known only to the month (a signing "in June 2005") start counting from the month's first
 * day and end on its last, so a status computed from them is never earlier than the record allows
 * at one end and never later at the other.
 * @example firstDayOf('2005-06') // '2005-06-01'
 */
export function firstDayOf(date: string): string {
  return date.length === 7 ? `${date}-01` : date
}

/** @example lastDayOf('2024-02') // '2024-02-29' */
export function lastDayOf(date: string): string {
  if (date.length !== 7) return date
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  return `${date}-${String(daysInMonth(y, m)).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2026-12-01', '2026-12-31') // 30 */
export function daysBetween(from: string, to: string): number {
  return toDays(firstDayOf(to)) - toDays(firstDayOf(from))
}
