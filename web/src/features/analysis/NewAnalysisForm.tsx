import { useState, type SyntheticEvent } from 'react'
import type { PositionView } from '../../../../src/contracts/positions.js'
import type { Delegation } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Field, SelectField, TextAreaField } from '../../ui/Field'
import { MoneyField } from '../../ui/MoneyField'
import { ErrorBox } from '../../ui/Status'
import { usePositions } from '../negotiations/api'
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

const other = (p: Delegation): Delegation => (p === 'KR' ? 'US' : 'KR')

/**
 * The form starting from a saved position: our reservation value and our estimate of the other
 * side's become both sides' no-deal values (won per year, so amounts are yearly averages).
 */
function fromPosition(f: SetupForm, party: Delegation, pos: PositionView): SetupForm {
  const them = other(party)
  return {
    ...f,
    measure: 'average-per-year',
    parties: {
      ...f.parties,
      [party]: { ...f.parties[party], noDealPerYear: pos.reservationValue ?? '' },
      [them]: { ...f.parties[them], noDealPerYear: pos.estimateOfOther.reservationValue ?? '' },
    },
  }
}

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
  const positions = usePositions(negotiationId, true)
  const [title, setTitle] = useState('')
  const [positionId, setPositionId] = useState('')
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
  const choosePosition = (id: string) => {
    setPositionId(id)
    const pos = positions.data?.find((p) => p.id === id)
    if (pos === undefined) return
    setForm((f) => fromPosition(f, party, pos))
    if (title.trim() === '') setTitle(t('analysis.titleFrom', { position: pos.title }))
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
    <form
      className="stacked-form analysis-form"
      onSubmit={submit}
      aria-labelledby="new-analysis-h"
      data-testid="new-analysis"
    >
      <h3 id="new-analysis-h">{t('analysis.new')}</h3>
      <p className="muted small">{t('analysis.baseIs', { base })}</p>
      <div className="form-grid">
        <SelectField
          label={t('analysis.startFrom')}
          value={positionId}
          testId="analysis-position"
          onValue={choosePosition}
          hint={positions.data?.length === 0 ? t('analysis.noPositionYet') : undefined}
        >
          <option value="">{t('analysis.noPosition')}</option>
          {(positions.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
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
      </div>
      <fieldset>
        <legend>{t('analysis.levers')}</legend>
        <div className="form-grid">
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
        </div>
      </fieldset>
      {([party, other(party)] as const).map((p) => (
        <fieldset key={p} data-testid={`analysis-party-${p}`}>
          <legend>
            {p === party
              ? t('analysis.axisOwn', { party: t(`partyAdj.${p}`) })
              : t('analysis.axisEstimate', { party: t(`partyAdj.${p}`) })}
          </legend>
          <div className="form-grid">
            <MoneyField
              label={
                p === party
                  ? t('analysis.noDealOwn')
                  : t('analysis.noDealOther', { party: t(`partyAdj.${p}`) })
              }
              value={form.parties[p].noDealPerYear}
              testId={`analysis-nodeal-${p}`}
              onValue={(v) => {
                setParty(p, (pf) => ({ ...pf, noDealPerYear: v }))
              }}
            />
            {form.parties[p].noDealPerYear.trim() === '' && (
              <Field
                label={t('analysis.reservation')}
                inputMode="decimal"
                value={form.parties[p].reservation}
                onValue={(v) => {
                  setParty(p, (pf) => ({ ...pf, reservation: v }))
                }}
              />
            )}
            <Field
              label={t('analysis.costWeight')}
              inputMode="decimal"
              value={form.parties[p].costWeight}
              onValue={(v) => {
                setParty(p, (pf) => ({ ...pf, costWeight: v }))
              }}
            />
          </div>
          {included.map((l) => (
            <div className="form-grid" key={l}>
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
      <TextAreaField
        label={t('analysis.assumptions')}
        rows={4}
        value={form.assumptions}
        onValue={(v) => {
          setForm((f) => ({ ...f, assumptions: v }))
        }}
      />
      <div className="actions">
        <button type="submit" disabled={!valid || create.isPending}>
          {t('analysis.create')}
        </button>
      </div>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}
