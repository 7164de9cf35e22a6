import { z } from 'zod'

/** The two languages of SMA Desk: Korean first, English beside it. */
export const LANGS = ['ko', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** A text in both languages. */
export const localizedSchema = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) })
export type Localized = z.infer<typeof localizedSchema>

/**
 * A free text of the record: both languages, or (for records written before the record was made
 * bilingual, and for text a user typed in one language) a single string. The shipped record is
 * bilingual throughout (checked by data/record.test.ts).
 */
export const localizedTextSchema = z.union([z.string().min(1), localizedSchema])
export type LocalizedText = z.infer<typeof localizedTextSchema>

/**
 * The text in a language; a single-language text is returned as it is.
 * @example textIn({ en: 'Seoul', ko: '서울' }, 'ko') // "서울"
 */
export function textIn(t: LocalizedText, lang: Lang): string {
  return typeof t === 'string' ? t : t[lang]
}

/** Whether a text is given in both languages. */
export function isBilingual(t: LocalizedText): t is Localized {
  return typeof t !== 'string'
}
