import i18next, { type TFunction } from 'i18next'
import { useMemo } from 'react'
import { initReactI18next, useTranslation } from 'react-i18next'
import en from './en.json'
import ko from './ko.json'
import type { Lang } from './format'
import type { Translate } from './keys'

export const LANGS: readonly Lang[] = ['en', 'ko']
const STORAGE_KEY = 'sma.lang'

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'ko'
}

/** `?lang=` first, then the reader's last choice, then the browser's language. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  if (isLang(fromUrl)) return fromUrl
  const stored = window.localStorage.getItem(STORAGE_KEY)
  if (isLang(stored)) return stored
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export function setLang(lang: Lang): void {
  window.localStorage.setItem(STORAGE_KEY, lang)
  document.documentElement.lang = lang
  void i18next.changeLanguage(lang)
}

export function initI18n(lang: Lang): typeof i18next {
  document.documentElement.lang = lang
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}

/** `t` plus the current language as a `Lang`, for the format functions. */
export function useLang(): { t: Translate; lang: Lang } {
  const { t, i18n } = useTranslation()
  return {
    t: useMemo(() => translatorOf(t), [t]),
    lang: isLang(i18n.language) ? i18n.language : 'en',
  }
}

/** An i18next `t` (a hook's, or an instance's in its current language) as a `Translate`. */
export function translatorOf(t: TFunction): Translate {
  return (key, options) => (options === undefined ? t(key) : t(key, options))
}
