import { useState, type SyntheticEvent } from 'react'
import type { Delegation } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Field, SelectField, TextAreaField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import { useCreateAnalysis } from './api'
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_VALUES,
  defaultParty,
  includedLevers,
  LEVERS,
  setupOf,
  type Lever,
  type PartyForm,
  type SetupForm,
} from './view'

const initialForm = (base: string, viewpoint: Delegation): SetupForm => ({
  base,
  viewpoint,
  measure: 'average-per-year',
  levers: {
    firstYearIncreasePct: { on: true, values: DEFAULT_VALUES.firstYearIncreasePct },
    capPct: { on: true, values: DEFAULT_VALUES.capPct },
    termYears: { on: true, values: DEFAULT_VALUES.termYears },
    series: { on: true, values: DEFAULT_VALUES.series },
  },
  assumptions: DEFAULT_ASSUMPTIONS,
  parties: { KR: defaultParty('KR'), US: defaultParty('US') },
})

export function NewAnalysisForm({
  negotiationId,
  party,
  base,
  onCreated,
}: {
  readonly negotiationId: string
  readonly party: Delegation
  readonly base: string
  readonly onCreated: (id: string) => void
}) {
  const { t } = useLang()
  const create = useCreateAnalysis(negotiationId)
  const [title, setTitle] = useState('')
  const [form, setForm] = useState(() => initialForm(base, party))
  const included = includedLevers(form)
  const valid = title.trim() !== '' && included.length > 0

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    create.mutate(
      { title: title.trim(), setup: setupOf(form) },
      {
        onSuccess: (d) => {
          setTitle('')
          onCreated(d.analysis.id)
        },
      },
    )
  }
  const setLever = (l: Lever, patch: Partial<SetupForm['levers'][Lever]>) => {
    setForm((f) => ({ ...f, levers: { ...f.levers, [l]: { ...f.levers[l], ...patch } } }))
  }
  const setParty = (p: Delegation, patch: (pf: PartyForm) => PartyForm) => {
    setForm((f) => ({ ...f, parties: { ...f.parties, [p]: patch(f.parties[p]) } }))
  }
  const setPriority = (p: Delegation, l: Lever, key: 'weight' | 'scores', v: string) => {
    setParty(p, (pf) => ({
      ...pf,
      priorities: { ...pf.priorities, [l]: { ...pf.priorities[l], [key]: v } },
    }))
  }
  return (
    <form className="inline-form analysis-form" onSubmit={submit} aria-labelledby="new-analysis-h">
      <h3 id="new-analysis-h">{t('analysis.new')}</h3>
      <p className="muted small">{t('analysis.baseIs', { base })}</p>
      <Field label={t('analysis.analysisTitle')} value={title} required onValue={setTitle} />
      <SelectField
        label={t('analysis.measure')}
        value={form.measure}
        onValue={(v) => {
          setForm((f) => ({ ...f, measure: v === 'total' ? 'total' : 'average-per-year' }))
        }}
      >
        <option value="average-per-year">{t('analysis.amount.average-per-year')}</option>
        <option value="total">{t('analysis.amount.total')}</option>
      </SelectField>
      <fieldset>
        <legend>{t('analysis.levers')}</legend>
        {LEVERS.map((l) => (
          <div className="field" key={l}>
            <label>
              <input
                type="checkbox"
                checked={form.levers[l].on}
                onChange={(e) => {
                  setLever(l, { on: e.target.checked })
                }}
              />{' '}
              {t(`analysis.lever.${l}`)}
            </label>
            <input
              aria-label={t('analysis.valuesOf', { lever: t(`analysis.lever.${l}`) })}
              value={form.levers[l].values}
              disabled={!form.levers[l].on}
              onChange={(e) => {
                setLever(l, { values: e.target.value })
              }}
            />
          </div>
        ))}
      </fieldset>
      <TextAreaField
        label={t('analysis.assumptions')}
        rows={4}
        value={form.assumptions}
        onValue={(v) => {
          setForm((f) => ({ ...f, assumptions: v }))
        }}
      />
      {(['KR', 'US'] as const).map((p) => (
        <fieldset key={p}>
          <legend>
            {p === party
              ? t('analysis.axisOwn', { party: t(`partyAdj.${p}`) })
              : t('analysis.axisEstimate', { party: t(`partyAdj.${p}`) })}
          </legend>
          {(['costWeight', 'reservation'] as const).map((k) => (
            <Field
              key={k}
              label={t(`analysis.${k}`)}
              inputMode="decimal"
              value={form.parties[p][k]}
              onValue={(v) => {
                setParty(p, (pf) => ({ ...pf, [k]: v }))
              }}
            />
          ))}
          {included.map((l) => (
            <div key={l}>
              <Field
                label={t('analysis.weightOf', { lever: t(`analysis.lever.${l}`) })}
                inputMode="decimal"
                value={form.parties[p].priorities[l].weight}
                onValue={(v) => {
                  setPriority(p, l, 'weight', v)
                }}
              />
              <Field
                label={t('analysis.scoresOf', { lever: t(`analysis.lever.${l}`) })}
                value={form.parties[p].priorities[l].scores}
                onValue={(v) => {
                  setPriority(p, l, 'scores', v)
                }}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <button type="submit" disabled={!valid || create.isPending}>
        {t('analysis.create')}
      </button>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}
