import { useMemo, useState, type SyntheticEvent } from 'react'
import { continuationTemplate } from '../../../../src/domain/agreement/template.js'
import type { AgreementSpec } from '../../../../src/domain/agreement/spec.js'
import { useRecord } from '../../api/record'
import { useLang } from '../../i18n/i18n'
import { scheduleOf } from '../../lib/record'
import { Field } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { ErrorBox } from '../../ui/Status'
import { useSaveDraft } from './workflow-api'

const pctText = /^-?\d{1,3}(\.\d{1,4})?$/

/** The levers applied to the template's rules: the cap and floor of the index rule. */
function withBounds(spec: AgreementSpec, cap: string, floor: string): AgreementSpec {
  const bound = (v: string) =>
    v.trim() === '' ? { kind: 'none' as const } : { kind: 'rate' as const, pct: v.trim() }
  return {
    ...spec,
    rules: spec.rules.map((r) =>
      r.kind === 'index-linked' ? { ...r, cap: bound(cap), floor: bound(floor) } : r,
    ),
  }
}

/**
 * A new private draft for the next term, started from the template of the agreement the
 * negotiation replaces (the same `continuationTemplate` the API answers with), its levers edited
 * and its schedule computed in the browser by the exact engine before anything is saved.
 */
export function DraftEditor({
  negotiationId,
  replaces,
}: {
  readonly negotiationId: string
  readonly replaces: string
}) {
  const { t } = useLang()
  const record = useRecord()
  const save = useSaveDraft(negotiationId)
  const base = record.data?.agreements.find((a) => a.id === replaces)
  const next = base ? base.term.lastYear + 1 : 2031
  const [title, setTitle] = useState('')
  const [firstYear, setFirstYear] = useState(String(next))
  const [lastYear, setLastYear] = useState(String(next + 4))
  const [increase, setIncrease] = useState('5')
  const [cap, setCap] = useState('5')
  const [floor, setFloor] = useState('0')
  const [saved, setSaved] = useState(false)
  const draft = useMemo(() => {
    if (!base || !record.data) return null
    if (![increase, cap || '0', floor || '0'].every((v) => pctText.test(v.trim())))
      return { error: t('workflow.badPercent') }
    try {
      const spec = withBounds(
        continuationTemplate(base, {
          firstYear: Number(firstYear),
          lastYear: Number(lastYear),
          increasePct: increase.trim(),
        }),
        cap,
        floor,
      )
      return { spec, schedule: scheduleOf(record.data, spec) }
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) }
    }
  }, [base, record.data, firstYear, lastYear, increase, cap, floor, t])
  const schedule = draft && 'schedule' in draft ? draft.schedule : null
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!draft || 'error' in draft || title.trim() === '') return
    save.mutate(
      { title: title.trim(), visibility: 'private', spec: draft.spec },
      {
        onSuccess: () => {
          setSaved(true)
        },
      },
    )
  }
  return (
    <form className="inline-form draft-editor" onSubmit={submit} aria-labelledby="draft-h">
      <h4 id="draft-h">{t('workflow.newDraft', { agreement: replaces })}</h4>
      <p className="small muted">{t('workflow.draftHelp')}</p>
      <div className="field-row">
        <Field label={t('workflow.draftTitle')} value={title} required onValue={setTitle} />
        <Field
          label={t('workflow.fromYear')}
          inputMode="numeric"
          value={firstYear}
          onValue={setFirstYear}
        />
        <Field
          label={t('workflow.toYear')}
          inputMode="numeric"
          value={lastYear}
          onValue={setLastYear}
        />
        <Field
          label={t('workflow.increase')}
          inputMode="decimal"
          value={increase}
          onValue={setIncrease}
        />
        <Field label={t('workflow.cap')} inputMode="decimal" value={cap} onValue={setCap} />
        <Field label={t('workflow.floor')} inputMode="decimal" value={floor} onValue={setFloor} />
      </div>
      {draft && 'error' in draft && (
        <p className="error-inline" role="alert">
          {draft.error}
        </p>
      )}
      {schedule && (
        <table className="small" data-testid="draft-preview">
          <caption>{t('workflow.preview')}</caption>
          <tbody>
            {schedule.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>
                  {y.amount ? (
                    <Money minor={y.amount} currency={schedule.currency} />
                  ) : y.derivation.type === 'pending' ? (
                    t('workflow.waitingFor', {
                      what: y.derivation.waitingFor
                        .map((w) => `${w.series} ${w.period}`)
                        .join(', '),
                    })
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="submit"
        disabled={!draft || 'error' in draft || title.trim() === '' || save.isPending}
      >
        {t('workflow.saveDraft')}
      </button>
      {saved && !save.isPending && <p role="status">{t('workflow.draftSaved')}</p>}
      {save.isError && <ErrorBox error={save.error} />}
    </form>
  )
}
