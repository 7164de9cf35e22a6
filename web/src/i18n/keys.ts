import type en from './en.json'

/** i18next's plural suffixes: `t('x', { count })` reads `x_one` or `x_other`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type BaseKey<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B | K : K

/** Every dotted path to a string in a catalogue, with plural keys also under their base. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${BaseKey<K>}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every dotted path to a group of messages. */
type Groups<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Groups<T[K], `${P}${K}.`>
}[keyof T & string]

/** A key of the English catalogue (the Korean one is checked to have the same keys). */
export type MessageKey = Leaves<typeof en>

/**
 * A key built from a value, such as `event.${kind}`: only its group is checked. The catalogue
 * test checks that every value the API can send has its message.
 */
export type DynamicKey = `${Groups<typeof en>}.${string}`

/** Interpolation values and the plural count. */
export type MessageOptions = Readonly<Record<string, unknown>> & { readonly count?: number }

/**
 * The translate function the pages use. It is i18next's `t` with a lighter type: i18next's own
 * key typing instantiates the whole catalogue at every call and, past about 800 keys, makes
 * TypeScript give up (TS2589). This one checks the key against the catalogue and returns a string.
 */
export type Translate = (key: MessageKey | DynamicKey, options?: MessageOptions) => string
