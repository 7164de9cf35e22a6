import { formatPct } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field } from '../../ui/Field'
import { EMPTY_WHAT_IF, type WhatIfInput, type WhatIfLevers } from './what-if'

/** The inputs of a what-if: index values, the cap, the first-year increase, the term. */
export function WhatIfLeversForm({
  levers,
  input,
  invalid,
  signedLastYear,
  onChange,
}: {
  readonly levers: WhatIfLevers
  readonly input: WhatIfInput
  readonly invalid: readonly string[]
  readonly signedLastYear: number
  readonly onChange: (next: WhatIfInput) => void
}) {
  const { t, lang } = useLang()
  const set = (patch: Partial<WhatIfInput>) => {
    onChange({ ...input, ...patch })
  }
  return (
    <form
      className="card levers"
      aria-labelledby="levers-h"
      onSubmit={(e) => {
        e.preventDefault()
      }}
    >
      <h2 id="levers-h">{t('whatIf.levers')}</h2>
      {levers.indexInputs.length > 0 && (
        <fieldset>
          <legend>{t('whatIf.indexValues')}</legend>
          {levers.indexInputs.map((i) => {
            const value = input.indexValues[i.key] ?? i.recordValue ?? ''
            const changed =
              input.indexValues[i.key] !== undefined && value !== (i.recordValue ?? '')
            return (
              <Field
                key={i.key}
                id={`idx-${i.key}`}
                label={t('whatIf.indexLabel', { series: i.series, period: i.period })}
                type="text"
                inputMode="decimal"
                value={value}
                placeholder={t('whatIf.notPublished')}
                invalid={invalid.includes(i.key)}
                className={changed ? 'changed narrow' : 'narrow'}
                onValue={(v) => {
                  set({ indexValues: { ...input.indexValues, [i.key]: v } })
                }}
                hint={
                  i.recordValue === null
                    ? t('whatIf.noRecordValue')
                    : t('whatIf.recordValue', { value: formatPct(i.recordValue, lang) })
                }
              />
            )
          })}
        </fieldset>
      )}
      {levers.cap && (
        <Field
          id="cap"
          label={t('whatIf.cap')}
          type="text"
          inputMode="decimal"
          className="narrow"
          value={input.capPct ?? levers.cap.pct ?? ''}
          invalid={invalid.includes('cap')}
          onValue={(v) => {
            set({ capPct: v })
          }}
          hint={t('whatIf.capHint', {
            value: levers.cap.pct === null ? t('rules.noCap') : formatPct(levers.cap.pct, lang),
          })}
        />
      )}
      {levers.firstYearPct !== null && (
        <Field
          id="first"
          label={t('whatIf.firstYear', { year: levers.term.first })}
          type="text"
          inputMode="decimal"
          className="narrow"
          value={input.firstYearPct ?? levers.firstYearPct}
          invalid={invalid.includes('firstYear')}
          onValue={(v) => {
            set({ firstYearPct: v })
          }}
          hint={t('whatIf.signedValue', { value: formatPct(levers.firstYearPct, lang) })}
        />
      )}
      <Field
        id="last"
        label={t('whatIf.lastYear')}
        type="number"
        min={levers.term.min}
        max={levers.term.max}
        className="narrow"
        value={levers.term.last}
        onValue={(v) => {
          set({ lastYear: Number(v) })
        }}
        hint={t('whatIf.termHint', {
          first: levers.term.first,
          last: signedLastYear,
          max: levers.term.max,
        })}
      />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onChange(EMPTY_WHAT_IF)
        }}
      >
        {t('whatIf.reset')}
      </button>
    </form>
  )
}
