/**
 * A record date ("YYYY-MM-DD", or "YYYY-MM" for a month) as Korean prose writes it, without
 * leading zeros; anything else is returned as it is.
 * @example koreanDate('2025-12-31') // "2025년 12월 31일"
 * @example koreanDate('2024-03') // "2024년 3월"
 */
export function koreanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso)
  if (!m) return iso
  const [, y = '', mo = '', d] = m
  const month = `${y}년 ${Number(mo)}월`
  return d === undefined ? month : `${month} ${Number(d)}일`
}
